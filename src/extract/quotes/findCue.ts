import { CUE_BASE_FORMS, CUE_WORDS, DETERMINERS, NOUN_MARKERS, WEAK_CUE_WORDS } from './lexicon.js';
import type { Token } from './tokenize.js';

/** A cue found in a token list: the token range that forms it and the head word's position. */
export interface CueMatch {
  /** Index of the first cue token. */
  first: number;
  /** Index of the last cue token. */
  last: number;
  /** True for "according to", whose speaker follows the cue. */
  speakerAfter: boolean;
}

/** Whether token i can head a cue; weak cues only count within `weakReach` of the quote side. */
function isCueAt(tokens: readonly Token[], i: number, weakOk: boolean): boolean {
  const t = tokens[i]!;
  // Most tokens are no cue word at all: one lookup rules them out.
  if (!t.word || !CUE_HEADS.has(t.lower)) return false;
  // Lower case, or capitalised as the first word ("Said Ellis: …").
  if (t.text !== t.lower && i > 0) return false;
  if (t.lower === 'according') return tokens[i + 1]?.lower === 'to';
  // "Hillary shot back, “…”", "fired back": a retort named by its phrase.
  if (BACK_VERBS.has(t.lower)) return tokens[i + 1]?.lower === 'back';
  // "…,” he went on.", "she points out": verbs that report speech only with their particle;
  // "went on" only when nothing follows it in the clause ("went on to win" is no speech).
  if (ON_VERBS.has(t.lower)) return tokens[i + 1]?.lower === 'on' && (tokens[i + 2] === undefined || !tokens[i + 2]!.word);
  if (OUT_VERBS.has(t.lower)) return tokens[i + 1]?.lower === 'out';
  if (!CUE_WORDS.has(t.lower)) return false;
  // "thanks to his method", "agreed to pay": an infinitive or a
  // preposition after these makes them something other than speech.
  if (tokens[i + 1]?.lower === 'to' && NOT_SPEECH_BEFORE_TO.test(t.lower)) return false;
  const prev = tokens[i - 1]?.lower;
  // "to tell whether", "the answers", "Republican claims as": infinitives and nouns are not cues.
  if (prev === 'to' && tokens[i - 2]?.lower !== 'on') return false;
  if (
    prev !== undefined &&
    t.lower.endsWith('s') &&
    t.lower !== 'says' &&
    (DETERMINERS.has(prev) || prev === "'s" || prev === '’s' || NOUN_PREPOSITIONS.has(prev))
  )
    return false;
  // After an article or a possessive a cue word is a noun: "the email said", "his tweet".
  if (prev !== undefined && NOUN_MARKERS.has(prev)) return false;
  // "22 Clinton emails", "the Trump tweets": a plural after a name that a number or article leads.
  if (
    t.lower.endsWith('s') &&
    t.lower !== 'says' &&
    tokens[i - 1]?.cap &&
    /^(?:\d[\d,.]*|the|a|an|her|his|their|its|of|more|many|some|several)$/.test(tokens[i - 2]?.lower ?? '')
  )
    return false;
  // "a solidly Liberal state", "the Harbour Guild claim": a plain form after a singular capitalised
  // word that an article or a number leads cannot agree with it as a verb, so it is a noun.
  if (CUE_BASE_FORMS.has(t.lower) && tokens[i - 1]?.cap && !tokens[i - 1]!.lower.endsWith('s') && articleLedCapitals(tokens, i - 1)) return false;
  return weakOk || !WEAK_CUE_WORDS.has(t.lower);
}

/** True when the capitalised words ending at tokens[j] are led by an article, a possessive or a number ("the Harbour Guild", "a solidly Liberal"). */
function articleLedCapitals(tokens: readonly Token[], j: number): boolean {
  let k = j;
  while (k > 0 && j - k < 4 && (tokens[k - 1]!.cap || /ly$/.test(tokens[k - 1]!.lower))) k--;
  return /^(?:\d[\d,.]*|the|a|an|her|his|their|its|our)$/.test(tokens[k - 1]?.lower ?? '');
}

/** Prepositions after which a cue word ending in -s is a plural noun ("in states that vote", "of claims"). */
const NOUN_PREPOSITIONS: ReadonlySet<string> = new Set(['of', 'in', 'for', 'with', 'from', 'on', 'at', 'by', 'about', 'into', 'among']);

/** Cue words that are not speech when "to" follows them. */
const NOT_SPEECH_BEFORE_TO = /^(?:thank|thanks|agree|agrees|agreed|agreeing)$/;

/** Forms of "call", which take the thing named as an object before the quote. */
const CALL_FORMS: ReadonlySet<string> = new Set(['call', 'calls', 'called', 'calling']);

/** Verbs that report a retort with "back" after them ("shot back", "fired back", "hit back"). */
const BACK_VERBS: ReadonlySet<string> = new Set(['shot', 'shoots', 'fired', 'fires', 'hit', 'hits']);

