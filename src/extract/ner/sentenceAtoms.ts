/**
 * Per-token "atoms" of a sentence: hashed lowercase form, exact form, shape, affixes, case class,
 * lexicon codes. Computed once per token in one pass over its characters, then combined into
 * features by integer mixing (see features.ts).
 */
import { DIGIT, LOWER, OTHER_LETTER, UPPER, charClass, lowerChar, normChar } from './charClass.js';
import { FNV_SEED, FNV_SEED_REV, fnvStep, mix } from './hash.js';
import type { IntTable } from './intTable.js';

/** Value bits of the known-names table (built by buildKnownNames.ts): a known place, organization or other thing (MISC). */
export const KNOWN_PLACE = 1;
export const KNOWN_ORGANIZATION = 2;
export const KNOWN_OTHER = 4;
/** A one-token key that is a first name. */
export const KNOWN_FIRST_NAME = 8;
/** The key is the start of a longer name. */
export const KNOWN_PREFIX = 16;
/** Token bits in Atoms.known: bit 0 a first name; then per known type (place, organization, other) B/I/L/U. */
export const KNOWN_TOKEN_BITS = 13;

/** Case classes. */
export const CAP_LOWER = 0;
export const CAP_TITLE = 1;
export const CAP_ALL = 2;
export const CAP_NONE = 3;

/** Sentence modes: ordinary prose, ALL CAPS (wire headlines), Title Case (headlines), all lower case (as many social-media posts are written). */
export const MODE_NORMAL = 0;
export const MODE_CAPS = 1;
export const MODE_TITLE = 2;
export const MODE_LOWER = 3;

/** Lexicons learned from the training data, keyed by hashes of lowercased tokens. */
export interface Lexicon {
  /** lw hash -> packed per-type frequency buckets (see lexiconCode in buildLexicon.ts). */
  words: IntTable;
  /** hash of a lowercased token sequence -> bits 0..3 entity types, bit 4 "prefix of a longer entry". */
  gaz: IntTable;
  /** Known names from outside the training data (buildKnownNames.ts): sequence hash -> KNOWN_* bits. */
  known: IntTable;
}

export const GAZ_PREFIX = 16;
export const GAZ_MAX_LEN = 8;
export const SEQ_SEED = 0x5eed;

/** Reusable per-sentence buffers; grown on demand so tagging allocates almost nothing. */
export class Atoms {
  n = 0;
  mode = MODE_NORMAL;
  capacity = 0;
  lw = new Int32Array(0);
  fw = new Int32Array(0);
  sh = new Int32Array(0);
  shl = new Int32Array(0);
  pre = new Int32Array(0);
  suf = new Int32Array(0);
  lex = new Int32Array(0);
  gaz = new Uint16Array(0);
  known = new Uint16Array(0);
  cap = new Uint8Array(0);
  letters = new Uint8Array(0);
  /** 1 for a word with letters and no capital anywhere ("killer", not "al-Qaeda" or "eBay"). */
  uncapitalised = new Uint8Array(0);

  /** Makes room for n tokens. */
  reset(n: number): void {
    if (n > this.capacity) {
      const c = Math.max(n, this.capacity * 2, 64);
      this.capacity = c;
      this.lw = new Int32Array(c);
      this.fw = new Int32Array(c);
      this.sh = new Int32Array(c);
      this.shl = new Int32Array(c);
      this.pre = new Int32Array(c * 4);
      this.suf = new Int32Array(c * 4);
      this.lex = new Int32Array(c);
      this.gaz = new Uint16Array(c);
      this.known = new Uint16Array(c);
      this.cap = new Uint8Array(c);
      this.letters = new Uint8Array(c);
      this.uncapitalised = new Uint8Array(c);
    }
    this.n = n;
    this.gaz.fill(0, 0, n);
    this.known.fill(0, 0, n);
  }

