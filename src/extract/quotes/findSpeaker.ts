/**
 * Finds the speaker phrase next to a cue: the subject on its left ("NATO members said",
 * "Smith, a spokesman, said", "she responded by saying") or the phrase on its right
 * ("said Smith", "according to a spokesperson").
 */
import type { CueMatch } from './findCue.js';
import { ABBREVIATIONS, CUE_WORDS, DETERMINERS, GROUP_NOUNS, NOUN_MARKERS, NP_STOP_WORDS, PRONOUNS, ROLE_NOUNS, SKIP_BEFORE_CUE } from './lexicon.js';
import type { NameIndex } from './nameIndex.js';
import type { Token } from './tokenize.js';
import type { NameSpan, SpeakerForm, Span } from './types.js';

export interface SpeakerCandidate {
  mention: Span;
  form: SpeakerForm;
  /** NER type when the mention is (or contains) a name; 'PER' is guessed for unknown capitalised runs. */
  nameType: NameSpan['type'] | null;
  /** How directly the phrase was tied to the cue (1 best). */
  strength: number;
  /** For a relative pronoun ("Smith, who said"): the phrase it stands for. */
  antecedent?: Span;
}

const TIME_WORDS = new Set([
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'today',
  'yesterday',
  'tonight',
  'morning',
  'afternoon',
  'evening',
  'night',
  'last',
  'this',
  'week',
  'earlier',
  'later',
  'recently',
  'also',
  'then',
  'again',
  'once',
  'flatly',
  'simply',
  'bluntly',
  'repeatedly',
  'told',
]);

/** Capitalised words that start sentences or clauses without being names. */
const CAP_NON_NAMES = new Set([
  'the',
  'a',
  'an',
  'but',
  'and',
  'in',
  'on',
  'at',
  'as',
  'for',
  'so',
  'yet',
  'or',
  'if',
  'when',
  'while',
  'after',
  'before',
  'since',
  'because',
  'although',
  'though',
  'however',
  'meanwhile',
  'still',
  'then',
  'now',
  'later',
  'earlier',
  'instead',
  'also',
  'asked',
  'speaking',
  'last',
  'this',
  'that',
  'these',
  'those',
  'there',
  'here',
  'it',
  'mr',
  'mrs',
  'ms',
  'dr',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'today',
  'yesterday',
  'i',
]);

/** Lower-case words that open a titled name after an inverted cue: "said former Gov. Jim Hodges". */
const TITLE_MODIFIERS = new Set(['former', 'retired', 'late', 'then', 'outgoing', 'incoming', 'acting', 'interim', 'deputy', 'veteran', 'longtime', 'fellow']);

/** Cues whose object is the one spoken to: "she told Mr Blair", "he asked reporters". */
export const ADDRESSEE_VERBS: ReadonlySet<string> = new Set([
  'told',
  'tells',
  'tell',
  'telling',
  'asked',
  'asks',
  'ask',
  'asking',
  'assured',
  'assures',
  'informed',
  'informs',
  'reminded',
  'urged',
  'warned',
]);

/** Addressee verbs that also invert straight after a quote, with the speaker as their subject. */
const INVERTING_ADDRESSEE_VERBS = new Set(['asked', 'asks', 'warned', 'urged']);

function span(text: string, start: number, end: number): Span {
  return { start, end, text: text.slice(start, end) };
}

/** Words that link a sentence to the one before and may stand alone before a comma. */
const SENTENCE_LINKS: ReadonlySet<string> = new Set(['but', 'yet', 'and', 'so', 'still', 'however', 'instead', 'now', 'then', 'again', 'meanwhile', 'indeed']);

function isAdverb(t: Token): boolean {
  return t.word && !t.cap && t.lower.length > 4 && t.lower.endsWith('ly');
}

/** Noun phrase whose last token is tokens[j], or null when tokens[j] cannot end a speaker phrase. */
export function npEndingAt(text: string, tokens: readonly Token[], j: number, floor: number, names: NameIndex): SpeakerCandidate | null {
  const t = tokens[j];
  if (t === undefined || j < floor) return null;
  if (!t.word) return null;
  const name = names.at(t.start);
  // "NATO members", "Clinton campaign": a name followed by a group noun is a group phrase.
  if (name === null && GROUP_NOUNS.has(t.lower) && (!t.cap || j === floor)) {
    const head = collectLeft(tokens, j, floor, names);
    const first = tokens[head]!;
    return (
      ofPhrase(text, tokens, head, t.end, floor, names) ?? {
        mention: span(text, first.start, t.end),
        form: 'GROUP',
        nameType: names.at(first.start)?.type ?? null,
        strength: 2,
      }
    );
  }
  if (name !== null) {
    const outer = ofPhrase(text, tokens, tokenIndexAt(tokens, name.start, j), t.end, floor, names);
    if (outer !== null) return outer;
    // "Sam Okafor of Leeds said", "Lord Nicholls of Birkenhead said": a person "of" a place or a
    // body is the subject; the name after "of" says where the person is from.
    // ("of the": "Mervyn King of the Bank of England said". Not a person who is the object of a
    // phrase himself: "The daughter of Sam Okafor of Leeds said".)
    if (name.type !== 'PER') {
      let of = tokenIndexAt(tokens, name.start, j) - 1;
      if (of - 1 >= floor && tokens[of]!.lower === 'the') of--;
      const person = of - 1 >= floor && tokens[of]!.lower === 'of' ? names.at(tokens[of - 1]!.start) : null;
      if (person !== null && person.type === 'PER') {
        const k = tokenIndexAt(tokens, person.start, of - 1) - 1;
        const governed = k >= floor && (PREPOSITIONS.has(tokens[k]!.lower) || OBJECT_PREPOSITIONS.has(tokens[k]!.lower) || tokens[k]!.lower === 'of');
        if (!governed) return { mention: span(text, person.start, person.end), form: 'NAME', nameType: 'PER', strength: 1 };
      }
    }
    return { mention: span(text, name.start, name.end), form: name.type === 'PER' ? 'NAME' : 'GROUP', nameType: name.type, strength: 1 };
  }
  const pron = PRONOUNS.get(t.lower);
  if (pron !== undefined) {
    // "I said", "we said": the writer (or a quoted first person); "we" elsewhere is too vague.
    if (pron === 'SELF' && t.lower !== 'i') return null;
    return { mention: span(text, t.start, t.end), form: 'PRONOUN', nameType: null, strength: 1 };
  }
  if ((!t.cap || j === floor) && ROLE_NOUNS.has(t.lower)) {
    const head = collectLeft(tokens, j, floor, names);
    return { mention: span(text, tokens[head]!.start, t.end), form: 'DESCRIPTION', nameType: null, strength: 2 };
  }
  if (t.cap && !CAP_NON_NAMES.has(t.lower)) {
    // A capitalised run the NER missed ("Sen. Smith", "Press Secretary Jones").
    let k = j;
    while (k - 1 >= floor && tokens[k - 1]!.cap && !CAP_NON_NAMES.has(tokens[k - 1]!.lower) && j - k < 4) k--;
    return { mention: span(text, tokens[k]!.start, t.end), form: 'NAME', nameType: null, strength: 2 };
  }
  if (!t.cap && !NP_STOP_WORDS.has(t.lower) && (!CUE_WORDS.has(t.lower) || NOUN_MARKERS.has(tokens[j - 1]?.lower ?? ''))) {
    // A plain noun phrase with a determiner close by: "the report", "the campaign's statement".
    for (let k = j - 1; k >= floor && k >= j - 3; k--) {
      const w = tokens[k]!;
      if (DETERMINERS.has(w.lower) || /^[0-9][0-9,.]*$/.test(w.text))
        return { mention: span(text, w.start, t.end), form: 'DESCRIPTION', nameType: null, strength: 3 };
      if (!w.word || NP_STOP_WORDS.has(w.lower)) break;
    }
  }
  return null;
}

