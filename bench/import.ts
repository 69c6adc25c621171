// Import benchmark (run by hand, never in `npm test`).
//   npx tsx bench/import.ts [corpus-dir] [--skip-embedded] [--skip-postgres] [--url postgresql://postgres@127.0.0.1:5432/postgres]
//   npx tsx bench/import.ts --scale DIR_OR_JSONL [--url …]     one large import, RSS sampled every 5 s
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
Imports the corpus (default the BBC dev set) with the import CLI into a fresh database on the
PostgreSQL server at --url (default postgresql://postgres@127.0.0.1:5432/postgres; created and
dropped) and into a fresh embedded database, then reruns it; prints articles/s, words/s and peak RSS.
--scale runs one large import into a fresh server database, sampling RSS every 5 s, then a rerun.`,
  {
    url: { type: 'string', default: 'postgresql://postgres@127.0.0.1:5432/postgres' },
    scale: { type: 'string' },
    'skip-embedded': { type: 'boolean' },
    'skip-postgres': { type: 'boolean' },
    'batch-size': { type: 'string' },
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

/** Runs the import CLI as a plain node process, sampling its RSS every 5 s when asked. */
function runImport(inputs: string[], env: Record<string, string | undefined>, sample = false): Promise<{ summary: Summary; rss: number[] }> {
  return new Promise((resolve, reject) => {
    const args = [...importArgs, '--json', '--quiet', ...(values['batch-size'] ? ['--batch-size', values['batch-size']] : []), ...inputs];
    const child = spawn(process.execPath, args, { cwd: projectRoot, env: { ...process.env, NODE_OPTIONS: '', ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
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

if (values.scale) {
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
