import { shapesOf as shapes } from './entitiesHelpers.js';

describe('buildEntities: a role only a person holds, before a name', () => {
  it('makes a name NER doubted after a lower-case role a person', () => {
    const text = 'Council\nThe council met on Monday. "We are ready," council leader Brenwick said.';
    expect(shapes(text, [['ORG', 'Brenwick', 0.36]])).toEqual(['PERSON Brenwick: Brenwick [council leader]']);
  });

  it('leaves a company after a role a company holds, and a name NER was sure of', () => {
    const text = 'Shops\nMarket leader Brenwick and fund manager Tallow Partners gained. The spokesman Halvard Group said so.';
    expect(
      shapes(text, [
        ['ORG', 'Brenwick', 0.5],
        ['ORG', 'Tallow Partners', 0.5],
        ['ORG', 'Halvard Group', 0.9],
      ]),
    ).toEqual(['ORGANIZATION Brenwick: Brenwick', 'ORGANIZATION Tallow Partners: Tallow Partners', 'ORGANIZATION Halvard Group: Halvard Group']);
  });

  it('decides nothing for the first word of a longer name', () => {
    const text = 'Debate\nThe party leader Dorian Wexley accused ministers of failing.';
    expect(
      shapes(text, [
        ['MISC', 'Dorian', 0.72],
        ['PER', 'Wexley', 0.54],
      ]),
    ).toEqual(['PERSON Dorian Wexley: Dorian Wexley [party leader]']);
  });
});

describe('buildEntities: a courtesy title before a name NER took for something else', () => {
  it('makes the name after "Professor" or "Mrs" a person, even one word long', () => {
    const text = 'Letter\nShe had a letter from Professor Albrend in her coat. Mrs Quillet will show you the room.';
    expect(
      shapes(text, [
        ['ORG', 'Professor Albrend', 0.4],
        ['ORG', 'Mrs Quillet', 0.5],
      ]),
    ).toEqual(['PERSON Albrend: Albrend [Professor]', 'PERSON Quillet: Quillet']);
  });

  it('drops a title alone, and leaves "Miss" and a name that goes on', () => {
    const text = 'Pageant\nThe Professor sent me. Miss World was held in London. Professor Robin Lovell-Badge spoke.';
    expect(
      shapes(text, [
        ['ORG', 'Professor', 0.5],
        ['ORG', 'Miss World', 0.8],
        ['LOC', 'London'],
        ['ORG', 'Professor Robin', 0.14],
      ]),
    ).toEqual(['ORGANIZATION Miss World: Miss World', 'PLACE London: London']);
  });
});

describe('buildEntities: a known body glued before a person NER read as one organization', () => {
  it('splits the body off and keeps the person', () => {
    const text = 'Row\nFellow Lib Dem Norman Baker said the episode was unfortunate.';
    expect(shapes(text, [['ORG', 'Lib Dem Norman Baker', 0.3]])).toEqual(['ORGANIZATION Liberal Democrats: Lib Dem', 'PERSON Norman Baker: Norman Baker']);
  });

  it('splits them where NER was fairly sure of the organization, but not where it was certain', () => {
    const text = 'Reform\nThe plan was backed by Liberal Democrat Paul Tyler, and by BBC Michael Howard.';
    expect(
      shapes(text, [
        ['ORG', 'Liberal Democrat Paul Tyler', 0.6],
        ['ORG', 'BBC Michael Howard', 0.97],
      ]),
    ).toEqual(['ORGANIZATION Liberal Democrats: Liberal Democrat', 'PERSON Paul Tyler: Paul Tyler', 'ORGANIZATION BBC Michael Howard: BBC Michael Howard']);
  });

  it('leaves a body whose name goes on with no first name', () => {
    const text = 'Deal\nShares in Citigroup Smith Barney rose.';
    expect(shapes(text, [['ORG', 'Citigroup Smith Barney', 0.5]])).toEqual(['ORGANIZATION Citigroup Smith Barney: Citigroup Smith Barney']);
  });
});

describe("buildEntities: a peer's title after other titles, and a title word alone", () => {
  it('makes the surname after "Lord" a person, whatever titles come before', () => {
    const text = 'Donor\nThe party repaid money to former Tory Treasurer Lord Brenwick after he said so.';
    expect(shapes(text, [['ORG', 'Tory Treasurer Lord Brenwick', 0.5]])).toEqual(['PERSON Brenwick: Brenwick [Tory Treasurer]']);
  });

  it('drops a title word NER took for a place', () => {
    const text = 'Crime\nShadow home secretary Dorian Wexley welcomed the decision.';
    expect(
      shapes(text, [
        ['LOC', 'Shadow', 0.4],
        ['PER', 'Dorian Wexley'],
      ]),
    ).toEqual(['PERSON Dorian Wexley: Dorian Wexley [shadow home secretary] (United Kingdom)']);
  });
});