/** Index of the token starting at `start`, searching left from j. */
function tokenIndexAt(tokens: readonly Token[], start: number, j: number): number {
  let k = j;
  while (k > 0 && tokens[k]!.start > start) k--;
  return k;
}

/**
 * "a spokesperson for the ministry", "the director of NASA": a role noun owns the phrase after
 * its preposition, so the whole phrase is the speaker and the role decides its form.
 */
function ofPhrase(text: string, tokens: readonly Token[], innerStart: number, end: number, floor: number, names: NameIndex): SpeakerCandidate | null {
  const prep = tokens[innerStart - 1]?.lower;
  if (prep !== 'for' && prep !== 'of' && prep !== 'at' && prep !== 'from' && prep !== 'with') return null;
  const role = tokens[innerStart - 2];
  if (role === undefined || innerStart - 2 < floor || role.cap || !(ROLE_NOUNS.has(role.lower) || GROUP_NOUNS.has(role.lower))) return null;
  const head = collectLeft(tokens, innerStart - 2, floor, names);
  return {
    mention: span(text, tokens[head]!.start, end),
    form: ROLE_NOUNS.has(role.lower) ? 'DESCRIPTION' : 'GROUP',
    nameType: null,
    strength: 2,
  };
}

/** Walks left from a head noun over its modifiers up to (and including) a determiner. */
function collectLeft(tokens: readonly Token[], j: number, floor: number, names: NameIndex): number {
  let k = j;
  while (k - 1 >= floor && j - k < 7) {
    const w = tokens[k - 1]!;
    if (DETERMINERS.has(w.lower)) return k - 1;
    if (w.lower === "'s" || w.lower === '’s') {
      k--;
      continue;
    }
    if (w.text === '-') {
      k--;
      continue;
    }
    if (!w.word || NP_STOP_WORDS.has(w.lower) || CUE_WORDS.has(w.lower) || PRONOUNS.has(w.lower)) break;
    if (w.cap && CAP_NON_NAMES.has(w.lower) && names.at(w.start) === null) break;
    k--;
  }
  return k;
}

/** Noun phrase starting at tokens[i] (speaker after the cue: "said Smith", "according to the report"). */
export function npStartingAt(text: string, tokens: readonly Token[], i: number, names: NameIndex): SpeakerCandidate | null {
  let k = i;
  while (k < tokens.length && k < i + 4 && tokens[k]!.word && TIME_WORDS.has(tokens[k]!.lower)) k++;
  const t = tokens[k];
  if (t === undefined || !t.word || t.lower === 'that' || (NP_STOP_WORDS.has(t.lower) && !PRONOUNS.has(t.lower))) return null;
  const pron = PRONOUNS.get(t.lower);
  if (pron !== undefined) return pron === 'SELF' ? null : { mention: span(text, t.start, t.end), form: 'PRONOUN', nameType: null, strength: 1 };
  // Collect the phrase up to a stop word or punctuation; prefer a person's name inside it.
  let end = k;
  let person: NameSpan | null = null;
  let firstName: NameSpan | null = null;
  // A role noun after the person named so far makes that name a qualifier of the next one:
  // "said Chelsea manager Ann Lee", "said Ann Lee's spokesman Tom Hall" (a club or party the
  // name finder took for a person, or the person the speaker works for).
  let roleAfterPerson = false;
  while (end < tokens.length && end < k + 8) {
    const w = tokens[end]!;
    // The full stop of an abbreviated title stays inside the phrase: "said former Sen. Evan Bayh".
    if (w.text === '.' && end > k && ABBREVIATIONS.has(tokens[end - 1]!.lower) && tokens[end - 1]!.end === w.start) {
      end++;
      continue;
    }
    if (!w.word && w.lower !== "'s" && w.lower !== '’s' && w.text !== '-') break;
    if (end > k && (NP_STOP_WORDS.has(w.lower) || CUE_WORDS.has(w.lower)) && !w.cap) break;
    const n = names.at(w.start);
    if (n !== null) {
      if (n.type === 'PER' && (person === null || (roleAfterPerson && n.start >= person.end))) {
        person = n;
        roleAfterPerson = false;
      }
      if (firstName === null) firstName = n;
    } else if (person !== null && w.start >= person.end && !w.cap && ROLE_NOUNS.has(w.lower)) roleAfterPerson = true;
    end++;
  }
  if (end === k) return null;
  if (person !== null) return { mention: span(text, person.start, person.end), form: 'NAME', nameType: 'PER', strength: 1 };
  const last = tokens[end - 1]!;
  const first = tokens[k]!;
  if (firstName !== null && firstName.start === first.start && firstName.end >= last.end) {
    return { mention: span(text, firstName.start, firstName.end), form: firstName.type === 'PER' ? 'NAME' : 'GROUP', nameType: firstName.type, strength: 1 };
  }
  if (!DETERMINERS.has(first.lower) && !first.cap && !ROLE_NOUNS.has(first.lower) && !GROUP_NOUNS.has(first.lower) && !TITLE_MODIFIERS.has(first.lower))
    return null;
  const head = last.lower;
  const form: SpeakerForm =
    GROUP_NOUNS.has(head) || (head.endsWith('s') && !ROLE_NOUNS.has(head)) ? 'GROUP' : first.cap && !DETERMINERS.has(first.lower) ? 'NAME' : 'DESCRIPTION';
  return { mention: span(text, first.start, last.end), form, nameType: firstName?.type ?? (form === 'NAME' ? 'PER' : null), strength: 2 };
}

