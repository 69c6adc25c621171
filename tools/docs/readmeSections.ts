import { ERROR_CODES } from '../../src/errors.js';

/** The README sections generated from the code, by marker name. */
export const README_SECTIONS: Record<string, () => string> = {
  errors: errorTable,
};

/** The error-code table: every code of `src/errors.ts` with its HTTP status and meaning. */
function errorTable(): string {
  const rows = Object.entries(ERROR_CODES).map(([code, { http, meaning }]) => `| \`${code}\` | ${http ?? '—'} | ${meaning} |`);
  return ['| code | HTTP | meaning |', '|---|---|---|', ...rows].join('\n');
}

/** Replaces the text between `<!-- generated:NAME -->` and `<!-- /generated:NAME -->` with each section. */
export function renderReadme(readme: string): string {
  let out = readme;
  for (const [name, render] of Object.entries(README_SECTIONS)) {
    const start = `<!-- generated:${name} (npm run docs) -->`;
    const end = `<!-- /generated:${name} -->`;
    const from = out.indexOf(start);
    const to = out.indexOf(end);
    if (from < 0 || to < from) throw new Error(`README.md has no ${start} … ${end} section`);
    out = `${out.slice(0, from + start.length)}\n${render()}\n${out.slice(to)}`;
  }
  return out;
}