  /** Copies what fillWord wrote for count tokens of src, from token `from`, to this at token `to`. */
  copyWords(src: Atoms, from: number, to: number, count: number): void {
    for (let k = 0; k < count; k++) {
      const a = from + k;
      const b = to + k;
      this.lw[b] = src.lw[a]!;
      this.fw[b] = src.fw[a]!;
      this.sh[b] = src.sh[a]!;
      this.shl[b] = src.shl[a]!;
      this.cap[b] = src.cap[a]!;
      this.letters[b] = src.letters[a]!;
      this.uncapitalised[b] = src.uncapitalised[a]!;
    }
    for (let k = 0; k < count * 4; k++) {
      this.pre[to * 4 + k] = src.pre[from * 4 + k]!;
      this.suf[to * 4 + k] = src.suf[from * 4 + k]!;
    }
  }
}

function fin(h: number): number {
  return mix(h, 0x27d4eb2f);
}

/** Shape character of a normalised code unit: X, x, d, or the character itself. */
function shapeChar(c: number, k: number): number {
  if (k === UPPER) return 0x58;
  if (k === LOWER || k === OTHER_LETTER) return 0x78;
  if (k === DIGIT) return 0x64;
  return c;
}

/** Hash of a lowercased, normalised word exactly as Atoms.lw computes it. */
export function lowerHash(word: string): number {
  let h = FNV_SEED;
  for (let k = 0; k < word.length; k++) {
    const c = normChar(word.charCodeAt(k));
    const kc = charClass(c);
    h = fnvStep(h, kc === DIGIT ? 0x30 : lowerChar(c));
  }
  return fin(h);
}

/** Fills the atoms of token i from its text. */
export function fillWord(a: Atoms, i: number, word: string): void {
  const len = word.length;
  let hl = FNV_SEED;
  let hf = FNV_SEED;
  let hs = FNV_SEED;
  let lastShape = -1;
  let upper = 0;
  let lower = 0;
  let firstClass = 0;
  const p4 = i * 4;
  for (let k = 0; k < len; k++) {
    const c = normChar(word.charCodeAt(k));
    const kc = charClass(c);
    if (k === 0) firstClass = kc;
    if (kc === UPPER) upper++;
    else if (kc === LOWER || kc === OTHER_LETTER) lower++;
    hl = fnvStep(hl, kc === DIGIT ? 0x30 : lowerChar(c));
    hf = fnvStep(hf, c);
    if (k < 4) a.pre[p4 + k] = fin(hl);
    const s = shapeChar(c, kc);
    if (s !== lastShape) {
      hs = fnvStep(hs, s);
      lastShape = s;
    }
  }
  for (let k = len; k < 4; k++) a.pre[p4 + k] = 0;
  let hr = FNV_SEED_REV;
  for (let k = 0; k < 4; k++) {
    if (k < len) {
      const c = normChar(word.charCodeAt(len - 1 - k));
      hr = fnvStep(hr, charClass(c) === DIGIT ? 0x30 : lowerChar(c));
      a.suf[p4 + k] = fin(hr);
    } else {
      a.suf[p4 + k] = 0;
    }
  }
  const letters = upper + lower;
  a.letters[i] = letters > 255 ? 255 : letters;
  let cap: number;
  if (letters === 0) cap = CAP_NONE;
  else if (firstClass === UPPER) cap = lower === 0 ? CAP_ALL : CAP_TITLE;
  else if (lower === 0) cap = CAP_ALL;
  else cap = CAP_LOWER;
  a.cap[i] = cap;
  a.uncapitalised[i] = upper === 0 && lower > 0 ? 1 : 0;
  a.lw[i] = fin(hl);
  a.fw[i] = fin(hf);
  a.sh[i] = fin(hs);
  a.shl[i] = mix(a.sh[i]!, len > 8 ? 8 : len);
}

/** Function words allowed in lowercase inside a Title Case headline. */
const TITLE_SMALL_WORDS = new Set(
  [
    'a',
    'an',
    'the',
    'of',
    'in',
    'on',
    'at',
    'to',
    'for',
    'and',
    'or',
    'but',
    'by',
    'with',
    'from',
    'as',
    'vs',
    'vs.',
    'into',
    'over',
    'up',
    'off',
    'out',
    'per',
    'via',
    'nor',
    'so',
    'yet',
    "'s",
    'is',
    'be',
    'are',
    'after',
    'than',
  ].map(lowerHash),
);

