import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateArchive } from '../../bench/generateArchive.js';
import { projectRoot } from '../../src/projectRoot.js';
import { IMPORT_BATCH, type ImportJobData } from '../../src/queue/importJob.js';
import { openImportQueue } from '../../src/queue/importQueue.js';
import { importSnapshot } from '../support/importSnapshot.js';
import { sample } from '../support/prometheus.js';
import { runScript, type ScriptResult } from '../support/runScript.js';
import { startWorker, type WorkerProcess } from '../support/startWorker.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/testDatabases.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const ARTICLES = 100;
const BATCH = 10;

const PARAGRAPHS = [
  'The company said profits rose by 12% in the three months to September, helped by strong sales in Asia.',
  'Shares in the group fell sharply in early trading in London after the announcement.',
  'Analysts had expected a smaller increase, citing higher energy costs and weaker demand in Europe.',
  'Talks between the two sides broke down last week after they failed to agree on pay.',
];
const TITLES = ['Profits rise at engineering group', 'Talks collapse over pay', 'New rules for employers'];

/**
 * The README's queue examples (section "Import workers"), as arguments: the suite runs these
 * commands, with the test's inputs in place of `stories/` and `--json` for its assertions.
 */
function readmeExamples(): { worker: string[]; enqueue: string[]; wait: string[] } {
  const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### Import workers'));
  const block = /```sh\n([\s\S]*?)```/.exec(section)![1]!;
  const args = (line: string) =>
    line
      .replace(/#.*/, '')
      .trim()
      .split(/\s+/)
      .slice(line.includes(' -- ') ? line.split(/\s+/).indexOf('--') + 1 : 4)
      .filter((arg) => arg !== 'stories/');
  const lines = block.trim().split('\n');
  const worker = lines.find((line) => line.includes('npm run worker'))!;
  const [enqueue, wait] = lines.filter((line) => line.includes('npm run import'));
  for (const line of lines) expect(line).toMatch(/^REDIS_URL=redis:\/\/127\.0\.0\.1:6379 npm run (worker|import -- )/);
  return { worker: args(worker), enqueue: args(enqueue!), wait: args(wait!) };
}

/** The import CLI as one node process, its output collected. */
function runImport(args: string[], env: Record<string, string>): Promise<ScriptResult> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(projectRoot, 'scripts', 'import.ts'), ...args], {
    cwd: projectRoot,
    env: { ...process.env, NODE_OPTIONS: '', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

describe('the import queue without Redis', () => {
  it('--queue without REDIS_URL is a usage error', async () => {
    const result = await runScript('scripts/import.ts', ['--queue', 'x'], { REDIS_URL: '' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^import: --queue needs REDIS_URL/);
  });

  it('a worker without REDIS_URL is a usage error; an unreachable Redis is REDIS_UNREACHABLE', async () => {
    const worker = await runScript('scripts/worker.ts', [], { REDIS_URL: '' });
    expect(worker.code).toBe(2);
    expect(worker.stderr).toMatch(/^worker: REDIS_URL is not set/);
    const unreachable = await runScript('scripts/import.ts', ['--queue', 'x'], { REDIS_URL: 'redis://127.0.0.1:1' });
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toMatch(/cannot connect to Redis at redis:\/\/127\.0\.0\.1:1\/?: .*ECONNREFUSED.* \[REDIS_UNREACHABLE\]/);
  });
});

describe("the README's queue examples", () => {
  it('are the commands this suite runs', () => {
    expect(readmeExamples()).toEqual({ worker: [], enqueue: ['--queue'], wait: ['--queue', '--wait'] });
  });
});

describe.each(databaseKinds)('the import queue on %s', (kind) => {
  let dir: string;
  let expected: Awaited<ReturnType<typeof importSnapshot>>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'storygraph-queue-'));
    await generateArchive(dir, { count: ARTICLES, paragraphs: PARAGRAPHS, titles: TITLES, seed: 11 });
    const clean = await createTestDatabase(kind);
    try {
      const result = await runScript('scripts/import.ts', ['--json', '--batch-size', String(BATCH), dir], { DATABASE_URL: clean.url });
      expect(result.code).toBe(0);
      expected = await importSnapshot(clean);
    } finally {
      await clean.drop();
    }
  });

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('two workers import a queued run; one killed mid-job loses nothing, and the run ends as a clean import', async () => {
    const test: TestDatabase = await createTestDatabase(kind);
    const queueName = `storygraph-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
    const env = { DATABASE_URL: test.url, REDIS_URL, IMPORT_QUEUE: queueName, IMPORT_JOB_LOCK_MS: '2000' };
    const workers: WorkerProcess[] = [];
    try {
      workers.push(await startWorker(env), await startWorker(env));
      const [doomed, survivor] = workers as [WorkerProcess, WorkerProcess];
      const examples = readmeExamples();
      const run = runImport([...examples.wait, '--json', '--progress', '--batch-size', String(BATCH), dir], env);
      // Killed as soon as it has taken a job: that job is under way, not committed.
      const [, jobId] = await doomed.waitFor(/job (\S+): importing/);
      doomed.child.kill('SIGKILL');
      const result = await run;
      expect(result.code).toBe(0);
      const summary = JSON.parse(result.stdout);
      expect(summary).toMatchObject({ files: ARTICLES, failed: 0 });
      expect(summary.imported + summary.unchanged).toBe(ARTICLES);
      // One progress bar for the whole run, ending at every article.
      expect(result.stderr).toContain(`[########################] ${ARTICLES}/${ARTICLES} articles (100%)`);
      // The dead worker's job was handed to the other one after its lock ran out.
      expect(survivor.log()).toMatch(new RegExp(`job ${jobId}: ${BATCH} article\\(s\\): .* \\(taken 2 times\\)`));
      // It was found stalled by the survivor, whose metrics say so.
      const survivorMetrics = await (await fetch(survivor.metricsUrl)).text();
      expect(sample(survivorMetrics, 'storygraph_import_jobs_total', { outcome: 'stalled' })).toBe(1);
      expect(await importSnapshot(test)).toEqual(expected);

      // Queued again: every job finds its articles unchanged.
      const again = await runImport([...examples.wait, '--json', '--batch-size', String(BATCH), dir], env);
      expect(JSON.parse(again.stdout)).toMatchObject({ files: ARTICLES, imported: 0, updated: 0, unchanged: ARTICLES, failed: 0 });

      // Without --wait: the run is queued and described, and the worker takes it from there.
      const queued = await runImport([...examples.enqueue, '--json', '--batch-size', '25', dir], env);
      expect(queued.code).toBe(0);
      expect(JSON.parse(queued.stdout)).toMatchObject({ queue: queueName, jobs: ARTICLES / 25, articles: ARTICLES, failed: 0 });
      const { run: runId } = JSON.parse(queued.stdout) as { run: string };
      for (let n = 1; n <= ARTICLES / 25; n++) await survivor.waitFor(new RegExp(`job ${runId}-${n}: 25 article\\(s\\): 0 imported, 0 updated, 25 unchanged`));
    } finally {
      for (const worker of workers) worker.child.kill('SIGKILL');
      const queue = openImportQueue(REDIS_URL, queueName);
      await queue.obliterate({ force: true });
      await queue.close();
      await test.drop();
    }
  }, 240_000);

  it('a worker serves its metrics and probes on a port of its own, counting jobs, their articles and the queue', async () => {
    const test = await createTestDatabase(kind);
    const queueName = `storygraph-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
    const small = await mkdtemp(join(tmpdir(), 'storygraph-queue-metrics-'));
    const queue = openImportQueue(REDIS_URL, queueName);
    let worker: WorkerProcess | undefined;
    try {
      await generateArchive(small, { count: 6, paragraphs: PARAGRAPHS, titles: TITLES, seed: 5 });
      const env = { DATABASE_URL: test.url, REDIS_URL, IMPORT_QUEUE: queueName, METRICS_TOKEN: 'scrape-secret' };
      worker = await startWorker(env);
      const url = worker.metricsUrl;
      // The API's rule: with METRICS_TOKEN set, a scrape must carry it; the probes never ask for it.
      expect((await fetch(url)).status).toBe(401);
      expect((await fetch(url.replace('/metrics', '/health/live'))).status).toBe(200);
      expect(await (await fetch(url.replace('/metrics', '/health/ready'))).json()).toEqual({ status: 'ok' });
      expect((await fetch(url.replace('/metrics', '/graphql'))).status).toBe(404);
      const scrape = async () => {
        const response = await fetch(url, { headers: { authorization: 'Bearer scrape-secret' } });
        expect(response.status).toBe(200);
        return response.text();
      };
      const queued = (text: string, state: string) => sample(text, 'storygraph_import_queue_jobs', { queue: queueName, state });
      const jobs = (text: string) =>
        Object.fromEntries(['completed', 'retried', 'failed'].map((outcome) => [outcome, sample(text, 'storygraph_import_jobs_total', { outcome })]));
      const durations = (text: string) =>
        Object.fromEntries(
          ['completed', 'retried', 'failed'].map((outcome) => [outcome, sample(text, 'storygraph_import_job_duration_seconds_count', { outcome })]),
        );
      const articles = (text: string) =>
        Object.fromEntries(
          ['created', 'updated', 'unchanged', 'failed'].map((outcome) => [
            outcome,
            sample(text, 'storygraph_articles_written_total', { source: 'worker', outcome }),
          ]),
        );
      const until = async (done: (text: string) => boolean) => {
        for (let tries = 0; tries < 600; tries++) {
          const text = await scrape();
          if (done(text)) return text;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        throw new Error(`worker metrics never got there:\n${await scrape()}`);
      };

      // Paused, the queue holds the run's three jobs: the worker reports them waiting.
      await queue.pause();
      const enqueued = await runImport(['--queue', '--json', '--batch-size', '2', small], env);
      expect(JSON.parse(enqueued.stdout)).toMatchObject({ jobs: 3, articles: 6 });
      const paused = await scrape();
      expect([queued(paused, 'waiting'), queued(paused, 'active')]).toEqual([3, 0]);
      expect(jobs(paused)).toEqual({ completed: 0, retried: 0, failed: 0 });

      await queue.resume();
      const imported = await until((text) => jobs(text).completed === 3);
      expect(articles(imported)).toEqual({ created: 6, updated: 0, unchanged: 0, failed: 0 });
      expect(durations(imported)).toEqual({ completed: 3, retried: 0, failed: 0 });
      expect(sample(imported, 'storygraph_import_job_duration_seconds_sum', { outcome: 'completed' })).toBeGreaterThan(0);
      expect([queued(imported, 'waiting'), queued(imported, 'active')]).toEqual([0, 0]);
      expect(imported).toMatch(new RegExp(`^storygraph_import_queue_jobs\\{queue="${queueName}",state="waiting"\\} 0$`, 'm'));

      // A job that cannot be read fails: once with an attempt left (retried), then for good.
      const broken = { run: 'broken', reextract: false, articles: [{ label: 'broken.txt' }] } as unknown as ImportJobData;
      await queue.add(IMPORT_BATCH, broken, { jobId: 'broken-1', attempts: 2, backoff: { type: 'fixed', delay: 50 } });
      const failed = await until((text) => jobs(text).failed === 1);
      expect(jobs(failed)).toEqual({ completed: 3, retried: 1, failed: 1 });
      expect(durations(failed)).toEqual({ completed: 3, retried: 1, failed: 1 });

      // The same run again: every article unchanged.
      const again = await runImport(['--queue', '--wait', '--json', '--batch-size', '2', small], env);
      expect(JSON.parse(again.stdout)).toMatchObject({ unchanged: 6 });
      const rerun = await until((text) => jobs(text).completed === 6);
      expect(articles(rerun)).toEqual({ created: 6, updated: 0, unchanged: 6, failed: 0 });
    } finally {
      worker?.child.kill('SIGKILL');
      await queue.obliterate({ force: true });
      await queue.close();
      await test.drop();
      await rm(small, { recursive: true, force: true });
    }
  }, 120_000);

  it('a worker stops on SIGTERM with exit code 0', async () => {
    const test = await createTestDatabase(kind);
    const queueName = `storygraph-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
    try {
      const worker = await startWorker({ DATABASE_URL: test.url, REDIS_URL, IMPORT_QUEUE: queueName });
      const exited = new Promise<number | null>((resolve) => worker.child.on('exit', resolve));
      worker.child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(worker.log()).toContain('worker: stopped');
    } finally {
      const queue = openImportQueue(REDIS_URL, queueName);
      await queue.obliterate({ force: true });
      await queue.close();
      await test.drop();
    }
  });
});
