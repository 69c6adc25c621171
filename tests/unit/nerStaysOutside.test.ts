import { loadModel } from '../../src/extract/ner/loadModel.js';
import { tokenize } from '../../src/extract/ner/tokenize.js';
import { Atoms, computeMode, fillLexicon, fillWord, hasNoCapital, MODE_LOWER } from '../../src/extract/ner/sentenceAtoms.js';
import { DOC_LOWER, MAX_FEATURES, dynamicFeatures, staticFeatures } from '../../src/extract/ner/features.js';
import { NUM_LABELS, START } from '../../src/extract/ner/labels.js';
import { staysOutside } from '../../src/extract/ner/tagDocument.js';

const model = loadModel();

function atomsOf(sentence: string): { atoms: Atoms; words: string[] } {
  const words = tokenize(sentence).map((t) => t.text);
  const atoms = new Atoms();
  atoms.reset(words.length);
  words.forEach((w, i) => fillWord(atoms, i, w));
  atoms.mode = computeMode(atoms);
  fillLexicon(atoms, model.lexicon);
  return { atoms, words };
}

/** The words of the sentence the decoder leaves outside a name unasked, after a word outside one. */
function unasked(sentence: string): string[] {
  const { atoms, words } = atomsOf(sentence);
  return words.filter((_, i) => staysOutside(atoms, i, i === 0 ? START : 0, hasNoCapital(atoms)));
}

/** The label the model would choose for token i after two words outside a name, every feature scored. */
function modelLabel(atoms: Atoms, i: number): number {
  const feats = new Int32Array(MAX_FEATURES);
  const scores = new Float64Array(NUM_LABELS);
  const prev = i === 0 ? START : 0;
  const prev2 = i <= 1 ? START : 0;
  const k = dynamicFeatures(atoms, i, prev, prev2, -1, feats, staticFeatures(atoms, i, i === 0 ? 1 : 0, DOC_LOWER, feats));
  model.score(feats, k, scores, atoms.mode === MODE_LOWER);
  let best = 0;
  for (let l = 1; l < NUM_LABELS; l++) if (scores[l]! > scores[best]!) best = l;
  return best;
}

describe('words the decoder leaves outside a name without asking the model', () => {
  it('are plain lower-case words no list knows, in an ordinary sentence', () => {
    const words = unasked('The painkillers were dubbed a killer blow by regulators on Friday, officials said.');
    expect(words).toEqual(expect.arrayContaining(['painkillers', 'were', 'dubbed', 'killer', 'blow', 'regulators', 'officials']));
    expect(words).not.toContain('Friday');
    expect(words).not.toContain('The');
  });

  it('are never a word with a capital inside, a word of a name in training, or a word of a sentence in lower case', () => {
    const plain = unasked('Fighters of al-Qaeda sold an iPhone on eBay in the anti-European camp.');
    expect(plain).toContain('sold');
    for (const w of ['al-Qaeda', 'iPhone', 'eBay', 'anti-European']) expect(plain).not.toContain(w);
    // "of" and "de" are words of names in the training data ("Bank of England", "de Gaulle").
    const named = unasked('The Bank of England met Charles de Gaulle.');
    expect(named).toContain('met');
    expect(named).not.toContain('of');
    expect(named).not.toContain('de');
    expect(unasked('just landed in paris with my sister, what a day')).toEqual([]);
    expect(unasked('germany 2 france 1')).toEqual([]);
  });

  it('are only asked after a word outside a name', () => {
    const { atoms, words } = atomsOf('He said the talks went well.');
    const i = words.indexOf('talks');
    expect(staysOutside(atoms, i, 0, false)).toBe(true);
    expect(staysOutside(atoms, i, 1, false)).toBe(false); // after the first word of a person's name
  });

  it('are words the model itself would leave outside a name', () => {
    const sentences = [
      'The painkillers were dubbed a killer blow by regulators on Friday, officials said.',
      'Shares in the carmaker fell sharply after the chief executive resigned over the emissions scandal.',
      'A spokesman for the ministry declined to comment on reports of a cabinet reshuffle.',
      'Dubbed le cost killer for pushing through huge cost cuts, he turned the firm around.',
      'The band released a new album and toured with a string quartet last summer.',
      'Researchers at the university found that the vaccine cut hospital admissions by half.',
    ];
    let checked = 0;
    for (const sentence of sentences) {
      const { atoms, words } = atomsOf(sentence);
      words.forEach((w, i) => {
        if (!staysOutside(atoms, i, i === 0 ? START : 0, hasNoCapital(atoms))) return;
        checked++;
        expect([w, modelLabel(atoms, i)]).toEqual([w, 0]);
      });
    }
    expect(checked).toBeGreaterThan(50);
  });
});
