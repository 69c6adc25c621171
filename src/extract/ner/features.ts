/**
 * Feature templates. A feature is mix(template, value ids): an int, never a string.
 * Static features depend on the sentence and document only; dynamic ones on previous decisions.
 * Changing a template changes the model: bump FEATURE_VERSION and retrain.
 */
import { mix, mix3 } from './hash.js';
import { CAP_NONE, KNOWN_TOKEN_BITS, MODE_LOWER, type Atoms } from './sentenceAtoms.js';

export const FEATURE_VERSION = 8;
/** Upper bound on features per token (static + dynamic). */
export const MAX_FEATURES = 128;

const BOS = 0x0b05;
const EOS = 0x0e05;

/**
 * In a sentence written all in lower case every feature is salted into a space of its own: what
 * the model learns of such sentences (where "office" or "three" opens no name) leaves what it
 * knows of ordinary text alone. The model keeps the two spaces' weights in two tables, so
 * ordinary text reads only its own (see NerModel).
 */
const LOWER_CASE_SALT = 0x10ca5e;

/** Salts the features out[from, to) of a sentence in lower case; returns `to`. */
function ownSpace(a: Atoms, out: Int32Array, from: number, to: number): number {
  if (a.mode === MODE_LOWER) for (let j = from; j < to; j++) out[j] = mix(out[j]!, LOWER_CASE_SALT);
  return to;
}

/** Document evidence bits for a lowercased word (see docEvidence in tagDocument.ts). */
export const DOC_LOWER = 1;
export const DOC_TITLE_INSIDE = 2;
export const DOC_ACRONYM = 4;

/** Writes the static features of token i into out from index 0; returns their count. */
export function staticFeatures(a: Atoms, i: number, initial: number, docBits: number, out: Int32Array): number {
  return contextFeatures(a, i, out, localFeatures(a, i, initial, docBits, out, 0));
}

/**
 * Appends the static features that read token i alone (its form, shape, affixes, lexicon codes,
 * gazetteer and known-name bits, document evidence, sentence mode and position), not its neighbours: with
 * decisionFeatures, equal for every occurrence of the same token with the same `localKey`, so
 * their scores can be reused (see localScoreCache.ts).
 */
export function localFeatures(a: Atoms, i: number, initial: number, docBits: number, out: Int32Array, k: number): number {
  const from = k;
  const w0 = a.lw[i]!;
  const s0 = a.shl[i]!;
  const cap = a.cap[i]!;
  const mode = a.mode;
  const ctx = cap * 8 + initial * 4 + mode;
  out[k++] = 1;
  out[k++] = mix(2, w0);
  out[k++] = mix(3, a.fw[i]!);
  out[k++] = mix(8, s0);
  out[k++] = mix3(16, s0, ctx);
  out[k++] = mix3(17, w0, mode * 4 + initial);
  const p = i * 4;
  for (let j = 0; j < 4; j++) {
    const pre = a.pre[p + j]!;
    if (pre !== 0) out[k++] = mix(20 + j, pre);
    const suf = a.suf[p + j]!;
    if (suf !== 0) out[k++] = mix(24 + j, suf);
  }
  // Training-set lexicon: how often this word was each type.
  const lex = a.lex[i]!;
  if (lex >= 0) {
    for (let t = 0; t < 4; t++) {
      const b = (lex >> (2 * t)) & 3;
      if (b === 0) continue;
      out[k++] = mix(30, t * 8 + b * 2 + ((lex >> 8) & 1));
      out[k++] = mix3(31, t * 4 + b, ctx);
    }
  } else {
    out[k++] = mix(32, ctx);
  }
  // Multi-token gazetteer matches covering this token, as type + B/I/L/U.
  const g = a.gaz[i]!;
  if (g !== 0) {
    for (let b = 0; b < 16; b++) {
      if ((g & (1 << b)) === 0) continue;
      out[k++] = mix(34, b);
      out[k++] = mix3(35, b, ctx);
    }
  }
  // Known names from outside the training data: a first name, a known place, organization or thing.
  const known = a.known[i]!;
  if (known !== 0) {
    for (let b = 0; b < KNOWN_TOKEN_BITS; b++) {
      if ((known & (1 << b)) === 0) continue;
      out[k++] = mix(48, b);
      out[k++] = mix3(49, b, ctx);
    }
  }
  // Document-level case evidence: the same word seen lowercased / capitalised elsewhere.
  if (cap !== CAP_NONE) {
    out[k++] = mix3(37, docBits, ctx);
    out[k++] = mix3(38, docBits, mix(w0, cap));
  }
  return ownSpace(a, out, from, k);
}

