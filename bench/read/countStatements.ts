// Loaded with `node --import tsx --import …/countStatements.ts` into each server the read benchmark starts: counts the SQL
// statements the process sends through `pg` (every server here uses it) and answers the
// count over the IPC channel, so statements per request are measured the same way for all.
// With BENCH_SQL_LOG=<file> each statement's text and values are appended to the file as one
// JSON line (to EXPLAIN ANALYZE them).
//
// There are two copies of `pg` on disk: the project's (Storygraph's reads and Prisma's adapter)
// and the one PostGraphile brings into bench/read/node_modules (which this file and the bare
// server resolve first). Counting only the copy this file imports saw none of Storygraph's
// statements, so every copy that resolves from here or from the project root is patched, once.
import { appendFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';

const logFile = process.env.BENCH_SQL_LOG;

let statements = 0;
type Query = (this: pg.Client, ...args: unknown[]) => unknown;

function count(client: typeof pg.Client): void {
  const prototype = client.prototype as unknown as { query: Query; __counted?: true };
  if (prototype.__counted) return;
  const original = prototype.query;
  prototype.query = function countedQuery(...args) {
    statements++;
    if (logFile) {
      const [first, second] = args as [string | { text: string; values?: unknown[] }, unknown[] | undefined];
      const text = typeof first === 'string' ? first : first.text;
      const values = (typeof first === 'string' ? second : (first.values ?? second)) ?? [];
      appendFileSync(logFile, JSON.stringify({ text, values }) + '\n');
    }
    return original.apply(this, args);
  };
  prototype.__counted = true;
}

const here = fileURLToPath(import.meta.url);
const projectPackage = fileURLToPath(new URL('../../package.json', import.meta.url));
// The server's own tree (its working directory): another checkout when it is readBench's --baseline.
const serverPackage = `${process.cwd()}/package.json`;
for (const from of [here, projectPackage, serverPackage]) {
  try {
    count((createRequire(from)('pg') as typeof pg).Client);
  } catch {
    // No `pg` resolves from there (PostGraphile not installed): nothing to count.
  }
}
process.on('message', (message: unknown) => {
  if (message === 'statements') process.send?.({ statements });
});
// The IPC channel must not keep a server alive on its own.
process.channel?.unref();
export {};
