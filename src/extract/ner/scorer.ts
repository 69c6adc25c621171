/** Adds the weights of the given features to scores (length NUM_LABELS); `lowerCase`: they are of a sentence in lower case (see features.ts). */
export interface Scorer {
  score(feats: Int32Array, n: number, scores: Float64Array, lowerCase: boolean): void;
}

/** Perceptron hook: called for every token during training (also when right: averaging counts tokens). */
export interface Trainer {
  /** `lowerCase`: the token is of a sentence in lower case, whose features the model keeps apart. */
  update(feats: Int32Array, n: number, gold: number, predicted: number, lowerCase: boolean): void;
}

/** The feature spaces a weight row belongs to (a bit set): ordinary text, text in lower case. */
export const SPACE_ORDINARY = 1;
export const SPACE_LOWER_CASE = 2;
