/** Adds the weights of the given features to scores (length NUM_LABELS). */
export interface Scorer {
  score(feats: Int32Array, n: number, scores: Float64Array): void;
}

/** Perceptron hook: called for every token during training (also when right: averaging counts tokens). */
export interface Trainer {
  update(feats: Int32Array, n: number, gold: number, predicted: number): void;
}
