import { HONORIFICS, LOCAL_AND_KIN_TITLES, TITLE_WORDS, isRoleHead } from './lexicon.js';

/** A person's name with the capitalised title that preceded it inside the same mention. */
export interface StrippedName {
  /** Offset of the name inside the original string. */
  nameStart: number;
  /** The title words, or null ("Prime Minister"). */
  title: string | null;
  /** True when the title is only a courtesy title ("Mr", "Dr"). */
  honorific: boolean;
}

/** Titles that may end a stripped prefix although they are not role nouns. */
const TITLE_ENDS = new Set([
  'Sen',
  'Sen.',
  'Rep',
  'Rep.',
  'Gov',
  'Gov.',
  'Gen',
  'Gen.',
  'Col',
  'Col.',
  'Capt',
  'Capt.',
  'Lt',
  'Lt.',
  'Sgt',
  'Sgt.',
  'Justice',
  'Professor',
  'Pope',
  'Prince',
  'Princess',
  'King',
  'Queen',
  'Sheikh',
  'Emir',
  'Speaker',
  'Exchequer',
  'MP',
  'MEP',
  'MSP',
  ...LOCAL_AND_KIN_TITLES,
]);

/** Titles in the plural, before a list of names: "Justices", "Senators", "Cardinals". */
const PLURAL_TITLES = new Set([
  'Justices',
  'Senators',
  'Judges',
  'Cardinals',
  'Bishops',
  'Professors',
  'Governors',
  'Generals',
  'Presidents',
  'Ambassadors',
  'Commissioners',
]);

const TOKEN = /\S+/g;
const FIRST_TOKEN = /\S+/;

/**
 * Splits leading titles off a person mention ("Prime Minister Tony Blair" → title "Prime
 * Minister", name "Tony Blair"; "Mr Blair" → honorific "Mr"). At least one word always stays.
 */
export function stripTitles(mention: string): StrippedName {
  // Most names open with no title, which their first word tells.
  const first = FIRST_TOKEN.exec(mention)?.[0];
  if (first === undefined || !(TITLE_WORDS.has(first) || HONORIFICS.has(first) || PLURAL_TITLES.has(first)))
    return { nameStart: 0, title: null, honorific: false };
  const tokens: { text: string; start: number }[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(mention); m; m = TOKEN.exec(mention)) tokens.push({ text: m[0], start: m.index });
  let k = 0;
  // "Justices Clarence Thomas" (of "Justices Clarence Thomas, Samuel Alito and …"): a plural
  // title opens the first of several names; each holds the title in the singular.
  const plural = tokens.length > 1 && PLURAL_TITLES.has(tokens[0]!.text);
  if (plural) k = 1;
  while (k < tokens.length - 1 && (TITLE_WORDS.has(tokens[k]!.text) || HONORIFICS.has(tokens[k]!.text))) k++;
  // Only strip up to a word that really ends a title: "Foreign Secretary" yes, "Foreign" alone no.
  while (k > 0) {
    const last = tokens[k - 1]!.text;
    if (HONORIFICS.has(last) || TITLE_ENDS.has(last) || isRoleHead(last) || (plural && k === 1)) break;
    k--;
  }
  if (k === 0) return { nameStart: 0, title: null, honorific: false };
  // By push, not map: one array shape whether or not the caller is optimised yet.
  const titleTokens: string[] = [];
  for (let j = 0; j < k; j++) titleTokens.push(plural && j === 0 ? tokens[j]!.text.slice(0, -1) : tokens[j]!.text);
  return {
    nameStart: tokens[k]!.start,
    title: titleTokens.join(' '),
    honorific: titleTokens.every((t) => HONORIFICS.has(t)),
  };
}
