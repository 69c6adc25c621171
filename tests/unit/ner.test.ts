import { splitSentences } from '../../src/extract/ner/splitSentences.js';
import { tokenize } from '../../src/extract/ner/tokenize.js';
import { recognizeEntities, type NerMention } from '../../src/extract/ner/recognizeEntities.js';
import { bilouToSpans, iob1ToSpans } from '../../src/extract/ner/labels.js';

const texts = (s: string): string[] => tokenize(s).map((t) => t.text);

function whole(text: string): NerMention[] {
  return recognizeEntities(text, [{ start: 0, end: text.length }]);
}

const brief = (ms: NerMention[]): string[] => ms.map((m) => `${m.type}:${m.text}`);

describe('tokenize', () => {
  it('keeps offsets into the original string', () => {
    const s = '  “We won’t stop,” said Dr. Jane O’Neill-Smith —\r\nagain.';
    for (const t of tokenize(s)) expect(s.slice(t.start, t.end)).toBe(t.text);
    expect(texts(s)).toEqual(['“', 'We', 'wo', 'n’t', 'stop', ',', '”', 'said', 'Dr.', 'Jane', 'O’Neill-Smith', '—', 'again', '.']);
  });

  it('splits possessives and contractions, keeps hyphenated names whole', () => {
    expect(texts('Russia’s talks with the Nato-Russia Council’s chair')).toEqual([
      'Russia',
      '’s',
      'talks',
      'with',
      'the',
      'Nato-Russia',
      'Council',
      '’s',
      'chair',
    ]);
    expect(texts("the Smiths' house, don't go, they're here")).toEqual(['the', 'Smiths', "'", 'house', ',', 'do', "n't", 'go', ',', 'they', "'re", 'here']);
  });

  it('keeps abbreviations, initials and numbers', () => {
    expect(texts('Mr. J. Smith of Acme Inc. met U.S. officials at 10:30 a.m. on Jan. 5.')).toEqual([
      'Mr.',
      'J.',
      'Smith',
      'of',
      'Acme',
      'Inc.',
      'met',
      'U.S.',
      'officials',
      'at',
      '10:30',
      'a.m.',
      'on',
      'Jan.',
      '5',
      '.',
    ]);
    expect(texts('Profits rose 3.5% to $1,200.75 million in 2023-24.')).toEqual([
      'Profits',
      'rose',
      '3.5',
      '%',
      'to',
      '$',
      '1,200.75',
      'million',
      'in',
      '2023-24',
      '.',
    ]);
    expect(texts('He said no. Then he left...')).toEqual(['He', 'said', 'no', '.', 'Then', 'he', 'left', '...']);
  });

  it('tokenizes a sub-range with offsets into the whole text', () => {
    const s = 'Headline\r\n\r\nBody text here.';
    const toks = tokenize(s, 12, s.length);
    expect(toks[0]).toEqual({ text: 'Body', start: 12, end: 16 });
  });
});

describe('splitSentences', () => {
  it('is abbreviation-aware', () => {
    const s = 'Mr. Smith went to Washington. He met U.S. officials on Jan. 5 at 3 p.m. “It went well,” he said! Talks resume Monday.';
    const got = splitSentences(s, 0, s.length).map((r) => s.slice(r.start, r.end));
    expect(got).toEqual(['Mr. Smith went to Washington.', 'He met U.S. officials on Jan. 5 at 3 p.m. “It went well,” he said!', 'Talks resume Monday.']);
  });

  it('respects the range and blank lines', () => {
    const s = 'Title line\r\n\r\nFirst one. Second one.';
    const got = splitSentences(s, 0, s.length).map((r) => s.slice(r.start, r.end));
    expect(got).toEqual(['Title line', 'First one.', 'Second one.']);
  });
});

describe('labels', () => {
  it('reads IOB1 and lenient BILOU', () => {
    expect(iob1ToSpans(['I-PER', 'I-PER', 'O', 'I-LOC', 'B-LOC'])).toEqual([
      { type: 0, start: 0, end: 2 },
      { type: 2, start: 3, end: 4 },
      { type: 2, start: 4, end: 5 },
    ]);
    // B-ORG I-ORG O: the unfinished span is closed at the O.
    expect(bilouToSpans([5, 6, 0], 3)).toEqual([{ type: 1, start: 0, end: 2 }]);
  });
});

describe('recognizeEntities', () => {
  it('finds a titled person, an organisation and a city', () => {
    const text = 'Dr. Maria Lopez, a spokeswoman for the World Health Organization, said on Tuesday that the outbreak in Madrid was under control.';
    expect(brief(whole(text))).toEqual(['PER:Maria Lopez', 'ORG:World Health Organization', 'LOC:Madrid']);
  });

  it('leaves out possessives, quotes and British honorifics', () => {
    const text = '“We will not back down,” Mr Johnson told reporters after Russia’s foreign minister left London.';
    const ms = whole(text);
    expect(brief(ms)).toEqual(['PER:Johnson', 'LOC:Russia', 'LOC:London']);
    for (const m of ms) {
      expect(text.slice(m.start, m.end)).toBe(m.text);
      expect(m.confidence).toBeGreaterThan(0);
      expect(m.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('uses segments and returns offsets into the whole text', () => {
    // A Title Case headline: the body writes "envoys" and "talks" in lowercase, which tells.
    const text = 'Envoys Arrive In Geneva For Talks\n\nThe European Union sent envoys to Geneva for talks on Monday.';
    const ms = recognizeEntities(text, [
      { start: 0, end: 33 },
      { start: 35, end: text.length },
    ]);
    for (const m of ms) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(brief(ms)).toEqual(['LOC:Geneva', 'ORG:European Union', 'LOC:Geneva']);
    expect(ms[0]!.start).toBe(17);
    expect(ms[0]!.confidence).toBeLessThan(ms[2]!.confidence);
  });

  it('returns nothing for empty input', () => {
    expect(recognizeEntities('', [])).toEqual([]);
    expect(recognizeEntities('   ', [{ start: 0, end: 3 }])).toEqual([]);
  });
});
