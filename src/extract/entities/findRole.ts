import { FUNCTION_WORDS, HONORIFICS, ROLE_JOINERS, TITLE_WORDS, isRoleHead } from './lexicon.js';
import type { Mention } from './mention.js';
import { glued, isCapitalised, stripPossessive, type Word } from './scanWords.js';

/** A role found next to a person's name, with the span of the place or organization it is for. */
export interface FoundRole {
  role: string;
  /** Where the role phrase lies, and whether it is a Title Case title ("Defence Secretary"). */
  span: { start: number; end: number };
  titleCase: boolean;
  /** A mention of the affiliation (a possessive "Russia’s", a leading "White House", "for the council"). */
  affiliation: Mention | null;
}

/** Looks up mentions of organizations and places lying inside [start, end), in order. */
export type MentionsInside = (start: number, end: number) => Mention[];

/** -ing/-ed words that do belong in role phrases ("acting president", "managing director"). */
const VERBAL_MODIFIERS = new Set([
  'acting',
  'managing',
  'outgoing',
  'incoming',
  'leading',
  'ruling',
  'governing',
  'serving',
  'sitting',
  'presiding',
  'retiring',
  'founding',
  'elected',
  'designated',
  'appointed',
]);
/** Words that end an appositive: it has turned into a clause. */
const CLAUSE_WORDS = new Set([
  'said',
  'says',
  'told',
  'added',
  'warned',
  'is',
  'was',
  'were',
  'are',
  'has',
  'have',
  'had',
  'will',
  'would',
  'who',
  'which',
  'that',
  'it',
  'he',
  'she',
  'they',
  'we',
  'but',
  'when',
  'while',
  'because',
]);
/** Modifiers written in lower case unless they open a sentence. */
const LOWER_MODIFIERS = new Set(['former', 'ex', 'then', 'acting', 'new', 'outgoing', 'incoming', 'current', 'veteran', 'senior', 'junior', 'interim']);
const ROLE_PREPOSITIONS = new Set(['for', 'of', 'to', 'at', 'in', 'on', 'with']);
const MAX_PREFIX_WORDS = 6;
const MAX_APPOSITIVE_WORDS = 14;

/**
 * Finds the role given next to a person mention: before the name ("Russia’s foreign minister
 * Sergei Lavrov", "Prime Minister Tony Blair") or as an appositive after it ("Emily Horne, a
 * spokesperson for the national security council,"). A leading organization or place, or a
 * possessive one, becomes the affiliation instead of part of the role. `index` is the position of
 * the mention's first word in `words`.
 */
export function findRole(text: string, words: readonly Word[], index: number, mention: Mention, inside: MentionsInside): FoundRole | null {
  const found = roleBefore(text, words, index, inside) ?? roleAfter(text, words, mention, inside);
  if (found === null || found.affiliation !== null) return found;
  // "Its president Satoru Iwata", "Mr Ito, its chief executive,": the owner is what "its" stands for.
  const its = /^its\s+/i.exec(found.role);
  const before = words[lowerBound(words, found.span.start) - 1];
  if (its) {
    found.role = found.role.slice(its[0].length);
    found.span = { start: found.span.start + its[0].length, end: found.span.end };
    found.affiliation = ownerOfIts(text, found.span.start, inside);
  } else if (before && before.text.toLowerCase() === 'its' && glued(text, before, words[lowerBound(words, found.span.start)]!)) {
    found.affiliation = ownerOfIts(text, before.start, inside);
  }
  return found;
}

/** " of " (or " of the ") between a person's name and an organization's. */
const OF_BETWEEN = /^ of (?:the )?$/;

/**
 * The organization a person is "of" just after the name ("Nick Gibson of Games Investor
 * Consulting", "Howard Archer of Global Insight"); not a place, which says where they live.
 */
export function organizationAfterOf(text: string, mention: Mention, inside: MentionsInside): Mention | null {
  const next = inside(mention.end, mention.end + 80).find((m) => m.start > mention.end);
  if (!next || next.type !== 'ORGANIZATION' || !OF_BETWEEN.test(text.slice(mention.end, next.start))) return null;
  return next;
}

