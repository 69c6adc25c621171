import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { recognizeEntities } from '../../src/extract/ner/recognizeEntities.js';

const SEED = fileURLToPath(new URL('../../fixtures/seed/000_95a61b1d8e8c3e78.txt', import.meta.url));

const whole = (text: string) => recognizeEntities(text, [{ start: 0, end: text.length }]);

/** The last word of a mention in lower case: none of a sentence written with capitals ends so. */
const ENDS_IN_LOWER_CASE = /(?:^|\s)\p{Ll}{2,}$/u;

describe('NER mentions end at the name', () => {
  it('never runs a name on into the verb after it in a sentence written with capitals', () => {
    const text = [
      'That was a rate of progress Ms Abbott described as "painful".',
      'Mr Howard has said Britain should take its fair share of refugees.',
      'Later Mrs Okonkwo told reporters the plan would be dropped.',
      'Shares in Brenwick Holdings plc rose after Dr Lindqvist spoke.',
    ].join('\n\n');
    const mentions = whole(text);
    expect(mentions.length).toBeGreaterThan(0);
    for (const m of mentions) if (!m.text.endsWith(' plc')) expect(m.text).not.toMatch(ENDS_IN_LOWER_CASE);
    expect(mentions.map((m) => m.text)).toEqual(expect.arrayContaining(['Abbott', 'Howard']));
  });

  it('holds over the seed story', () => {
    const text = readFileSync(SEED, 'utf8');
    for (const m of whole(text)) expect(m.text).not.toMatch(ENDS_IN_LOWER_CASE);
  });
});
