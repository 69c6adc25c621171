import { CUE_GUARDS, decideKind } from '../../src/extract/entities/decideKind.js';
import { lastWordOf } from '../../src/extract/entities/lastWordOf.js';
import { COMPANY_CUE_GUARDS, namesACompany } from '../../src/extract/entities/namesACompany.js';

describe('lastWordOf', () => {
  it('reads the last ASCII word before trailing white space and one comma, lower-cased', () => {
    expect(lastWordOf('the film ')).toBe('film');
    expect(lastWordOf('their third album, ')).toBe('album');
    expect(lastWordOf("Channel 4's ")).toBe('s');
    expect(lastWordOf('the spin-off\u00a0')).toBe('off');
    expect(lastWordOf('The ')).toBe('the');
    expect(lastWordOf('')).toBe('');
    expect(lastWordOf('2004 ')).toBe('');
  });

  it('ends a word at a letter outside ASCII, as the patterns it guards do', () => {
    expect(lastWordOf('the \u017ffilm ')).toBe('film');
    expect(lastWordOf('a \u212afirm ')).toBe('firm');
  });
});

describe('the cue patterns run where their last word is', () => {
  it('decides as the patterns read the text before a name', () => {
    expect(decideKind('Vera Drake', 'the film ', '', 'ORG', 0.9).kind).toBe('WORK');
    // "\u017f" and the Kelvin sign are no ASCII letters: "\b" stands before "film" and "its".
    expect(decideKind('Vera Drake', 'the \u017ffilm ', '', 'ORG', 0.9).kind).toBe('WORK');
    expect(decideKind('DS', '\u017fits ', ' handheld', 'ORG', 0.9).kind).toBe('PRODUCT');
    // The one pattern that folds case the Unicode way reads "\u017fhow" as "show".
    expect(decideKind('Big Brother', 'the \u017fhow ', '', 'ORG', 0.9).kind).toBe('WORK');
    expect(decideKind('Big Brother', 'the how ', '', 'ORG', 0.9).kind).toBe('ORGANIZATION');
    expect(namesACompany('', 'the \u017fcompany ', false)).toBe(true);
    expect(namesACompany('', 'the \u212afirm ', false)).toBe(true);
  });
});

describe('each guarded pattern ends only on words its set holds', () => {
  // Phrases made of the pattern's own words, one to three in a row, after a determiner or a
  // name's possessive: a word added to a pattern but not to its set fails here.
  const prefixes = ['', 'the ', 'his ', "Acme's ", 'a British ', 'Boston-', '20 '];
  const suffixes = [' ', ', ', ' the ', '\t'];
  for (const [i, { pattern, lastWords }] of [...CUE_GUARDS, ...COMPANY_CUE_GUARDS].entries()) {
    it(`pattern ${i}: ${pattern.source.slice(0, 40)}…`, () => {
      const words = pattern.source.match(/[a-z]+(?:-[a-z]+)*/g) ?? [];
      let matched = 0;
      for (let from = 0; from < words.length; from++)
        for (let n = 1; n <= 3 && from + n <= words.length; n++)
          for (const prefix of prefixes)
            for (const suffix of suffixes) {
              const before = `${prefix}${words.slice(from, from + n).join(' ')}${suffix}`;
              if (!pattern.test(before)) continue;
              matched++;
              expect([before, lastWords.has(lastWordOf(before))]).toEqual([before, true]);
            }
      expect(matched).toBeGreaterThan(0);
    });
  }
});
