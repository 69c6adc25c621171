/** Generational suffixes that are not a surname ("Martin Luther King Jr"). */
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

/** Words an acronym skips ("Bank of England" → BOE, "Department for Education" → DFE). */
const ACRONYM_SKIP = new Set(['of', 'the', 'and', 'for', 'on', 'in', 'de', 'du', 'des', 'la', 'le']);

/** The surname of a multi-word person name key ("sergei lavrov" → "lavrov"), or null for one word. */
export function surnameKeyOf(nameKey: string): string | null {
  const words = nameKey.split(' ').filter((w) => !SUFFIXES.has(w));
  return words.length >= 2 ? words[words.length - 1]! : null;
}

/** The surname as written in a multi-word name ("Sergei Lavrov" → "Lavrov"), or null. */
export function surnameOf(name: string): string | null {
  const words = name.split(/\s+/).filter((w) => w && !SUFFIXES.has(w.toLowerCase().replace(/\W/g, '')));
  return words.length >= 2 ? words[words.length - 1]!.replace(/[,.]+$/, '') : null;
}

/**
 * The initials of a multi-word organization name key ("north atlantic treaty organisation" →
 * "nato"), or null when the name has fewer than three significant words (two initials match
 * too many names).
 */
export function acronymOf(nameKey: string): string | null {
  const words = nameKey.split(' ').filter((w) => w && !ACRONYM_SKIP.has(w));
  if (words.length < 3) return null;
  return words.map((w) => w[0]).join('');
}

/**
 * A name that may stand for initials: capitals ("NATO", "FAO") or, in the BBC's house style,
 * a capitalised word of four letters or more ("Nato", "Unicef"). Two-letter forms ("BP",
 * "EC") are too ambiguous to match by initials.
 */
export function looksLikeAcronym(name: string): boolean {
  return /^[A-Z]{3,8}$/.test(name) || /^[A-Z][a-z]{3,7}$/.test(name);
}

/** True for a one-word key, the only shape that can be a surname alone or an acronym. */
export function isSingleWord(nameKey: string): boolean {
  return !nameKey.includes(' ');
}

/** A role reduced to comparable words ("Foreign Minister," → "foreign minister"). */
export function normaliseRole(role: string): string {
  return role
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
