// Read performance, side by side (issue 14; run by hand, never in `npm test`).
//   npx tsx bench/readBench.ts [--url URL] [--database NAME] [--rounds N] [--seconds S] [--connections C] [--servers sg,pg5,bare] [--scenarios p1,p2,p3,p4] [--baseline TREE]
// Storygraph, PostGraphile 5 (Amber preset + connection filter) and a bare node:http + pg server
// (bench/read/bareServer.ts) over one PostgreSQL database holding the BBC dev stories plus
// generated dated articles (10,000 in all; imported once into --database and kept). Each
// server runs pinned to core 0 (`taskset`), load comes from this process; rounds alternate the
// servers' order. Per scenario and server it prints req/s at full load, p50/p99 at a fixed
// rate (half the slowest server's req/s), SQL statements per request (counted inside each
// server by bench/read/countStatements.mjs), CPU per request of the server, of PostgreSQL
// (its backends for the database, from /proc) and of the load generator (this process, which
// shares the other core with PostgreSQL), and the ratios; then medians over the rounds.
// --baseline TREE adds Storygraph from another checkout (with its own node_modules) as server
// `base`, in the same rounds, so a change is measured against the tree before it side by side.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { formatDatabaseUrl, parseDatabaseUrl } from '../src/config/databaseUrl.js';
import { projectRoot } from '../src/projectRoot.js';
import { parseBenchArgs } from './parseBenchArgs.js';
import { spawnServer } from './spawnServer.js';

const { values } = parseBenchArgs(
  `Usage: npx tsx bench/readBench.ts [--url URL] [--database NAME] [--rounds N] [--seconds S] [--connections C] [--servers sg,pg5,bare] [--scenarios p1,p2,p3,p4] [--baseline TREE]
Storygraph, PostGraphile 5 and a bare node:http + pg server on one database (--database on
--url's server, filled once with 10,000 articles and kept), alternated rounds, medians.
--baseline TREE also runs Storygraph from another checkout (server "base", same requests as sg).
Set SG_ENV (JSON) to pass extra environment to Storygraph (e.g. '{"RESPONSE_CACHE":"off"}').`,
  {
    url: { type: 'string', default: 'postgresql://postgres@127.0.0.1:5432/postgres' },
    database: { type: 'string', default: 'storygraph_readbench' },
    articles: { type: 'string', default: '10000' },
    rounds: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '8' },
    connections: { type: 'string', default: '10' },
    servers: { type: 'string', default: 'sg,pg5,bare' },
    scenarios: { type: 'string', default: 'p1,p2,p3,p4' },
    baseline: { type: 'string' },
  },
);

const node = process.execPath;
const tsxImport = ['--import', 'tsx'];
const counter = [...tsxImport, '--import', join(projectRoot, 'bench', 'read', 'countStatements.ts')];
const hasTaskset = spawnSync('taskset', ['-c', '0', 'true']).status === 0;

/** The article of P1 (11 quotes, 4 speakers) and the person of P4 (35 quotes), from the BBC dev stories. */
const ARTICLE = 'blunkett-row-should-end-blair';
const PERSON = 'alan-milburn';
const SEARCH = 'government';

type ServerName = 'sg' | 'base' | 'pg5' | 'bare';
type Scenario = 'p1' | 'p2' | 'p3' | 'p4';
interface Request {
  path: string;
  method: 'GET' | 'POST';
  body?: string;
}

const graphql = (query: string, variables: Record<string, unknown> = {}): Request => ({
  path: '/graphql',
  method: 'POST',
  body: JSON.stringify({ query, variables }),
});

