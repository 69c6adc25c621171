/**
 * Named-entity recognition (PER / ORG / LOC / MISC) over a document's headline and paragraphs,
 * with an averaged perceptron trained on CoNLL-2003 (see README.md in this folder).
 */
import { normChar } from './charClass.js';
import { TYPES, bilouToSpans, type NerType } from './labels.js';
import { loadModel } from './loadModel.js';
import { MODE_NORMAL } from './sentenceAtoms.js';
import { splitSentences } from './splitSentences.js';
import { tagDocument } from './tagDocument.js';
import { tokenize, type Token } from './tokenize.js';

export type { NerType } from './labels.js';

export interface NerMention {
  type: NerType;
  start: number;
  end: number;
  text: string;
  confidence: number;
}

/** Headline-cased sentences (ALL CAPS, Title Case) carry less case evidence: trust them less. */
const HEADLINE_CONFIDENCE = 0.8;

/** True for tokens that must not sit at the edge of a mention: quotes, brackets, possessive 's. */
function isEdgeJunk(tok: string): boolean {
  const c = normChar(tok.charCodeAt(0));
  if (tok.length === 1) return c === 0x22 || c === 0x27 || c === 0x28 || c === 0x29 || c === 0x2c || c === 0x2d || c === 0x3a;
  return c === 0x27 && tok.length === 2 && (tok.charCodeAt(1) | 0x20) === 0x73;
}

/** Finds PER/ORG/LOC/MISC mentions in the given segments (headline, paragraphs) of text. */
export function recognizeEntities(text: string, segments: readonly { start: number; end: number }[]): NerMention[] {
  const model = loadModel();
  const sentences: Token[][] = [];
  for (const seg of segments) {
    for (const s of splitSentences(text, seg.start, seg.end)) {
      const toks = tokenize(text, s.start, s.end);
      if (toks.length > 0) sentences.push(toks);
    }
  }
  const words = sentences.map((toks) => toks.map((t) => t.text));
  const tagged = tagDocument(words, model.lexicon, model);
  const out: NerMention[] = [];
  for (let s = 0; s < sentences.length; s++) {
    const toks = sentences[s]!;
    const labels = tagged.labels[s]!;
    const probs = tagged.probs[s]!;
    const factor = tagged.modes[s] === MODE_NORMAL ? 1 : HEADLINE_CONFIDENCE;
    for (const span of bilouToSpans(labels, toks.length)) {
      let a = span.start;
      let b = span.end;
      while (a < b && isEdgeJunk(toks[a]!.text)) a++;
      while (b > a && isEdgeJunk(toks[b - 1]!.text)) b--;
      if (a >= b) continue;
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
      });
    }
  }
  out.sort((x, y) => x.start - y.start);
  return out;
}