/**
 * The subject left of a cue, stepping over appositions and asides: "Smith, a spokesman for the
 * firm, said", "Pruitt, the attorney general of Oklahoma, one of the states suing, said",
 * "Rep. Gwen Moore (D-Wis.) said". Among the phrases before each comma the nearest person or
 * pronoun wins, otherwise the leftmost phrase (the subject position).
 */
function subjectLeftOf(text: string, tokens: readonly Token[], j: number, floor: number, names: NameIndex): SpeakerCandidate | null {
  j = skipBrackets(tokens, j, floor);
  const t = tokens[j];
  if (t === undefined || j < floor) return null;
  if (t.text !== ',') return t.lower === 'and' || t.lower === 'but' ? null : npEndingAt(text, tokens, j, floor, names);
  let fallback: SpeakerCandidate | null = null;
  let comma = j;
  for (let chunk = 0; chunk < 4 && comma >= floor; chunk++) {
    const end = skipBrackets(tokens, comma - 1, floor);
    let k = end;
    while (k >= floor && comma - k < 40 && tokens[k]!.text !== ',' && tokens[k]!.text !== ';') k--;
    const opener = tokens[k + 1]?.lower ?? '';
    // A relative clause (", who has been a top surrogate since February,") hides no speaker, nor
    // does a participle or prepositional aside (", clad in a cape that read Trump,").
    const aside = chunk === 0 && k >= floor && (ASIDE_OPENERS.has(opener) || (/^[a-z]+(?:ing|ed)$/.test(tokens[k + 1]?.text ?? '') && !CUE_WORDS.has(opener)));
    if (opener !== 'who' && opener !== 'which' && opener !== 'whose' && !aside) {
      const found = npEndingAt(text, tokens, end, floor, names);
      // "“…” for Smith, said Jones": a phrase after a preposition is its object, not a subject.
      const cand = found !== null && afterPreposition(tokens, found.mention.start, floor) ? null : found;
      // "Smith, director of civil rights group Liberty, said": a body named in a role that
      // describes someone is not the subject; the one described is.
      const describes = chunk === 0 && cand !== null && cand.nameType !== 'PER' && opensRole(tokens, k + 1, end);
      if (cand !== null && !describes && (cand.form === 'PRONOUN' || cand.nameType === 'PER' || (cand.form === 'NAME' && chunk === 0))) return cand;
      if (cand !== null && (fallback === null || cand.strength <= fallback.strength)) fallback = cand;
      if (comma - k >= 16) break;
    }
    if (k < floor || tokens[k]!.text !== ',') break;
    comma = k;
  }
  return fallback;
}

/**
 * Whether tokens[i..end] open with a lower-case role noun, after an article and up to two
 * lower-case modifiers ("director of …", "the former head of …", "legal director of …",
 * "executive vice-president of …").
 */
function opensRole(tokens: readonly Token[], i: number, end: number): boolean {
  if (tokens[i] !== undefined && DETERMINERS.has(tokens[i]!.lower)) i++;
  for (let k = i; k <= i + 2 && k < end; k++) {
    const t = tokens[k]!;
    if (!t.word || t.cap) return false;
    if (ROLE_NOUNS.has(t.lower)) return true;
  }
  return false;
}

/** The lower-cased word before tokens[i], stepping over an article or a possessive ("on his Facebook page" → "on"). */
function wordBeforePhrase(tokens: readonly Token[], i: number, from: number): string {
  let k = i - 1;
  if (k > from && (DETERMINERS.has(tokens[k]!.lower) || POSSESSIVES.has(tokens[k]!.lower)) && tokens[k]!.lower !== 'that') k--;
  return k >= from ? tokens[k]!.lower : '';
}

/** True when the token before the one starting at `start` is a preposition other than "of". */
function afterPreposition(tokens: readonly Token[], start: number, floor: number): boolean {
  let k = floor;
  while (k < tokens.length && tokens[k]!.start < start) k++;
  const prev = k > floor ? wordBeforePhrase(tokens, k, floor) : '';
  // "of" ties the phrase to a head noun before it ("Proponents of the bill"), the whole a subject.
  return prev !== 'of' && (PREPOSITIONS.has(prev) || OBJECT_PREPOSITIONS.has(prev));
}

/** Words that open an aside between a subject and its verb (", clad in red,", ", in a statement,"). */
const ASIDE_OPENERS: ReadonlySet<string> = new Set(['clad', 'in', 'at', 'on', 'with', 'during', 'after', 'before', 'like', 'unlike']);

/** Steps left over a bracketed aside ending at tokens[j]: "Moore (D-Wis.)" → "Moore". */
function skipBrackets(tokens: readonly Token[], j: number, floor: number): number {
  if (tokens[j]?.text !== ')' && tokens[j]?.text !== ']') return j;
  let k = j;
  while (k >= floor && j - k < 12 && tokens[k]!.text !== '(' && tokens[k]!.text !== '[') k--;
  return k >= floor ? k - 1 : j;
}

