// npm run docs: regenerates the README's tables that are derived from the code.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../src/cli/runCli.js';
import { projectRoot } from '../src/projectRoot.js';
import { renderReadme } from './docs/readmeSections.js';

const HELP = `Usage: npm run docs [-- --check]

Rewrites the README sections generated from the code (between <!-- generated:NAME --> markers):
the error codes (src/errors.ts) and the limits (src/config/limits.ts).

Options:
  --check      change nothing; exit 1 when README.md is out of date
  -h, --help   show this help`;

runCli({ name: 'docs', help: HELP, options: { check: { type: 'boolean' } } }, async ({ values }) => {
  const path = join(projectRoot, 'README.md');
  const before = readFileSync(path, 'utf8');
  const after = renderReadme(before);
  if (values.check) {
    if (before === after) return 0;
    process.stderr.write('docs: README.md is out of date; run npm run docs\n');
    return 1;
  }
  if (before !== after) writeFileSync(path, after);
  return 0;
});
