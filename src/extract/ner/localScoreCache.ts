/**
 * Scores of a token's local features (localFeatures and decisionFeatures in features.ts), kept
 * per token text and local key. About 30 of a token's ~46 feature lookups are local, each a
 * likely cache miss in the weight table, and news text repeats its tokens ("the", ",", "said",
 * names), so most tokens are found here instead.
 *
 * Reusing a partial sum gives bit-identical scores: a weight is float32(q × scale) with
 * 0 < |q| < 2^15, so every weight is a whole multiple of u, the float32 spacing at the smallest
 * weight (u > 2^-24 × that weight), and below 2^39 u; a sum of up to MAX_FEATURES of them stays
 * below 2^46 u, which float64 holds exactly. Every partial sum is therefore exact, and the order
 * or grouping of the additions cannot change a score.
 *
 * Entries are valid for one scorer and lexicon (a loaded model is read-only); another model
 * starts the cache afresh. Training scores without it, as its weights change with every update.
 */
import { NUM_LABELS } from './labels.js';
import { decisionFeatures, localFeatures, localKey, MAX_FEATURES } from './features.js';
import type { Atoms, Lexicon } from './sentenceAtoms.js';
import type { Scorer } from './tagDocument.js';

/** Entries (token text, local key) kept before the cache starts afresh: bounds memory (~5 MB) over any import. */
const MAX_ENTRIES = 40_000;

export class LocalScoreCache {
  /** Token text -> pairs (local key, entry); an entry's scores are at entry * NUM_LABELS in `pool`. */
  private byToken = new Map<string, number[]>();
  private pool = new Float64Array(0);
  private entries = 0;
  private scorer: Scorer | null = null;
  private lexicon: Lexicon | null = null;
  private readonly feats = new Int32Array(MAX_FEATURES);

  /** Writes the scores of token i's local features into `scores`; `word` is the token's text. */
  load(
    scores: Float64Array, word: string, a: Atoms, i: number, initial: number, docBits: number,
    prev: number, prev2: number, hist: number, scorer: Scorer, lexicon: Lexicon,
  ): void {
    if (scorer !== this.scorer || lexicon !== this.lexicon || this.entries >= MAX_ENTRIES) {
      this.byToken = new Map();
      this.entries = 0;
      this.scorer = scorer;
      this.lexicon = lexicon;
    }
    const key = localKey(a, i, initial, docBits, prev, prev2, hist);
    let pairs = this.byToken.get(word);
    // A key of its own: a token sliced from an article can keep the whole article text alive.
    if (pairs === undefined) this.byToken.set(`${word} `.slice(0, -1), (pairs = []));
    let entry = -1;
    for (let p = 0; p < pairs.length; p += 2) {
      if (pairs[p] === key) {
        entry = pairs[p + 1]!;
        break;
      }
    }
    if (entry < 0) {
      if (this.pool.length === 0) this.pool = new Float64Array(MAX_ENTRIES * NUM_LABELS);
      entry = this.entries++;
      pairs.push(key, entry);
      scores.fill(0);
      scorer.score(this.feats, decisionFeatures(a, i, prev, prev2, hist, this.feats, localFeatures(a, i, initial, docBits, this.feats, 0)), scores);
      this.pool.set(scores, entry * NUM_LABELS);
      return;
    }
    const pool = this.pool;
    const base = entry * NUM_LABELS;
    for (let l = 0; l < NUM_LABELS; l++) scores[l] = pool[base + l]!;
  }
}
