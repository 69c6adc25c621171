import { articleBody, articleSegments, articleText, articleTextSql } from '../../src/content/articleText.js';

describe('the article text layout', () => {
  const title = 'Mayor Quits';
  const paragraphs = ['Anna Berg resigned on Friday.', '"I am done," Berg said.'];

  it('is the headline, a blank line, then the paragraphs separated by blank lines; paragraph 0 is the headline', () => {
    const text = articleText(title, paragraphs);
    expect(text).toBe('Mayor Quits\n\nAnna Berg resigned on Friday.\n\n"I am done," Berg said.');
    expect(articleSegments(title, paragraphs).map(({ start, end }) => text.slice(start, end))).toEqual([title, ...paragraphs]);
    expect(articleBody(paragraphs)).toBe(text.slice(articleSegments(title, paragraphs)[1]!.start));
  });

  it('has an SQL form over a title and a paragraphs column', () => {
    expect(articleTextSql('a."title"', 'a."paragraphs"')).toBe(`array_to_string(ARRAY[a."title"] || a."paragraphs", '\n\n')`);
  });
});