/**
 * What localFeatures and decisionFeatures read besides the token's text: position, sentence
 * mode, evidence, gazetteer and known-name bits, the two previous labels and the word's earlier
 * label. Below 2^48: exact as a number.
 */
export function localKey(a: Atoms, i: number, initial: number, docBits: number, prev: number, prev2: number, hist: number): number {
  return ((((((a.known[i]! * 65536 + a.gaz[i]!) * 8 + docBits) * 4 + a.mode) * 2 + initial) * 32 + prev) * 32 + prev2) * 8 + hist + 1;
}

/** Appends the static features that read token i's neighbours; returns the new count. */
export function contextFeatures(a: Atoms, i: number, out: Int32Array, k: number): number {
  const from = k;
  const n = a.n;
  const lw = a.lw;
  const shl = a.shl;
  const sh = a.sh;
  const w0 = lw[i]!;
  const wm1 = i > 0 ? lw[i - 1]! : BOS;
  const wm2 = i > 1 ? lw[i - 2]! : BOS;
  const wp1 = i + 1 < n ? lw[i + 1]! : EOS;
  const wp2 = i + 2 < n ? lw[i + 2]! : EOS;
  const s0 = shl[i]!;
  const sm1 = i > 0 ? sh[i - 1]! : BOS;
  const sp1 = i + 1 < n ? sh[i + 1]! : EOS;
  out[k++] = mix(4, wm1);
  out[k++] = mix(5, wp1);
  out[k++] = mix(6, wm2);
  out[k++] = mix(7, wp2);
  out[k++] = mix(9, sm1);
  out[k++] = mix(10, sp1);
  out[k++] = mix3(11, sm1, s0);
  out[k++] = mix3(12, s0, sp1);
  out[k++] = mix3(13, mix(sm1, s0), sp1);
  out[k++] = mix3(14, wm1, w0);
  out[k++] = mix3(15, w0, wp1);
  out[k++] = mix3(18, i > 0 ? a.fw[i - 1]! : BOS, s0);
  out[k++] = mix3(19, s0, wp1);
  out[k++] = mix3(29, wm1, s0);
  // The neighbours' lexicon codes and gazetteer bits.
  out[k++] = mix3(33, i > 0 ? a.lex[i - 1]! : -2, i + 1 < n ? a.lex[i + 1]! : -2);
  out[k++] = mix3(36, i > 0 ? a.gaz[i - 1]! : 0xffff, i + 1 < n ? a.gaz[i + 1]! : 0xffff);
  const knownBefore = i > 0 ? a.known[i - 1]! : 0;
  const knownAfter = i + 1 < n ? a.known[i + 1]! : 0;
  if ((knownBefore | knownAfter) !== 0) out[k++] = mix3(50, knownBefore, knownAfter);
  return ownSpace(a, out, from, k);
}

/** Appends the features that depend on previous decisions; returns the new count. */
export function dynamicFeatures(a: Atoms, i: number, prev: number, prev2: number, hist: number, out: Int32Array, k: number): number {
  return decisionContextFeatures(a, i, prev, out, decisionFeatures(a, i, prev, prev2, hist, out, k));
}

/** The decision features that read token i alone besides the decisions (cached with localFeatures). */
export function decisionFeatures(a: Atoms, i: number, prev: number, prev2: number, hist: number, out: Int32Array, k: number): number {
  const from = k;
  out[k++] = mix(40, prev);
  out[k++] = mix3(41, prev, prev2);
  out[k++] = mix3(42, prev, a.lw[i]!);
  out[k++] = mix3(43, prev, a.shl[i]!);
  if (hist >= 0) {
    out[k++] = mix3(45, hist, a.cap[i]! * 4 + a.mode);
    out[k++] = mix3(46, hist, prev);
  }
  return ownSpace(a, out, from, k);
}

/** The decision features that read token i's neighbours. */
export function decisionContextFeatures(a: Atoms, i: number, prev: number, out: Int32Array, k: number): number {
  const from = k;
  out[k++] = mix3(44, prev, i > 0 ? a.lw[i - 1]! : BOS);
  out[k++] = mix3(47, prev, i + 1 < a.n ? a.lw[i + 1]! : 0x0e05);
  return ownSpace(a, out, from, k);
}
