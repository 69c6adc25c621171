import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../src/projectRoot.js';
import { gql } from '../support/graphqlClient.js';

const QUERY = `{ article(slug: "russia-and-nato-agree-to-begin-negotiations-this-winter") { title quotes { nodes { text speaker { __typename } } } } }`;

/** Starts `src/index.ts` as `npm start` does and waits for its "ready at" line. */
function start(env: Record<string, string>): Promise<{ child: ChildProcess; url: string; log: () => string }> {
  const child = spawn(join(projectRoot, 'node_modules', '.bin', 'tsx'), [join(projectRoot, 'src', 'index.ts')], {
    cwd: projectRoot,
    env: { ...process.env, NODE_OPTIONS: '', PORT: '0', LOG_LEVEL: 'info', ...env },
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

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

describe('npm start on the embedded database', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'storygraph-start-'));
  });
  afterAll(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('creates the database, imports the demo story and answers; a restart keeps the data', async () => {
    const env = { STORYGRAPH_DATA_DIR: dataDir, EMBEDDED_PG_PORT: '0', DATABASE_URL: '' };
    const first = await start(env);
    expect(first.log()).toContain('imported the demo story');
    const answer = await gql(first.url, QUERY);
    expect(answer.data?.article.title).toBe('Russia and NATO Agree to Begin Negotiations This Winter');
    expect(answer.data?.article.quotes.nodes).toHaveLength(7);
    expect(await stop(first.child)).toBe(0);

    const second = await start(env);
    expect(second.log()).not.toContain('imported the demo story');
    expect(second.log()).not.toContain('applying migration');
    expect((await gql(second.url, QUERY)).data?.article.quotes.nodes).toHaveLength(7);
    expect(await stop(second.child)).toBe(0);
  });
});

const onPostgres = process.env.TEST_DATABASE_URL ? describe : describe.skip;
onPostgres('npm start with DATABASE_URL', () => {
  it('migrates the given database, imports the demo story and answers', async () => {
    const { createTestDatabase } = await import('../support/testDatabases.js');
    const test = await createTestDatabase('postgresql');
    await test.db.prisma.$disconnect();
    try {
      const server = await start({ DATABASE_URL: test.url });
      expect(server.log()).toContain('imported the demo story');
      expect((await gql(server.url, QUERY)).data?.article.quotes.nodes).toHaveLength(7);
      expect(await stop(server.child)).toBe(0);
    } finally {
      await test.drop();
    }
  });
});
