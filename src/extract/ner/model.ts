/**
 * The shipped model: hashed feature weights (sparse int16 on disk, sparse in memory too, see
 * weightTable.ts) plus the training-derived lexicons. Binary layout, gzipped:
 *   "SGNR" | u32 header length | JSON header | sections, each 4-byte aligned, little endian.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { IntTable } from './intTable.js';
import { NUM_LABELS } from './labels.js';
import { FEATURE_VERSION } from './features.js';
import type { Lexicon } from './sentenceAtoms.js';
import { SPACE_LOWER_CASE, SPACE_ORDINARY, type Scorer } from './scorer.js';
import { WeightTable } from './weightTable.js';

interface Header {
  format: 1;
  featureVersion: number;
  labels: number;
  scale: number;
  features: number;
  /** The last this many of the features are of sentences in lower case. */
  lowerCaseFeatures: number;
  entries: number;
  words: number;
  gaz: number;
  known: number;
  trainedOn: string;
  /** Where the known names came from (knowledge base version, first-name list). */
  knownNames: string;
}

/**
 * A loaded, read-only model: the weights of ordinary text and those of text in lower case (see
 * features.ts) in two tables, so that ordinary text reads only its own, smaller one.
 */
export class NerModel implements Scorer {
  private lowerCaseTable: WeightTable | null = null;

  constructor(
    private readonly table: WeightTable,
    /** Builds the lower-case table, on first use: most text has no sentence in lower case. */
    private readonly buildLowerCase: () => WeightTable,
    private readonly lowerCaseSize: number,
    readonly lexicon: Lexicon,
  ) {}

  /** Number of features with weights. */
  get features(): number {
    return this.table.size + this.lowerCaseSize;
  }

  score(feats: Int32Array, n: number, scores: Float64Array, lowerCase: boolean): void {
    if (!lowerCase) this.table.addTo(feats, n, scores);
    else (this.lowerCaseTable ??= this.buildLowerCase()).addTo(feats, n, scores);
  }
}

export interface ModelParts {
  keys: Int32Array;
  weights: Float32Array;
  /** Per row, the feature spaces it belongs to (SPACE_ORDINARY, SPACE_LOWER_CASE; both for a hash the two share). */
  spaces: Uint8Array;
  wordKeys: Int32Array;
  wordVals: Int32Array;
  gazKeys: Int32Array;
  gazVals: Int32Array;
  knownKeys: Int32Array;
  knownVals: Int32Array;
  trainedOn: string;
  knownNames: string;
}

