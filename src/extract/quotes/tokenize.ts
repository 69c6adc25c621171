/** A word or punctuation token with its offsets in the text. */
export interface Token {
  start: number;
  end: number;
  text: string;
  lower: string;
  /** First character is an upper-case letter. */
  cap: boolean;
  word: boolean;
}

// Words keep inner apostrophes and hyphens ("don't", "U.S", "vice-president") but a possessive
// 's is split off so that "Russia’s" yields the name token "Russia".
const TOKEN = /[\p{L}\p{N}]+(?:(?:['’](?![sS](?![\p{L}\p{N}]))|[-.&])[\p{L}\p{N}]+)*|['’][sS](?![\p{L}\p{N}])|\S/gu;

/** Splits text[start, end) into tokens; cost is linear in the length of the range. */
export function tokenize(text: string, start: number, end: number): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = start;
  for (;;) {
    const m = TOKEN.exec(text);
    if (m === null || m.index >= end) break;
    const s = m.index;
    const e = Math.min(s + m[0].length, end);
    const t = e === s + m[0].length ? m[0] : text.slice(s, e);
    const c = t.charCodeAt(0);
    // Most tokens open with an ASCII character, whose class a comparison tells.
    const word = c < 0x80 ? (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) : /[\p{L}\p{N}]/u.test(t[0]!);
    const cap = c < 0x80 ? c >= 65 && c <= 90 : word && t[0] !== t[0]!.toLowerCase();
    out.push({ start: s, end: e, text: t, lower: t.toLowerCase(), cap, word });
  }
  return out;
}
