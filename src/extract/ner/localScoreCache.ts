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
import { mix, mix3 } from './hash.js';
import { NUM_LABELS } from './labels.js';
import { decisionFeatures, localFeatures, localKey, MAX_FEATURES } from './features.js';
import { MODE_LOWER, type Atoms, type Lexicon } from './sentenceAtoms.js';
import type { Scorer } from './scorer.js';

/** Entries (token text, local key) kept before the cache starts afresh: bounds memory (~9 MB) over any import. */
const MAX_ENTRIES = 40_000;
/** Slots of the open-addressing index: a power of two over three times MAX_ENTRIES, so probe runs stay short. */
const SLOTS = 1 << 17;
const SLOT_MASK = SLOTS - 1;
const TWO_32 = 2 ** 32;

export class LocalScoreCache {
  // An open-addressing index keyed by (token text, local key), hashed from the token's form
  // hash (Atoms.fw) and the key: no string is hashed per lookup, as a Map keyed by text would.
  // A slot matches only when text and key are equal, so a hash collision costs a probe, never a
  // wrong score.
  /** Per slot: the mixed hash, never 0 in a used slot (0 marks an empty one). */
  private readonly hashes = new Int32Array(SLOTS);
  private readonly keys = new Float64Array(SLOTS);
  private readonly words: string[] = new Array<string>(SLOTS).fill('');
  /** Per slot: its entry; entry e's scores are at e * NUM_LABELS in `pool`. */
  private readonly entryOf = new Int32Array(SLOTS);
  private pool = new Float64Array(0);
  private entries = 0;
  private scorer: Scorer | null = null;
  private lexicon: Lexicon | null = null;
  private readonly feats = new Int32Array(MAX_FEATURES);

  /** Writes the scores of token i's local features into `scores`; `word` is the token's text. */
  load(
    scores: Float64Array,
    word: string,
    a: Atoms,
    i: number,
    initial: number,
    docBits: number,
    prev: number,
    prev2: number,
    hist: number,
    scorer: Scorer,
    lexicon: Lexicon,
  ): void {
    if (scorer !== this.scorer || lexicon !== this.lexicon || this.entries >= MAX_ENTRIES) {
      if (this.entries > 0) {
        this.hashes.fill(0);
        this.words.fill('');
      }
      this.entries = 0;
      this.scorer = scorer;
      this.lexicon = lexicon;
    }
    const key = localKey(a, i, initial, docBits, prev, prev2, hist);
    const hash = mix3(a.fw[i]!, key >>> 0, mix(Math.floor(key / TWO_32), word.length)) || 1;
    const hashes = this.hashes;
    let slot = hash & SLOT_MASK;
    for (let h = hashes[slot]!; h !== 0; h = hashes[slot]!) {
      if (h === hash && this.keys[slot] === key && this.words[slot] === word) {
        const pool = this.pool;
        const base = this.entryOf[slot]! * NUM_LABELS;
        for (let l = 0; l < NUM_LABELS; l++) scores[l] = pool[base + l]!;
        return;
      }
      slot = (slot + 1) & SLOT_MASK;
    }
    if (this.pool.length === 0) this.pool = new Float64Array(MAX_ENTRIES * NUM_LABELS);
    const entry = this.entries++;
    hashes[slot] = hash;
    this.keys[slot] = key;
    // A copy: a token sliced from an article can keep the whole article text alive.
    this.words[slot] = `${word} `.slice(0, -1);
    this.entryOf[slot] = entry;
    scores.fill(0);
    scorer.score(
      this.feats,
      decisionFeatures(a, i, prev, prev2, hist, this.feats, localFeatures(a, i, initial, docBits, this.feats, 0)),
      scores,
      a.mode === MODE_LOWER,
    );
    this.pool.set(scores, entry * NUM_LABELS);
  }
}
