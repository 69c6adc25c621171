import { entitiesOf } from './entitiesHelpers.js';

const person = (name: string, aliases: string[], role: string | null, affiliation: string | null, mentions: string[]) =>
  ({ type: 'PERSON', name, aliases, role, affiliation, mentions }) as const;
const org = (name: string, aliases: string[], mentions: string[]) =>
  ({ type: 'ORGANIZATION', name, aliases, role: null, affiliation: null, mentions }) as const;
const place = (name: string, aliases: string[], mentions: string[]) => ({ type: 'PLACE', name, aliases, role: null, affiliation: null, mentions }) as const;

describe('buildEntities: coreference', () => {
  it('links a surname alone back to the full name, even when NER missed it', () => {
    const text =
      'Budget talks resume\nThe Treasury chief Odile Marchetti opened the talks on Monday. Marchetti later left early, and aides said Marchetti was tired.';
    expect(
      entitiesOf(text, [
        ['PER', 'Odile Marchetti'],
        ['PER', 'Marchetti'],
      ]),
    ).toEqual([
      // The department the knowledge base knows is the affiliation, not part of the role.
      org('Treasury', [], ['Treasury']),
      person('Odile Marchetti', ['Marchetti'], 'chief', 'Treasury', ['Odile Marchetti', 'Marchetti', 'Marchetti']),
    ]);
  });

  it('treats names one edit apart with the same first name as one person, the first form canonical', () => {
    const text = 'Port strike ends\nUnion negotiator Kasia Wronski signed the deal. Kasia Wronsky said the dockers would return.';
    expect(
      entitiesOf(text, [
        ['PER', 'Kasia Wronski'],
        ['PER', 'Kasia Wronsky'],
      ]),
    ).toEqual([person('Kasia Wronski', ['Kasia Wronsky'], 'union negotiator', null, ['Kasia Wronski', 'Kasia Wronsky'])]);
  });

  it('keeps two people with one surname apart and sends the surname to the one named last', () => {
    const text = 'Family firm splits\nPiet Haverkamp founded the firm. His daughter Femke Haverkamp now runs it. Haverkamp said profits rose.';
    const out = entitiesOf(text, [
      ['PER', 'Piet Haverkamp'],
      ['PER', 'Femke Haverkamp'],
      ['PER', 'Haverkamp'],
    ]);
    expect(out.map((e) => [e.name, e.mentions])).toEqual([
      ['Piet Haverkamp', ['Piet Haverkamp']],
      ['Femke Haverkamp', ['Femke Haverkamp', 'Haverkamp']],
    ]);
  });

  it('finds a later mention NER missed of a name whose first word keeps a period', () => {
    const text = 'Charity grows\nThe St. Brendan Trust opened a clinic on Monday. Donors to the St. Brendan Trust gave more this year.';
    expect(entitiesOf(text, [['ORG', 'St. Brendan Trust']])).toEqual([org('St. Brendan Trust', [], ['St. Brendan Trust', 'St. Brendan Trust'])]);
  });

  it('merges case variants of an organization, also inside a hyphenated compound', () => {
    const text = 'Fisheries deal\nThe ORCAF board met in Lima. ORCAF wants quotas cut, and the Orcaf-Peru Commission will set them.';
    expect(
      entitiesOf(text, [
        ['ORG', 'ORCAF'],
        ['LOC', 'Lima'],
        ['ORG', 'ORCAF'],
        ['ORG', 'Orcaf-Peru Commission'],
      ]),
    ).toEqual([
      org('ORCAF', ['Orcaf'], ['ORCAF', 'ORCAF', 'Orcaf']),
      place('Lima', [], ['Lima']),
      org('ORCAF-Peru Commission', ['Orcaf-Peru Commission'], ['Orcaf-Peru Commission']),
      place('Peru', [], ['Peru']),
    ]);
  });

  it('makes an acronym introduced in parentheses an alias of the full name', () => {
    const text = 'Regulator fines bank\nThe Coastal Lending Standards Board (CLSB) fined the lender. A CLSB official declined to comment.';
    expect(
      entitiesOf(text, [
        ['ORG', 'Coastal Lending Standards Board'],
        ['ORG', 'CLSB'],
        ['ORG', 'CLSB'],
      ]),
    ).toEqual([org('Coastal Lending Standards Board', ['CLSB'], ['Coastal Lending Standards Board', 'CLSB', 'CLSB'])]);
  });

  it('drops a name NER doubted that only the title-cased headline has', () => {
    const text = 'Ministers Agree On Rail Fund\nThe Rail Fund opens in March.';
    expect(
      entitiesOf(text, [
        ['ORG', 'Agree', 0.45],
        ['ORG', 'Rail Fund', 0.5],
        ['ORG', 'Rail Fund', 0.9],
      ]),
    ).toEqual([org('Rail Fund', [], ['Rail Fund', 'Rail Fund'])]);
  });
});