/** Prunes weights below `minWeight`, quantises to int16 and serialises (gzipped). */
export function encodeModel(parts: ModelParts, minWeight: number): Buffer {
  let maxAbs = 1e-9;
  for (const v of parts.weights) maxAbs = Math.max(maxAbs, Math.abs(v));
  const scale = maxAbs / 32767;
  const keys: number[] = [];
  const counts: number[] = [];
  const labels: number[] = [];
  const values: number[] = [];
  // Ordinary rows first, then those of text in lower case, so that the reader splits them by
  // count; a row of both (a hash both spaces share) is written in both.
  let lowerCaseRows = 0;
  for (const space of [SPACE_ORDINARY, SPACE_LOWER_CASE])
    for (let r = 0; r < parts.keys.length; r++) {
      if ((parts.spaces[r]! & space) === 0) continue;
      let c = 0;
      for (let l = 0; l < NUM_LABELS; l++) {
        const v = parts.weights[r * NUM_LABELS + l]!;
        if (Math.abs(v) < minWeight) continue;
        const q = Math.round(v / scale);
        if (q === 0) continue;
        labels.push(l);
        values.push(q);
        c++;
      }
      if (c > 0) {
        keys.push(parts.keys[r]!);
        counts.push(c);
        if (space === SPACE_LOWER_CASE) lowerCaseRows++;
      }
    }
  const header: Header = {
    format: 1,
    featureVersion: FEATURE_VERSION,
    labels: NUM_LABELS,
    scale,
    features: keys.length,
    lowerCaseFeatures: lowerCaseRows,
    entries: values.length,
    words: parts.wordKeys.length,
    gaz: parts.gazKeys.length,
    known: parts.knownKeys.length,
    trainedOn: parts.trainedOn,
    knownNames: parts.knownNames,
  };
  const sections: Buffer[] = [
    Buffer.from(Int32Array.from(keys).buffer),
    Buffer.from(Uint8Array.from(counts).buffer),
    Buffer.from(Uint8Array.from(labels).buffer),
    Buffer.from(Int16Array.from(values).buffer),
    Buffer.from(parts.wordKeys.buffer, parts.wordKeys.byteOffset, parts.wordKeys.byteLength),
    Buffer.from(parts.wordVals.buffer, parts.wordVals.byteOffset, parts.wordVals.byteLength),
    Buffer.from(parts.gazKeys.buffer, parts.gazKeys.byteOffset, parts.gazKeys.byteLength),
    Buffer.from(parts.gazVals.buffer, parts.gazVals.byteOffset, parts.gazVals.byteLength),
    Buffer.from(parts.knownKeys.buffer, parts.knownKeys.byteOffset, parts.knownKeys.byteLength),
    Buffer.from(parts.knownVals.buffer, parts.knownVals.byteOffset, parts.knownVals.byteLength),
  ];
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const chunks: Buffer[] = [Buffer.from('SGNR'), Buffer.alloc(4), json];
  chunks[1]!.writeUInt32LE(json.length);
  let size = 8 + json.length;
  const pad = (): void => {
    const p = (4 - (size % 4)) % 4;
    if (p > 0) {
      chunks.push(Buffer.alloc(p));
      size += p;
    }
  };
  for (const s of sections) {
    pad();
    chunks.push(s);
    size += s.length;
  }
  return gzipSync(Buffer.concat(chunks), { level: 9 });
}

/** Reads a gzipped model produced by encodeModel. */
export function decodeModel(gz: Buffer): NerModel {
  const buf = gunzipSync(gz);
  if (buf.toString('latin1', 0, 4) !== 'SGNR') throw new Error('NER model: bad magic');
  const hlen = buf.readUInt32LE(4);
  const header = JSON.parse(buf.toString('utf8', 8, 8 + hlen)) as Header;
  if (header.featureVersion !== FEATURE_VERSION || header.labels !== NUM_LABELS) {
    throw new Error(`NER model: feature version ${header.featureVersion}, code expects ${FEATURE_VERSION}; retrain with npm run train:ner`);
  }
  let off = 8 + hlen;
  const take = (bytes: number): ArrayBuffer => {
    off += (4 - (off % 4)) % 4;
    const ab = buf.buffer.slice(buf.byteOffset + off, buf.byteOffset + off + bytes);
    off += bytes;
    return ab;
  };
  const keys = new Int32Array(take(header.features * 4));
  const counts = new Uint8Array(take(header.features));
  const labels = new Uint8Array(take(header.entries));
  const values = new Int16Array(take(header.entries * 2));
  const wordKeys = new Int32Array(take(header.words * 4));
  const wordVals = new Int32Array(take(header.words * 4));
  const gazKeys = new Int32Array(take(header.gaz * 4));
  const gazVals = new Int32Array(take(header.gaz * 4));
  const knownKeys = new Int32Array(take(header.known * 4));
  const knownVals = new Int32Array(take(header.known * 4));
  // Rows [0, split) are of ordinary text, the rest of text in lower case; entries follow rows.
  const split = header.features - header.lowerCaseFeatures;
  let splitEntry = 0;
  for (let r = 0; r < split; r++) splitEntry += counts[r]!;
  const ordinary = new WeightTable(
    keys.subarray(0, split),
    counts.subarray(0, split),
    labels.subarray(0, splitEntry),
    values.subarray(0, splitEntry),
    header.scale,
  );
  const lowerCase = () => new WeightTable(keys.subarray(split), counts.subarray(split), labels.subarray(splitEntry), values.subarray(splitEntry), header.scale);
  return new NerModel(ordinary, lowerCase, header.lowerCaseFeatures, {
    words: new IntTable(wordKeys, wordVals),
    gaz: new IntTable(gazKeys, gazVals),
    known: new IntTable(knownKeys, knownVals),
  });
}
