/**
 * Interviews written as transcripts: a line opening with a person's name and a colon is that
 * person's words, on texts written for these tests.
 */
import { findTranscriptTurns } from '../../src/extract/quotes/findTranscriptTurns.js';
import type { NameSpan } from '../../src/extract/quotes/types.js';
import { paragraphsOf } from '../support/paragraphsOf.js';

/** Person names found in order; the turns as "speaker: words". */
function turns(text: string, people: string[], quoted: number[] = []): string[] {
  let from = 0;
  const names: NameSpan[] = people.map((word) => {
    const start = text.indexOf(word, from);
    if (start < 0) throw new Error(`no ${word}`);
    from = start + word.length;
    return { start, end: start + word.length, text: word, type: 'PER' };
  });
  return findTranscriptTurns(text, paragraphsOf(text), names, new Set(quoted)).map((q) => {
    expect(text.slice(q.start, q.end)).toBe(q.text);
    expect(text.slice(q.speaker!.mention.start, q.speaker!.mention.end)).toBe(q.speaker!.mention.text);
    return `${q.speaker!.mention.text}: ${q.text}`;
  });
}

describe('findTranscriptTurns', () => {
  it('quotes each line a person named in the article opens with their name or surname and a colon', () => {
    const text =
      'Interview\n\nWe spoke to the trade minister Orla Brisk in Tessam.\n\nQ: Are you worried?\nBrisk: Very worried about the tariffs.\n\nQ: And the talks?\nBrisk: They start in May, I think.';
    expect(turns(text, ['Orla Brisk'])).toEqual(['Brisk: Very worried about the tariffs.', 'Brisk: They start in May, I think.']);
  });

  it('takes one such line for a label, not a transcript, and skips lines that open with no person', () => {
    const text =
      'Profile\n\nBrisk: the minister who never gives up on a deal.\n\nWarning: this story contains flashing images.\n\nOrla Brisk was born in 1970.';
    expect(turns(text, ['Orla Brisk'])).toEqual([]);
  });

  it('takes names that each open one line for a list’s headings, not a transcript', () => {
    const text =
      'Ideas\n\nOrla Brisk: Student loans would be written off under her plan.\n\nDorian Keswick: Credit scores would be reformed, he said in March.\n\nBoth have left the race.';
    expect(turns(text, ['Orla Brisk', 'Dorian Keswick'])).toEqual([]);
  });

  it('leaves paragraphs whose quotation marks were already read to that stage', () => {
    const text = 'Talks\n\nBrisk: "We will not sign," she said on Monday.\n\nBrisk: Nobody expected the talks to fail.\n\nOrla Brisk spoke to reporters.';
    expect(turns(text, ['Orla Brisk'], [1])).toEqual([]);
  });
});
