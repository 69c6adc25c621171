/**
 * The mean of several trained weight sets (training only). Perceptrons trained on the same data
 * in different orders make different mistakes near their decision boundaries; their mean is
 * steadier than any one of them, as the order of training no longer picks the shipped model's
 * luck. A feature some models lack counts as zero in those; its spaces are the union of the models'.
 */
import { NUM_LABELS } from './labels.js';

export interface Weights {
  keys: Int32Array;
  /** rows x NUM_LABELS, row r for keys[r]. */
  weights: Float32Array;
  /** Per row, the feature spaces that updated it (see AveragedPerceptron.averaged). */
  spaces: Uint8Array;
}

export function averageWeights(models: readonly Weights[]): Weights {
  const rowOf = new Map<number, number>();
  for (const m of models) for (const k of m.keys) if (!rowOf.has(k)) rowOf.set(k, rowOf.size);
  const keys = new Int32Array(rowOf.size);
  const sums = new Float64Array(rowOf.size * NUM_LABELS);
  const spaces = new Uint8Array(rowOf.size);
  for (const [k, r] of rowOf) keys[r] = k;
  for (const m of models) {
    for (let i = 0; i < m.keys.length; i++) {
      const r = rowOf.get(m.keys[i]!)!;
      spaces[r]! |= m.spaces[i]!;
      for (let l = 0; l < NUM_LABELS; l++) sums[r * NUM_LABELS + l]! += m.weights[i * NUM_LABELS + l]!;
    }
  }
  const weights = new Float32Array(sums.length);
  for (let e = 0; e < sums.length; e++) weights[e] = sums[e]! / models.length;
  return { keys, weights, spaces };
}
