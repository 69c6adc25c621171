import { extractArticle } from '../../src/extract/extractArticle.js';
import { articleInput as article } from '../support/articleInput.js';
import { recognizeEntities } from '../../src/extract/ner/recognizeEntities.js';
import { Atoms, MODE_LOWER, MODE_NORMAL, computeMode, fillWord } from '../../src/extract/ner/sentenceAtoms.js';
import { tokenize } from '../../src/extract/ner/tokenize.js';
import { recaseNames } from '../../src/extract/recaseNames.js';

function modeOf(sentence: string): number {
  const words = tokenize(sentence).map((t) => t.text);
  const a = new Atoms();
  a.reset(words.length);
  words.forEach((w, i) => fillWord(a, i, w));
  return computeMode(a);
}

const whole = (text: string) => recognizeEntities(text, [{ start: 0, end: text.length }]);

describe('names in text written all in lower case', () => {
  it('reads a sentence without one capital in a mode of its own', () => {
    expect(modeOf('we flew from madrid to london last week')).toBe(MODE_LOWER);
    expect(modeOf('We flew from Madrid to London last week.')).toBe(MODE_NORMAL);
    // Too short to tell.
    expect(modeOf('he said so')).toBe(MODE_NORMAL);
  });

  it('lets NER find names there, and marks them', () => {
    const found = whole('watched boris johnson give a speech in london yesterday, he was great.');
    expect(found.map((m) => `${m.type}:${m.text}:${m.caseless}`)).toEqual(['PER:boris johnson:true', 'LOC:london:true']);
    expect(whole('Boris Johnson gave a speech in London.').every((m) => !m.caseless)).toBe(true);
  });

  it('marks names in a line too short for the mode but without one capital', () => {
    const text = 'Results\n\ngermany at france\n\nThe match in Paris ended level.';
    const found = recognizeEntities(text, [
      { start: 0, end: 7 },
      { start: 9, end: 26 },
      { start: 28, end: text.length },
    ]);
    expect(found.map((m) => `${m.text}:${m.caseless}`)).toEqual(['germany:true', 'france:true', 'Paris:false']);
  });

  it('capitalises those names for the later stages, keeping every offset', () => {
    const text = 'my mortgage is with the bank of england now, and the stoke-on-trent branch shut';
    const ner = [
      { type: 'ORG' as const, start: 24, end: 39, text: 'bank of england', confidence: 0.7, caseless: true },
      { type: 'LOC' as const, start: 53, end: 67, text: 'stoke-on-trent', confidence: 0.7, caseless: true },
    ];
    const view = recaseNames(text, ner);
    expect(view).toBe('my mortgage is with the Bank of England now, and the Stoke-on-Trent branch shut');
    expect(view.length).toBe(text.length);
    // An acronym the knowledge base knows is written in capitals.
    const uk = 'flights to the uk were cancelled';
    expect(recaseNames(uk, [{ type: 'LOC', start: 15, end: 17, text: 'uk', confidence: 0.8, caseless: true }])).toBe('flights to the UK were cancelled');
    // A dotted initialism is all capitals.
    const us = 'officials in the u.s. said so';
    expect(recaseNames(us, [{ type: 'LOC', start: 17, end: 21, text: 'u.s.', confidence: 0.8, caseless: true }])).toBe('officials in the U.S. said so');
    // A lower-case word NER took for a name in an ordinary sentence is left as it is.
    expect(recaseNames(text, [{ ...ner[0]!, caseless: false }])).toBe(text);
  });

  it('gives entities capitalised names and mentions the text as written', () => {
    const input = article('A day out', ['watched boris johnson give a speech in london yesterday, he was great.']);
    const x = extractArticle(input);
    expect(x.entities.map((e) => `${e.type}:${e.name}`)).toEqual(['PERSON:Boris Johnson', 'PLACE:London']);
    for (const e of x.entities) for (const m of e.mentions) expect(input.text.slice(m.start, m.end)).toBe(m.text);
    expect(x.entities[0]!.mentions[0]!.text).toBe('boris johnson');
    expect(x.entities[1]!.known?.id).toBe('capital:GB:london');
  });

  it('reads a sentence that opens with "A" or "I" as ordinary', () => {
    expect(modeOf('A levy on jet fuel has been suggested by ministers.')).toBe(MODE_NORMAL);
    expect(modeOf('I would suggest laying new oak veneer planks.')).toBe(MODE_NORMAL);
    expect(modeOf('just saw her and i screamed so loud')).toBe(MODE_LOWER);
    for (const sentence of ['A levy on jet fuel has been suggested by ministers.', 'I would suggest laying new oak veneer planks.'])
      expect(extractArticle(article('Fuel', [sentence])).entities).toEqual([]);
  });

  it('reads a post in lower case as such though a handle or a hashtag has capitals', () => {
    expect(modeOf('so @Arsenal really made me sit through the rain at the emirates')).toBe(MODE_LOWER);
    expect(modeOf('next up chelsea away on sunday and i cannot cope #COYG')).toBe(MODE_LOWER);
    // A capitalised word of the text itself still makes the sentence ordinary.
    expect(modeOf('so Arsenal really made me sit through the rain at the emirates')).toBe(MODE_NORMAL);
    const found = whole('next up chelsea away on sunday, then we fly to lisbon for benfica #COYG');
    expect(found.map((m) => m.text)).toEqual(expect.arrayContaining(['lisbon']));
    expect(found.every((m) => m.caseless)).toBe(true);
  });

  it('makes no name of a lower-case word in an ordinary sentence', () => {
    const sentence = 'Sales rose after the Indian ocean tsunami devastated resorts in Thailand.';
    // Whatever NER makes of "ocean" here, nothing of this sentence is read as caseless: it writes names with capitals.
    const found = whole(sentence);
    expect(found.every((m) => !m.caseless)).toBe(true);
    expect(found.map((m) => m.text)).toEqual(expect.arrayContaining(['Indian', 'Thailand']));
    expect(extractArticle(article('Markets', [sentence])).entities.map((e) => e.name)).not.toContain('Ocean');
    expect(extractArticle(article('Markets', [sentence])).entities.map((e) => e.name)).toContain('Thailand');
  });
});
