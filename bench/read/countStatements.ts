// Loaded with `node --import tsx --import …/countStatements.ts` into each server the read benchmark starts: counts the SQL
// statements the process sends through `pg` (every server here uses it) and answers the
// count over the IPC channel, so statements per request are measured the same way for all.
// With BENCH_SQL_LOG=<file> each statement's text and values are appended to the file as one
// JSON line (to EXPLAIN ANALYZE them).
import { appendFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type pg from 'pg';

const logFile = process.env.BENCH_SQL_LOG;

let statements = 0;
type Query = (this: pg.Client, ...args: unknown[]) => unknown;

function count(client: typeof pg.Client): void {
  const original = client.prototype.query as unknown as Query;
  (client.prototype as unknown as { query: Query }).query = function countedQuery(...args) {
    statements++;
    if (logFile) {
      const [first, second] = args as [string | { text: string; values?: unknown[] }, unknown[] | undefined];
      const text = typeof first === 'string' ? first : first.text;
      const values = (typeof first === 'string' ? second : (first.values ?? second)) ?? [];
      appendFileSync(logFile, JSON.stringify({ text, values }) + '\n');
    }
    return original.apply(this, args);
  };
}

// The project's `pg` (Storygraph) and the one installed beside the peer servers in bench/read
// (PostGraphile's, which the bare server resolves too) are separate copies: count each once.
const copies = new Set<typeof pg.Client>();
for (const from of [join(process.cwd(), 'package.json'), import.meta.filename]) {
  try {
    copies.add((createRequire(from)('pg') as typeof pg).Client);
  } catch {
    // No `pg` reachable from there.
  }
}
for (const client of copies) count(client);

process.on('message', (message: unknown) => {
  if (message === 'statements') process.send?.({ statements });
});
// The IPC channel must not keep a server alive on its own.
process.channel?.unref();
export {};
