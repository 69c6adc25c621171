/**
 * The outer source of a nested attribution: "“…,” Smith said, according to the Herald" or
 * "According to the Herald, Smith said …". The writer did not hear the words; the outlet or
 * document named after "according to" reports them, so it is the source the writer cites.
 */
import { npStartingAt, type SpeakerCandidate } from './findSpeaker.js';
import { ABBREVIATIONS, CUE_WORDS, NP_STOP_WORDS } from './lexicon.js';
import type { NameIndex } from './nameIndex.js';
import type { Token } from './tokenize.js';

/** Tokens that end the writer's sentence or open another quote: the search stops there. */
const STOPS = /^(?:[.!?;]|["“”])$/;

/** Pronouns after "according to" that stand for someone already named. */
const OBJECT_PRONOUNS: ReadonlySet<string> = new Set(['him', 'her', 'them', 'us', 'me', 'it', 'its', 'his', 'their']);

/** Verbs of an outlet reporting what someone said ("…, reports the Herald", "…, the Herald reported"). */
const REPORTED: ReadonlySet<string> = new Set(['reports', 'reported']);

/**
 * The phrase after "according to" in tokens[from, to), or the outlet of a closing "…, reports the
 * Herald." / "…, the Herald reported.", when the span holds one before a stop.
 */
export function nestedSource(text: string, tokens: readonly Token[], from: number, to: number, names: NameIndex): SpeakerCandidate | null {
  const poll = pollOpening(text, tokens, from, to);
  if (poll !== null) return poll;
  for (let i = from; i + 2 < to; i++) {
    const t = tokens[i]!;
    // The full stop of an abbreviation ("(R-Ariz.),", "Sen. Lee") ends nothing.
    const abbreviation =
      t.text === '.' &&
      (ABBREVIATIONS.has(tokens[i - 1]?.lower ?? '') ||
        tokens[i + 1]?.text === ')' ||
        tokens[i + 1]?.text === ',' ||
        (tokens[i + 1]?.word === true && !tokens[i + 1]!.cap));
    if (STOPS.test(t.text) && !abbreviation) return null;
    if (t.text === ',' && REPORTED.has(tokens[i + 1]!.lower)) {
      const cand = npStartingAt(text, tokens, i + 2, names);
      if (cand !== null && cand.form !== 'PRONOUN') return cand;
    }
    if (t.text === ',') {
      // ", the Herald reported." closing the sentence.
      let v = i + 1;
      while (v < to && v < i + 6 && tokens[v]!.word && !REPORTED.has(tokens[v]!.lower)) v++;
      if (v < to && v > i + 1 && REPORTED.has(tokens[v]!.lower) && (v + 1 >= to || /^[.!?]$/.test(tokens[v + 1]!.text) || tokens[v + 1]!.word)) {
        const cand = npStartingAt(text, tokens, i + 1, names);
        if (cand !== null && cand.form !== 'PRONOUN' && cand.mention.end <= tokens[v]!.start) return cand;
      }
    }
    if (t.lower !== 'according' || tokens[i + 1]!.lower !== 'to') continue;
    const cand = npStartingAt(text, tokens, i + 2, names) ?? bareNounPhrase(text, tokens, i + 2, to);
    // "according to its analysis", "according to her": a pronoun points back at the speaker.
    const bare = OBJECT_PRONOUNS.has(tokens[i + 2]!.lower) && cand?.mention.end === tokens[i + 2]!.end;
    return cand !== null && cand.form !== 'PRONOUN' && !bare ? cand : null;
  }
  return null;
}

/**
 * A noun phrase without an article after "according to" ("according to extracts from her diary",
 * "according to court papers"): lower-case words up to punctuation or a clause word.
 */
function bareNounPhrase(text: string, tokens: readonly Token[], from: number, to: number): SpeakerCandidate | null {
  const first = tokens[from];
  if (first === undefined || !first.word || first.cap || NP_STOP_WORDS.has(first.lower) || CUE_WORDS.has(first.lower) || OBJECT_PRONOUNS.has(first.lower))
    return null;
  let end = from;
  while (end + 1 < to && end - from < 5 && tokens[end + 1]!.word && !NP_STOP_WORDS.has(tokens[end + 1]!.lower) && !CUE_WORDS.has(tokens[end + 1]!.lower)) end++;
  const last = tokens[end]!;
  return { mention: { start: first.start, end: last.end, text: text.slice(first.start, last.end) }, form: 'GROUP', nameType: null, strength: 3 };
}

/** Nouns of a poll whose respondents' answers the writer reports. */
const POLL_NOUNS: ReadonlySet<string> = new Set(['poll', 'survey']);

/**
 * "In a Herald poll released Monday, 31 percent of voters said …": a share of respondents speaks
 * through the poll, which is the source the writer cites. The opening "In a … poll," and a
 * number after it, before the cue.
 */
function pollOpening(text: string, tokens: readonly Token[], from: number, to: number): SpeakerCandidate | null {
  if (tokens[from]?.lower !== 'in') return null;
  let comma = from + 1;
  while (comma < to && comma < from + 14 && tokens[comma]!.text !== ',') comma++;
  if (comma >= to || tokens[comma]!.text !== ',' || comma < from + 3) return null;
  let hasPoll = false;
  for (let k = from + 1; k < comma; k++) {
    if (STOPS.test(tokens[k]!.text)) return null;
    if (POLL_NOUNS.has(tokens[k]!.lower)) hasPoll = true;
  }
  if (!hasPoll) return null;
  // The share of respondents: "31%", "75 percent", "a third of".
  let share = false;
  for (let k = comma + 1; k < to && !share; k++) share = /\d/.test(tokens[k]!.text) || tokens[k]!.lower === 'percent';
  if (!share) return null;
  const first = tokens[from + 1]!;
  const last = tokens[comma - 1]!;
  return { mention: { start: first.start, end: last.end, text: text.slice(first.start, last.end) }, form: 'DESCRIPTION', nameType: null, strength: 2 };
}
