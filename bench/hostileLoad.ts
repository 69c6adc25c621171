// Load check for issue 10 (run by hand, never in `npm test`).
//   npx tsx bench/hostileLoad.ts [--url postgresql://postgres@127.0.0.1:5432/postgres] [--articles 8000] [--seconds 20] [--readers 4]
// Imports the BBC dev corpus plus N synthetic articles into a fresh database on the server at
// --url, starts the API (`src/index.ts`, production mode, default limits) as its own process, and
// offers normal article-page traffic (operations/articlePage.graphql on random articles: --rate
// pages/s in all, default 10 as in the issue's probe, spread over --readers clients with a token
// each, sent on schedule whatever the answers take) three times: alone; with two abusive clients sending the issue's probes 1 (the
// fragment bomb) and 2 (400 OR'd text scans); and with two clients sending the heaviest queries
// the limits allow (2 OR'd text scans; coMentioned for 20 places). Prints requests/s, errors
// and the ratio to the baseline. Target: ≥ 80 % of the baseline and no errors for the readers.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createApiToken } from '../src/auth/apiTokens.js';
import { formatDatabaseUrl, parseDatabaseUrl } from '../src/config/databaseUrl.js';
import { createPrisma } from '../src/db/createPrisma.js';
import { projectRoot } from '../src/projectRoot.js';
import { parseBenchArgs } from './parseBenchArgs.js';
import { spawnServer, type SpawnedServer } from './spawnServer.js';

const { values } = parseBenchArgs(
  `Usage: npx tsx bench/hostileLoad.ts [--url URL] [--articles N] [--seconds S] [--rate N] [--readers R] [--keep NAME]
Normal article-page traffic (--rate pages/s in all, from --readers clients with a token each)
alone, beside the issue's abusive clients, and beside the heaviest allowed queries, against the
API on a fresh database (created on --url's server and dropped).
--keep NAME imports into database NAME once and keeps it for later runs.`,
  {
    url: { type: 'string', default: 'postgresql://postgres@127.0.0.1:5432/postgres' },
    articles: { type: 'string', default: '8000' },
    seconds: { type: 'string', default: '20' },
    rate: { type: 'string', default: '10' },
    readers: { type: 'string', default: '20' },
    keep: { type: 'string' },
  },
);

const tsx = join(projectRoot, 'node_modules', '.bin', 'tsx');
const ARTICLE_PAGE = readFileSync(join(projectRoot, 'operations', 'articlePage.graphql'), 'utf8');

