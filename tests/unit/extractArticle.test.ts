import { EXTRACTOR_VERSION, extractArticle } from '../../src/extract/extractArticle.js';
import { articleInput as article } from '../support/articleInput.js';
import type { Extraction } from '../../src/extract/types.js';

const speakerOf = (x: Extraction, quote: string) => {
  const q = x.quotes.find((qq) => qq.text === quote);
  if (!q) throw new Error(`quote not found: ${quote}; got ${x.quotes.map((qq) => qq.text).join(' | ')}`);
  const s = q.speaker;
  return s && { name: s.name, description: s.description, type: s.type, affiliation: s.affiliation, mention: s.mention.text };
};

const INPUT = article(
  'Canada and Norway sign fishing pact',
  [
    'Canada warned of “serious steps” if the talks failed. Members of the Arctic Fisheries Council said the quotas were “too generous”.',
    'Norway’s fisheries minister Ingrid Solheim said: “We have reached a fair agreement for both fleets.” Solheim also said the deal would be “reviewed every year”.',
    'The Canadian embassy spokesman was asked about the deal, and he replied: “Our fishermen will welcome this.”',
  ],
  ['Fishing', 'fishing', 'Arctic'],
);
const x = extractArticle(INPUT);

describe('extractArticle', () => {
  it('has a version to store with every fact', () => {
    expect(EXTRACTOR_VERSION).toMatch(/^storygraph-extract\/\d+\.\d+\.\d+$/);
  });

  it('resolves a named speaker through the surname to the person with role and affiliation', () => {
    expect(speakerOf(x, 'reviewed every year')).toEqual({ name: 'Ingrid Solheim', description: null, type: 'PERSON', affiliation: null, mention: 'Solheim' });
    const solheim = x.entities.find((e) => e.name === 'Ingrid Solheim');
    expect(solheim && { aliases: solheim.aliases, role: solheim.role, affiliation: solheim.affiliation }).toEqual({
      aliases: ['Solheim'],
      role: 'fisheries minister',
      affiliation: 'Norway',
    });
  });

  it('takes a place as the speaker when the place speaks', () => {
    expect(speakerOf(x, 'serious steps')).toEqual({ name: 'Canada', description: null, type: 'PLACE', affiliation: null, mention: 'Canada' });
  });

  it('gives a group of members to their organization', () => {
    expect(speakerOf(x, 'too generous')?.name).toBe('Arctic Fisheries Council');
    expect(speakerOf(x, 'too generous')?.type).toBe('ORGANIZATION');
  });

  it('describes an unnamed speaker by the role phrase and its affiliation', () => {
    expect(speakerOf(x, 'Our fishermen will welcome this.')).toEqual({
      name: null,
      description: 'The Canadian embassy spokesman',
      type: 'UNNAMED',
      affiliation: 'Canada',
      mention: 'he',
    });
  });

  it('counts a nationality adjective as a mention of the place', () => {
    const canada = x.entities.find((e) => e.name === 'Canada');
    expect(canada && { type: canada.type, aliases: canada.aliases, mentions: canada.mentions.map((m) => m.text) }).toEqual({
      type: 'PLACE',
      aliases: ['Canadian'],
      mentions: ['Canada', 'Canada', 'Canadian'],
    });
  });

  it('keeps editor tags first, without case duplicates, then the topics the text is about (not its entities)', () => {
    expect(x.tags).toEqual([
      { name: 'Fishing', kind: 'EDITOR' },
      { name: 'Arctic', kind: 'EDITOR' },
    ]);
    // Too few topic words in three short paragraphs for a topic; names are never tags.
    const vote = extractArticle(
      article('Voters head to the polls in Lisbon', [
        'Voters in Portugal go to the polls on Sunday in an election the opposition expects to win.',
        'The campaign has turned on taxes; both candidates promised a referendum, and turnout is expected to be high.',
        'Polls close at eight. The prime minister said he would accept the result of the vote.',
      ]),
    );
    expect(vote.tags).toEqual([{ name: 'Elections', kind: 'TOPIC' }]);
  });

  it('keeps every offset true to the text', () => {
    for (const e of x.entities) for (const m of e.mentions) expect(INPUT.text.slice(m.start, m.end)).toBe(m.text);
    for (const q of x.quotes) {
      expect(INPUT.text.slice(q.start, q.end)).toBe(q.text);
      if (q.cue) expect(INPUT.text.slice(q.cue.start, q.cue.end)).toBe(q.cue.text);
      if (q.speaker) expect(INPUT.text.slice(q.speaker.mention.start, q.speaker.mention.end)).toBe(q.speaker.mention.text);
    }
  });

  it('records a resolved pronoun and a resolved role phrase as mentions of the speaker', () => {
    const x2 = extractArticle(
      article('Port deal signed', [
        'Norway’s fisheries minister Ingrid Solheim signed the port deal in Tromso on Monday.',
        '“This is a good day for the fleet,” she said.',
        'The fisheries minister later said the deal would be “reviewed every year”.',
      ]),
    );
    const solheim = x2.entities.find((e) => e.name === 'Ingrid Solheim');
    expect(solheim?.mentions.map((m) => [m.text, m.form])).toEqual([
      ['Ingrid Solheim', 'NAME'],
      ['she', 'PRONOUN'],
      ['The fisheries minister', 'DESCRIPTION'],
    ]);
  });

  it('is deterministic and keeps no state between articles', () => {
    expect(extractArticle(INPUT)).toEqual(x);
  });
  it('takes a speaker NER missed after "a spokeswoman for" for an organization, and a pronoun without a named antecedent for an unnamed speaker', () => {
    const y = extractArticle(
      article('Delays', [
        'Trains ran late across the region on Monday.',
        'A spokeswoman for Brixworth Rail said: “Punctuality has improved for the sixth month in a row.”',
        '“I am not shy,” I said.',
      ]),
    );
    expect(speakerOf(y, 'Punctuality has improved for the sixth month in a row.')).toMatchObject({ name: 'Brixworth Rail', type: 'ORGANIZATION' });
    expect(y.entities.find((e) => e.name === 'Brixworth Rail')?.type).toBe('ORGANIZATION');
    expect(speakerOf(y, 'I am not shy,')).toEqual({ name: null, description: 'I', type: 'UNNAMED', affiliation: null, mention: 'I' });
  });
});

