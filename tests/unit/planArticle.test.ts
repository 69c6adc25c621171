import { articleText } from '../../src/content/articleText.js';
import { nameKey, slugify } from '../../src/ingest/nameKey.js';
import { parseArticle } from '../../src/ingest/parseArticle.js';
import { planArticle, type ArticleSource } from '../../src/ingest/planArticle.js';
import type { Extraction } from '../../src/extract/types.js';

const source: ArticleSource = { sourceKey: 'file:/tmp/x.txt', sourcePath: '/tmp/x.txt', sourceUrl: null, byline: null, publishedAt: null };

describe('planArticle', () => {
  // The file has a path line and CRLF line ends, so file offsets and stored offsets differ.
  const text = '/Mayor Quits\r\n\r\nMayor Quits\r\n\r\nAnna Berg resigned on Friday.\r\n\r\n"I am done," Berg said.\r\n\r\nTAGS:City\r\n';
  const parsed = parseArticle(text, 'x.txt');
  const at = (word: string, from = 0) => {
    const start = text.indexOf(word, from);
    return { start, end: start + word.length, text: word };
  };
  const name = (span: { start: number; end: number; text: string }) => ({ ...span, form: 'NAME' as const, parent: null });
  const extraction: Extraction = {
    entities: [
      {
        type: 'PERSON',
        name: 'Anna Berg',
        aliases: ['Berg'],
        role: 'mayor',
        affiliation: null,
        mentions: [name(at('Anna Berg')), name(at('Berg', text.indexOf('"')))],
        known: null,
        confidence: 0.9,
      },
    ],
    quotes: [
      {
        text: 'I am done,',
        start: at('I am done,').start,
        end: at('I am done,').end,
        kind: 'DIRECT',
        cue: at('said'),
        speaker: { name: 'Anna Berg', description: null, type: 'PERSON', affiliation: null, mention: at('Berg', text.indexOf('"')), confidence: 0.9 },
        confidence: 0.8,
      },
    ],
    tags: [
      { name: 'City', kind: 'EDITOR' },
      { name: 'city', kind: 'TOPIC' },
    ],
  };
  const plan = planArticle(parsed, extraction, source, 'test-1');
  const stored = articleText(plan.title, plan.paragraphs);

  it('moves every offset from the file to the stored article text', () => {
    expect(stored).toBe('Mayor Quits\n\nAnna Berg resigned on Friday.\n\n"I am done," Berg said.');
    for (const mention of plan.entities[0]!.mentions) expect(stored.slice(mention.start, mention.end)).toBe(mention.text);
    const quote = plan.quotes[0]!;
    expect(stored.slice(quote.start, quote.end)).toBe('I am done,');
    expect(stored.slice(quote.cue!.start, quote.cue!.end)).toBe('said');
    expect(quote).toMatchObject({ paragraph: 2, speakerKey: 'PERSON:anna berg', speakerDescription: null });
    expect(plan.entities[0]!.mentions.map((m) => m.paragraph)).toEqual([1, 2]);
  });

  it('keys entities and tags naturally and records the role', () => {
    expect(plan.entities.map((e) => ({ key: e.key, slug: e.slug, aliases: e.aliases }))).toEqual([
      { key: 'PERSON:anna berg', slug: 'anna-berg', aliases: [{ name: 'Berg', nameKey: 'berg' }] },
    ]);
    expect(plan.tags).toEqual([{ name: 'City', slug: 'city', kind: 'EDITOR' }]);
    expect(plan.affiliations).toEqual([{ personKey: 'PERSON:anna berg', organizationKey: null, role: 'mayor', confidence: 0.9 }]);
    expect(plan).toMatchObject({ slug: 'mayor-quits', lead: 'Anna Berg resigned on Friday.', wordCount: 12, extractorVersion: 'test-1' });
  });

  it('leaves out the kinds the store has no kind for (works, events, products, awards) and quotes they would speak', () => {
    const withEvent: Extraction = {
      ...extraction,
      entities: [
        ...extraction.entities,
        { type: 'EVENT', name: 'City Fair', aliases: [], role: null, affiliation: null, mentions: [name(at('Friday'))], confidence: 0.8, known: null },
      ],
      quotes: extraction.quotes.map((q) => ({ ...q, speaker: q.speaker && { ...q.speaker, name: 'City Fair', type: 'ORGANIZATION' as const } })),
    };
    const planned = planArticle(parsed, withEvent, source, 'test-1');
    expect(planned.entities.map((e) => e.key)).toEqual(['PERSON:anna berg']);
    expect(planned.quotes.map((q) => q.speakerKey)).toEqual([null]);
  });

  it('keeps the first mention of each span, ordered by start, when two names share a key', () => {
    const secondBerg = at('Berg', text.indexOf('"'));
    const anna = { ...at('Anna'), form: 'NAME' as const, parent: { start: at('Anna Berg').start, end: at('Anna Berg').end } };
    const twice: Extraction = {
      ...extraction,
      entities: [
        { ...extraction.entities[0]!, mentions: [name(secondBerg), name(at('Anna Berg')), anna] },
        // "ANNA BERG" has the same key: its mentions join the first's, repeats dropped.
        {
          ...extraction.entities[0]!,
          name: 'ANNA BERG',
          mentions: [{ ...name(secondBerg), form: 'ACRONYM' as const }, name(at('Anna')), name(at('Anna Berg'))],
        },
      ],
    };
    const mentions = planArticle(parsed, twice, source, 'test-1').entities[0]!.mentions;
    expect(mentions.map((m) => [m.text, m.form, m.parent && stored.slice(m.parent.start, m.parent.end)])).toEqual([
      ['Anna Berg', 'NAME', null],
      ['Anna', 'NAME', 'Anna Berg'],
      ['Berg', 'NAME', null],
    ]);
  });

  it('hashes content, not file layout: the same story with LF line ends has the same hash', () => {
    const lf = parseArticle(text.replace(/\r\n/g, '\n'), 'y.txt');
    expect(planArticle(lf, extraction, source, 'test-1').contentHash).toBe(plan.contentHash);
  });
});

describe('nameKey and slugify', () => {
  it('fold case, accents and punctuation', () => {
    expect([nameKey('NATO'), nameKey('Nato'), nameKey('Zoë O’Neil'), nameKey('Nato-Russia  Council')]).toEqual([
      'nato',
      'nato',
      'zoe oneil',
      'nato russia council',
    ]);
    expect(slugify('Russia and NATO Agree to Begin Negotiations This Winter')).toBe('russia-and-nato-agree-to-begin-negotiations-this-winter');
    expect(slugify('¿?')).toBe('untitled');
  });
});
