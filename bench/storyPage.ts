// Story page render time: `npx tsx bench/storyPage.ts [--requests N]`. Starts the server on a
// fresh embedded database (or DATABASE_URL) with the demo story, then asks for its page N times
// in a row over HTTP and reports the server's own time (its Server-Timing header: the API
// queries and the rendering) and the time the client waited, first request and warm.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/db/openDatabase.js';
import { startEmbeddedPostgres } from '../src/db/startEmbeddedPostgres.js';
import { seedDemo } from '../src/ingest/seedDemo.js';
import { createLogger } from '../src/log.js';
import { startServer } from '../src/server.js';
import { parseBenchArgs } from './parseBenchArgs.js';

const USAGE = `Usage: npx tsx bench/storyPage.ts [--requests N]

Serves the demo story's page N times (default 50) and prints the server time of the first
request and the median, p95 and maximum of the rest. Target: first render under 200 ms.`;

const { values } = parseBenchArgs(USAGE, { requests: { type: 'string', default: '50' } });
const requests = Number(values.requests);
const SLUG = 'russia-and-nato-agree-to-begin-negotiations-this-winter';
const log = createLogger('error');

const dir = await mkdtemp(join(tmpdir(), 'storygraph-bench-'));
const embedded = process.env.DATABASE_URL ? null : await startEmbeddedPostgres({ dataDir: dir, port: 0, log });
const db = await openDatabase({ databaseUrl: process.env.DATABASE_URL ?? embedded!.url, dataDir: dir, embeddedPort: 0, statementTimeoutMs: 30_000 }, log);
await seedDemo(db.prisma, log);
const server = await startServer({ nodeEnv: 'production', port: 0, introspection: false, limits: { rateLimitPerSecond: 0 } }, db.prisma, log);
const url = `http://localhost:${server.port}/stories/${SLUG}`;

const serverMs: number[] = [];
const clientMs: number[] = [];
for (let i = 0; i < requests; i++) {
  const started = performance.now();
  const response = await fetch(url);
  const body = await response.text();
  clientMs.push(performance.now() - started);
  if (response.status !== 200 || !body.includes('mark class="hl quote"')) throw new Error(`unexpected answer ${response.status}`);
  serverMs.push(Number(/total;dur=([\d.]+)/.exec(response.headers.get('server-timing') ?? '')?.[1]));
}

const stats = (all: number[]) => {
  const warm = all.slice(1).sort((a, b) => a - b);
  const at = (q: number) => warm[Math.min(warm.length - 1, Math.floor(q * warm.length))]!.toFixed(1);
  return `first ${all[0]!.toFixed(1)} ms, warm median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${warm[warm.length - 1]!.toFixed(1)} ms`;
};
console.log(`story page, ${requests} requests one after another`);
console.log(`  server (Server-Timing total): ${stats(serverMs)}`);
console.log(`  client (request to last byte): ${stats(clientMs)}`);

await server.stop();
await db.close();
await embedded?.stop();
await rm(dir, { recursive: true, force: true });
