// PostgreSQL's CPU per execution of SQL statements, each run as a named prepared statement (as
// the servers run theirs), alternated over rounds:
//   npx tsx bench/read/statementCpu.ts DATABASE_URL ROUNDS EXECUTIONS FILE.sql... [--param name=value]...
// A file holds one statement whose parameters are written `:name` and bound from --param
// (numbers bind as numbers). CPU is the backend's own (utime + stime in /proc/<pid>/stat, so
// PostgreSQL on this machine only), read around EXECUTIONS executions after 20 warm ones; the
// line per file lists each round's milliseconds per execution, sorted, and the median wall time.
import { readFileSync } from 'node:fs';
import pg from 'pg';

const args = process.argv.slice(2);
const params = new Map<string, string | number>();
const positional: string[] = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--param') {
    const [name, value] = (args[++i] ?? '').split(/=(.*)/s);
    params.set(name!, /^\d+$/.test(value ?? '') ? Number(value) : (value ?? ''));
  } else positional.push(args[i]!);
}
const [url, rounds, executions, ...files] = positional;
if (!url || !rounds || !executions || files.length === 0) {
  process.stderr.write('Usage: statementCpu.ts DATABASE_URL ROUNDS EXECUTIONS FILE.sql... [--param name=value]...\n');
  process.exit(2);
}

const statements = files.map((file, i) => {
  const values: unknown[] = [];
  const text = readFileSync(file, 'utf8')
    .trim()
    .replace(/;$/, '')
    .replace(/(?<!:):([A-Za-z_]\w*)/g, (whole, name: string) => {
      if (!params.has(name)) return whole;
      values.push(params.get(name));
      return `$${values.length}`;
    });
  return { file, query: { name: `statement_cpu_${i}`, text, values } };
});

const client = new pg.Client({ connectionString: url });
await client.connect();
const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
const stat = `/proc/${rows[0]!.pid}/stat`;
const ticksPerMs = 100 / 1000; // USER_HZ
const cpu = () => {
  const fields = readFileSync(stat, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / ticksPerMs;
};

const n = Number(executions);
const results = new Map(statements.map((s) => [s.file, [] as { cpu: number; wall: number }[]]));
for (let round = 0; round < Number(rounds); round++) {
  for (const { file, query } of statements) {
    for (let k = 0; k < 20; k++) await client.query(query);
    const cpu0 = cpu();
    const wall0 = performance.now();
    for (let k = 0; k < n; k++) await client.query(query);
    results.get(file)!.push({ cpu: (cpu() - cpu0) / n, wall: (performance.now() - wall0) / n });
  }
}
await client.end();
for (const [file, runs] of results) {
  const cpus = runs.map((r) => r.cpu).sort((a, b) => a - b);
  const walls = runs.map((r) => r.wall).sort((a, b) => a - b);
  console.log(`${file}: CPU ms per execution ${cpus.map((c) => c.toFixed(3)).join(' ')} | median wall ${walls[walls.length >> 1]!.toFixed(3)} ms`);
}
