import { formatLimit, LIMIT_SPECS } from '../../src/config/limits.js';
import { OPERATIONS_SETTINGS } from '../../src/config/operationsSettings.js';
import { ERROR_CODES } from '../../src/errors.js';

/** The README sections generated from the code, by marker name. */
export const README_SECTIONS: Record<string, () => string> = {
  errors: errorTable,
  limits: limitTable,
  operations: operationsTable,
};

/** The operations settings of `src/config/operationsSettings.ts`. */
function operationsTable(): string {
  const rows = OPERATIONS_SETTINGS.map((setting) => `| \`${setting.variable}\` | ${setting.default} | ${setting.meaning} |`);
  return ['| variable | default | meaning |', '|---|---|---|', ...rows].join('\n');
}

/** The limits table: every limit of `src/config/limits.ts` with its default, variable and outcome. */
function limitTable(): string {
  const rows = Object.values(LIMIT_SPECS).map((spec) => `| ${spec.what} | ${formatLimit(spec, spec.default)} | \`${spec.variable}\` | ${spec.outcome} |`);
  return ['| limit | default | variable | over it |', '|---|---|---|---|', ...rows].join('\n');
}

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
