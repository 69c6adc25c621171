/**
 * The run of ASCII letters, lower-cased, that ends `before` but for trailing white space and
 * one comma ("film" of "the film, "; "s" of "Channel 4's "); "" when none does.
 *
 * The patterns that read a cue before a name ("the film …", "tyre giant …", "Channel 4's …") each
 * end on a word of their own: a pattern is tried only where this is one of its words, so most
 * names are decided without running the patterns over the text before them. (The patterns'
 * letters are ASCII and their `\b` reads no other letter as a word's, so a word such as "ſfilm"
 * ends in "film" for them as it does here.)
 */
export function lastWordOf(before: string): string {
  let end = before.length;
  while (end > 0 && isSpace(before.charCodeAt(end - 1))) end--;
  if (before.charCodeAt(end - 1) === 0x2c) end--;
  let start = end;
  while (start > 0 && isAsciiLetter(before.charCodeAt(start - 1))) start--;
  return start === end ? '' : before.slice(start, end).toLowerCase();
}

function isAsciiLetter(c: number): boolean {
  const lower = c | 0x20;
  return lower >= 97 && lower <= 122;
}

/** White space as the patterns' `\s` reads it. */
function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c >= 0x80 && /\s/.test(String.fromCharCode(c)));
}