/** Decides ordinary / ALL CAPS / Title Case / lower case for the sentence in a, from token case classes. */
export function computeMode(a: Atoms): number {
  let caps = 0;
  let title = 0;
  let lower = 0;
  for (let i = 0; i < a.n; i++) {
    if (a.letters[i]! < 2) continue;
    const c = a.cap[i]!;
    if (c === CAP_ALL) caps++;
    else if (c === CAP_TITLE) title++;
    else if (c === CAP_LOWER && !TITLE_SMALL_WORDS.has(a.lw[i]!)) lower++;
  }
  if (caps >= 1 && title + lower <= caps * 0.2) return MODE_CAPS;
  if (title >= 3 && lower <= (title + caps) * 0.1) return MODE_TITLE;
  // Not one capital in a sentence of several words: case says nothing about names here.
  if (lower >= 4 && hasNoCapital(a)) return MODE_LOWER;
  return MODE_NORMAL;
}

/**
 * Whether the sentence in a has no capitalised word: none of two letters or more, and no capital
 * opening it ("A levy on jet fuel …" has one; "and I screamed" in a post does not count). Case
 * then tells nothing of names ("germany at france").
 */
export function hasNoCapital(a: Atoms): boolean {
  let first = true;
  for (let i = 0; i < a.n; i++) {
    const letters = a.letters[i]!;
    if (letters === 0) continue;
    const c = a.cap[i]!;
    // A handle or a hashtag keeps the case its owner gave it ("ok so @Arsenal really …", "#COYG").
    if ((c === CAP_TITLE || c === CAP_ALL) && (first || letters >= 2) && !(i > 0 && (a.lw[i - 1] === AT_SIGN || a.lw[i - 1] === HASH_SIGN))) return false;
    first = false;
  }
  return true;
}

/** The tokens that open a handle and a hashtag ("@", "#"), as their hashes. */
const AT_SIGN = lowerHash('@');
const HASH_SIGN = lowerHash('#');

/** Fills lexicon codes and gazetteer match bits (type*4 + B/I/L/U position) for the sentence. */
export function fillLexicon(a: Atoms, lex: Lexicon): void {
  const n = a.n;
  for (let i = 0; i < n; i++) a.lex[i] = lex.words.get(a.lw[i]!);
  markNames(a, lex.gaz, a.gaz, 4, GAZ_PREFIX, 0, false, 0);
  // Known names: a name opens with a capital, so outside a sentence in lower case only a
  // capitalised token is looked up as a name's first word (most tokens are lower-case words, and
  // a lookup is a cache miss); a first name sets bit 0.
  markNames(a, lex.known, a.known, 3, KNOWN_PREFIX, 1, a.mode !== MODE_LOWER, KNOWN_FIRST_NAME);
}

/**
 * Marks the token sequences of the sentence a name table holds (keys: sequence hashes; values:
 * a bit per type, `prefixBit` where a longer name goes on): for each type t of a match, B/I/L/U
 * as bit `offset + t * 4 + (0 B, 1 I, 2 L, 3 U)` of `out`; a one-token match whose value has
 * `wordBit` sets bit 0.
 */
function markNames(
  a: Atoms,
  table: IntTable,
  out: Uint16Array,
  typeCount: number,
  prefixBit: number,
  offset: number,
  capitalisedOnly: boolean,
  wordBit: number,
): void {
  const n = a.n;
  const typeMask = (1 << typeCount) - 1;
  for (let s = 0; s < n; s++) {
    if (capitalisedOnly && a.cap[s] !== CAP_TITLE && a.cap[s] !== CAP_ALL) continue;
    let h = SEQ_SEED;
    const max = Math.min(n, s + GAZ_MAX_LEN);
    for (let e = s; e < max; e++) {
      h = mix(h, a.lw[e]!);
      const v = table.get(h);
      if (v < 0) break;
      if (e === s && (v & wordBit) !== 0) out[s]! |= 1;
      const types = v & typeMask;
      if (types !== 0) {
        for (let t = 0; t < typeCount; t++) {
          if ((types & (1 << t)) === 0) continue;
          const base = offset + t * 4;
          if (e === s) out[s]! |= 1 << (base + 3);
          else {
            out[s]! |= 1 << base;
            for (let k = s + 1; k < e; k++) out[k]! |= 1 << (base + 1);
            out[e]! |= 1 << (base + 2);
          }
        }
      }
      if ((v & prefixBit) === 0) break;
    }
  }
}
