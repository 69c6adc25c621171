import type { NameSpan } from './types.js';

/** Sorted name mentions with binary-search lookups, so each probe costs O(log n). */
export class NameIndex {
  readonly names: readonly NameSpan[];

  constructor(names: readonly NameSpan[]) {
    this.names = [...names].sort((a, b) => a.start - b.start || b.end - a.end);
  }

  /** Index of the first name starting at or after pos. */
  private lowerBound(pos: number): number {
    let lo = 0;
    let hi = this.names.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.names[mid]!.start < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The name covering offset pos, if any. */
  at(pos: number): NameSpan | null {
    // Names do not nest in practice; a short look back is enough.
    const i = this.lowerBound(pos + 1) - 1;
    for (let k = i; k >= 0 && k > i - 3; k--) {
      const n = this.names[k]!;
      if (n.start <= pos && pos < n.end) return n;
    }
    return null;
  }

  /** Names lying inside [from, to), in text order. */
  within(from: number, to: number): NameSpan[] {
    const out: NameSpan[] = [];
    for (let i = this.lowerBound(from); i < this.names.length; i++) {
      const n = this.names[i]!;
      if (n.start >= to) break;
      if (n.end <= to) out.push(n);
    }
    return out;
  }

  /** The last name of one of the given types ending at or before pos and starting at or after floor. */
  lastBefore(pos: number, floor: number, types: readonly NameSpan['type'][]): NameSpan | null {
    for (let i = this.lowerBound(pos) - 1; i >= 0; i--) {
      const n = this.names[i]!;
      if (n.start < floor) break;
      if (n.end <= pos && types.includes(n.type)) return n;
    }
    return null;
  }
}
