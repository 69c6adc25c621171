/**
 * The outer source of a nested attribution: "“…,” Smith said, according to the Herald" or
 * "According to the Herald, Smith said …". The writer did not hear the words; the outlet or
 * document named after "according to" reports them, so it is the source the writer cites.
 */
import { npStartingAt, type SpeakerCandidate } from './findSpeaker.js';
import type { NameIndex } from './nameIndex.js';
import type { Token } from './tokenize.js';

/** Tokens that end the writer's sentence or open another quote: the search stops there. */
const STOPS = /^(?:[.!?;]|["“”])$/;

/** The phrase after "according to" in tokens[from, to), when the span holds one before a stop. */
export function nestedSource(text: string, tokens: readonly Token[], from: number, to: number, names: NameIndex): SpeakerCandidate | null {
  for (let i = from; i + 2 < to; i++) {
    const t = tokens[i]!;
    if (STOPS.test(t.text)) return null;
    if (t.lower !== 'according' || tokens[i + 1]!.lower !== 'to') continue;
    const cand = npStartingAt(text, tokens, i + 2, names);
    // "according to its analysis", "according to him": a pronoun points back at the speaker.
    return cand !== null && cand.form !== 'PRONOUN' ? cand : null;
  }
  return null;
}
