import { FUNCTION_WORDS } from './lexicon.js';

/** A word the text also uses in lower case, or a function word: a common word, not a name. */
export function isCommonWord(text: string, word: string): boolean {
  const lower = word.toLowerCase();
  if (lower === word || !/^\p{Lu}\p{Ll}+$/u.test(word)) return false;
  if (FUNCTION_WORDS.has(lower)) return true;
  // Whole-word search without building a pattern per word.
  for (let at = text.indexOf(lower); at >= 0; at = text.indexOf(lower, at + 1)) {
    if (!isLetter(text.charCodeAt(at - 1)) && !isLetter(text.charCodeAt(at + lower.length))) return true;
  }
  return false;
}

function isLetter(c: number): boolean {
  if (Number.isNaN(c)) return false;
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  const ch = String.fromCharCode(c);
  return ch.toLowerCase() !== ch.toUpperCase();
}
