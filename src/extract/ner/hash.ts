/**
 * 32-bit hashing used for features. Features are hashes of (template, value ids), never strings,
 * so the hot loop does integer arithmetic only. Changing anything here invalidates the model.
 */

export const FNV_SEED = 0x811c9dc5 | 0;
/** A different seed for suffixes so that "ab" read backwards never equals a prefix hash. */
export const FNV_SEED_REV = 0x2545f491 | 0;

/** One FNV-1a step over a character code. */
export function fnvStep(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193);
}

/** Mixes two 32-bit values into a well-spread 32-bit hash (murmur3 finaliser). */
export function mix(a: number, b: number): number {
  let h = (Math.imul(a, 0x9e3779b1) ^ b) | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/** Mixes three values. */
export function mix3(a: number, b: number, c: number): number {
  return mix(mix(a, b), c);
}
