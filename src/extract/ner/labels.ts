/**
 * BILOU label set over the four CoNLL types, transition constraints, and span conversions.
 * Label 0 is O; label 1 + 4*t + p is position p (B, I, L, U) of type t.
 */

export const TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type NerType = (typeof TYPES)[number];

export const B = 0;
export const I = 1;
export const L = 2;
export const U = 3;
export const NUM_LABELS = 1 + 4 * TYPES.length;
/** The "previous label" at the start of a sentence. */
export const START = NUM_LABELS;

/** Type index (0..3) of a label, or -1 for O. */
export function labelType(label: number): number {
  return label === 0 ? -1 : (label - 1) >> 2;
}

/** Position (B, I, L, U) of a label; meaningless for O. */
export function labelPos(label: number): number {
  return (label - 1) & 3;
}

/** Builds a label from type and position. */
export function makeLabel(type: number, pos: number): number {
  return 1 + 4 * type + pos;
}

/** A typed token span [start, end) in token indices. */
export interface TokenSpan {
  type: number;
  start: number;
  end: number;
}

/** Writes BILOU labels for spans into a zeroed label array. */
export function spansToBilou(spans: readonly TokenSpan[], out: Uint8Array): void {
  for (const s of spans) {
    if (s.end - s.start === 1) {
      out[s.start] = makeLabel(s.type, U);
      continue;
    }
    out[s.start] = makeLabel(s.type, B);
    for (let k = s.start + 1; k < s.end - 1; k++) out[k] = makeLabel(s.type, I);
    out[s.end - 1] = makeLabel(s.type, L);
  }
}

/** Reads spans from BILOU labels, leniently closing any malformed span. */
export function bilouToSpans(labels: ArrayLike<number>, n: number): TokenSpan[] {
  const out: TokenSpan[] = [];
  let open = -1;
  let openType = -1;
  for (let i = 0; i < n; i++) {
    const l = labels[i]!;
    const t = labelType(l);
    const p = labelPos(l);
    if (open >= 0 && (t !== openType || p === B || p === U)) {
      out.push({ type: openType, start: open, end: i });
      open = -1;
    }
    if (t < 0) continue;
    if (p === U) out.push({ type: t, start: i, end: i + 1 });
    else if (p === L) {
      out.push({ type: t, start: open >= 0 ? open : i, end: i + 1 });
      open = -1;
    } else if (open < 0) {
      open = i;
      openType = t;
    }
  }
  if (open >= 0) out.push({ type: openType, start: open, end: n });
  return out;
}

/** Converts IOB1 tags ("I-PER", "B-LOC", "O") to token spans. */
export function iob1ToSpans(tags: readonly string[]): TokenSpan[] {
  const out: TokenSpan[] = [];
  let cur: TokenSpan | null = null;
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i]!;
    if (tag === 'O' || tag.length < 3) {
      cur = null;
      continue;
    }
    const type = (TYPES as readonly string[]).indexOf(tag.slice(2));
    if (type < 0) {
      cur = null;
      continue;
    }
    if (cur !== null && cur.type === type && tag.charCodeAt(0) !== 0x42 /* B */) {
      cur.end = i + 1;
    } else {
      cur = { type, start: i, end: i + 1 };
      out.push(cur);
    }
  }
  return out;
}
