/**
 * The model's feature weights laid out for scoring speed. Scoring is memory-bound: each token
 * looks up ~50 feature hashes scattered over a table larger than the L2 cache, and a feature has
 * only a few non-zero label weights of 17 (82 % have 2 or 3). So a slot is 16 bytes holding the
 * key and up to three (label, quantised weight) entries: a lookup touches one cache line instead
 * of three (key array, row array, dense weight row). Rows with more entries keep them in
 * `overflow`. Weights are rebuilt as Math.fround(q * scale), the very float32 value the dense
 * table held, and zero weights are skipped, so every sum is bit-identical (x + 0 === x, and sums
 * never reach -0).
 */

import { MAX_FEATURES } from './features.js';

/** An entry is label | q << 5 (q: int16, never 0), so 0 marks an empty slot or entry. */
const LABEL_BITS = 5;
const LABEL_MASK = (1 << LABEL_BITS) - 1;
/** A first entry at or above this points into `overflow` (its count in the next int). */
const OVERFLOW = 1 << 24;
const INLINE = 3;
/** Bits in the presence filter: 2^20 (128 KB, which stays in the L2 cache), ~10 per feature of the shipped model. */
const FILTER_BITS = 1 << 20;
const FILTER_MASK = FILTER_BITS - 1;

export class WeightTable {
  private readonly slots: Int32Array;
  private readonly overflow: Int32Array;
  private readonly mask: number;
  private readonly scale: number;
  /**
   * A Bloom filter of the keys (two bits each): about a third of a token's features are not in
   * the model (unseen word pairs, mostly), and the filter, small enough to stay in cache, rules
   * out ~97 % of those without touching the table. It has no false negatives, so scores are
   * unchanged.
   */
  private readonly filter = new Int32Array(FILTER_BITS >>> 5);
  /** Keys that passed the filter in the current call (grown if a caller passes more than MAX_FEATURES). */
  private candidates = new Int32Array(MAX_FEATURES);
  readonly size: number;
  /** Written so the compiler cannot drop the touching loads in addTo. */
  touched = 0;

  /**
   * keys[r] is feature r's hash; its entries are counts[r] consecutive (labels, values) pairs
   * in row order; a weight is values[e] * scale rounded to float32.
   */
  constructor(keys: Int32Array, counts: Uint8Array, labels: Uint8Array, values: Int16Array, scale: number) {
    let cap = 16;
    while (cap < keys.length * 2) cap *= 2;
    this.mask = cap - 1;
    this.size = keys.length;
    this.scale = scale;
    this.slots = new Int32Array(cap * 4);
    let spilled = 0;
    for (let r = 0; r < keys.length; r++) if (counts[r]! > INLINE) spilled += counts[r]!;
    this.overflow = new Int32Array(spilled);
    let e = 0;
    let o = 0;
    for (let r = 0; r < keys.length; r++) {
      const k = keys[r]! | 0;
      const b1 = k & FILTER_MASK;
      const b2 = (k >>> 12) & FILTER_MASK;
      this.filter[b1 >>> 5]! |= 1 << (b1 & 31);
      this.filter[b2 >>> 5]! |= 1 << (b2 & 31);
      let p = k & this.mask;
      while (this.slots[4 * p + 1] !== 0 && this.slots[4 * p] !== k) p = (p + 1) & this.mask;
      const s = 4 * p;
      const c = counts[r]!;
      this.slots[s] = k;
      if (c > INLINE) {
        this.slots[s + 1] = OVERFLOW + o;
        this.slots[s + 2] = c;
        for (let x = 0; x < c; x++) this.overflow[o++] = labels[e + x]! | (values[e + x]! << LABEL_BITS);
      } else {
        for (let x = 0; x < c; x++) this.slots[s + 1 + x] = labels[e + x]! | (values[e + x]! << LABEL_BITS);
      }
      e += c;
    }
  }

  /** Adds the weights of the n features to scores, feature by feature in order. */
  addTo(feats: Int32Array, n: number, scores: Float64Array): void {
    const slots = this.slots;
    const mask = this.mask;
    const scale = this.scale;
    // Filter the keys, and touch the home slot of each that may be in the table: these loads do
    // not depend on one another, so the CPU keeps many cache misses in flight at once; the loop
    // below then finds the lines in cache instead of waiting for each in turn.
    const filter = this.filter;
    if (n > this.candidates.length) this.candidates = new Int32Array(n);
    const candidates = this.candidates;
    let touched = 0;
    let m = 0;
    for (let j = 0; j < n; j++) {
      const key = feats[j]!;
      const b1 = key & FILTER_MASK;
      const b2 = (key >>> 12) & FILTER_MASK;
      if (((filter[b1 >>> 5]! >>> (b1 & 31)) & (filter[b2 >>> 5]! >>> (b2 & 31)) & 1) === 0) continue;
      candidates[m++] = key;
      touched |= slots[4 * (key & mask)]!;
    }
    this.touched = touched;
    for (let j = 0; j < m; j++) {
      const key = candidates[j]!;
      let s = 4 * (key & mask);
      let first = slots[s + 1]!;
      while (first !== 0 && slots[s] !== key) {
        s = 4 * (((s >> 2) + 1) & mask);
        first = slots[s + 1]!;
      }
      if (first === 0) continue;
      if (first >= OVERFLOW) {
        const overflow = this.overflow;
        const end = first - OVERFLOW + slots[s + 2]!;
        for (let x = first - OVERFLOW; x < end; x++) {
          const v = overflow[x]!;
          scores[v & LABEL_MASK]! += Math.fround((v >> LABEL_BITS) * scale);
        }
        continue;
      }
      scores[first & LABEL_MASK]! += Math.fround((first >> LABEL_BITS) * scale);
      const second = slots[s + 2]!;
      if (second === 0) continue;
      scores[second & LABEL_MASK]! += Math.fround((second >> LABEL_BITS) * scale);
      const third = slots[s + 3]!;
      if (third !== 0) scores[third & LABEL_MASK]! += Math.fround((third >> LABEL_BITS) * scale);
    }
  }
}