const BY_SERVER: Record<Exclude<ServerName, 'base'>, Partial<Record<Scenario, Request>>> = {
  sg: {
    p1: graphql(readFileSync(join(projectRoot, 'operations', 'articlePage.graphql'), 'utf8'), { slug: ARTICLE }),
    p2: graphql(`
      {
        articles(first: 20) {
          nodes {
            title
            slug
            publishedAt
            lead
            tags {
              nodes {
                name
                slug
              }
            }
          }
        }
        people(first: 10) {
          nodes {
            name
            slug
          }
        }
        tags(first: 20) {
          nodes {
            name
            slug
            kind
          }
        }
      }
    `),
    p3: graphql(
      `
        query ($q: String!) {
          search(query: $q, types: [ARTICLE], first: 20) {
            totalCount
            edges {
              rank
              snippet
              node {
                __typename
                ... on Article {
                  title
                  slug
                }
              }
            }
          }
        }
      `,
      {
        q: SEARCH,
      },
    ),
    p4: graphql(
      `
        query ($slug: String!) {
          person(slug: $slug) {
            name
            slug
            quotes(first: 20) {
              totalCount
              nodes {
                text
                kind
                article {
                  title
                  slug
                }
              }
            }
            articles(first: 20) {
              totalCount
              nodes {
                title
                slug
                publishedAt
              }
            }
          }
        }
      `,
      { slug: PERSON },
    ),
  },
  // PostGraphile's schema of the same tables: no slug lookups (Prisma's unique indexes are not
  // constraints), so filtered lists of one. PostGraphile filters and orders by indexed columns
  // only, so it applies no access rule (status is not indexed) and orders where it can.
  pg5: {
    p1: graphql(
      `
        query ($slug: String!) {
          allArticles(filter: { slug: { equalTo: $slug } }, first: 1) {
            nodes {
              id
              title
              lead
              paragraphs
              publishedAt
              quotesByArticleId(first: 100, orderBy: [START_ASC, ROW_ID_ASC]) {
                totalCount
                nodes {
                  id
                  text
                  kind
                  start
                  end
                  paragraph
                  confidence
                  cueText
                  cueStart
                  cueEnd
                  speakerText
                  speakerStart
                  speakerEnd
                  speakerDescription
                  entityBySpeakerId {
                    kind
                    name
                    slug
                    quotesBySpeakerId(first: 5) {
                      totalCount
                      nodes {
                        text
                        articleByArticleId {
                          title
                          slug
                        }
                      }
                    }
                  }
                  entityBySpeakerAffiliationId {
                    name
                    slug
                  }
                }
              }
              people: articleEntitiesByArticleId(first: 50, filter: { entityByEntityId: { kind: { equalTo: PERSON } } }) {
                nodes {
                  entityByEntityId {
                    name
                    slug
                    affiliationsByPersonId(first: 3) {
                      nodes {
                        role
                        entityByOrganizationId {
                          name
                        }
                      }
                    }
                  }
                }
              }
              organizations: articleEntitiesByArticleId(first: 50, filter: { entityByEntityId: { kind: { equalTo: ORGANIZATION } } }) {
                nodes {
                  entityByEntityId {
                    name
                    slug
                  }
                }
              }
              places: articleEntitiesByArticleId(first: 50, filter: { entityByEntityId: { kind: { equalTo: PLACE } } }) {
                nodes {
                  entityByEntityId {
                    name
                    slug
                  }
                }
              }
              mentionsByArticleId(first: 100, orderBy: [START_ASC, END_ASC]) {
                totalCount
                nodes {
                  text
                  start
                  end
                  paragraph
                  entityByEntityId {
                    kind
                    slug
                  }
                }
              }
              articleTagsByArticleId(first: 20) {
                nodes {
                  tagByTagId {
                    name
                    slug
                    kind
                  }
                }
              }
            }
          }
        }
      `,
      { slug: ARTICLE },
    ),
    p2: graphql(`
      {
        allArticles(first: 20, orderBy: [PUBLISHED_AT_DESC, CREATED_AT_DESC, ROW_ID_ASC]) {
          nodes {
            title
            slug
            publishedAt
            lead
            articleTagsByArticleId {
              nodes {
                tagByTagId {
                  name
                  slug
                }
              }
            }
          }
        }
        allEntities(first: 10, filter: { kind: { equalTo: PERSON } }, orderBy: [NAME_ASC, ROW_ID_ASC]) {
          nodes {
            name
            slug
          }
        }
        allTags(first: 20, orderBy: [SLUG_ASC]) {
          nodes {
            name
            slug
            kind
          }
        }
      }
    `),
    p4: graphql(
      `
        query ($slug: String!) {
          allEntities(filter: { slug: { equalTo: $slug }, kind: { equalTo: PERSON } }, first: 1) {
            nodes {
              name
              slug
              quotesBySpeakerId(first: 20) {
                totalCount
                nodes {
                  text
                  kind
                  articleByArticleId {
                    title
                    slug
                  }
                }
              }
              articleEntitiesByEntityId(first: 20) {
                totalCount
                nodes {
                  articleByArticleId {
                    title
                    slug
                    publishedAt
                  }
                }
              }
            }
          }
        }
      `,
      { slug: PERSON },
    ),
  },
  bare: {
    p1: { path: `/p1?arg=${ARTICLE}`, method: 'GET' },
    p2: { path: '/p2', method: 'GET' },
    p3: { path: `/p3?arg=${SEARCH}`, method: 'GET' },
    p4: { path: `/p4?arg=${PERSON}`, method: 'GET' },
  },
};

