/**
 * A one-dimensional `text[]` in PostgreSQL's text output (`{plain,"quoted \"x\"",NULL}`), as
 * `pg`'s own parser reads it, in one pass of `indexOf` and `slice` instead of a character at a
 * time: lists of articles read every article's paragraphs, and `pg`'s parser was a sixth of the
 * server's CPU on a page of 20. Anything else (several dimensions, explicit bounds) goes to
 * `fallback`. PostgreSQL quotes every element that is empty, is `NULL`, or holds a quote, a
 * backslash, a brace, a comma or white space, so unquoted elements hold no escapes.
 */
export function parseTextArray(text: string, fallback: (text: string) => unknown): unknown {
  if (text.charCodeAt(0) !== OPEN || text.charCodeAt(1) === OPEN) return fallback(text);
  const values: (string | null)[] = [];
  const end = text.length - 1;
  let at = 1;
  // Where the next backslash is, found once for the whole text, not once per element.
  let backslash = text.indexOf('\\', at);
  while (at < end) {
    if (text.charCodeAt(at) === QUOTE) {
      let value = '';
      let from = at + 1;
      for (;;) {
        const quote = text.indexOf('"', from);
        if (backslash !== -1 && backslash < from) backslash = text.indexOf('\\', from);
        if (backslash !== -1 && backslash < quote) {
          value += text.slice(from, backslash) + text.charAt(backslash + 1);
          from = backslash + 2;
          continue;
        }
        value += text.slice(from, quote);
        at = quote + 1;
        break;
      }
      values.push(value);
    } else {
      let comma = text.indexOf(',', at);
      if (comma === -1 || comma > end) comma = end;
      const value = text.slice(at, comma);
      values.push(value === 'NULL' ? null : value);
      at = comma;
    }
    at++;
  }
  return values;
}

const OPEN = 123; // {
const QUOTE = 34; // "
