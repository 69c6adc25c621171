#!/bin/bash
# The read replica: on first start, copy the primary with pg_basebackup (-R writes
# standby.signal and primary_conninfo, so the server starts as a hot standby streaming WAL
# from the primary); later starts resume streaming. Then the image's usual entrypoint runs.
set -euo pipefail
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  mkdir -p "$PGDATA"
  chown postgres:postgres "$PGDATA"
  chmod 700 "$PGDATA"
  export PGPASSWORD="$REPLICATION_PASSWORD"
  until gosu postgres pg_basebackup --host="$PRIMARY_HOST" --username=replicator --pgdata="$PGDATA" \
    --wal-method=stream --write-recovery-conf --checkpoint=fast --progress; do
    echo "replica: waiting for the primary at $PRIMARY_HOST" >&2
    rm -rf "${PGDATA:?}"/*
    sleep 2
  done
fi
exec docker-entrypoint.sh postgres -c hot_standby=on
