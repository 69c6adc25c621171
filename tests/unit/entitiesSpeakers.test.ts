import { buildEntities } from '../../src/extract/entities/index.js';
import type { QuoteSpeaker, SpeakerForm } from '../../src/extract/quotes/types.js';
import { resolveSpeaker } from '../../src/extract/speakers/resolveSpeaker.js';
import type { Span } from '../../src/extract/types.js';
import { segmentsOf, tag, type NerTag } from './entitiesHelpers.js';

const TEXT = [
  'Port talks stall',
  'Brazil’s transport minister Helena Duarte met ORCAF envoys. Brazil threatened “retaliation” and ORCAF members said the plan was “unworkable”.',
  'The ministry spokesman was asked about it and he said “no comment”. Later the transport minister said: “We will wait.” She added that “it” was too early.',
].join('\n');
const NER: NerTag[] = [
  ['LOC', 'Brazil'],
  ['PER', 'Helena Duarte'],
  ['ORG', 'ORCAF'],
  ['LOC', 'Brazil'],
  ['ORG', 'ORCAF'],
];
const built = buildEntities(TEXT, segmentsOf(TEXT), tag(TEXT, NER));

/** The n-th whole-word occurrence (1-based) of a phrase as a span. */
function at(phrase: string, n = 1): Span {
  const re = new RegExp(`(?<![\\p{L}])${phrase}(?![\\p{L}])`, 'gu');
  let m: RegExpExecArray | null = null;
  for (let i = 0; i < n; i++) m = re.exec(TEXT);
  if (!m) throw new Error(`${phrase} not found`);
  return { start: m.index, end: m.index + phrase.length, text: phrase };
}

const speaker = (mention: Span, form: SpeakerForm, antecedent: Span | null = null): QuoteSpeaker => ({ mention, form, antecedent });

describe('resolveSpeaker', () => {
  it('maps a name to the person, through the full name', () => {
    expect(resolveSpeaker(speaker(at('Brazil’s transport minister Helena Duarte'), 'NAME'), built, 0.8)).toEqual({
      name: 'Helena Duarte',
      description: null,
      type: 'PERSON',
      affiliation: null,
      mention: at('Brazil’s transport minister Helena Duarte'),
      confidence: 0.8,
    });
  });

  it('maps a place that speaks to the place', () => {
    expect(resolveSpeaker(speaker(at('Brazil', 2), 'NAME'), built, 0.8)).toEqual({
      name: 'Brazil',
      description: null,
      type: 'PLACE',
      affiliation: null,
      mention: at('Brazil', 2),
      confidence: 0.8,
    });
  });

  it('maps a group phrase to the organization it belongs to', () => {
    expect(resolveSpeaker(speaker(at('ORCAF members'), 'GROUP'), built, 0.8)).toEqual({
      name: 'ORCAF',
      description: null,
      type: 'ORGANIZATION',
      affiliation: null,
      mention: at('ORCAF members'),
      confidence: 0.8,
    });
  });

  it('makes a role phrase without a name an unnamed speaker affiliated with what it names', () => {
    const text = 'Rates\nThe Brazil central bank spokesman said “no”.';
    const b = buildEntities(text, segmentsOf(text), tag(text, [['LOC', 'Brazil']]));
    const phrase = 'The Brazil central bank spokesman';
    const mention = { start: text.indexOf(phrase), end: text.indexOf(phrase) + phrase.length, text: phrase };
    expect(resolveSpeaker(speaker(mention, 'DESCRIPTION'), b, 0.8)).toEqual({
      name: null,
      description: phrase,
      type: 'UNNAMED',
      affiliation: 'Brazil',
      mention,
      confidence: 0.8,
    });
  });

  it('judges a pronoun by its antecedent but keeps the pronoun as the mention', () => {
    expect(resolveSpeaker(speaker(at('he'), 'PRONOUN', at('Helena Duarte')), built, 0.8)).toEqual({
      name: 'Helena Duarte',
      description: null,
      type: 'PERSON',
      affiliation: null,
      mention: at('he'),
      confidence: 0.8,
    });
  });

  it('maps a role phrase repeating a named person’s role to that person', () => {
    expect(resolveSpeaker(speaker(at('the transport minister'), 'DESCRIPTION'), built, 0.8)).toEqual({
      name: 'Helena Duarte',
      description: null,
      type: 'PERSON',
      affiliation: null,
      mention: at('the transport minister'),
      confidence: 0.8,
    });
  });

  it('treats a role of a named person’s as an unnamed speaker, not that person', () => {
    const text = 'Visit\nPresident Duarte’s chief aide said it was “a success”.';
    const b = buildEntities(text, segmentsOf(text), tag(text, [['PER', 'President Duarte']]));
    const phrase = 'President Duarte’s chief aide';
    const mention = { start: text.indexOf(phrase), end: text.indexOf(phrase) + phrase.length, text: phrase };
    expect(resolveSpeaker(speaker(mention, 'DESCRIPTION'), b, 0.8)).toEqual({
      name: null,
      description: phrase,
      type: 'UNNAMED',
      affiliation: null,
      mention,
      confidence: 0.8,
    });
  });

  it('gives an unnamed speaker described by the pronoun for a pronoun without antecedent', () => {
    // The text attributes the words to "She": the attribution stands, whom it names is unknown.
    expect(resolveSpeaker(speaker(at('She'), 'PRONOUN'), built, 0.8)).toMatchObject({
      name: null,
      description: 'She',
      type: 'UNNAMED',
      affiliation: null,
      mention: at('She'),
    });
  });

  it('never makes a "she" the body her antecedent mentions, unless the phrase ends in its name', () => {
    const text =
      'Benefits\nThe Labour backbencher for the constituency warned against it. She told the radio: “It will not work.” A spokeswoman for Zorvia Watch said it was wrong. She added: “It is unfair.”';
    const b = buildEntities(
      text,
      segmentsOf(text),
      tag(text, [
        ['ORG', 'Labour'],
        ['ORG', 'Zorvia Watch'],
      ]),
    );
    const span = (phrase: string, from = 0): Span => ({ start: text.indexOf(phrase, from), end: text.indexOf(phrase, from) + phrase.length, text: phrase });
    const backbencher = span('The Labour backbencher for the constituency');
    const she = span('She');
    expect(resolveSpeaker(speaker(she, 'PRONOUN', backbencher), b, 0.8)).toEqual({
      name: null,
      description: backbencher.text,
      type: 'UNNAMED',
      affiliation: 'Labour Party',
      mention: she,
      confidence: 0.8,
    });
    const spokeswoman = span('A spokeswoman for Zorvia Watch');
    const secondShe = span('She', she.end);
    expect(resolveSpeaker(speaker(secondShe, 'PRONOUN', spokeswoman), b, 0.8)).toMatchObject({ name: 'Zorvia Watch', type: 'ORGANIZATION' });
    // Without the pronoun, the phrase is the body it ends in.
    expect(resolveSpeaker(speaker(spokeswoman, 'DESCRIPTION'), b, 0.8)).toMatchObject({ name: 'Zorvia Watch', type: 'ORGANIZATION' });
  });
});