/** First speaker-like phrase of the clause (its subject), used when the cue's own subject is elided. */
export function clauseSubject(
  text: string,
  tokens: readonly Token[],
  from: number,
  to: number,
  names: NameIndex,
  /** Also a plain noun phrase opening the clause ("the panel said"), for clauses that hold a cue. */
  plain = false,
): SpeakerCandidate | null {
  from = afterOpening(tokens, from, to);
  // "…,” said Rep. Smith at the time, adding …": an inverted cue puts the subject after it.
  let v = from;
  while (v < to && !tokens[v]!.word) v++;
  if (v < to && v <= from + 1 && INVERTED_CUES.has(tokens[v]!.lower)) {
    const after = npStartingAt(text, tokens, v + 1, names);
    if (after !== null && after.form !== 'PRONOUN') return after;
  }
  const lead = plain ? leadingNounPhrase(text, tokens, from, to, names) : null;
  if (lead !== null) return lead;
  // A place named after a preposition, and the place that qualifies it ("in Salem, Oregon,"),
  // is where something happened, not who acted.
  let skipPlaceAfter = -1;
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (!t.word) continue;
    const n = names.at(t.start);
    if (n !== null) {
      let e = i;
      while (e + 1 < to && tokens[e + 1]!.end <= n.end) e++;
      const prev = tokens[i - 1];
      const qualifies = n.type === 'LOC' && prev?.text === ',' && (i - 1 === skipPlaceAfter || tokens[e + 1]?.text === ',');
      // A name after a preposition is an object ("shared it on his Facebook page, writing"), an
      // article or a possessive between them included.
      const prep = wordBeforePhrase(tokens, i, from);
      // Across an article only a place is where ("in the Netherlands"): "a headline from the
      // Herald" may name a source.
      const object =
        PLACE_PREPOSITIONS.has(prev?.lower ?? '') || (n.type === 'LOC' && PLACE_PREPOSITIONS.has(prep)) || (n.type !== 'PER' && OBJECT_PREPOSITIONS.has(prep));
      if (object || qualifies) {
        skipPlaceAfter = tokens[e + 1]?.text === ',' ? e + 1 : -1;
        i = e;
        continue;
      }
    }
    if (n !== null) {
      // Extend over modifiers to a role or group noun ("NATO members", "The White House press secretary").
      let e = i;
      while (e + 1 < to && tokens[e + 1]!.end <= n.end) e++;
      // "New Jersey Gov. Chris Christie", "Texas Sen. Ted Cruz": a place or body qualifying a
      // title before a person's name belongs to the person.
      if (n.type !== 'PER') {
        // Also across a lower-case title ("Liberal Party hopeful Sen. Ann Lee", "Liberal
        // state Rep. Ann Lee").
        for (let h = e + 1; h < to && h <= e + 8; h++) {
          const g = tokens[h]!;
          const p = names.at(g.start);
          // After a party or nationality word (MISC) the name it qualifies may be mistyped:
          // "Liberal hopeful Sen. Ann Lee" is a person whatever the name finder said.
          if (p !== null && (p.type === 'PER' || (n.type === 'MISC' && p.type === 'ORG')) && h > e + 1)
            return { mention: span(text, p.start, p.end), form: 'NAME', nameType: 'PER', strength: 3 };
          if (!(g.cap || g.text === '.' || ROLE_NOUNS.has(g.lower) || TITLE_MODIFIERS.has(g.lower))) break;
        }
      }
      for (let h = e + 1; h < to && h <= e + 3; h++) {
        const g = tokens[h]!;
        // A determiner starts another phrase: "Park shared the letter" is not "Park letter".
        if (!g.word || g.cap || NP_STOP_WORDS.has(g.lower) || CUE_WORDS.has(g.lower) || DETERMINERS.has(g.lower)) break;
        if (ROLE_NOUNS.has(g.lower) || GROUP_NOUNS.has(g.lower)) return npEndingAt(text, tokens, h, from, names);
      }
      return { mention: span(text, n.start, n.end), form: n.type === 'PER' ? 'NAME' : 'GROUP', nameType: n.type, strength: 3 };
    }
    // A pronoun after a preposition is an object ("to hear about it, arguing …").
    if (PRONOUNS.has(t.lower) && PRONOUNS.get(t.lower) !== 'SELF' && !afterPreposition(tokens, t.start, from)) return npEndingAt(text, tokens, i, from, names);
    // So is a person's role after one ("in another survey", "with the mayor"); a document or
    // body after one may still be the source ("Read more from the study:").
    if (
      (!t.cap || i === from) &&
      (ROLE_NOUNS.has(t.lower) || GROUP_NOUNS.has(t.lower)) &&
      !quantifiesSomethingElse(tokens, i) &&
      !(ROLE_NOUNS.has(t.lower) && afterPreposition(tokens, t.start, from))
    )
      return npEndingAt(text, tokens, i, from, names);
    // In a clause that holds a cue, a capitalised cue word before it is part of a name
    // ("Secretary of State Ann Lee opened the pier, saying").
    if (CUE_WORDS.has(t.lower) && (!plain || !t.cap || i === from)) break;
  }
  return plain ? capitalisedSubject(text, tokens, from, to) : null;
}

/**
 * A capitalised word or two opening the clause, right before a lower-case word, that the name
 * finder missed ("Hayek confirmed she had been and said …"): the clause's subject.
 */
function capitalisedSubject(text: string, tokens: readonly Token[], from: number, to: number): SpeakerCandidate | null {
  let k = from;
  const nameLike = (t: Token): boolean =>
    t.word && t.cap && !CAP_NON_NAMES.has(t.lower) && !DETERMINERS.has(t.lower) && !PRONOUNS.has(t.lower) && !CUE_WORDS.has(t.lower);
  while (k < to && k < from + 3 && nameLike(tokens[k]!)) k++;
  const next = tokens[k];
  if (k === from || k >= to || next === undefined || !next.word || next.cap || NP_STOP_WORDS.has(next.lower)) return null;
  return { mention: span(text, tokens[from]!.start, tokens[k - 1]!.end), form: 'NAME', nameType: null, strength: 3 };
}

