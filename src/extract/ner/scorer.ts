/** Adds the weights of the given features to scores (length NUM_LABELS); `lowerCase`: they are of a sentence in lower case (see features.ts). */
export interface Scorer {
  score(feats: Int32Array, n: number, scores: Float64Array, lowerCase: boolean): void;
}

/** Perceptron hook: called for every token during training (also when right: averaging counts tokens). */
export interface Trainer {
  update(feats: Int32Array, n: number, gold: number, predicted: number): void;
  /** The features of a token of a sentence in lower case: the model keeps their weights apart. */
  noteLowerCase(feats: Int32Array, n: number): void;
}
