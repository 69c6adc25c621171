/**
 * Lazily loads the shipped model once per process (it is read-only, so sharing is safe).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeModel, type NerModel } from './model.js';

/** Where tools/trainNer.ts writes the model. */
export const MODEL_PATH = fileURLToPath(new URL('./model/ner.bin.gz', import.meta.url));

let cached: NerModel | null = null;

/** The shipped NER model, loaded on first use. */
export function loadModel(): NerModel {
  if (cached === null) cached = decodeModel(readFileSync(MODEL_PATH));
  return cached;
}

/** Replaces the cached model (for training scripts that evaluate a fresh model in-process). */
export function setModel(model: NerModel | null): void {
  cached = model;
}
