import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CODES } from '../../src/errors.js';
import { projectRoot } from '../../src/projectRoot.js';
import { renderReadme } from '../../tools/docs/readmeSections.js';

const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');

describe('README', () => {
  it('holds the generated tables as the code defines them (run `npm run docs` after a change)', () => {
    expect(renderReadme(readme)).toBe(readme);
  });

  it('lists every error code with its meaning', () => {
    for (const code of Object.keys(ERROR_CODES)) expect(readme).toContain(`| \`${code}\` | `);
    for (const { meaning } of Object.values(ERROR_CODES)) expect(readme).toContain(meaning);
  });
});
