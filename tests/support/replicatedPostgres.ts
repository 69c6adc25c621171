import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { appendFile, chown, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/** A PostgreSQL primary and a streaming replica of it, started from the machine's binaries. */
export interface ReplicatedPostgres {
  /** postgresql:// URLs of database `database` on each server. */
  primaryUrl: string;
  replicaUrl: string;
  /** Runs one statement on the replica (as the superuser, database `database`). */
  onReplica<T extends pg.QueryResultRow>(sql: string): Promise<T[]>;
  /**
   * Statements each server has run so far for connections named `applicationName` (every
   * statement is logged, prefixed with its connection's application_name).
   */
  statements(applicationName: string): Promise<{ primary: number; replica: number }>;
  /** Waits until the replica has replayed everything the primary has written so far. */
  caughtUp(): Promise<void>;
  /** Stops the replica (fast shutdown), as a replica that goes away. */
  stopReplica(): Promise<void>;
  /** Stops both servers and removes their files. */
  stop(): Promise<void>;
}

/** The newest PostgreSQL server binaries installed (Debian's /usr/lib/postgresql/N/bin), or null. */
export function findPostgresBinaries(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((name) => /^\d+$/.test(name) && ['initdb', 'pg_ctl', 'pg_basebackup'].every((tool) => existsSync(join(root, name, 'bin', tool))))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0]!, 'bin') : null;
}

/**
 * Starts a primary (wal_level=replica) on a free port, creates `database` on it, takes a base
 * backup with `pg_basebackup -R` (which writes standby.signal and the connection to the
 * primary) and starts the replica from it on another free port, then waits until the replica
 * has the database. PostgreSQL refuses to run as root, so as root the servers run as the
 * `postgres` system user, in a temporary directory it owns.
 */
export async function startReplicatedPostgres(bin: string, database: string): Promise<ReplicatedPostgres> {
  const dir = await mkdtemp(join(tmpdir(), 'storygraph-replicas-'));
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? await systemUser('postgres') : null;
  if (owner) await chown(dir, owner.uid, owner.gid);
  const exec = (tool: string, args: string[]) =>
    run(join(bin, tool), args, { cwd: dir, env: { ...process.env, LC_ALL: 'C' }, ...(owner ? { uid: owner.uid, gid: owner.gid } : {}), timeout: 60_000 });
  const superuser = 'postgres';
  const [primaryPort, replicaPort] = [await freePort(), await freePort()];
  const primary = join(dir, 'primary');
  const replica = join(dir, 'replica');
  const started: string[] = [];
  const stop = async () => {
    for (const data of started.reverse()) await exec('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await exec('initdb', ['-D', primary, '-U', superuser, '--auth=trust', '-E', 'UTF8', '--no-sync']);
    // Speed over durability (throw-away servers); the replica reads the same settings from its base backup.
    await appendFile(
      join(primary, 'postgresql.conf'),
      [
        `port = ${primaryPort}`,
        `listen_addresses = '127.0.0.1'`,
        `unix_socket_directories = '${dir}'`,
        'wal_level = replica',
        'max_wal_senders = 5',
        'hot_standby = on',
        'fsync = off',
        'full_page_writes = off',
        'max_connections = 100',
        // Every statement, with its connection's application_name, so tests count who ran what where.
        `log_statement = 'all'`,
        `log_line_prefix = '%a|'`,
        '',
      ].join('\n'),
    );
    await exec('pg_ctl', ['-D', primary, '-l', join(dir, 'primary.log'), '-w', 'start']);
    started.push(primary);
    const primaryUrl = `postgresql://${superuser}@127.0.0.1:${primaryPort}/${database}`;
    const admin = new pg.Client({ host: '127.0.0.1', port: primaryPort, user: superuser, database: 'postgres' });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${database}"`);
    await admin.end();
    await exec('pg_basebackup', [
      '-h',
      '127.0.0.1',
      '-p',
      String(primaryPort),
      '-U',
      superuser,
      '-D',
      replica,
      '-R',
      '-X',
      'stream',
      '-c',
      'fast',
      '--no-sync',
    ]);
    if (!existsSync(join(replica, 'standby.signal'))) throw new Error('pg_basebackup -R wrote no standby.signal');
    await appendFile(join(replica, 'postgresql.conf'), `port = ${replicaPort}\n`);
    await exec('pg_ctl', ['-D', replica, '-l', join(dir, 'replica.log'), '-w', 'start']);
    started.push(replica);
    const replicaUrl = `postgresql://${superuser}@127.0.0.1:${replicaPort}/${database}`;
    const onReplica = async <T extends pg.QueryResultRow>(sql: string): Promise<T[]> => {
      const client = new pg.Client({ host: '127.0.0.1', port: replicaPort, user: superuser, database });
      await client.connect();
      try {
        return (await client.query<T>(sql)).rows;
      } finally {
        await client.end();
      }
    };
    const [{ standby }] = (await onReplica<{ standby: boolean }>('SELECT pg_is_in_recovery() AS standby')) as [{ standby: boolean }];
    if (!standby) throw new Error('the replica is not in recovery');
    const onPrimary = async <T extends pg.QueryResultRow>(sql: string): Promise<T[]> => {
      const client = new pg.Client({ host: '127.0.0.1', port: primaryPort, user: superuser, database });
      await client.connect();
      try {
        return (await client.query<T>(sql)).rows;
      } finally {
        await client.end();
      }
    };
    const count = async (log: string, applicationName: string) => {
      const text = await readFile(join(dir, log), 'utf8');
      return text.split('\n').filter((line) => line.startsWith(`${applicationName}|LOG:  `) && /^[^|]*\|LOG: {2}(statement|execute)/.test(line)).length;
    };
    return {
      primaryUrl,
      replicaUrl,
      onReplica,
      statements: async (applicationName) => ({ primary: await count('primary.log', applicationName), replica: await count('replica.log', applicationName) }),
      caughtUp: async () => {
        const [{ lsn }] = (await onPrimary<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn')) as [{ lsn: string }];
        for (let i = 0; i < 200; i++) {
          const [{ done }] = (await onReplica<{ done: boolean }>(`SELECT pg_last_wal_replay_lsn() >= '${lsn}'::pg_lsn AS done`)) as [{ done: boolean }];
          if (done) return;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        throw new Error(`the replica did not replay up to ${lsn} within 10 s`);
      },
      stopReplica: async () => {
        await exec('pg_ctl', ['-D', replica, '-m', 'fast', '-w', 'stop']);
        started.splice(started.indexOf(replica), 1);
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function systemUser(name: string): Promise<{ uid: number; gid: number }> {
  const { stdout } = await run('id', ['-u', name]);
  const { stdout: group } = await run('id', ['-g', name]);
  return { uid: Number(stdout.trim()), gid: Number(group.trim()) };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}
