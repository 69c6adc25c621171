// Import benchmark (run by hand, never in `npm test`).
//   npx tsx bench/import.ts [corpus-dir] [--skip-embedded] [--skip-postgres] [--url postgresql://postgres@127.0.0.1:5432/postgres]
//   npx tsx bench/import.ts --scale DIR_OR_JSONL [--url …]     one large import, RSS sampled every 5 s
//   npx tsx bench/import.ts --compare OTHER_TREE [--rounds N]  alternated first imports: this tree vs another checkout
// Imports the corpus (default ../shared/corpus/dev/bbc, 927 articles) with the real CLI into a
// fresh PostgreSQL database on the server at --url and into a fresh embedded database, then
// reruns it, printing articles/s, words/s and peak RSS of the import process for each run.
// Databases are created for the run and dropped (or deleted) afterwards.
import { spawn } from 'node:child_process';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { formatDatabaseUrl, parseDatabaseUrl } from '../src/config/databaseUrl.js';
import { projectRoot } from '../src/projectRoot.js';
import { parseBenchArgs } from './parseBenchArgs.js';

const { values, positionals } = parseBenchArgs(
  `Usage: npx tsx bench/import.ts [corpus-dir] [--skip-embedded] [--skip-postgres] [--url URL] [--batch-size N]
       npx tsx bench/import.ts --scale DIR_OR_JSONL [--url URL]
       npx tsx bench/import.ts --compare OTHER_TREE [--rounds N] [corpus-dir] [--url URL]
Imports the corpus (default the BBC dev set) with the import CLI into a fresh database on the
PostgreSQL server at --url (default postgresql://postgres@127.0.0.1:5432/postgres; created and
dropped) and into a fresh embedded database, then reruns it; prints articles/s, words/s and peak RSS.
--scale runs one large import into a fresh server database, sampling RSS every 5 s, then a rerun.
--compare alternates this tree and another checkout (its own CLI and node_modules), N rounds
(default 7) of a first import into a fresh server database and a rerun, and prints each run,
the medians and the ranges.`,
  {
    url: { type: 'string', default: 'postgresql://postgres@127.0.0.1:5432/postgres' },
    scale: { type: 'string' },
    'skip-embedded': { type: 'boolean' },
    'skip-postgres': { type: 'boolean' },
    'batch-size': { type: 'string' },
    compare: { type: 'string' },
    rounds: { type: 'string', default: '7' },
  },
);

interface Summary {
  files: number;
  imported: number;
  unchanged: number;
  failed: number;
  entitiesCreated: number;
  words: number;
  seconds: number;
  articlesPerSecond: number;
  peakRssMB: number;
}

/**
 * The command `npm run import` runs, as node's arguments: the benchmark runs the CLI with the
 * same Node flags, but as a direct child so that its RSS can be sampled.
 */