function run(command: string, args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: projectRoot, env: { ...process.env, NODE_OPTIONS: '', ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited with ${code}`))));
  });
}

function startApi(databaseUrl: string): Promise<SpawnedServer> {
  return spawnServer('api', tsx, [join(projectRoot, 'src', 'index.ts')], {
    cwd: projectRoot,
    env: { ...process.env, NODE_OPTIONS: '', NODE_ENV: 'production', DATABASE_URL: databaseUrl, PORT: '0', SEED_ON_EMPTY: 'false', LOG_LEVEL: 'info' },
  });
}

interface Tally {
  ok: number;
  errors: number;
  statuses: Record<string, number>;
  /** Milliseconds each answer took. */
  times: number[];
}

function percentile(times: number[], p: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Sends one request and counts its answer by status and code. */
async function send(url: string, token: string, body: unknown, tally: Tally): Promise<void> {
  {
    const started = Date.now();
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
      const answer = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
      const key = `${response.status}${answer.errors ? ` ${answer.errors[0]?.extensions?.code}` : ''}`;
      tally.statuses[key] = (tally.statuses[key] ?? 0) + 1;
      if (response.status === 200 && !answer.errors) tally.ok++;
      else tally.errors++;
      tally.times.push(Date.now() - started);
    } catch (error) {
      tally.errors++;
      tally.statuses[String((error as Error).message)] = (tally.statuses[String((error as Error).message)] ?? 0) + 1;
    }
  }
}

/** An abusive client: `body()` back to back until `until`, ignoring Retry-After. */
async function hammer(url: string, token: string, body: () => unknown, until: number, tally: Tally): Promise<void> {
  while (Date.now() < until) await send(url, token, body(), tally);
}

/** A reader: one page every `intervalMs` (first at a random offset) until `until`, not waiting for answers. */
async function read(url: string, token: string, body: () => unknown, intervalMs: number, until: number, tally: Tally): Promise<void> {
  const sent: Promise<void>[] = [];
  await new Promise((resolve) => setTimeout(resolve, Math.random() * intervalMs));
  for (let next = Date.now(); next < until; next += intervalMs) {
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - Date.now())));
    sent.push(send(url, token, body(), tally));
  }
  await Promise.all(sent);
}

function fragmentBomb(levels: number): string {
  let document = 'query{...F0}';
  for (let i = 0; i < levels; i++) document += ` fragment F${i} on Query{...F${i + 1} ...F${i + 1}}`;
  return `${document} fragment F${levels} on Query{__typename}`;
}

const textScans = (n: number) =>
  `{ articles(where: { OR: [${Array.from({ length: n }, (_, i) => `{ textContains: "zq${i}x" }`).join(', ')}] }) { totalCount } }`;

async function main(): Promise<void> {
  const base = parseDatabaseUrl(values.url!, '--url');
  const name = values.keep ?? `storygraph_hostile_bench_${process.pid}`;
  const databaseUrl = formatDatabaseUrl({ ...base, database: name });
  const dir = await mkdtemp(join(tmpdir(), 'storygraph-hostile-bench-'));
  const seconds = Number(values.seconds);
  const readers = Number(values.readers);
  const rate = Number(values.rate);
  let api: SpawnedServer | undefined;
  try {
    if (!(await articleCount(base, name))) {
      process.stderr.write(`importing the BBC dev corpus and ${values.articles} synthetic articles into ${name}…\n`);
      const archive = join(dir, 'archive.jsonl');
      await run(tsx, [join(projectRoot, 'bench', 'generateArchive.ts'), '--count', values.articles!, '--jsonl', archive], {});
      await run(tsx, [join(projectRoot, 'scripts', 'import.ts'), join(projectRoot, '..', 'shared', 'corpus', 'dev', 'bbc'), archive], {
        DATABASE_URL: databaseUrl,
        LOG_LEVEL: 'warn',
      });
    }
    api = await startApi(databaseUrl);
    // One READER token per client: rate limits apply per token, as for real clients.
    const prisma = createPrisma(databaseUrl);
    const tokens: string[] = [];
    for (let i = 0; i < readers + 6; i++) {
      tokens.push((await createApiToken(prisma, { name: `bench-${process.pid}-${i}`, role: 'READER', createdBy: 'bench' })).token);
    }
    await prisma.$disconnect();
    let abuserTokens = readers;
    const listing = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ articles(first: 100) { nodes { slug } } }' }),
    });
    const slugs = ((await listing.json()) as { data: { articles: { nodes: { slug: string }[] } } }).data.articles.nodes.map((node) => node.slug);
    const page = () => ({ query: ARTICLE_PAGE, variables: { slug: slugs[Math.floor(Math.random() * slugs.length)] } });

    const phase = async (label: string, abusers: (() => unknown)[]) => {
      const until = Date.now() + seconds * 1000;
      const normal: Tally = { ok: 0, errors: 0, statuses: {}, times: [] };
      const abusive: Tally = { ok: 0, errors: 0, statuses: {}, times: [] };
      const started = Date.now();
      await Promise.all([
        ...Array.from({ length: readers }, (_, i) => read(api!.url, tokens[i]!, page, (1000 * readers) / rate, until, normal)),
        ...abusers.map((body) => hammer(api!.url, tokens[abuserTokens++]!, body, until, abusive)),
      ]);
      // Pages answered per second of the phase, including the wait for the last answers.
      const perSecond = normal.ok / ((Date.now() - started) / 1000);
      console.log(
        `${label}: readers ${perSecond.toFixed(1)} req/s (${normal.ok} ok, ${normal.errors} errors ${JSON.stringify(normal.statuses)}; ` +
          `p50 ${percentile(normal.times, 50)} ms, p95 ${percentile(normal.times, 95)} ms)` +
          (abusers.length ? `; abusers ${JSON.stringify(abusive.statuses)}` : ''),
      );
      return { perSecond, errors: normal.errors };
    };

    // Warm up (JIT, plan caches), then measure.
    await phase('warm-up', []);
    const baseline = await phase('baseline', []);
    const probes = await phase('probes 1 and 2', [() => ({ query: fragmentBomb(28) }), () => ({ query: textScans(400) })]);
    const heaviest = await phase('heaviest allowed', [
      () => ({ query: textScans(2) }),
      () => ({ query: '{ places(first: 20) { nodes { coMentioned(first: 20) { totalCount } } } }' }),
    ]);
    for (const [label, result] of [
      ['probes 1 and 2', probes],
      ['heaviest allowed', heaviest],
    ] as const) {
      console.log(`${label}: ${((100 * result.perSecond) / baseline.perSecond).toFixed(0)} % of the baseline, ${result.errors} reader errors`);
    }
  } finally {
    api?.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await rm(dir, { recursive: true, force: true });
    if (!values.keep) {
      const admin = new pg.Client({ host: base.host, port: base.port, user: base.user, password: base.password, database: base.database });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    }
  }
}

/** Articles already in database `name` (0 when it does not exist yet). */
async function articleCount(base: ReturnType<typeof parseDatabaseUrl>, name: string): Promise<number> {
  const client = new pg.Client({ host: base.host, port: base.port, user: base.user, password: base.password, database: name });
  try {
    await client.connect();
    return (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM article')).rows[0]!.n;
  } catch {
    return 0;
  } finally {
    await client.end().catch(() => undefined);
  }
}

await main();
