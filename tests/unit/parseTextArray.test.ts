import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { parseTextArray } from '../../src/graphql/read/parseTextArray.js';

/** `pg`'s own text[] parser, the reference. */
const reference = pg.types.getTypeParser(1009 as Parameters<typeof pg.types.getTypeParser>[0], 'text') as (text: string) => unknown;

/** A text array as PostgreSQL's array_out writes it: quoted when empty, NULL, or holding a special character. */
function arrayText(values: (string | null)[]): string {
  const element = (value: string | null) =>
    value === null ? 'NULL' : value === '' || /^null$/i.test(value) || /[{}",\\\s]/.test(value) ? `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"` : value;
  return `{${values.map(element).join(',')}}`;
}

describe('parseTextArray', () => {
  it('reads what pg reads, for plain, quoted, escaped, empty and NULL elements', () => {
    const cases: (string | null)[][] = [
      [],
      [''],
      [null],
      ['NULL', 'null', null],
      ['plain', 'two words', 'a,b', '{braces}', 'say "hi"', 'back\\slash', '\\"', '"', '\\', 'tab\there', 'new\nline'],
      ['ends with backslash \\', 'next "quoted"', 'x'],
      ['\\\\\\', '""', ',', ' ', 'é ü — “curly”'],
    ];
    for (const values of cases) {
      const text = arrayText(values);
      expect({ text, parsed: parseTextArray(text, reference) }).toEqual({ text, parsed: reference(text) });
      expect(parseTextArray(text, reference)).toEqual(values);
    }
  });

  it('reads the paragraphs of the test fixtures as pg does', () => {
    const dir = fileURLToPath(new URL('../../fixtures', import.meta.url));
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => /\.(txt|md)$/.test(name));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const paragraphs = readFileSync(join(dir, file), 'utf8').split(/\n\s*\n/);
      const text = arrayText(paragraphs);
      expect(parseTextArray(text, reference)).toEqual(reference(text));
    }
  });

  it('leaves several dimensions to the fallback', () => {
    expect(parseTextArray('{{a,b},{c,d}}', reference)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(parseTextArray('{{a,b},{c,d}}', () => 'fallback')).toBe('fallback');
  });
});