async function importCommand(): Promise<string[]> {
  const script = (JSON.parse(await readFile(join(projectRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.import ?? '';
  const [command, ...args] = script.split(/\s+/);
  if (command !== 'node') throw new Error(`package.json's import script does not start with node: ${script}`);
  return args;
}
const importArgs = await importCommand();

/** Runs the import CLI (of `tree`, default this one) as a plain node process, sampling its RSS every 5 s when asked. */
function runImport(
  inputs: string[],
  env: Record<string, string | undefined>,
  sample = false,
  tree = projectRoot,
): Promise<{ summary: Summary; rss: number[] }> {
  return new Promise((resolve, reject) => {
    const args = [...importArgs, '--json', '--quiet', ...(values['batch-size'] ? ['--batch-size', values['batch-size']] : []), ...inputs];
    const child = spawn(process.execPath, args, { cwd: tree, env: { ...process.env, NODE_OPTIONS: '', ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    const rss: number[] = [];
    const timer = sample
      ? setInterval(async () => {
          const status = await readFile(`/proc/${child.pid}/status`, 'utf8').catch(() => '');
          const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
          if (kb) {
            rss.push(Math.round(kb / 1024));
            process.stderr.write(`  t=${rss.length * 5}s RSS ${Math.round(kb / 1024)} MB\n`);
          }
        }, 5000)
      : null;
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (timer) clearInterval(timer);
      try {
        resolve({ summary: JSON.parse(stdout) as Summary, rss });
      } catch {
        reject(new Error(`import exited with ${code} and no summary`));
      }
    });
  });
}

function line(label: string, s: Summary, words: number) {
  const perSecond = (n: number) => Math.round(n / s.seconds).toLocaleString('en');
  console.log(
    `${label.padEnd(22)} ${String(s.files).padStart(7)} articles  ${s.imported} new, ${s.unchanged} unchanged, ${s.failed} failed  ` +
      `${s.seconds.toFixed(2).padStart(7)} s  ${perSecond(s.files).padStart(7)} articles/s  ${perSecond(words).padStart(9)} words/s  peak RSS ${s.peakRssMB} MB`,
  );
}

async function withServerDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
  const base = parseDatabaseUrl(values.url!);
  const name = `storygraph_bench_${process.pid}`;
  await dropDatabase(name);
  const admin = new pg.Client({ host: base.host, port: base.port, user: base.user, password: base.password, database: base.database });
  await admin.connect();
  try {
    return await work(formatDatabaseUrl({ ...base, database: name }));
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

async function withEmbeddedDirectory<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'storygraph-bench-'));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Drops a benchmark database left behind by a run that was killed. */
async function dropDatabase(name: string) {
  const base = parseDatabaseUrl(values.url!);
  const admin = new pg.Client({ host: base.host, port: base.port, user: base.user, password: base.password, database: base.database });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
}

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

if (values.compare) {
  const corpus = positionals[0] ?? join(projectRoot, '..', 'shared', 'corpus', 'dev', 'bbc');
  const trees = { this: projectRoot, other: values.compare };
  const rounds = Number(values.rounds);
  const seconds: Record<keyof typeof trees, { first: number[]; rerun: number[] }> = { this: { first: [], rerun: [] }, other: { first: [], rerun: [] } };
  let articles = 0;
  console.log(`corpus: ${corpus}; ${rounds} alternated rounds; this tree ${trees.this}, other ${trees.other}`);
  for (let round = 1; round <= rounds; round++) {
    // Each round starts with the other tree than the round before, so neither always runs second.
    const order: (keyof typeof trees)[] = round % 2 ? ['this', 'other'] : ['other', 'this'];
    for (const which of order) {
      await withServerDatabase(async (url) => {
        const first = await runImport([corpus], { DATABASE_URL: url }, false, trees[which]);
        const again = await runImport([corpus], { DATABASE_URL: url }, false, trees[which]);
        articles = first.summary.files;
        seconds[which].first.push(first.summary.seconds);
        seconds[which].rerun.push(again.summary.seconds);
        line(`round ${round} ${which} first`, first.summary, first.summary.words);
        line(`round ${round} ${which} rerun`, again.summary, first.summary.words);
      });
    }
  }
  for (const which of ['this', 'other'] as const) {
    const { first, rerun } = seconds[which];
    const files = (s: number) => Math.round(articles / s);
    console.log(
      `${which.padEnd(5)} first import: median ${median(first).toFixed(2)} s, range ${Math.min(...first).toFixed(2)}–${Math.max(...first).toFixed(2)} s` +
        ` (${files(median(first))} articles/s, ${files(Math.max(...first))}–${files(Math.min(...first))}); rerun: median ${median(rerun).toFixed(3)} s, range ${Math.min(...rerun).toFixed(3)}–${Math.max(...rerun).toFixed(3)} s`,
    );
  }
} else if (values.scale) {
  const scale = values.scale;
  await withServerDatabase(async (url) => {
    console.log(`scale run: ${scale} into a fresh PostgreSQL database`);
    const { summary, rss } = await runImport([scale], { DATABASE_URL: url }, true);
    line('scale import', summary, summary.words);
    console.log(`RSS samples every 5 s (MB): ${rss.join(' ')}`);
    const rerun = await runImport([scale], { DATABASE_URL: url });
    line('scale rerun', rerun.summary, summary.words);
  });
} else {
  const corpus = positionals[0] ?? join(projectRoot, '..', 'shared', 'corpus', 'dev', 'bbc');
  console.log(`corpus: ${corpus}`);
  if (!values['skip-postgres']) {
    await withServerDatabase(async (url) => {
      const first = await runImport([corpus], { DATABASE_URL: url });
      line('PostgreSQL first', first.summary, first.summary.words);
      const again = await runImport([corpus], { DATABASE_URL: url });
      line('PostgreSQL rerun', again.summary, first.summary.words);
    });
  }
  if (!values['skip-embedded']) {
    await withEmbeddedDirectory(async (dir) => {
      const env = { DATABASE_URL: undefined, STORYGRAPH_DATA_DIR: dir, EMBEDDED_PG_PORT: '0' };
      const first = await runImport([corpus], env);
      line('embedded first', first.summary, first.summary.words);
      const again = await runImport([corpus], env);
      line('embedded rerun', again.summary, first.summary.words);
    });
  }
}
