// npm run import -- [options] <file | directory>...
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/openDatabase.js';
import { importFiles, type ImportReport } from '../src/ingest/importFiles.js';
import { createLogger } from '../src/log.js';
import { runCli } from './runCli.js';

const HELP = `Usage: npm run import -- [options] <file | directory>...

Imports article files into Storygraph: parses each file, extracts people, organizations,
places, quotes and tags, and stores them (one transaction per article). Directories are
walked recursively for *.txt files. Re-importing an unchanged file writes nothing.

Formats: the seed format ("/path" line, headline, paragraphs, "TAGS:" line) and plain
news text (headline line, blank line, paragraphs).

Options:
  --json        print the summary as one JSON object on stdout
  --verbose     log every file
  --quiet       log errors only
  -h, --help    show this help

Environment: DATABASE_URL (unset = the embedded database), STORYGRAPH_DATA_DIR.
Exit codes: 0 all files imported or unchanged, 1 some file failed, 2 usage error.`;

runCli('import', async () => {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { json: { type: 'boolean' }, verbose: { type: 'boolean' }, quiet: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    process.stderr.write(`import: ${(error as Error).message}\n\n${HELP}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(HELP + '\n');
    return 0;
  }
  if (positionals.length === 0) {
    process.stderr.write(`import: no files given\n\n${HELP}\n`);
    return 2;
  }
  const config = loadConfig();
  const log = createLogger(values.quiet ? 'error' : values.verbose ? 'debug' : config.logLevel === 'debug' ? 'debug' : 'info');
  const db = await openDatabase(config, log);
  try {
    let lastLog = Date.now();
    const report = await importFiles(db.prisma, positionals, {
      log,
      onFile: (done, total) => {
        // One plain line every few seconds: readable on a terminal and in CI logs alike.
        if (Date.now() - lastLog >= 3000 && done < total) {
          lastLog = Date.now();
          log.info(`import: ${done}/${total} files`);
        }
      },
    });
    if (values.json) process.stdout.write(JSON.stringify(summaryOf(report)) + '\n');
    else log.info(formatSummary(report));
    return report.failed > 0 ? 1 : 0;
  } finally {
    await db.close();
  }
});

function summaryOf(report: ImportReport) {
  const { failures, warnings, ...counts } = report;
  return { ...counts, seconds: Number(report.seconds.toFixed(3)), articlesPerSecond: rate(report), failures, warnings };
}

function rate(report: ImportReport): number {
  return report.seconds > 0 ? Number((report.files / report.seconds).toFixed(1)) : 0;
}

function formatSummary(report: ImportReport): string {
  return (
    `import: ${report.files} file(s): ${report.imported} imported, ${report.updated} updated, ${report.unchanged} unchanged, ${report.failed} failed; ` +
    `${report.entitiesCreated} new entities, ${report.tagsCreated} new tags; ${report.seconds.toFixed(2)} s (${rate(report)} articles/s)`
  );
}
