// EXPLAIN ANALYZE of every SELECT a server sent (a BENCH_SQL_LOG file of countStatements.mjs):
//   npx tsx bench/read/explainLog.ts DATABASE_URL LOG_FILE [--plans]
// Prints each statement's execution time and its start; --plans prints whole plans.
import { readFileSync } from 'node:fs';
import pg from 'pg';

const [url, file, plans] = process.argv.slice(2);
if (!url || !file) {
  process.stderr.write('Usage: explainLog.ts DATABASE_URL LOG_FILE [--plans]\n');
  process.exit(2);
}
const client = new pg.Client({ connectionString: url });
await client.connect();
const statements = readFileSync(file, 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as { text: string; values: unknown[] });
for (const { text, values } of statements) {
  if (!/^\s*(select|with)/i.test(text)) continue;
  const result = await client.query<{ 'QUERY PLAN': string }>({ text: `EXPLAIN (ANALYZE) ${text}`, values });
  const plan = result.rows.map((row) => row['QUERY PLAN']);
  console.log(`${plan.at(-2)?.trim()}; ${plan.at(-1)} | ${text.replace(/\s+/g, ' ').slice(0, 200)}`);
  if (plans) console.log(plan.join('\n'));
}
await client.end();
