import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { buildKnownNames } from '../../src/extract/ner/buildKnownNames.js';
import { IntTable } from '../../src/extract/ner/intTable.js';
import { MODEL_PATH } from '../../src/extract/ner/loadModel.js';
import { recognizeEntities } from '../../src/extract/ner/recognizeEntities.js';
import { Atoms, fillLexicon, fillWord } from '../../src/extract/ner/sentenceAtoms.js';
import { tokenize } from '../../src/extract/ner/tokenize.js';

const known = buildKnownNames();
const empty = new IntTable([], []);

/** The known-name bits fillLexicon gives each token of a sentence. */
function knownBits(sentence: string): number[] {
  const words = tokenize(sentence).map((t) => t.text);
  const a = new Atoms();
  a.reset(words.length);
  words.forEach((w, i) => fillWord(a, i, w));
  fillLexicon(a, { words: empty, gaz: empty, known: new IntTable(known.keys, known.vals) });
  return Array.from(a.known.subarray(0, words.length));
}

const FIRST_NAME = 1;
// Place: bits 1–4 (B, I, L, U); organization: bits 5–8; other things: bits 9–12.
const PLACE_B = 1 << 1;
const PLACE_L = 1 << 3;
const PLACE_U = 1 << 4;
const ORGANIZATION_U = 1 << 8;

describe('NER: names known from outside the training data', () => {
  it('marks first names and the knowledge base’s places and organizations, multi-word ones by position', () => {
    const bits = knownBits('Cole Brenwick flew from Abu Dhabi to Nairobi with Microsoft staff');
    expect(bits[0]! & FIRST_NAME).toBe(FIRST_NAME);
    expect(bits[1]).toBe(0);
    expect(bits[4]! & PLACE_B).toBe(PLACE_B);
    expect(bits[5]! & PLACE_L).toBe(PLACE_L);
    expect(bits[7]! & PLACE_U).toBe(PLACE_U);
    expect(bits[9]! & ORGANIZATION_U).toBe(ORGANIZATION_U);
    expect(bits[10]).toBe(0);
  });

  it('does not mark the first word of a multi-word name alone', () => {
    // "Abu" is a prefix of "Abu Dhabi", not a place of its own.
    expect(knownBits('Abu said so')[0]! & (PLACE_U | PLACE_B)).toBe(0);
  });

  it('are stored in the model file with where they came from', () => {
    const buf = gunzipSync(readFileSync(MODEL_PATH));
    const header = JSON.parse(buf.toString('utf8', 8, 8 + buf.readUInt32LE(4))) as { known: number; knownNames: string };
    expect(header.known).toBe(known.keys.length);
    expect(header.knownNames).toBe(known.source);
    expect(header.knownNames).toMatch(/^kb-\d{4}\.\d+; /);
  });

  it('lets the model read an unseen player with a common first name as a person, not a team', () => {
    const text = "Mikel Arteta's side went ahead after 12 minutes, before Cole Palmer equalised from the penalty spot.";
    const found = recognizeEntities(text, [{ start: 0, end: text.length }]).map((m) => `${m.type}:${m.text}`);
    expect(found).toEqual(['PER:Mikel Arteta', 'PER:Cole Palmer']);
  });
});
