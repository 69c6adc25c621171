import { describe, expect, it } from '@jest/globals';
import { WeightTable } from '../../src/extract/ner/weightTable.js';

/** A small deterministic generator, so the table's keys spread like real feature hashes. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return s | 0;
  };
}

/** A table of `count` features with 1 to 5 entries each (rows over three spill into overflow), and the same weights as a plain map. */
function buildTable(count: number, seed: number) {
  const next = random(seed);
  const scale = 1 / 1024;
  const rows = new Map<number, [number, number][]>();
  while (rows.size < count) {
    const key = next();
    if (key === 0 || rows.has(key)) continue;
    const entries: [number, number][] = [];
    const n = 1 + (Math.abs(next()) % 5);
    for (let e = 0; e < n; e++) entries.push([Math.abs(next()) % 17, ((Math.abs(next()) % 2000) + 1) * (next() < 0 ? -1 : 1)]);
    rows.set(key, entries);
  }
  const keys = new Int32Array([...rows.keys()]);
  const counts = new Uint8Array([...rows.values()].map((e) => e.length));
  const all = [...rows.values()].flat();
  const table = new WeightTable(keys, counts, new Uint8Array(all.map(([label]) => label)), new Int16Array(all.map(([, q]) => q)), scale);
  return { table, rows, scale, next };
}

describe('WeightTable', () => {
  it('adds exactly the weights of the features it holds and nothing for the others', () => {
    const { table, rows, scale, next } = buildTable(20_000, 7);
    const held = [...rows.keys()];
    const feats = new Int32Array(64);
    for (let round = 0; round < 2_000; round++) {
      // Half held features, half random keys (nearly all absent): the filter must never drop a held one.
      const n = 1 + (round % 60);
      for (let j = 0; j < n; j++) feats[j] = j % 2 === 0 ? held[Math.abs(next()) % held.length]! : next();
      const scores = new Float64Array(17);
      table.addTo(feats, n, scores);
      const expected = new Float64Array(17);
      for (let j = 0; j < n; j++) {
        for (const [label, q] of rows.get(feats[j]!) ?? []) expected[label]! += Math.fround(q * scale);
      }
      expect([...scores]).toEqual([...expected]);
    }
  });

  it('scores more features in one call than a token ever has', () => {
    const { table, rows, scale } = buildTable(1_000, 3);
    const feats = new Int32Array([...rows.keys()].slice(0, 300));
    const scores = new Float64Array(17);
    table.addTo(feats, feats.length, scores);
    const expected = new Float64Array(17);
    for (const key of feats) for (const [label, q] of rows.get(key)!) expected[label]! += Math.fround(q * scale);
    expect([...scores]).toEqual([...expected]);
  });

  it('finds every feature it was built with', () => {
    const { table, rows } = buildTable(50_000, 11);
    let found = 0;
    const feats = new Int32Array(1);
    for (const key of rows.keys()) {
      feats[0] = key;
      const scores = new Float64Array(17);
      table.addTo(feats, 1, scores);
      if (scores.some((v) => v !== 0)) found++;
    }
    // A row's entries could cancel only if two entries of one label summed to zero; count those apart.
    const cancelling = [...rows.values()].filter((entries) => {
      const sums = new Map<number, number>();
      for (const [label, q] of entries) sums.set(label, (sums.get(label) ?? 0) + q);
      return [...sums.values()].every((v) => v === 0);
    }).length;
    expect(found).toBe(rows.size - cancelling);
    expect(table.size).toBe(rows.size);
  });
});
