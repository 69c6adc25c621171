/**
 * The run of ASCII letters, lower-cased, that ends `before` but for trailing white space and
 * one comma ("film" of "the film, "; "s" of "Channel 4's "); "" when none does.
 *
 * The patterns that read a cue before a name ("the film …", "tyre giant …", "Channel 4's …") each
 * end on a word of their own: a pattern is tried only where this is one of its words, so most
 * names are decided without running the patterns over the text before them.
 */
export function lastWordOf(before: string): string {
  let end = before.length;
  while (end > 0 && isSpace(before.charCodeAt(end - 1))) end--;
  if (before.charCodeAt(end - 1) === 0x2c) end--;
  let start = end;
  let folds = false;
  for (; start > 0; start--) {
    const c = before.charCodeAt(start - 1);
    if (c === LONG_S || c === KELVIN) folds = true;
    else if (!isAsciiLetter(c)) break;
  }
  if (start === end) return '';
  const word = before.slice(start, end).toLowerCase();
  return folds ? word.replaceAll('\u017f', 's') : word;
}

/** The two letters a pattern with flags `iu` reads as ASCII ones ("ſ" as "s", the Kelvin sign as "k"; `toLowerCase` does the latter). */
const LONG_S = 0x17f;
const KELVIN = 0x212a;

function isAsciiLetter(c: number): boolean {
  const lower = c | 0x20;
  return lower >= 97 && lower <= 122;
}

/** White space as the patterns' `\s` reads it. */
function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c >= 0x80 && /\s/.test(String.fromCharCode(c)));
}
