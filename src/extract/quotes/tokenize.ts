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
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      i++;
      continue;
    }
    // Most tokens are plain ASCII words, which TOKEN would match in full: a run of ASCII letters
    // and digits followed by neither a letter of another script nor a mark that may join a word
    // (' - . &). They are read without the regex; everything else goes to it.
    let s = i;
    let tokenEnd = i;
    if (isAsciiAlphanumeric(c)) {
      tokenEnd = i + 1;
      while (isAsciiAlphanumeric(text.charCodeAt(tokenEnd))) tokenEnd++;
      const next = text.charCodeAt(tokenEnd);
      if (next >= 0x80 || next === 39 || next === 45 || next === 46 || next === 38) tokenEnd = i;
    }
    if (tokenEnd === i) {
      TOKEN.lastIndex = i;
      const m = TOKEN.exec(text);
      if (m === null || m.index >= end) break;
      s = m.index;
      tokenEnd = s + m[0].length;
    }
    const e = Math.min(tokenEnd, end);
    const t = text.slice(s, e);
    const first = t.charCodeAt(0);
    // Most tokens open with an ASCII character, whose class a comparison tells.
    const word = first < 0x80 ? isAsciiAlphanumeric(first) : /[\p{L}\p{N}]/u.test(t[0]!);
    const cap = first < 0x80 ? first >= 65 && first <= 90 : word && t[0] !== t[0]!.toLowerCase();
    out.push({ start: s, end: e, text: t, lower: t.toLowerCase(), cap, word });
    i = tokenEnd;
  }
  return out;
}

function isAsciiAlphanumeric(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
