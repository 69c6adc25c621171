/**
 * The known-names lexicon: names from outside the training data (the shipped knowledge base's
 * places, organizations and other things, and a list of first names), as hashes of lowercased
 * token sequences. CoNLL-2003 is Reuters copy of 1996; a name it never saw ("Nvidia", "Bukayo
 * Saka"'s team-mates, a city of the 2020s) is judged by shape and context alone, and in sports
 * copy that means a team. With these bits among the features, the model learns how far to trust
 * "this is a known city" or "this word is a first name" on names it has not seen.
 *
 * Built by the trainer and stored in the model file, so the model always reads the names it was
 * trained with, whatever the knowledge base holds later.
 */
import { readFileSync } from 'node:fs';
import { FIRST_NAMES_PATH, KNOWLEDGE_BASE_PATH, type KbFile, type KbKind } from '../knowledge/knowledgeBaseFile.js';
import { mix } from './hash.js';
import { GAZ_MAX_LEN, KNOWN_FIRST_NAME, KNOWN_ORGANIZATION, KNOWN_OTHER, KNOWN_PLACE, KNOWN_PREFIX, SEQ_SEED, lowerHash } from './sentenceAtoms.js';
import { tokenize } from './tokenize.js';

/** Events, awards, products and works are KNOWN_OTHER: what CoNLL calls MISC. */
const KIND_BITS: Partial<Record<KbKind, number>> = {
  PLACE: KNOWN_PLACE,
  ORGANIZATION: KNOWN_ORGANIZATION,
  EVENT: KNOWN_OTHER,
  AWARD: KNOWN_OTHER,
  PRODUCT: KNOWN_OTHER,
  WORK: KNOWN_OTHER,
};

export interface KnownNames {
  keys: Int32Array;
  vals: Int32Array;
  /** Where the names came from, for the model's header. */
  source: string;
}

/** Hash of a token sequence, as fillLexicon computes it. */
function sequenceHash(words: readonly string[], count: number): number {
  let h = SEQ_SEED;
  for (let k = 0; k < count; k++) h = mix(h, lowerHash(words[k]!));
  return h;
}

/**
 * The table from the knowledge base file and first-name list given (by default the shipped
 * ones). Demonyms, offices and capitalised common nouns are left out: the training data's own
 * lexicon knows nationality words, and the others are no names; so are names marked ambiguous.
 */
export function buildKnownNames(kbPath = KNOWLEDGE_BASE_PATH, firstNamesPath = FIRST_NAMES_PATH): KnownNames {
  const kb = JSON.parse(readFileSync(kbPath, 'utf8')) as KbFile;
  const names = JSON.parse(readFileSync(firstNamesPath, 'utf8')) as { source: string; female: string; male: string };
  const table = new Map<number, number>();
  const set = (key: number, bits: number) => table.set(key, (table.get(key) ?? 0) | bits);
  for (const [, kind, , name, others, , , ambiguous] of kb.entries) {
    const bits = KIND_BITS[kind];
    // A name the knowledge base marks ambiguous ("Apple", "Liberty", "Turkey") is as often a
    // common word or another thing's name: telling NER it is known misleads it more than it
    // helps (on a fifth of CoNLL train held out, people's F1 0.5 lower with them).
    if (bits === undefined || ambiguous) continue;
    for (const form of [name, ...others]) {
      const words = tokenize(form).map((t) => t.text);
      if (words.length === 0 || words.length > GAZ_MAX_LEN) continue;
      for (let n = 1; n < words.length; n++) set(sequenceHash(words, n), KNOWN_PREFIX);
      set(sequenceHash(words, words.length), bits);
    }
  }
  for (const list of [names.female, names.male]) for (const name of list.split(' ')) if (name) set(sequenceHash([name], 1), KNOWN_FIRST_NAME);
  return { keys: Int32Array.from(table.keys()), vals: Int32Array.from(table.values()), source: `${kb.version}; ${names.source}` };
}
