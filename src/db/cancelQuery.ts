import { connect } from 'node:net';
import type pg from 'pg';

/** How long a cancel request may take to be delivered (a frozen server accepts and never reads). */
const CANCEL_TIMEOUT_MS = 2000;

/** What `pg` knows of a connection but does not type. */
interface ClientInternals {
  processID: number | null;
  secretKey: number | null;
  host: string;
  port: number;
  /** pg 8 keeps the running query here (its public getter is deprecated). */
  _activeQuery?: unknown;
  connection?: { stream?: { destroy(): void } };
}

/**
 * Asks the server to cancel the statement running on `client`: PostgreSQL's CancelRequest
 * (a 16-byte packet on a new connection, naming the backend's pid and secret key; what
 * `pg_cancel_backend` does, without needing a free pooled connection). The statement then
 * fails with SQLSTATE 57014. Best effort: a server that does not answer is left alone.
 */
export function cancelQuery(client: pg.PoolClient): void {
  const internals = client as unknown as ClientInternals;
  if (!internals._activeQuery || internals.processID === null || internals.secretKey === null) return;
  const packet = Buffer.alloc(16);
  packet.writeInt32BE(16, 0);
  packet.writeInt32BE(80877102, 4); // the CancelRequest code
  packet.writeInt32BE(internals.processID, 8);
  packet.writeInt32BE(internals.secretKey, 12);
  const socket = internals.host.startsWith('/') ? connect(`${internals.host}/.s.PGSQL.${internals.port}`) : connect(internals.port, internals.host);
  socket.setTimeout(CANCEL_TIMEOUT_MS, () => socket.destroy());
  socket.on('error', () => socket.destroy());
  socket.on('connect', () => socket.end(packet));
  socket.unref();
}

/** Drops a connection's socket at once (its statement fails with "Connection terminated"). */
export function destroyConnection(client: pg.PoolClient): void {
  (client as unknown as ClientInternals).connection?.stream?.destroy();
}