/** Words after a clause's subject that begin its verb group ("the panel has", "the crowd would"). */
const VERB_STARTERS: ReadonlySet<string> = new Set([
  'will',
  'would',
  'could',
  'can',
  'should',
  'may',
  'might',
  'must',
  'do',
  'does',
  'did',
  'also',
  'again',
  'then',
  'still',
  'now',
  'never',
  'just',
  'quickly',
]);

/**
 * A plain noun phrase opening the clause, without a name in it, that a verb follows: "the
 * justice sounded off on Smith", "the groups who wrote to her say", "an inquiry said". Such a
 * phrase is the clause's subject even when a name comes later in it. Null when the phrase runs
 * on or holds a name (the name rules below decide then).
 */
function leadingNounPhrase(text: string, tokens: readonly Token[], from: number, to: number, names: NameIndex): SpeakerCandidate | null {
  const first = tokens[from];
  if (first === undefined || !DETERMINERS.has(first.lower) || first.lower === 'that' || first.lower === 'this' || POSSESSIVES.has(first.lower)) return null;
  let k = from + 1;
  while (k < to && k <= from + 4) {
    const t = tokens[k]!;
    if (!t.word || t.cap || names.at(t.start) !== null) return null;
    if (NP_STOP_WORDS.has(t.lower) || CUE_WORDS.has(t.lower) || VERB_STARTERS.has(t.lower) || (k > from + 1 && /[a-z]ed$/.test(t.lower))) break;
    k++;
  }
  if (k === from + 1 || k >= to || k > from + 4 || !tokens[k]!.word) return null;
  const head = tokens[k - 1]!.lower;
  // Role and group nouns ("a spokesman for …", "the campaign") are left to the rules below.
  if (ROLE_NOUNS.has(head) || GROUP_NOUNS.has(head)) return null;
  const form: SpeakerForm = head.endsWith('s') ? 'GROUP' : 'DESCRIPTION';
  return { mention: span(text, first.start, tokens[k - 1]!.end), form, nameType: null, strength: 2 };
}

const POSSESSIVES: ReadonlySet<string> = new Set(['his', 'her', 'their', 'its', 'our', 'my', 'your']);

/** Cues that put their subject after them ("said Smith", "says the mayor"). */
const INVERTED_CUES: ReadonlySet<string> = new Set(['said', 'says', 'added', 'adds', 'wrote', 'writes', 'noted', 'notes', 'explained', 'continued']);

const QUANTIFIERS = new Set(['some', 'many', 'both', 'most', 'few', 'several', 'all']);
const TIME_NOUNS = new Set(['day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years', 'hours', 'minutes', 'times', 'decades']);

/** "Most recently, …", "a few days later, …": a quantifier that modifies an adverb or a time, not a group. */
function quantifiesSomethingElse(tokens: readonly Token[], i: number): boolean {
  if (!QUANTIFIERS.has(tokens[i]!.lower)) return false;
  const next = tokens[i + 1];
  return next !== undefined && next.word && (isAdverb(next) || TIME_NOUNS.has(next.lower));
}

/** Prepositions after which a place name is a location, never the clause's subject. */
const PLACE_PREPOSITIONS = new Set([
  'in',
  'at',
  'from',
  'to',
  'near',
  'across',
  'throughout',
  'outside',
  'inside',
  'around',
  'into',
  'toward',
  'towards',
  'through',
]);

/** Further prepositions after which an organization is an object ("on Facebook", "with CNN"). */
const OBJECT_PREPOSITIONS = new Set(['on', 'with', 'for', 'of', 'about', 'against', 'than', 'like', 'over', 'under', 'during', 'after', 'before']);

/** Words that open an introductory phrase the subject follows: "In an interview with CNN, Trump …". */
const OPENING_WORDS = new Set([
  'in',
  'on',
  'at',
  'after',
  'during',
  'before',
  'with',
  'appearing',
  'speaking',
  'writing',
  'asked',
  'following',
  'amid',
  'despite',
  'like',
  'unlike',
  'outside',
  'among',
  'besides',
  'throughout',
  'across',
  // Time phrases: "Early in his campaign, …", "Last week, …", "Hours later, …".
  'early',
  'earlier',
  'later',
  'last',
  'late',
  'shortly',
  'hours',
  'days',
  'weeks',
  'months',
  'years',
]);

/**
 * Where the clause proper starts: after a dateline ("WASHINGTON (AP) —") and after an
 * introductory phrase closed by a comma ("In a statement released Thursday, Rep. Jeffries …"),
 * whose names are not the subject.
 */
function afterOpening(tokens: readonly Token[], from: number, to: number): number {
  let i = from;
  // A dateline: a place in capitals (or capitalised, before a bracketed agency), perhaps a date
  // ("WASHINGTON, Aug. 24 (UPI) —", "Washington (AFP) –"), perhaps an agency in brackets, then a dash.
  let k = i;
  while (k < to && tokens[k]!.word && tokens[k]!.text === tokens[k]!.text.toUpperCase() && /\p{Lu}/u.test(tokens[k]!.text)) k++;
  if (k === i) {
    // A capitalised place counts only with the agency's bracket after it.
    while (k < to && tokens[k]!.cap && k - i < 3) k++;
    if (tokens[k]?.text !== '(') k = i;
  }
  if (k > i && tokens[k]?.text === ',') {
    let d = k + 1;
    while (d < to && d < k + 6 && (tokens[d]!.cap || /^\d+$/.test(tokens[d]!.text) || tokens[d]!.text === '.')) d++;
    if (tokens[d]?.text === '(' || /^[—–-]$/.test(tokens[d]?.text ?? '')) k = d;
  }
  if (k > i && tokens[k]?.text === '(') {
    while (k < to && tokens[k]!.text !== ')') k++;
    if (k < to) k++;
  }
  if (k > i && k < to && /^[—–-]$/.test(tokens[k]!.text)) i = k + 1;
  // One introductory phrase or adverbial clause after another: "In June 2009, after Clinton
  // suffered a concussion, Axelrod emailed …".
  for (let phrases = 0; phrases < 3; phrases++) {
    // "And after the court ruled, Gov. Lee …": a conjunction may lead the opening phrase.
    const lead = tokens[i]?.lower;
    const skip = (lead === 'and' || lead === 'but' || lead === 'so' || lead === 'yet') && i + 1 < to ? 1 : 0;
    const first = tokens[i + skip];
    // "Reprising one of her lines, the senator …": a participle opens an introductory phrase too.
    const participle = first !== undefined && first.cap && first.word && first.lower.length > 5 && first.lower.endsWith('ing');
    if (first === undefined || !(OPENING_WORDS.has(first.lower) || SUBORDINATORS.has(first.lower) || participle)) return i;
    let c = i + skip + 1;
    while (c < to && c < i + skip + 16 && tokens[c]!.text !== ',') c++;
    if (c >= to - 1 || tokens[c]!.text !== ',') return i;
    i = c + 1;
  }
  return i;
}