describe('buildEntities: places', () => {
  it('reads nationality words and abbreviations as the place', () => {
    const text =
      'Trade row\nKenyans and Brazilians export coffee to the UK, where British buyers and Europeans compete. Kenya and the United Kingdom signed a pact.';
    expect(
      entitiesOf(text, [
        ['MISC', 'Kenyans'],
        ['MISC', 'Brazilians'],
        ['LOC', 'UK'],
        ['LOC', 'Kenya'],
        ['LOC', 'United Kingdom'],
      ]),
    ).toEqual([
      place('Kenya', ['Kenyans'], ['Kenyans', 'Kenya']),
      place('Brazil', ['Brazilians'], ['Brazilians']),
      place('United Kingdom', ['UK', 'British'], ['UK', 'British', 'United Kingdom']),
      place('Europe', ['Europeans'], ['Europeans']),
    ]);
  });

  it('leaves a nationality word inside a longer name to that name', () => {
    const text = 'Carrier results\nThe Finnish Ferry Company lost money, Finnish officials said.';
    expect(entitiesOf(text, [['ORG', 'Finnish Ferry Company']])).toEqual([
      org('Finnish Ferry Company', [], ['Finnish Ferry Company']),
      place('Finland', ['Finnish'], ['Finnish']),
    ]);
  });
});

describe('buildEntities: titles and roles', () => {
  it('strips capitalised titles from names and keeps them as the role', () => {
    const text = 'Summit opens\nPrime Minister Anneli Vikstrom met President Osei. Mr Osei and Dr Tamsin Reyes spoke later, and Vikstrom left.';
    expect(
      entitiesOf(text, [
        ['PER', 'Prime Minister Anneli Vikstrom'],
        ['PER', 'President Osei'],
        ['PER', 'Mr Osei'],
        ['PER', 'Dr Tamsin Reyes'],
        ['PER', 'Vikstrom'],
      ]),
    ).toEqual([
      person('Anneli Vikstrom', ['Vikstrom'], 'Prime Minister', null, ['Anneli Vikstrom', 'Vikstrom']),
      person('Osei', [], 'President', null, ['Osei', 'Osei']),
      person('Tamsin Reyes', [], null, null, ['Tamsin Reyes']),
    ]);
  });

  it('takes a possessive place before a lower-case role as the affiliation', () => {
    const text = 'Grain exports\nChile’s agriculture minister Tomas Ibarrola said exports would rise.';
    expect(
      entitiesOf(text, [
        ['LOC', 'Chile'],
        ['PER', 'Tomas Ibarrola'],
      ]),
    ).toEqual([place('Chile', [], ['Chile']), person('Tomas Ibarrola', [], 'agriculture minister', 'Chile', ['Tomas Ibarrola'])]);
  });

  it('keeps a lower-case role before the name without a determiner', () => {
    const text = 'Talks\nThe call between deputy trade envoy Rhea Calloway and Ivo Brandt, economic adviser to Lindqvist, lasted an hour.';
    expect(
      entitiesOf(text, [
        ['PER', 'Rhea Calloway'],
        ['PER', 'Ivo Brandt'],
        ['PER', 'Lindqvist'],
      ]),
    ).toEqual([
      person('Rhea Calloway', [], 'deputy trade envoy', null, ['Rhea Calloway']),
      person('Ivo Brandt', [], 'economic adviser to Lindqvist', null, ['Ivo Brandt']),
      person('Lindqvist', [], null, null, ['Lindqvist']),
    ]);
  });

  it('reads an appositive role and finds a lower-case institution in it', () => {
    const text = 'Tram plan\nLena Marsh, a spokeswoman for the regional transport council, said the plan was ready.';
    expect(entitiesOf(text, [['PER', 'Lena Marsh']])).toEqual([
      person('Lena Marsh', [], 'spokeswoman for the regional transport council', 'Regional Transport Council', ['Lena Marsh']),
      org('Regional Transport Council', ['regional transport council'], ['regional transport council']),
    ]);
  });

  it('makes an organization before a lower-case role the affiliation', () => {
    const text = 'Dispute\nFormer Vantrel chief Oskar Lind and White House press secretary Dana Whitcombe disagreed.';
    expect(
      entitiesOf(text, [
        ['ORG', 'Vantrel'],
        ['PER', 'Oskar Lind'],
        ['LOC', 'White House'],
        ['PER', 'Dana Whitcombe'],
      ]),
    ).toEqual([
      org('Vantrel', [], ['Vantrel']),
      person('Oskar Lind', [], 'former chief', 'Vantrel', ['Oskar Lind']),
      org('White House', [], ['White House']),
      person('Dana Whitcombe', [], 'press secretary', 'White House', ['Dana Whitcombe']),
    ]);
  });

  it('keeps a capitalised ministry title whole', () => {
    const text = 'Energy bill\nThe Energy and Climate Secretary Priya Vance published the bill.';
    expect(entitiesOf(text, [['PER', 'Priya Vance']])).toEqual([person('Priya Vance', [], 'Energy and Climate Secretary', null, ['Priya Vance'])]);
  });
});
