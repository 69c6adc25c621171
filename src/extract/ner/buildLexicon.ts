/**
 * Builds the training-derived lexicons (word -> entity type frequencies, entity gazetteer).
 * Counts are kept per fold so that training can use lexicons that exclude the current document's
 * fold: otherwise every training entity would be in the gazetteer and the model would trust it
 * blindly. The shipped model uses all folds.
 */
import { IntTable } from './intTable.js';
import { mix } from './hash.js';
import type { TokenSpan } from './labels.js';
import { GAZ_MAX_LEN, GAZ_PREFIX, SEQ_SEED, lowerHash, type Lexicon } from './sentenceAtoms.js';

const CLASSES = 5; // 4 types + O

/** Frequency bucket of type t among a word's occurrences, 0 when never seen as t. */
function bucket(count: number, total: number): number {
  if (count === 0) return 0;
  const r = count / total;
  return r < 0.3 ? 1 : r < 0.7 ? 2 : 3;
}

export interface LexiconArrays {
  lexicon: Lexicon;
  wordKeys: Int32Array;
  wordVals: Int32Array;
  gazKeys: Int32Array;
  gazVals: Int32Array;
}

export class LexiconBuilder {
  private readonly words = new Map<number, Int32Array>();
  private readonly entries = new Map<number, Int32Array>();
  private readonly prefixes = new Set<number>();

  constructor(private readonly folds: number) {}

  /** Counts one sentence with its gold spans, for the given fold. */
  add(words: readonly string[], spans: readonly TokenSpan[], fold: number): void {
    const lw = words.map(lowerHash);
    const cls = new Uint8Array(words.length).fill(4);
    for (const s of spans) {
      for (let k = s.start; k < s.end; k++) cls[k] = s.type;
      if (s.end - s.start > GAZ_MAX_LEN) continue;
      let h = SEQ_SEED;
      for (let k = s.start; k < s.end; k++) {
        if (k > s.start) this.prefixes.add(h);
        h = mix(h, lw[k]!);
      }
      let c = this.entries.get(h);
      if (c === undefined) this.entries.set(h, (c = new Int32Array(this.folds * 4)));
      c[fold * 4 + s.type]!++;
    }
    for (let i = 0; i < words.length; i++) {
      let c = this.words.get(lw[i]!);
      if (c === undefined) this.words.set(lw[i]!, (c = new Int32Array(this.folds * CLASSES)));
      c[fold * CLASSES + cls[i]!]!++;
    }
  }

  /** Builds the lexicon from every fold except `exclude` (-1: all folds), beside the known names (not learned from folds). */
  build(exclude: number, known: IntTable): LexiconArrays {
    const wordMap = new Map<number, number>();
    const tot = new Int32Array(CLASSES);
    for (const [w, c] of this.words) {
      tot.fill(0);
      for (let f = 0; f < this.folds; f++) {
        if (f === exclude) continue;
        for (let k = 0; k < CLASSES; k++) tot[k]! += c[f * CLASSES + k]!;
      }
      const total = tot[0]! + tot[1]! + tot[2]! + tot[3]! + tot[4]!;
      if (total === tot[4]) continue; // never part of an entity
      let code = total >= 3 ? 256 : 0;
      for (let t = 0; t < 4; t++) code |= bucket(tot[t]!, total) << (2 * t);
      wordMap.set(w, code);
    }
    const gazMap = new Map<number, number>();
    for (const [h, c] of this.entries) {
      let bits = 0;
      for (let f = 0; f < this.folds; f++) {
        if (f === exclude) continue;
        for (let t = 0; t < 4; t++) if (c[f * 4 + t]! > 0) bits |= 1 << t;
      }
      if (bits !== 0) gazMap.set(h, bits);
    }
    for (const h of this.prefixes) gazMap.set(h, (gazMap.get(h) ?? 0) | GAZ_PREFIX);
    const wordKeys = Int32Array.from(wordMap.keys());
    const wordVals = Int32Array.from(wordMap.values());
    const gazKeys = Int32Array.from(gazMap.keys());
    const gazVals = Int32Array.from(gazMap.values());
    return {
      lexicon: { words: new IntTable(wordKeys, wordVals), gaz: new IntTable(gazKeys, gazVals), known },
      wordKeys,
      wordVals,
      gazKeys,
      gazVals,
    };
  }
}
