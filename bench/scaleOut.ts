// API throughput with one and with two API processes on this machine (run by hand, never in `npm test`).
//   npx tsx bench/scaleOut.ts [--url postgresql://postgres@127.0.0.1:5432/postgres] [--articles 500] [--seconds 20] [--connections 20] [--keep NAME]
// Imports the seed story and N synthetic articles into a fresh database on the server at --url,
// then offers the same load (autocannon: two load generators of connections/2 each, every
// request an article page of a random article or a page of the article list, anonymous) to one
// API process (both generators on it) and to two (one generator each, as a balancer would
// spread it). Prints requests/s, latencies and errors, and the ratio of two processes to one.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { formatDatabaseUrl, parseDatabaseUrl } from '../src/config/databaseUrl.js';
import { projectRoot } from '../src/projectRoot.js';
import { generateArchive } from './generateArchive.js';
import { parseBenchArgs } from './parseBenchArgs.js';
import { spawnServer, type SpawnedServer } from './spawnServer.js';

const { values } = parseBenchArgs(
  `Usage: npx tsx bench/scaleOut.ts [--url URL] [--articles N] [--seconds S] [--connections C] [--keep NAME]
The same anonymous read load against one API process, then against two, on a fresh database
(created on --url's server and dropped; --keep NAME imports into database NAME once and keeps it).`,
  {
    url: { type: 'string', default: 'postgresql://postgres@127.0.0.1:5432/postgres' },
    articles: { type: 'string', default: '500' },
    seconds: { type: 'string', default: '20' },
    connections: { type: 'string', default: '20' },
    keep: { type: 'string' },
  },
);

const ARTICLE_PAGE = readFileSync(join(projectRoot, 'operations', 'articlePage.graphql'), 'utf8');
const LIST = `query ArticleList { articles(first: 20) { totalCount nodes { title slug publishedAt people(first: 5) { nodes { name } } } } }`;
const PARAGRAPHS = [
  'The company said profits rose by 12% in the three months to September, helped by strong sales in Asia.',
  'Shares in the group fell sharply in early trading in London after the announcement, said analyst John Smith.',
  'Talks between the two sides broke down last week after they failed to agree on pay.',
];
const TITLES = ['Profits rise at engineering group', 'Talks collapse over pay', 'New rules for employers'];

function startApi(databaseUrl: string): Promise<SpawnedServer> {
  return spawnServer('api', process.execPath, ['--import', 'tsx', join(projectRoot, 'src', 'index.ts')], {
    cwd: projectRoot,
    env: { ...process.env, NODE_OPTIONS: '', NODE_ENV: 'production', DATABASE_URL: databaseUrl, PORT: '0', SEED_ON_EMPTY: 'false', RATE_LIMIT_PER_SECOND: '0' },
  });
}

function run(args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
      cwd: projectRoot,
      env: { ...process.env, NODE_OPTIONS: '', ...env },
      stdio: 'inherit',
    });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited with ${code}`))));
  });
}

/** One load generator: `connections` connections to `url` for `seconds`, each request a random read. */
function load(url: string, slugs: string[], connections: number, seconds: number): Promise<autocannon.Result> {
  const body = () =>
    Math.random() < 0.8
      ? JSON.stringify({ query: ARTICLE_PAGE, variables: { slug: slugs[Math.floor(Math.random() * slugs.length)] } })
      : JSON.stringify({ query: LIST });
  return autocannon({
    url,
    connections,
    duration: seconds,
    requests: [{ method: 'POST', headers: { 'content-type': 'application/json' }, setupRequest: (request) => ({ ...request, body: body() }) }],
  });
}

/** Both generators at once, against `urls[0]` and `urls[1 % urls.length]`; their results summed. */
async function measure(urls: string[], slugs: string[], connections: number, seconds: number) {
  const results = await Promise.all([0, 1].map((i) => load(urls[i % urls.length]!, slugs, connections / 2, seconds)));
  const requests = results.reduce((sum, r) => sum + r.requests.total, 0);
  return {
    perSecond: requests / seconds,
    p50: Math.max(...results.map((r) => r.latency.p50)),
    p99: Math.max(...results.map((r) => r.latency.p99)),
    errors: results.reduce((sum, r) => sum + r.errors + r.non2xx + r.timeouts, 0),
  };
}

const base = parseDatabaseUrl(values.url);
const name = values.keep ?? `storygraph_scale_${process.pid}`;
const databaseUrl = formatDatabaseUrl({ ...base, database: name });
const admin = new pg.Client({ host: base.host, port: base.port, user: base.user, password: base.password, database: base.database });
await admin.connect();
const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
if (!exists) {
  const dir = await mkdtemp(join(tmpdir(), 'storygraph-scale-'));
  await generateArchive(dir, { count: Number(values.articles), paragraphs: PARAGRAPHS, titles: TITLES, seed: 3 });
  await run([join(projectRoot, 'scripts', 'import.ts'), '--quiet', join(projectRoot, 'fixtures', 'seed'), dir], { DATABASE_URL: databaseUrl });
  await rm(dir, { recursive: true, force: true });
}
const reader = new pg.Client({ ...base, database: name });
await reader.connect();
const slugs = (await reader.query<{ slug: string }>('SELECT slug FROM article')).rows.map((row) => row.slug);
await reader.end();

const seconds = Number(values.seconds);
const connections = Number(values.connections);
const apis: SpawnedServer[] = [];
try {
  apis.push(await startApi(databaseUrl));
  await measure([apis[0]!.url], slugs, connections, 3); // warm-up: JIT, pool, PostgreSQL caches
  const one = await measure([apis[0]!.url], slugs, connections, seconds);
  apis.push(await startApi(databaseUrl));
  await measure([apis[1]!.url], slugs, connections, 3);
  const two = await measure(
    apis.map((api) => api.url),
    slugs,
    connections,
    seconds,
  );
  console.log(`${slugs.length} articles, ${connections} connections, ${seconds} s each`);
  console.log('| API processes | requests/s | p50 ms | p99 ms | errors |');
  console.log('|---|---|---|---|---|');
  for (const [count, r] of [
    [1, one],
    [2, two],
  ] as const)
    console.log(`| ${count} | ${r.perSecond.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.errors} |`);
  console.log(`two processes / one: ${(two.perSecond / one.perSecond).toFixed(2)}×`);
} finally {
  for (const api of apis) api.child.kill('SIGTERM');
  if (!values.keep) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
}