/** Verbs that report speech with "on" after them ("he went on", "she goes on"). */
const ON_VERBS: ReadonlySet<string> = new Set(['went', 'goes']);

/** Verbs that report speech with "out" after them ("he points out", "she pointed out"). */
const OUT_VERBS: ReadonlySet<string> = new Set(['point', 'points', 'pointed', 'pointing']);

/** Every word that can head a cue: the cue words and the verbs that need a particle or "to" after them. */
const CUE_HEADS: ReadonlySet<string> = new Set(['according', ...BACK_VERBS, ...ON_VERBS, ...OUT_VERBS, ...CUE_WORDS]);

/** Grows a cue over its fixed phrases: "was quoted as saying", "responded by saying", "according to". */
function extend(tokens: readonly Token[], i: number): CueMatch {
  let first = i;
  let last = i;
  const t = tokens[i]!.lower;
  if (t === 'according') return { first, last: i + 1, speakerAfter: true };
  // "quoted (as) saying/stating", "responded by saying", "went on to say", "put it"
  const n1 = tokens[i + 1]?.lower;
  const n2 = tokens[i + 2]?.lower;
  if ((n1 === 'as' || n1 === 'by' || n1 === 'on') && n2 !== undefined && CUE_WORDS.has(n2) && n2.endsWith('ing')) last = i + 2;
  else if (n1 !== undefined && n1.endsWith('ing') && CUE_WORDS.has(n1) && tokens[i + 1]!.text === n1) last = i + 1;
  else if (n1 === 'it' && (t === 'put' || t === 'puts')) last = i + 1;
  else if (n1 === 'back' && BACK_VERBS.has(t)) last = i + 1;
  else if ((n1 === 'on' && ON_VERBS.has(t)) || (n1 === 'out' && OUT_VERBS.has(t))) last = i + 1;
  if (t === 'quoted' && tokens[i - 1] !== undefined && /^(?:was|were|is|been|being)$/.test(tokens[i - 1]!.lower)) first = i - 1;
  return { first, last, speakerAfter: false };
}

/** The cue nearest the end of the tokens (for text before a quote). */
export function lastCue(tokens: readonly Token[], weakReach = 3): CueMatch | null {
  // "called the Republican frontrunner “…”": "call" names its object before the quote, so it
  // reaches over a short phrase without punctuation.
  let plainRun = 0;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const near = tokens.length - 1 - i < weakReach || (CALL_FORMS.has(tokens[i]!.lower) && plainRun < 6 && plainRun === tokens.length - 1 - i);
    if (tokens[i]!.word) plainRun++;
    else plainRun = Infinity;
    if (isCueAt(tokens, i, near)) {
      // Prefer the head of a chain: in "quoted as saying" the scan meets "saying" first.
      let h = i;
      while (h >= 2 && (tokens[h - 1]!.lower === 'as' || tokens[h - 1]!.lower === 'by') && isCueAt(tokens, h - 2, true)) h -= 2;
      if (h >= 1 && tokens[h]!.lower.endsWith('ing') && isCueAt(tokens, h - 1, true) && !tokens[h - 1]!.lower.endsWith('ing')) h -= 1;
      return extend(tokens, h);
    }
    if (tokens[i]!.lower === 'to' && tokens[i - 1]?.lower === 'according') return extend(tokens, i - 1);
  }
  return null;
}

/**
 * True when the words before tokens[i] are one plain phrase opened by an article or a capital
 * ("…,” the Washington Post reported", "the passage continued"): a weak cue there has that
 * phrase as its subject, however long the name.
 */
function plainSubjectBefore(tokens: readonly Token[], i: number): boolean {
  if (i < 2 || i > 6) return false;
  const first = tokens[0]!;
  if (!(first.cap || ARTICLES.has(first.lower))) return false;
  for (let k = 0; k < i; k++) if (!tokens[k]!.word || CUE_WORDS.has(tokens[k]!.lower)) return false;
  return true;
}

/** Articles that open a noun phrase. */
const ARTICLES: ReadonlySet<string> = new Set(['the', 'a', 'an']);

/** The first cue within the first `reach` tokens (for text after a quote). */
export function firstCue(tokens: readonly Token[], reach: number, weakReach = 3): CueMatch | null {
  const n = Math.min(tokens.length, reach);
  for (let i = 0; i < n; i++) {
    if (isCueAt(tokens, i, i < weakReach || plainSubjectBefore(tokens, i))) return extend(tokens, i);
  }
  return null;
}

/**
 * Verbs that report speech and take a clause as their object ("said he would", "noted that"):
 * a quote inside that clause is the reporting subject's, whoever the clause is about.
 */
