// npm run export -- [--format jsonl] [--out FILE]
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/openDatabase.js';
import { exportArticles } from '../src/export/exportArticles.js';
import { runCli, UsageError } from '../src/cli/runCli.js';
import { createLogger } from '../src/log.js';

const HELP = `Usage: npm run export -- [--format jsonl] [--out FILE]

Writes every article as one JSON object per line, in import order, in the JSON Lines import
format (title, paragraphs, tags, publishedAt, url, byline, status, slug, sourceKey,
sourcePath) plus what extraction found (entities, quotes with speakers, topics), which an
import ignores. Importing the file into an empty database gives the same API answers.

Options:
  --format jsonl   output format (jsonl is the only one)
  --out FILE       write to FILE (replaced only when the export completes); default stdout
  --quiet          log errors only
  -h, --help       show this help

Environment: DATABASE_URL (unset = the embedded database), STORYGRAPH_DATA_DIR.
Exit codes: 0 done, 1 the database could not be used or the output could not be written, 2 usage error.`;

const options = { format: { type: 'string', default: 'jsonl' }, out: { type: 'string' }, quiet: { type: 'boolean' } } as const;

runCli({ name: 'export', help: HELP, options }, async ({ values }) => {
  if (values.format !== 'jsonl') throw new UsageError(`unknown format "${values.format}" (only jsonl)`);
  const config = loadConfig();
  const log = createLogger(values.quiet ? 'error' : config.logLevel);
  const started = performance.now();
  // Writing to a side file and renaming at the end means an interrupted export never leaves a
  // truncated file under the requested name.
  const partial = values.out ? `${values.out}.partial-${process.pid}` : null;
  const out = partial ? createWriteStream(partial) : process.stdout;
  // A closed pipe (`| head`) or a full disk surfaces here and ends the export with exit code 1.
  let writeError: Error | null = null;
  out.on('error', (error: Error) => {
    writeError = error;
  });
  const db = await openDatabase(config, log);
  let count = 0;
  try {
    for await (const article of exportArticles(db.prisma)) {
      if (writeError) throw writeError;
      if (!out.write(JSON.stringify(article) + '\n')) await once(out, 'drain');
      count++;
    }
    if (partial) {
      out.end();
      await once(out, 'finish');
      await rename(partial, values.out!);
    }
  } catch (error) {
    if (partial) await rm(partial, { force: true });
    throw error;
  } finally {
    await db.close();
  }
  const seconds = (performance.now() - started) / 1000;
  log.info(`export: ${count} article(s) to ${values.out ?? 'stdout'} in ${seconds.toFixed(2)} s`);
  return 0;
});