/**
 * The organization or place whose possessive comes just before a person's name ("Arsenal's
 * Thierry Henry", "Labour's Alan Milburn"); not a nationality word.
 */
export function ownerBefore(text: string, mention: Mention, inside: MentionsInside): Mention | null {
  const named = inside(Math.max(0, mention.start - 80), mention.start);
  const last = named[named.length - 1];
  if (!last || (last.type !== 'ORGANIZATION' && last.type !== 'PLACE') || last.form === 'DEMONYM') return null;
  return /^[’']s\s+$/.test(text.slice(last.end, mention.start)) ? last : null;
}

/** How far back "its" looks for the organization or place it stands for. */
const ITS_REACH = 300;

/** Words before a name that make it the object of a phrase, or a modifier, rather than what "its" stands for. */
const NOT_OWNER_BEFORE = /\b(?:in|at|on|from|to|into|of|by|for|with|against|a|an|the|its|their|his|her)\s+$/i;

/**
 * What "its" stands for: the organization or place named last before `at`, within reach, that is
 * neither the object of a preposition nor after an article or a possessive ("Yukos has no assets
 * in the US, apart from a house in Houston owned by its chief finance officer" is Yukos's;
 * "Kazakhstan has been dominated by its president"), unless one stands just before it, with a
 * comma ("proceedings against Vivendi, its chief executive").
 */
function ownerOfIts(text: string, at: number, inside: MentionsInside): Mention | null {
  const named = inside(Math.max(0, at - ITS_REACH), at);
  // "proceedings against Vivendi, its chief executive …": a name just before is the owner.
  const last = named[named.length - 1];
  if (last && (last.type === 'ORGANIZATION' || last.type === 'PLACE') && last.form !== 'DEMONYM' && /^,\s*$/.test(text.slice(last.end, at))) return last;
  for (let i = named.length - 1; i >= 0; i--) {
    const m = named[i]!;
    if ((m.type !== 'ORGANIZATION' && m.type !== 'PLACE') || m.form === 'DEMONYM') continue;
    if (!NOT_OWNER_BEFORE.test(text.slice(Math.max(0, m.start - 12), m.start))) return m;
  }
  return null;
}

function roleBefore(text: string, words: readonly Word[], index: number, inside: MentionsInside): FoundRole | null {
  let j = index - 1;
  const name = words[index];
  if (!name) return null;
  let right = name;
  // "Foreign Secretary Mr Straw": skip the courtesy title.
  const maybeHonorific = words[j];
  if (maybeHonorific && HONORIFICS.has(maybeHonorific.text) && /^\.?[ \t]+$/.test(text.slice(maybeHonorific.end, right.start))) {
    right = maybeHonorific;
    j--;
  }
  const head = words[j];
  if (!head || !isRoleHead(head.text) || !glued(text, head, right)) return null;
  let first = j;
  let affiliation: Mention | null = null;
  // A Title Case title ("Trade and Industry Secretary") is capitalised throughout; a lower-case
  // role ("White House press secretary") may take any modifiers but never joins two names.
  const titleCase = isCapitalised(head.text);
  for (let k = j - 1; k >= 0 && j - k < MAX_PREFIX_WORDS; k--) {
    const w = words[k]!;
    // The phrase never takes in a person's name ("Nancy Rothwell and Chicago Cardinal …").
    if (inside(w.start, w.end).some((m) => m.type === 'PERSON') || endsPersonName(w, inside)) break;
    if (!glued(text, w, words[k + 1]!)) {
      // "Russia’s" is glued by its apostrophe-s; anything else (a comma, a quote) ends the phrase.
      break;
    }
    if (/[’']s$/.test(w.text)) {
      affiliation = inside(w.start, w.end - 2)[0] ?? null;
      break;
    }
    const lower = w.text.toLowerCase();
    // "Chancellor of the Exchequer": "the" after "of" inside a title.
    if (titleCase && lower === 'the' && words[k - 1]?.text === 'of' && isCapitalised(words[k + 1]!.text)) {
      first = k;
      continue;
    }
    if (ROLE_JOINERS.has(lower)) {
      const left = words[k - 1];
      const right = words[k + 1]!;
      if (
        titleCase &&
        left &&
        isCapitalised(left.text) &&
        (isCapitalised(right.text) || right.text === 'the') &&
        (!left.sentenceStart || TITLE_WORDS.has(left.text))
      ) {
        first = k;
        continue;
      }
      break;
    }
    // A lower-case word just after a person's name is a verb, not a modifier ("Jake Sullivan met
    // foreign minister …").
    if (!isCapitalised(w.text) && k > 0 && endsPersonName(words[k - 1]!, inside)) break;
    if (isCapitalised(w.text)) {
      // "US" opening a sentence is the country, not the pronoun "us".
      if (w.sentenceStart && FUNCTION_WORDS.has(lower) && !/^\p{Lu}{2,}$/u.test(w.text)) break;
      first = k;
      if (w.sentenceStart) break;
      continue;
    }
    if (titleCase || FUNCTION_WORDS.has(lower) || /ly$/.test(lower) || /\d/.test(lower)) break;
    if (/(?:ing|ed)$/.test(lower) && !VERBAL_MODIFIERS.has(lower)) break;
    first = k;
  }
  // An organization or place inside the phrase ("White House press secretary", "Russian President",
  // "former WorldCom chief") is the affiliation and leaves the role; before a capitalised title only
  // a place does ("Trade and Industry Secretary" stays whole).
  // A joiner only joins inside the title: "…, and Northern Ireland Minister X" starts after it.
  while (first < j && ROLE_JOINERS.has(words[first]!.text.toLowerCase())) first++;
  // "The Darkness drummer": a name that opens with a word the phrase stopped at is still whole.
  const previous = first > 0 ? words[first - 1]! : null;
  if (
    previous &&
    glued(text, previous, words[first]!) &&
    inside(previous.start, head.start).some((m) => m.start === previous.start && m.end > words[first]!.start && m.type !== 'PERSON')
  )
    first--;
  let cut: Mention | undefined;
  for (const m of inside(words[first]!.start, head.start)) {
    if (m.type === 'PERSON' || (titleCase && m.type !== 'PLACE')) continue;
    cut = m;
    break;
  }
  // Capitalised words before the head that are neither titles nor role words are a name, not a role.
  const nameLike = (k: number): boolean => {
    const w = words[k]!;
    return (
      isCapitalised(w.text) &&
      !TITLE_WORDS.has(w.text) &&
      !isRoleHead(w.text) &&
      !(w.sentenceStart && /^\p{Lu}\p{Ll}+$/u.test(w.text) && !isCapitalised(words[k + 1]!.text))
    );
  };
  if (cut) {
    // Before the organization only modifiers of the role stay ("former", "deputy", "shadow"):
    // "Her comments did not impress Tory shadow education secretary X" → "shadow education
    // secretary"; "Earlier Tory leader X" → "leader".
    while (first < j && words[first]!.end <= cut.start && !modifiesRole(words[first]!.text)) first++;
    const before = words[first]!.start < cut.start ? text.slice(words[first]!.start, cut.start).trim() : '';
    const afterStart = words[lowerBound(words, cut.end)]!;
    const after = text.slice(afterStart.start, head.end);
    // "Cardiff and Northern Ireland Minister": a name joined on by "and" is not the role's owner.
    const joined = /^(?:and|or|of|for|&)\s+/.exec(after);
    if (joined) return { role: after.slice(joined[0].length), affiliation, span: { start: afterStart.start + joined[0].length, end: head.end }, titleCase };
    affiliation ??= cut;
    let role = before ? `${before} ${after}` : after;
    if (before && words[first]!.sentenceStart) role = role[0]!.toLowerCase() + role.slice(1);
    return { role: role.replace(/^[’']s\s+/, ''), affiliation, span: { start: words[first]!.start, end: head.end }, titleCase };
  }
  while (first < j && (nameLike(first) || ROLE_JOINERS.has(words[first]!.text))) first++;
  let role = text.slice(words[first]!.start, head.end);
  const opening = words[first]!;
  // Only the sentence's capital goes: "Foreign minister" → "foreign minister", "Former NI minister" → "former NI minister".
  if (opening.sentenceStart && (/^\p{Lu}\p{Ll}+(?: \p{Ll}[\p{Ll}-]*)+$/u.test(role) || LOWER_MODIFIERS.has(opening.text.toLowerCase())))
    role = role[0]!.toLowerCase() + role.slice(1);
  return { role, affiliation, span: { start: words[first]!.start, end: head.end }, titleCase };
}

/**
 * Words that may stand before an organization inside a role: LOWER_MODIFIERS, titles, role
 * heads ("deputy", "chief") and these.
 */
const ROLE_MODIFIERS = new Set(['shadow', 'vice', 'assistant', 'prospective', 'joint', 'co', 'lead']);
function modifiesRole(word: string): boolean {
  const lower = word.toLowerCase();
  return LOWER_MODIFIERS.has(lower) || ROLE_MODIFIERS.has(lower) || TITLE_WORDS.has(word) || isRoleHead(word);
}

function roleAfter(text: string, words: readonly Word[], mention: Mention, inside: MentionsInside): FoundRole | null {
  const comma = /^,\s+(?:(?:a|an|the)\s+)?/.exec(text.slice(mention.end, mention.end + 8));
  // ", and the party leader" continues a list, it does not describe the name.
  if (!comma || /^,\s+(?:and|or|but|nor)\s/i.test(text.slice(mention.end, mention.end + 8))) return null;
  const from = mention.end + comma[0].length;
  let i = lowerBound(words, from);
  const firstWord = words[i];
  if (!firstWord || firstWord.start !== from) return null;
  const firstIndex = i;
  let last = i;
  let sawHead = false;
  let sawPreposition = false;
  for (; i < words.length && i - firstIndex < MAX_APPOSITIVE_WORDS; i++) {
    const w = words[i]!;
    if (i > firstIndex && !/^[ \t]+$/.test(text.slice(words[i - 1]!.end, w.start))) break;
    const lower = w.text.toLowerCase();
    if (CLAUSE_WORDS.has(lower)) return null;
    if (!sawHead && !sawPreposition && isRoleHead(stripPossessive(w.text))) sawHead = true;
    if (ROLE_PREPOSITIONS.has(lower)) {
      if (!sawHead) return null;
      sawPreposition = true;
    }
    last = i;
  }
  if (!sawHead) return null;
  const end = words[last]!.end;
  // The appositive must end at punctuation or the end of the paragraph, not trail off mid-clause.
  const after = text.slice(end, end + 2);
  if (after && !/^[\s]*[,.;:)!?–—-]/.test(after) && !/^\s*\n/.test(after) && end !== text.length) return null;
  let start = from;
  let affiliation: Mention | null = null;
  const within = inside(start, end);
  const lead = within.find((m) => m.start === start);
  // "Commerce and Industry Minister" is one title; "the Kremlin’s chief negotiator" has an owner.
  if (lead && lead.type !== 'PERSON' && !/^\s+(?:and|or|of|for|&)\s/.test(text.slice(lead.end, end))) {
    affiliation = lead;
    const rest = /^(?:[’']s)?\s+/.exec(text.slice(lead.end, end));
    if (rest) start = lead.end + rest[0].length;
  }
  // Otherwise the owner is what the role is "for", "of", "at" or "to" ("economist at UBS").
  const prep = /\s(?:for|of|at|to|with|on)\s/.exec(text.slice(start, end));
  const owners = prep ? within.filter((m) => m.start >= start + prep.index) : [];
  affiliation ??= owners.find((m) => m.type === 'ORGANIZATION') ?? owners.find((m) => m.type === 'PLACE') ?? null;
  const role = text.slice(start, end);
  if (!/\p{L}/u.test(role)) return null;
  return { role, affiliation, span: { start, end }, titleCase: false };
}

/** True when a person's name ends with this word. */
function endsPersonName(word: Word, inside: MentionsInside): boolean {
  return inside(Math.max(0, word.end - MAX_NAME_CHARS), word.end).some((m) => m.type === 'PERSON' && m.end === word.end);
}
/** Longest person name looked back over, in characters. */
const MAX_NAME_CHARS = 60;

/** Index of the first word starting at or after `offset`. */
export function lowerBound(words: readonly Word[], offset: number): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (words[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
