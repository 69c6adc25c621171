import { averageWeights } from '../../src/extract/ner/averageWeights.js';
import { NUM_LABELS } from '../../src/extract/ner/labels.js';
import { SPACE_LOWER_CASE, SPACE_ORDINARY } from '../../src/extract/ner/scorer.js';

/** A weight set of the given rows: key -> (label -> weight). */
function weightsOf(rows: [number, Record<number, number>, number][]) {
  const keys = Int32Array.from(rows.map(([k]) => k));
  const weights = new Float32Array(rows.length * NUM_LABELS);
  rows.forEach(([, w], r) => {
    for (const [l, v] of Object.entries(w)) weights[r * NUM_LABELS + Number(l)] = v;
  });
  return { keys, weights, spaces: Uint8Array.from(rows.map(([, , s]) => s)) };
}

function rowOf(m: ReturnType<typeof averageWeights>, key: number): number[] {
  const r = Array.from(m.keys).indexOf(key);
  return Array.from(m.weights.subarray(r * NUM_LABELS, (r + 1) * NUM_LABELS));
}

describe('averageWeights', () => {
  it('takes the mean of each weight, a feature a model lacks counting as zero there', () => {
    const a = weightsOf([
      [11, { 0: 1, 3: -2 }, SPACE_ORDINARY],
      [22, { 5: 4 }, SPACE_ORDINARY],
    ]);
    const b = weightsOf([
      [11, { 0: 3 }, SPACE_ORDINARY],
      [33, { 7: 6 }, SPACE_LOWER_CASE],
    ]);
    const m = averageWeights([a, b]);
    expect(Array.from(m.keys).sort((x, y) => x - y)).toEqual([11, 22, 33]);
    expect(rowOf(m, 11).slice(0, 4)).toEqual([2, 0, 0, -1]);
    expect(rowOf(m, 22)[5]).toBe(2);
    expect(rowOf(m, 33)[7]).toBe(3);
    expect(rowOf(m, 33).filter((v) => v !== 0)).toHaveLength(1);
  });

  it('keeps the spaces of every model a feature was updated in', () => {
    const a = weightsOf([[5, { 1: 1 }, SPACE_ORDINARY]]);
    const b = weightsOf([[5, { 1: 1 }, SPACE_LOWER_CASE]]);
    const m = averageWeights([a, b]);
    expect(m.spaces[Array.from(m.keys).indexOf(5)]).toBe(SPACE_ORDINARY | SPACE_LOWER_CASE);
  });

  it('gives one model back unchanged', () => {
    const a = weightsOf([[9, { 2: 0.25, 16: -0.5 }, SPACE_ORDINARY]]);
    const m = averageWeights([a]);
    expect(Array.from(m.keys)).toEqual([9]);
    expect(Array.from(m.weights)).toEqual(Array.from(a.weights));
  });
});
