/**
 * Read-only open-addressing hash table from 32-bit keys (already hashed) to non-negative ints.
 * A slot is a key and its value side by side in one typed array, so a lookup touches one cache
 * line (the tables are larger than the cache, and NER looks a word up in three of them).
 */
export class IntTable {
  /** slots[2p] is a key, slots[2p + 1] its value, or -1 for an empty slot. */
  private readonly slots: Int32Array;
  private readonly mask: number;
  readonly size: number;

  constructor(keys: ArrayLike<number>, vals: ArrayLike<number>) {
    let cap = 16;
    while (cap < keys.length * 2) cap *= 2;
    this.slots = new Int32Array(cap * 2);
    for (let p = 1; p < this.slots.length; p += 2) this.slots[p] = -1;
    this.mask = cap - 1;
    this.size = keys.length;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]! | 0;
      let p = k & this.mask;
      while (this.slots[2 * p + 1]! >= 0 && this.slots[2 * p] !== k) p = (p + 1) & this.mask;
      this.slots[2 * p] = k;
      this.slots[2 * p + 1] = vals[i]!;
    }
  }

  /** Builds a table from a Map. */
  static fromMap(map: ReadonlyMap<number, number>): IntTable {
    return new IntTable(Int32Array.from(map.keys()), Int32Array.from(map.values()));
  }

  /** The value for key, or -1. */
  get(key: number): number {
    const slots = this.slots;
    let p = key & this.mask;
    for (;;) {
      const v = slots[2 * p + 1]!;
      if (v < 0 || slots[2 * p] === key) return v;
      p = (p + 1) & this.mask;
    }
  }
}