/** Words that open an adverbial clause before the main clause ("When asked …, Smith said"). */
const SUBORDINATORS = new Set(['when', 'while', 'although', 'though', 'if', 'because', 'since', 'once', 'unless', 'until', 'whereas', 'whether']);

/**
 * The subject of an absolute "with" phrase ending right before the participle at `cue`: "with
 * Sen. Smith calling", "with the union's president telling reporters". Null when no "with"
 * opens a plain phrase (no punctuation, no verb) within a few words.
 */
function withSubject(text: string, tokens: readonly Token[], cue: number, floor: number, names: NameIndex): SpeakerCandidate | null {
  for (let k = cue - 1; k >= floor && cue - k <= 10; k--) {
    const t = tokens[k]!;
    if (t.lower === 'with') {
      if (k === cue - 1) return null;
      const np = npEndingAt(text, tokens, cue - 1, k + 1, names);
      return np !== null && np.form !== 'PRONOUN' ? np : null;
    }
    if ((!t.word && t.text !== '.' && t.text !== '-' && t.lower !== "'s" && t.lower !== '’s') || CUE_WORDS.has(t.lower)) return null;
  }
  return null;
}

/**
 * The earlier participle of speech that the participle at `cue` is joined to by "and" ("posting
 * that the repairs were late and asking"), within the same clause, or null.
 */
function coordinatedParticiple(tokens: readonly Token[], cue: number, floor: number): CueMatch | null {
  let k = cue - 1;
  if (tokens[k]?.lower !== 'and') return null;
  if (tokens[k - 1]?.text === ',') k--;
  for (let i = k - 1; i >= floor && k - i <= 20; i--) {
    const t = tokens[i]!;
    // Quoted words inside the clause ("posting that it was a “disgrace” and asking") belong to it.
    if (/^[.;:!?]$/.test(t.text)) return null;
    if (t.word && !t.cap && t.lower.endsWith('ing') && CUE_WORDS.has(t.lower)) return { first: i, last: i, speakerAfter: false };
  }
  return null;
}

/**
 * The he, she or they nearest before tokens[j] ("and") that opens a clause of its own after a
 * comma ("… whether Lee would reopen the pier, she shrugged and said"), within a dozen words and
 * no punctuation but that comma.
 */
function innerClausePronoun(text: string, tokens: readonly Token[], j: number, floor: number): SpeakerCandidate | null {
  for (let k = j - 1; k > floor && j - k <= 12; k--) {
    const t = tokens[k]!;
    if (!t.word) return null;
    const l = t.lower;
    if ((l === 'he' || l === 'she' || l === 'they') && tokens[k - 1]!.text === ',')
      return { mention: span(text, t.start, t.end), form: 'PRONOUN', nameType: null, strength: 2 };
  }
  return null;
}

/** Words after which a person and a participle form a phrase of their own ("and Lee calling it …"). */
const ABSOLUTE_OPENERS: ReadonlySet<string> = new Set([',', ';', ':', '—', '–', '-', 'and', 'while', 'as']);

/**
 * The person right before the participle at `cue` in an absolute phrase without "with": "the
 * pilots split – Lee insisting it was “overdue” and Ann Marsh calling it “a sad day”". The
 * name must open its phrase (after a dash, a comma, "and"), so "thanked Lee saying" is no match.
 */
function personBeforeParticiple(text: string, tokens: readonly Token[], cue: number, floor: number, names: NameIndex): SpeakerCandidate | null {
  const last = tokens[cue - 1];
  const person = last !== undefined && cue - 1 >= floor ? names.at(last.start) : null;
  if (person === null || person.type !== 'PER' || person.end !== last!.end) return null;
  let k = cue - 1;
  while (k > floor && tokens[k - 1]!.start >= person.start) k--;
  const before = tokens[k - 1];
  if (k <= floor || before === undefined || !ABSOLUTE_OPENERS.has(before.lower)) return null;
  return { mention: span(text, person.start, person.end), form: 'NAME', nameType: 'PER', strength: 2 };
}

/** Words that start another clause or verb inside a would-be relative clause. */
const RELATIVE_BREAKS: ReadonlySet<string> = new Set(['and', 'but', 'or', 'that', 'to']);
/** Prepositions that make a following "which" or "who" an object ("to which", "of whom"). */
const PREPOSITIONS: ReadonlySet<string> = new Set(['to', 'in', 'of', 'for', 'with', 'at', 'by', 'from', 'on', 'about']);

/**
 * Index of the "who" or "which" that opens the relative clause holding the cue, a few words to
 * its left ("Beck, who has in the past described …", "her campaign, who, on a call Friday,
 * criticized …"), or -1. An odd number of commas between them, or one right before the cue,
 * closes the relative clause first ("Smith, who led the team, said …": Smith speaks).
 */
