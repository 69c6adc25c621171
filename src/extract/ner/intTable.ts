/**
 * Read-only open-addressing hash table from 32-bit keys (already hashed) to non-negative ints.
 * Typed arrays keep it compact and let lookups stay allocation-free.
 */
export class IntTable {
  private readonly keys: Int32Array;
  private readonly vals: Int32Array;
  private readonly mask: number;
  readonly size: number;

  constructor(keys: ArrayLike<number>, vals: ArrayLike<number>) {
    let cap = 16;
    while (cap < keys.length * 2) cap *= 2;
    this.keys = new Int32Array(cap);
    this.vals = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
    this.size = keys.length;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]! | 0;
      let p = k & this.mask;
      while (this.vals[p]! >= 0 && this.keys[p] !== k) p = (p + 1) & this.mask;
      this.keys[p] = k;
      this.vals[p] = vals[i]!;
    }
  }

  /** Builds a table from a Map. */
  static fromMap(map: ReadonlyMap<number, number>): IntTable {
    return new IntTable(Int32Array.from(map.keys()), Int32Array.from(map.values()));
  }

  /** The value for key, or -1. */
  get(key: number): number {
    let p = key & this.mask;
    for (;;) {
      const v = this.vals[p]!;
      if (v < 0 || this.keys[p] === key) return v;
      p = (p + 1) & this.mask;
    }
  }
}