const REPORTING_VERBS: ReadonlySet<string> = new Set(
  ['say', 'says', 'said', 'saying', 'tell', 'tells', 'told', 'telling', 'write', 'writes', 'wrote', 'writing'].concat(
    [
      'add',
      'note',
      'argue',
      'claim',
      'insist',
      'explain',
      'state',
      'suggest',
      'contend',
      'acknowledge',
      'predict',
      'warn',
      'declare',
      'assert',
      'concede',
    ].flatMap((v) => (v.endsWith('e') ? [v + 's', v + 'd', v.slice(0, -1) + 'ing'] : [v + 's', v + 'ed', v + 'ing'])),
  ),
);

/** Words opening a clause of time or reason, never what a verb of speech reports ("said as …"). */
const TIME_CLAUSE_OPENERS: ReadonlySet<string> = new Set(['as', 'while', 'when', 'after', 'before', 'because', 'since', 'until', 'once']);

/** Words that cannot stand inside the short subject of a parenthetical "…, Smith said, …". */
const NOT_IN_ASIDE_SUBJECT: ReadonlySet<string> = new Set(['and', 'but', 'or', 'that', 'who', 'which', 'to', 'as', 'if', 'when', 'while']);

/**
 * True when the reporting verb at tokens[i] closes a short aside set off by commas: ", Smith
 * said," or ", the agency's director added,". The subject is one to five words with no verb of
 * speech or clause word among them.
 */
function isParentheticalReport(tokens: readonly Token[], i: number): boolean {
  if (tokens[i + 1]?.text !== ',') return false;
  for (let k = i - 1; k >= 0 && i - k <= 6; k--) {
    const t = tokens[k]!;
    if (t.text === ',') return k < i - 1;
    // The full stop of an abbreviated title stays inside the subject ("Sen. Lee said").
    if (t.text === '.' && k > 0 && tokens[k - 1]!.end === t.start) continue;
    if (!t.word || CUE_WORDS.has(t.lower) || NOT_IN_ASIDE_SUBJECT.has(t.lower)) return false;
  }
  return false;
}

/**
 * "As the Herald's Ann Lee puts it, …", "As Smith said, …": an aside opening the sentence with
 * "as", a short subject and a cue, closed by a comma. It attributes the whole sentence.
 */
export function asAsideCue(tokens: readonly Token[]): CueMatch | null {
  if (tokens[0]?.lower !== 'as') return null;
  for (let i = 2; i < tokens.length && i <= 8; i++) {
    const t = tokens[i]!;
    if (!t.word && t.text !== '.' && t.lower !== "'s" && t.lower !== '’s') return null;
    if (t.cap || !isCueAt(tokens, i, true)) continue;
    const cue = extend(tokens, i);
    return tokens[cue.last + 1]?.text === ',' ? cue : null;
  }
  return null;
}

/**
 * The reporting verb whose clause holds the cue at `inner` ("Bolton said he would advise Trump on
 * “…”" → "said"), or null when the cue is not inside one: the earliest such verb before it.
 */
export function reportingCueBefore(tokens: readonly Token[], inner: number): CueMatch | null {
  for (let i = 0; i < inner; i++) {
    const t = tokens[i]!;
    if (!REPORTING_VERBS.has(t.lower) || !isCueAt(tokens, i, true)) continue;
    // "…,” said Reed, who added that …": an inverted cue belongs to the quote before it; and
    // "Graham, who says …, tweeted that": a verb of a relative clause governs nothing after it.
    // A participle after a comma ("Smith pointed to the record, noting that he …") is no inverted cue.
    const participle = t.lower.endsWith('ing') && tokens[i - 1]?.text === ',';
    // "Rep. Lee (D-N.Y.) said …": a bracket after the subject is no quote's end either.
    if (i === 0 || (!tokens[i - 1]!.word && !participle && tokens[i - 1]!.text !== ')') || tokens[i - 1]!.lower === 'who' || tokens[i - 1]!.lower === 'which')
      continue;
    // A relative clause ("…, who added that …") has a subject of its own.
    if (tokens[inner - 1]?.lower === 'who' || tokens[inner - 1]?.lower === 'which') return null;
    // "Lee said while the crowd shouted …": a time clause right after the verb is no reported content.
    if (TIME_CLAUSE_OPENERS.has(tokens[i + 1]?.lower ?? '')) continue;
    // "The agency, Smith said, called the plan “…”": a reporting clause set off by commas inside
    // the sentence attributes the whole sentence, whatever verbs follow it.
    if (isParentheticalReport(tokens, i)) return extend(tokens, i);
    // The reporting verb must govern the cue's clause directly: across a comma or semicolon
    // ("Despite what he wrote …, Cross said he …", "…, and Jones added") a new clause begins.
    let direct = true;
    for (let k = i + 1; k < inner && direct; k++) if (tokens[k]!.text === ';' || tokens[k]!.text === ',') direct = false;
    if (direct) return extend(tokens, i);
  }
  return null;
}