function relativeOpening(tokens: readonly Token[], cue: number, floor: number): number {
  if (tokens[cue - 1]?.text === ',') return -1;
  let commas = 0;
  for (let k = cue - 1; k >= floor && cue - k <= 10; k--) {
    const t = tokens[k]!;
    // "to which Smith replied": after a preposition the relative is an object.
    if (t.lower === 'who' || t.lower === 'which') return commas % 2 === 0 && k > floor && !PREPOSITIONS.has(tokens[k - 1]!.lower) ? k : -1;
    if (t.text === ',') commas++;
    // A name or a pronoun inside is the clause's own subject ("which Smith called"); "to" and
    // "and" start another verb ("who spoke anonymously to discuss it said").
    else if (!t.word || t.cap || CUE_WORDS.has(t.lower) || RELATIVE_BREAKS.has(t.lower) || PRONOUNS.has(t.lower)) return -1;
  }
  return -1;
}

/**
 * A person named within a few words after an inverted cue, before any punctuation: "said master
 * of ceremonies Ann Lee", where the title before the name is no phrase of its own.
 */
function personSoonAfter(text: string, tokens: readonly Token[], i: number, names: NameIndex): SpeakerCandidate | null {
  for (let k = i; k < tokens.length && k < i + 6; k++) {
    const t = tokens[k]!;
    if (!t.word || CUE_WORDS.has(t.lower) || (NP_STOP_WORDS.has(t.lower) && t.lower !== 'of')) return null;
    const n = names.at(t.start);
    if (n !== null) return n.type === 'PER' ? { mention: span(text, n.start, n.end), form: 'NAME', nameType: 'PER', strength: 2 } : null;
  }
  return null;
}

/** Words that open a clause inside the sentence ("even as he defended …", "after she spoke"). */
const CLAUSE_OPENERS: ReadonlySet<string> = new Set(['as', 'while', 'when', 'after', 'because', 'since', 'before', 'although', 'though']);

/**
 * The speaker of the clause a participle after a comma hangs on, when that is not the sentence's
 * first: "Ryan will meet Trump next week, Spicer said, adding …" (the speech verb just before
 * the comma) or "X conceded the point even as he defended the plan, saying …" (the pronoun
 * heading the last inner clause).
 */
function nearestClauseSpeaker(text: string, tokens: readonly Token[], cue: number, floor: number, names: NameIndex): SpeakerCandidate | null {
  if (tokens[cue - 1]?.text !== ',') return null;
  const verb = cue - 2;
  const v = tokens[verb];
  if (v !== undefined && verb > floor && REPORTING_AFTER.has(v.lower)) {
    const subject = npEndingAt(text, tokens, verb - 1, floor, names);
    if (subject !== null && (subject.form !== 'DESCRIPTION' || subject.strength <= 2)) return subject;
  }
  for (let k = cue - 2; k > floor && cue - k <= 25; k--) {
    const t = tokens[k]!;
    if (!t.word) return null;
    if (PRONOUNS.get(t.lower) === 'SING' && CLAUSE_OPENERS.has(tokens[k - 1]!.lower))
      return { mention: span(text, t.start, t.end), form: 'PRONOUN', nameType: null, strength: 2 };
  }
  return null;
}

/** Speech verbs that close a clause reporting the sentence before them ("…, Spicer said, adding"). */
const REPORTING_AFTER: ReadonlySet<string> = new Set(['said', 'says', 'wrote', 'writes', 'noted', 'explained', 'added', 'argued', 'insisted']);

/**
 * "“Nobody expects it” that the ferry runs for Lee, said Ann Marsh, a pilot.", "Given the way
 * Lee drew up the timetable, explained Ann Marsh, “…”": an inverted cue after a comma, then a
 * person's name closing its phrase. The
 * person speaks, whatever names the writer's clause before the comma holds.
 */