describe('extractArticle: an interview written as a transcript', () => {
  it('quotes each turn of a person the article names, with that person as the speaker', () => {
    const interview = extractArticle(
      article('Interview: the trade minister', [
        'We spoke to the trade minister Ingrid Solheim in Oslo about the fishing talks.',
        'Q: Are you worried about the quotas?\nSolheim: Very worried, because the fleets need certainty.',
        'Q: When do the talks end?\nSolheim: We hope to finish before the winter.',
      ]),
    );
    expect(speakerOf(interview, 'Very worried, because the fleets need certainty.')).toEqual({
      name: 'Ingrid Solheim',
      description: null,
      type: 'PERSON',
      affiliation: null,
      mention: 'Solheim',
    });
    expect(speakerOf(interview, 'We hope to finish before the winter.')?.name).toBe('Ingrid Solheim');
    expect(interview.quotes.some((q) => q.text.startsWith('Are you worried'))).toBe(false);
  });
});

describe('extractArticle: a person named by their nationality', () => {
  it('gives a quote "the Spaniard told" to the person it describes, not to Spain', () => {
    const report = extractArticle(
      article('Harbour side win again', [
        'Harbour beat Millbrook 2-1 on Sunday. Tomas Arrieta praised his players after the match.',
        '“We were brilliant in the second half,” the Spaniard told reporters.',
      ]),
    );
    expect(speakerOf(report, 'We were brilliant in the second half,')).toMatchObject({ name: 'Tomas Arrieta', type: 'PERSON', mention: 'Spaniard' });
  });

  it('leaves a plural nationality to the nation', () => {
    const report = extractArticle(article('Fishing talks', ['Tomas Arrieta led the talks in Madrid.', '“The quotas are too low,” the Spaniards said.']));
    expect(speakerOf(report, 'The quotas are too low,')?.name).not.toBe('Tomas Arrieta');
  });
});

describe('extractArticle: letters and streets', () => {
  it('reads no greeting as part of a name, and a street’s head word as part of its name', () => {
    const letter = extractArticle(article('Re: the audit', ['Hi Thomas, thanks for the note.', 'Please book a room on Michigan Avenue for the auditors.']));
    const names = letter.entities.map((e) => `${e.type} ${e.name}`);
    expect(names).toContain('PERSON Thomas');
    expect(names).not.toContain('PERSON Hi Thomas');
    expect(names).toContain('PLACE Michigan Avenue');
  });
});
