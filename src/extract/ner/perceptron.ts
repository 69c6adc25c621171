/**
 * Averaged perceptron over hashed features (training only). Weights are created on first update,
 * so features never involved in a mistake cost nothing; averaging uses lazy timestamps.
 */
import { NUM_LABELS } from './labels.js';
import { SPACE_LOWER_CASE, SPACE_ORDINARY, type Scorer, type Trainer } from './scorer.js';

export class AveragedPerceptron implements Scorer, Trainer {
  private readonly index = new Map<number, number>();
  private rows = 0;
  private w: Float64Array = new Float64Array(0);
  private acc: Float64Array = new Float64Array(0);
  private ts: Float64Array = new Float64Array(0);
  private t = 0;
  /** Per row: SPACE_ORDINARY and/or SPACE_LOWER_CASE, the kinds of sentence that updated it (see features.ts). */
  private spaces: Uint8Array = new Uint8Array(0);
  /** Tokens seen and mistakes made since the last call to takeErrors(). */
  tokens = 0;
  errors = 0;

  score(feats: Int32Array, n: number, scores: Float64Array): void {
    const w = this.w;
    for (let j = 0; j < n; j++) {
      const r = this.index.get(feats[j]!);
      if (r === undefined) continue;
      const base = r * NUM_LABELS;
      for (let l = 0; l < NUM_LABELS; l++) scores[l]! += w[base + l]!;
    }
  }

  update(feats: Int32Array, n: number, gold: number, predicted: number, lowerCase: boolean): void {
    this.t++;
    this.tokens++;
    if (gold === predicted) return;
    this.errors++;
    const space = lowerCase ? SPACE_LOWER_CASE : SPACE_ORDINARY;
    for (let j = 0; j < n; j++) {
      const r = this.row(feats[j]!);
      this.spaces[r]! |= space;
      const base = r * NUM_LABELS;
      this.bump(base + gold, 1);
      this.bump(base + predicted, -1);
    }
  }

  private bump(e: number, d: number): void {
    this.acc[e]! += (this.t - this.ts[e]!) * this.w[e]!;
    this.ts[e] = this.t;
    this.w[e]! += d;
  }

  private row(f: number): number {
    let r = this.index.get(f);
    if (r !== undefined) return r;
    r = this.rows++;
    this.index.set(f, r);
    if (this.rows * NUM_LABELS > this.w.length) {
      const size = Math.max(1 << 20, this.w.length * 2);
      const grow = (a: Float64Array): Float64Array => {
        const b = new Float64Array(size);
        b.set(a);
        return b;
      };
      this.w = grow(this.w);
      this.acc = grow(this.acc);
      this.ts = grow(this.ts);
      const spaces = new Uint8Array(Math.ceil(size / NUM_LABELS));
      spaces.set(this.spaces);
      this.spaces = spaces;
    }
    return r;
  }

  /** Number of features with weights. */
  get size(): number {
    return this.rows;
  }

  /**
   * Averaged weights: feature keys, a dense rows x NUM_LABELS matrix, and per row the spaces
   * that updated it (a row of both, a hash both spaces share, goes to both of the model's tables).
   */
  averaged(): { keys: Int32Array; weights: Float32Array; spaces: Uint8Array } {
    const keys = new Int32Array(this.rows);
    const spaces = this.spaces.slice(0, this.rows);
    const weights = new Float32Array(this.rows * NUM_LABELS);
    const t = Math.max(1, this.t);
    for (const [f, r] of this.index) {
      keys[r] = f;
      for (let l = 0; l < NUM_LABELS; l++) {
        const e = r * NUM_LABELS + l;
        weights[e] = (this.acc[e]! + (this.t - this.ts[e]!) * this.w[e]!) / t;
      }
    }
    return { keys, weights, spaces };
  }
}