function personAfterCommaCue(
  text: string,
  tokens: readonly Token[],
  cue: CueMatch,
  floor: number,
  names: NameIndex,
  /** The tokens follow the quote; otherwise they end where it opens. */
  afterQuote: boolean,
): SpeakerCandidate | null {
  if (cue.first <= floor || tokens[cue.first - 1]!.text !== ',' || cue.last !== cue.first || !INVERTED_CUES.has(tokens[cue.first]!.lower)) return null;
  const right = npStartingAt(text, tokens, cue.last + 1, names);
  if (right === null || right.form !== 'NAME' || right.nameType !== 'PER') return null;
  let k = cue.last + 1;
  while (k < tokens.length && tokens[k]!.start < right.mention.end) k++;
  const next = tokens[k];
  // Before a quote, a name running into it is what was said about: ", said Lee “was late”".
  return (next === undefined && afterQuote) || (next !== undefined && /^[,:(.!?]$/.test(next.text)) ? { ...right, strength: right.strength + 1 } : null;
}

/**
 * True for "…, the complaint says." or "…, the petitions say,": the phrase opens right after a
 * comma, a clause word ("Lee said while the harbour master shouted:") or at the floor, runs up
 * to the cue, and the cue ends the clause.
 */
function closingAttribution(tokens: readonly Token[], phrase: SpeakerCandidate, cue: CueMatch, floor: number): boolean {
  let k = cue.first - 1;
  while (k >= floor && tokens[k]!.start >= phrase.mention.start) k--;
  if (k >= floor && tokens[k]!.text !== ',' && !CLAUSE_OPENERS.has(tokens[k]!.lower)) return false;
  if (tokens[cue.first - 1]!.end !== phrase.mention.end) return false;
  const next = tokens[cue.last + 1];
  return next === undefined || /^[,.!?;:]$/.test(next.text);
}

/** The speaker tied to a cue found in `tokens`, or null. `floor` bounds the search on the left. */
export function speakerForCue(
  text: string,
  tokens: readonly Token[],
  cue: CueMatch,
  floor: number,
  names: NameIndex,
  /** The writer's words before the quote, when `tokens` are those after it. */
  context?: readonly Token[],
): SpeakerCandidate | null {
  if (cue.speakerAfter) return npStartingAt(text, tokens, cue.last + 1, names);
  const head = tokens[cue.first]!.lower;
  const prevWord = tokens[cue.first - 1]?.lower;
  // "Trump attacked Clinton, saying …", "responded by saying": a participle takes the subject of
  // the main clause; so does "what he called" ("X condemned what he called a “breach”").
  // "…, with Sen. Smith calling it a “menu”": the phrase between "with" and the participle is its
  // subject, whoever the main clause is about.
  if (head.endsWith('ing')) {
    // "with Lee posting that … and asking, “…”": a participle joined by "and" to an earlier one
    // shares its subject.
    const earlier = coordinatedParticiple(tokens, cue.first, floor);
    const shared = earlier !== null ? speakerForCue(text, tokens, earlier, floor, names, context) : null;
    if (shared !== null) return shared;
    const absolute =
      withSubject(text, tokens, cue.first, floor, names) ??
      personBeforeParticiple(text, tokens, cue.first, floor, names) ??
      nearestClauseSpeaker(text, tokens, cue.first, floor, names);
    if (absolute !== null) return absolute;
  }
  if (
    (head.endsWith('ing') && (prevWord === ',' || prevWord === 'by' || prevWord === undefined || !SKIP_BEFORE_CUE.has(prevWord ?? ''))) ||
    (tokens[cue.first - 2]?.lower === 'what' && prevWord !== undefined && PRONOUNS.has(prevWord))
  ) {
    const s = clauseSubject(text, tokens, floor, cue.first, names, true);
    if (s !== null && !(head.endsWith('ing') && s.form === 'DESCRIPTION' && s.strength >= 3)) return s;
  }
  const inverted = personAfterCommaCue(text, tokens, cue, floor, names, context !== undefined);
  if (inverted !== null) return inverted;
  let j = cue.first - 1;
  // A capitalised word inside the sentence (or right after the quote) is a name, even one spelt
  // like a modal ("Will wrote").
  while (
    j >= floor &&
    (SKIP_BEFORE_CUE.has(tokens[j]!.lower) || isAdverb(tokens[j]!)) &&
    !(tokens[j]!.lower === 'who' || tokens[j]!.lower === 'which') &&
    !(tokens[j]!.cap && (j > floor ? tokens[j - 1]!.text !== '.' : context !== undefined))
  )
    j--;
  let relative: Token | null = null;
  const far = j >= floor && tokens[j]!.lower !== 'who' && tokens[j]!.lower !== 'which' ? relativeOpening(tokens, cue.first, floor) : -1;
  if (far >= 0) j = far;
  if (j >= floor && (tokens[j]!.lower === 'who' || tokens[j]!.lower === 'which')) {
    relative = tokens[j]!;
    j--;
    if (j >= floor && tokens[j]!.text === ',') j--;
  }
  let rightOk = j < floor;
  if (j >= floor) {
    const t = tokens[j]!;
    if (t.lower === 'and' || t.lower === 'but') {
      // "NATO members criticized Russia and said ...": the subject of the first verb speaks;
      // "… whether Lee would reopen the pier, she shrugged and said": the pronoun opening the clause does.
      const s = innerClausePronoun(text, tokens, j, floor) ?? clauseSubject(text, tokens, floor, j, names, true);
      if (s !== null) return s;
      if (context !== undefined) return clauseSubject(text, context, 0, context.length, names);
    } else {
      const left = subjectLeftOf(text, tokens, j, floor, names);
      // "Beck, who has described Trump as “…”": the relative pronoun is the cue's subject and
      // stands for the phrase before it.
      if (left !== null && relative !== null && left.form !== 'PRONOUN')
        return {
          mention: span(text, relative.start, relative.end),
          form: 'PRONOUN',
          nameType: left.nameType,
          strength: left.strength,
          antecedent: left.mention,
        };
      // A bare noun phrase ("the streets chanted") is weaker than the clause's subject.
      // Unless the phrase stands alone between a comma and the cue ("…, the complaint says."): a
      // closing attribution whose subject is that phrase, whatever names come before it.
      if (left !== null && left.strength >= 3 && !closingAttribution(tokens, left, cue, floor))
        return clauseSubject(text, tokens, floor, j + 1, names, true) ?? left;
      if (left !== null) return left;
    }
    // After the quote, punctuation before the cue allows the inverted order ("“…” but to act,
    // says Smith"). Before it, only a quotation mark does: after a dash or a comma closing an
    // appositive ("McCain -- who lost -- said the president “…”") what follows the cue is what
    // was said, not who said it.
    // A linking word alone before the comma opens no appositive ("But, said Smith, “…”").
    const linkOnly = t.text === ',' && j === floor + 1 && (SENTENCE_LINKS.has(tokens[floor]!.lower) || isAdverb(tokens[floor]!));
    rightOk = (!t.word && (context !== undefined || j === floor || linkOnly || /^["“”'‘’]$/.test(t.text))) || t.lower === 'also';
  }
  // Inverted order only straight after the quote or a comma: "“…,” said Smith". After "told",
  // "asked" or "assured" the phrase is whom the words were said to, never who said them.
  // Straight after the quote "asked" and "warned" invert like "said" ("“…?” asked Sen. Smith");
  // "told" and "informed" always need their object, so what follows them is the one told.
  if (!rightOk || (ADDRESSEE_VERBS.has(head) && (cue.first > floor || !INVERTING_ADDRESSEE_VERBS.has(head)))) return null;
  // A participle never has its subject after it ("…, saying the city embodied the “…”").
  if (head.endsWith('ing')) return null;
  const right = npStartingAt(text, tokens, cue.last + 1, names) ?? personSoonAfter(text, tokens, cue.last + 1, names);
  if (right === null) return null;
  // Before the quote, an inverted subject closes the writer's words ("…, said Smith: “…”"); one
  // that runs on is the verb's object ("…, described the impact as “…”").
  if (context === undefined) {
    let k = cue.last + 1;
    while (k < tokens.length && tokens[k]!.start < right.mention.end) k++;
    const next = tokens[k];
    if (next !== undefined && !/^[,:(—–.!?-]$/.test(next.text)) return null;
  }
  return { ...right, strength: right.strength + 1 };
}
