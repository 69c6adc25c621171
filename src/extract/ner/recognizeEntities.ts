/**
 * Named-entity recognition (PER / ORG / LOC / MISC) over a document's headline and paragraphs,
 * with an averaged perceptron trained on CoNLL-2003 (see README.md in this folder).
 */
import { DIGIT, charClass, normChar } from './charClass.js';
import { TYPES, bilouToSpans, type NerType } from './labels.js';
import { loadModel } from './loadModel.js';
import { MODE_NORMAL } from './sentenceAtoms.js';
import { splitTokenSentences } from './splitSentences.js';
import { tagDocument } from './tagDocument.js';
import type { Token } from './tokenize.js';

export type { NerType } from './labels.js';

export interface NerMention {
  type: NerType;
  start: number;
  end: number;
  text: string;
  confidence: number;
  /** Found in a sentence written all in lower case, where the later stages need it capitalised (see recaseNames.ts). */
  caseless: boolean;
}

/** Headline-cased sentences (ALL CAPS, Title Case) and those in lower case carry less case evidence: trust them less. */
const HEADLINE_CONFIDENCE = 0.8;

/** Mentions below this confidence take the document's majority type for the same text. */
const WEAK = 0.6;

/** True for tokens that must not sit at the edge of a mention: quotes, brackets, possessive 's. */
function isEdgeJunk(tok: string): boolean {
  const c = normChar(tok.charCodeAt(0));
  if (tok.length === 1) return c === 0x22 || c === 0x27 || c === 0x28 || c === 0x29 || c === 0x2c || c === 0x2d || c === 0x3a;
  return c === 0x27 && tok.length === 2 && (tok.charCodeAt(1) | 0x20) === 0x73;
}

/** Company suffixes written in lower case, which do end names ("Barclays plc"). */
const LOWER_CASE_NAME_ENDS = new Set(['plc', 'ltd', 'llc', 'bhd']);

/** True for a word of two or more letters, all in lower case. */
function isLowerCaseWord(tok: string): boolean {
  if (tok.length < 2) return false;
  for (let j = 0; j < tok.length; j++) {
    const c = tok.charCodeAt(j);
    if (c >= 0x61 && c <= 0x7a) continue;
    if (c < 0x80) return false;
    const ch = tok[j]!;
    if (ch === ch.toUpperCase() || ch !== ch.toLowerCase()) return false;
  }
  return true;
}

function hasAlphanumeric(toks: readonly Token[], a: number, b: number): boolean {
  for (let k = a; k < b; k++) {
    const t = toks[k]!.text;
    for (let j = 0; j < t.length; j++) if (charClass(t.charCodeAt(j)) <= DIGIT) return true;
  }
  return false;
}

/** Finds PER/ORG/LOC/MISC mentions in the given segments (headline, paragraphs) of text. */
export function recognizeEntities(text: string, segments: readonly { start: number; end: number }[]): NerMention[] {
  const model = loadModel();
  const sentences: Token[][] = [];
  for (const seg of segments) {
    for (const toks of splitTokenSentences(text, seg.start, seg.end)) sentences.push(toks);
  }
  // Built by push, not map: optimised code gives map's result a holey array, the builtin a
  // packed one, and tagDocument would be compiled for one and deoptimised by the other.
  const words: string[][] = [];
  for (const toks of sentences) {
    const sentence: string[] = [];
    for (const t of toks) sentence.push(t.text);
    words.push(sentence);
  }
  const tagged = tagDocument(words, model.lexicon, model);
  const out: NerMention[] = [];
  for (let s = 0; s < sentences.length; s++) {
    const toks = sentences[s]!;
    const labels = tagged.labels[s]!;
    const probs = tagged.probs[s]!;
    const factor = tagged.modes[s] === MODE_NORMAL ? 1 : HEADLINE_CONFIDENCE;
    const caseless = tagged.caseless[s] === 1;
    for (const span of bilouToSpans(labels, toks.length)) {
      let a = span.start;
      let b = span.end;
      while (a < b && isEdgeJunk(toks[a]!.text)) a++;
      // In a sentence written with capitals no name ends in a word in lower case: greedy tagging
      // now and then runs a name on into the verb after it ("Mr Howard has", "Ms Abbott described").
      for (;;) {
        const from = b;
        while (b > a && isEdgeJunk(toks[b - 1]!.text)) b--;
        if (!caseless) while (b > a + 1 && isLowerCaseWord(toks[b - 1]!.text) && !LOWER_CASE_NAME_ENDS.has(toks[b - 1]!.text)) b--;
        if (b === from) break;
      }
      if (a >= b || !hasAlphanumeric(toks, a, b)) continue;
      let p = 0;
      for (let k = span.start; k < span.end; k++) p += probs[k]!;
      const start = toks[a]!.start;
      const end = toks[b - 1]!.end;
      out.push({
        type: TYPES[span.type]!,
        start,
        end,
        text: text.slice(start, end),
        confidence: Math.round((p / (span.end - span.start)) * factor * 1000) / 1000,
        caseless,
      });
    }
  }
  out.sort((x, y) => x.start - y.start);
  harmoniseTypes(out);
  return out;
}

/**
 * One name, one type per document: greedy tagging labels "Monsanto" ORG here and LOC there;
 * the type with the highest summed confidence over the document's mentions of the same text wins.
 */
function harmoniseTypes(mentions: NerMention[]): void {
  const votes = new Map<string, Map<NerType, number>>();
  for (const m of mentions) {
    let v = votes.get(m.text);
    if (v === undefined) votes.set(m.text, (v = new Map()));
    v.set(m.type, (v.get(m.type) ?? 0) + m.confidence);
  }
  for (const m of mentions) {
    const v = votes.get(m.text)!;
    // Only weak decisions give way: the same text can rightly differ ("Japan" the team and the country).
    if (v.size < 2 || m.confidence >= WEAK) continue;
    let best = m.type;
    let bestScore = -1;
    for (const [t, score] of v) {
      if (score > bestScore) {
        best = t;
        bestScore = score;
      }
    }
    if (bestScore >= 2 * v.get(m.type)!) m.type = best;
  }
}
