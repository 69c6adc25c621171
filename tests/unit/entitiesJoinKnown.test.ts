import { shapesOf as shapes } from './entitiesHelpers.js';

describe('buildEntities: two names that together are one the knowledge base knows', () => {
  it('joins them into that organization', () => {
    const text = "Party\nThe themes of New Labour's next campaign were set out.";
    expect(
      shapes(text, [
        ['ORG', 'New', 0.65],
        ['ORG', 'Labour', 0.57],
      ]),
    ).toEqual(['ORGANIZATION Labour Party: New Labour']);
  });

  it('leaves two names apart that make no known name', () => {
    const text = 'Deal\nThe Brenwick Tallow merger was approved.';
    expect(
      shapes(text, [
        ['ORG', 'Brenwick', 0.6],
        ['ORG', 'Tallow', 0.6],
      ]),
    ).toEqual(['ORGANIZATION Brenwick: Brenwick', 'ORGANIZATION Tallow: Tallow']);
  });
});