/** The baseline answers the same requests as Storygraph. */
const REQUESTS: Record<ServerName, Partial<Record<Scenario, Request>>> = { ...BY_SERVER, base: BY_SERVER.sg };

interface Running {
  name: ServerName;
  child: ChildProcess;
  base: string;
}

function start(name: ServerName, databaseUrl: string, sgEnv: Record<string, string>): Promise<Running> {
  // The baseline runs its own tree's code and dependencies (tsx resolves from its cwd).
  const tree = name === 'base' ? values.baseline! : projectRoot;
  const args =
    name === 'sg' || name === 'base'
      ? [...counter, join(tree, 'src', 'index.ts')]
      : name === 'pg5'
        ? [
            ...counter,
            '--import',
            join(projectRoot, 'bench', 'read', 'withResolvers.ts'),
            join(projectRoot, 'bench', 'read', 'postgraphileServer.ts'),
            databaseUrl,
            '0',
          ]
        : [...counter, join(projectRoot, 'bench', 'read', 'bareServer.ts'), databaseUrl, '0'];
  const [command, argv] = hasTaskset ? ['taskset', ['-c', '0', node, ...args]] : [node, args];
  return spawnServer(name, command, argv, {
    cwd: tree,
    env: {
      ...process.env,
      NODE_OPTIONS: '',
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      PORT: '0',
      SEED_ON_EMPTY: 'false',
      RATE_LIMIT_PER_SECOND: '0',
      LOG_LEVEL: 'info',
      GRAPHILE_ENV: 'production',
      // No background polling between the statements counted per request.
      WEBHOOK_DELIVERY: 'false',
      ...(name === 'sg' || name === 'base' ? sgEnv : {}),
    },
    ipc: true,
  }).then(({ child, url }) => ({ name, child, base: new URL(url).origin }));
}

function statementsOf(server: Running): Promise<number> {
  return new Promise((resolve) => {
    server.child.once('message', (message: { statements: number }) => resolve(message.statements));
    server.child.send('statements');
  });
}

/** CPU seconds (user + system) a process has used, from /proc. */
async function cpuOf(pid: number): Promise<number> {
  try {
    const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** CPU seconds of every PostgreSQL backend connected to the database, by pid. */
async function backendCpu(admin: pg.Client, database: string): Promise<Map<number, number>> {
  const { rows } = await admin.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [database]);
  return new Map(await Promise.all(rows.map(async (row) => [row.pid, await cpuOf(row.pid)] as [number, number])));
}

function send(base: string, request: Request): Promise<{ status: number; body: string }> {
  return fetch(base + request.path, {
    method: request.method,
    headers: request.body ? { 'content-type': 'application/json' } : {},
    body: request.body,
  }).then(async (response) => ({ status: response.status, body: await response.text() }));
}

interface Measure {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  nodeMs: number;
  pgMs: number;
  /** This process's CPU per request: the load generator, which shares core 1 with PostgreSQL. */
  loadMs: number;
}

async function load(server: Running, request: Request, seconds: number, connections: number, rate?: number): Promise<autocannon.Result> {
  return autocannon({
    url: server.base + request.path,
    method: request.method,
    headers: request.body ? { 'content-type': 'application/json' } : {},
    body: request.body,
    connections,
    duration: seconds,
    ...(rate ? { overallRate: rate } : {}),
  });
}

async function measure(server: Running, request: Request, admin: pg.Client, database: string, seconds: number, connections: number): Promise<Measure> {
  const pid = server.child.pid!;
  const [node0, pg0] = [await cpuOf(pid), await backendCpu(admin, database)];
  const load0 = process.cpuUsage();
  const result = await load(server, request, seconds, connections);
  const loadUsage = process.cpuUsage(load0);
  const [node1, pg1] = [await cpuOf(pid), await backendCpu(admin, database)];
  let pgSeconds = 0;
  for (const [backend, cpu] of pg1) pgSeconds += cpu - (pg0.get(backend) ?? 0);
  const done = result.requests.total || 1;
  return {
    rps: result.requests.average,
    p50: 0,
    p99: 0,
    errors: result.errors + result.non2xx + result.timeouts,
    nodeMs: (1000 * (node1 - node0)) / done,
    pgMs: (1000 * pgSeconds) / done,
    loadMs: (loadUsage.user + loadUsage.system) / 1000 / done,
  };
}

const median = (numbers: number[]) => {
  const sorted = [...numbers].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

async function ensureData(databaseUrl: string, database: string, articles: number): Promise<void> {
  const admin = new pg.Client({ connectionString: formatDatabaseUrl({ ...parseDatabaseUrl(databaseUrl), database: 'postgres' }) });
  await admin.connect();
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])).rowCount;
  if (!exists) await admin.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  await admin.end();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const count = await client
    .query<{ n: number }>('SELECT count(*)::int AS n FROM article')
    .then((result) => result.rows[0]!.n)
    .catch(() => 0);
  await client.end();
  const run = (args: string[], env: Record<string, string> = {}) =>
    new Promise<void>((resolve, reject) => {
      const child = spawn(node, args, { cwd: projectRoot, env: { ...process.env, NODE_OPTIONS: '', ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited with ${code}`))));
    });
  // A kept database follows the tree's migrations (the servers run with NODE_ENV=production, which does not migrate).
  if (count >= articles) return run([...tsxImport, join(projectRoot, 'scripts', 'migrate.ts')], { DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' });
  const bbc = join(projectRoot, '..', 'shared', 'corpus', 'dev', 'bbc');
  const dir = await mkdtemp(join(tmpdir(), 'storygraph-read-bench-'));
  try {
    const archive = join(dir, 'dated.jsonl');
    const generated = String(articles - 927);
    process.stderr.write(`importing the BBC dev stories and ${generated} generated dated articles into ${database}…\n`);
    await run([...tsxImport, join(projectRoot, 'bench', 'generateArchive.ts'), '--count', generated, '--jsonl', archive, '--dated']);
    await run([...tsxImport, join(projectRoot, 'scripts', 'import.ts'), bbc, archive], { DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' });
    // Autovacuum analyses a freshly filled table only after a delay; until then the planner
    // guesses (a first run measured P1's PostgreSQL time at 10× the usual), so analyse now.
    const analyse = new pg.Client({ connectionString: databaseUrl });
    await analyse.connect();
    await analyse.query('VACUUM ANALYZE');
    await analyse.end();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const database = values.database!;
  const databaseUrl = formatDatabaseUrl({ ...parseDatabaseUrl(values.url!, '--url'), database });
  await ensureData(databaseUrl, database, Number(values.articles));
  const servers = values.servers!.split(',') as ServerName[];
  if (values.baseline) servers.splice(servers.indexOf('sg') + 1, 0, 'base');
  const scenarios = values.scenarios!.split(',') as Scenario[];
  const rounds = Number(values.rounds);
  const seconds = Number(values.seconds);
  const connections = Number(values.connections);
  const sgEnv = JSON.parse(process.env.SG_ENV ?? '{}') as Record<string, string>;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  // PostGraphile reads an entity's links (\`articleEntitiesByEntityId\`) in primary-key order
  // within the entity; Storygraph's schema has no index for that order since it reads them
  // newest first (article_entity_order migration), so without this one PostGraphile's P4 costs
  // about twice its PostgreSQL time. The comparison gives each server the indexes it reads.
  await admin.query('CREATE INDEX IF NOT EXISTS bench_postgraphile_article_entity_idx ON article_entity ("entityId", "articleId")');
  const running: Running[] = [];
  try {
    for (const name of servers) running.push(await start(name, databaseUrl, sgEnv));
    const load1 = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
    console.log(`servers pinned to core 0: ${hasTaskset}; load average before: ${load1}; ${connections} connections, ${seconds} s per run`);
    // Check every answer and count statements per request (20 requests one after another, warm).
    const statements = new Map<string, number>();
    for (const server of running) {
      for (const scenario of scenarios) {
        const request = REQUESTS[server.name][scenario];
        if (!request) continue;
        const answer = await send(server.base, request);
        if (answer.status !== 200 || answer.body.includes('"errors"'))
          throw new Error(`${server.name} ${scenario}: ${answer.status} ${answer.body.slice(0, 500)}`);
        for (let i = 0; i < 30; i++) await send(server.base, request);
        const before = await statementsOf(server);
        for (let i = 0; i < 20; i++) await send(server.base, request);
        statements.set(`${server.name}.${scenario}`, ((await statementsOf(server)) - before) / 20);
        console.log(`${server.name} ${scenario}: ${answer.body.length} bytes, ${statements.get(`${server.name}.${scenario}`)} statements per request`);
      }
    }
    const results = new Map<string, Measure[]>();
    for (let round = 0; round < rounds; round++) {
      for (const scenario of scenarios) {
        const order = running.filter((server) => REQUESTS[server.name][scenario]);
        const rotated = [...order.slice(round % order.length), ...order.slice(0, round % order.length)];
        const measured: [Running, Measure][] = [];
        for (const server of rotated) measured.push([server, await measure(server, REQUESTS[server.name][scenario]!, admin, database, seconds, connections)]);
        // Latency at a fixed rate: half the slowest server's throughput this round.
        const rate = Math.max(1, Math.floor(Math.min(...measured.map(([, m]) => m.rps)) / 2));
        for (const [server, m] of measured) {
          const fixed = await load(server, REQUESTS[server.name][scenario]!, seconds, connections, rate);
          m.p50 = fixed.latency.p50;
          m.p99 = fixed.latency.p99;
          m.errors += fixed.errors + fixed.non2xx;
          const key = `${server.name}.${scenario}`;
          results.set(key, [...(results.get(key) ?? []), m]);
          console.log(
            `round ${round + 1} ${scenario} ${server.name}: ${m.rps.toFixed(0)} req/s; at ${rate} req/s p50 ${m.p50} ms p99 ${m.p99} ms; ` +
              `CPU/request node ${m.nodeMs.toFixed(2)} ms, PostgreSQL ${m.pgMs.toFixed(2)} ms, load generator ${m.loadMs.toFixed(2)} ms; errors ${m.errors}`,
          );
        }
      }
    }
    console.log(`\nload average after: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
    console.log('\nmedians over rounds');
    console.log(
      '| scenario | server | req/s | p50 / p99 ms at fixed rate | statements/request | CPU/request node / PostgreSQL / load generator ms | × PostGraphile | × bare | × base |',
    );
    console.log('|---|---|---|---|---|---|---|---|---|');
    for (const scenario of scenarios) {
      const rps = (name: ServerName) => {
        const list = results.get(`${name}.${scenario}`);
        return list ? median(list.map((m) => m.rps)) : null;
      };
      for (const name of servers) {
        const list = results.get(`${name}.${scenario}`);
        if (!list) continue;
        const mine = rps(name)!;
        const ratio = (other: ServerName) => (rps(other) ? `${(mine / rps(other)!).toFixed(2)}` : '–');
        console.log(
          `| ${scenario.toUpperCase()} | ${name} | ${mine.toFixed(0)} | ${median(list.map((m) => m.p50))} / ${median(list.map((m) => m.p99))} | ${statements.get(`${name}.${scenario}`)} | ` +
            `${median(list.map((m) => m.nodeMs)).toFixed(2)} / ${median(list.map((m) => m.pgMs)).toFixed(2)} / ${median(list.map((m) => m.loadMs)).toFixed(2)} | ${ratio('pg5')} | ${ratio('bare')} | ${ratio('base')} |`,
        );
      }
    }
  } finally {
    await admin.end();
    for (const server of running) server.child.kill('SIGTERM');
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
