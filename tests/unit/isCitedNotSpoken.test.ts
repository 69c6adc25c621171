/**
 * Quoted text that is cited rather than spoken (headlines, dated posters, credited works, printed
 * slogans, dash headings, a word talked about, lists of titles, markup), on sentences written
 * for these tests: each rule drops what it names and leaves real speech alone.
 */
import { attributeQuotes } from '../../src/extract/quotes/attributeQuotes.js';
import { isTitleLike } from '../../src/extract/quotes/classifyQuote.js';
import { isCitedNotSpoken } from '../../src/extract/quotes/isCitedNotSpoken.js';
import { paragraphsOf } from '../support/paragraphsOf.js';

/** The texts of the quotes attributeQuotes keeps. */
const quotesIn = (text: string): string[] => attributeQuotes(text, paragraphsOf(text), []).map((q) => q.text);

/** isCitedNotSpoken on the first quotation (curly or straight) of the text. */
function cited(text: string): boolean {
  const open = text.search(/[“"‘]/);
  const closeMark = text.slice(open + 1).search(/[”"’]/) + open + 1;
  const content = text.slice(open + 1, closeMark);
  return isCitedNotSpoken(text, { open, close: closeMark + 1, content, titleLike: isTitleLike(content) });
}

describe('headlines with a byline', () => {
  test('a headline after a dash, ending in a comma and followed by "by" and a name, is not speech', () => {
    expect(cited('HARBOUR NEWS—“Ferry service to end in March,” by the Gazette’s Ivo Penn: the ferry will stop.')).toBe(true);
    expect(quotesIn('HARBOUR NEWS—“Ferry service to end in March,” by the Gazette’s Ivo Penn.')).toEqual([]);
  });

  test('a phrase inside the writer’s sentence followed by "by" keeps its quote', () => {
    expect(cited('The mayor called the plan “a reckless gamble,” by all accounts.')).toBe(false);
    expect(cited('She described the “careless remarks,” by Mr Dale as hurtful.')).toBe(false);
  });
});

describe('dated citations', () => {
  test('a slogan followed by its year in brackets is a citation', () => {
    expect(cited('The party printed “Keep the harbour open” (2011) on every wall.')).toBe(true);
    expect(cited('Its posters read “No to the toll” (city election poster 2009) in red.')).toBe(true);
  });

  test('a remark followed by a bracketed aside without a year is not', () => {
    expect(cited('“We will reopen the harbour” (the mayor’s words) was printed everywhere.')).toBe(false);
  });
});

describe('dash headings', () => {
  test('a single-quoted line between dashes is a section heading', () => {
    expect(quotesIn('The crowd left at midnight.\n– ‘Nobody listened’ –.\nThe next morning was quiet.')).toEqual([]);
  });

  test('a quote after a dash inside a sentence is still speech', () => {
    expect(quotesIn('The mayor was blunt – “We are not moving the harbour,” she said.')).toEqual(['We are not moving the harbour,']);
  });
});

describe('credited works and programmes', () => {
  test('a title after "starred in", "host of" or before "star Name" is a work', () => {
    expect(cited('Ana Reis, who starred in “Harbour Lights” and other dramas, spoke.')).toBe(true);
    expect(cited('He is now the host of “The Late Desk” on weekdays.')).toBe(true);
    expect(cited('“Low Tide” star Ana Reis spoke on Monday.')).toBe(true);
  });

  test('a song someone performs, or whose tune is played, is a work', () => {
    expect(cited('The band went on to perform “Harbour Nights.”')).toBe(true);
    expect(cited('They marched to the tune of “Old Pier Road.”')).toBe(true);
  });

  test('a programme named after an interview or "told" is not speech', () => {
    expect(cited('The senator said in an interview with “Morning Harbour,” that he would stay.')).toBe(true);
    expect(cited('The senator told “Weekend Review” that he would stay.')).toBe(true);
  });

  test('after "told" a one-word answer stays a quote', () => {
    expect(cited('Asked whether he would resign, the senator told “Never.”')).toBe(false);
  });

  test('a title described as a kind of work, or in a list of titles, goes with the first', () => {
    expect(cited('“Harbour Lights” is a BBC drama about a ferry crew.')).toBe(true);
    expect(quotesIn('Reis had roles in “Harbour Lights,” “Low Tide” and “Ebb and Flow,” all set at sea.')).toEqual([]);
  });

  test('a title after a noun for a drama, thriller or comedy is a work', () => {
    expect(quotesIn('Reis also stars in the crime drama, “Harbour Lights,” which returns in May.')).toEqual([]);
    expect(quotesIn('The network’s new thriller “Low Tide” opens tonight.')).toEqual([]);
  });

  test('a title-cased quote after a speech verb is still speech', () => {
    expect(quotesIn('The mayor said the plan was “Simply Not Good Enough,” and left.')).toEqual(['Simply Not Good Enough,']);
  });
});

describe('printed slogans', () => {
  test('a title-cased slogan on signs, hats or an award is not speech', () => {
    expect(cited('Fans waved “Reis for Mayor” signs at the gate.')).toBe(true);
    expect(cited('She won the festival’s “Best Newcomer” award last year.')).toBe(true);
  });

  test('a slogan shouted, not printed, keeps its quote', () => {
    expect(quotesIn('Fans shouted “Reis for Mayor!” at the gate.')).toEqual(['Reis for Mayor!']);
  });
});

describe('a word talked about', () => {
  test('one capitalised word opening the sentence, followed by a verb, is the topic', () => {
    expect(cited('The treaty was signed. “Containment” has been the policy since then.')).toBe(true);
    expect(cited('The law is old. “Refoulement” (forced return) is banned by it.')).toBe(true);
  });

  test('with a speech verb or pronoun after it, or lower case, it is speech', () => {
    expect(cited('The vote was close. “Fine” she said, and left.')).toBe(false);
    expect(cited('The vote was close. “Unacceptable” said the mayor.')).toBe(false);
    expect(cited('The mayor said the U.S. “clearly” needed help.')).toBe(false);
  });
});

describe('titles that open with a number', () => {
  test('"24 Hours in Port" reads as a title', () => {
    expect(isTitleLike('24 Hours in Port')).toBe(true);
    expect(isTitleLike('100 percent wrong')).toBe(false);
  });
});

describe('markup', () => {
  test('a straight mark before ">" closes an attribute, not a quote', () => {
    expect(quotesIn('<post date="May 1, 2016 ">Crowds at the pier today.</post> Later, “We are open,” the owner said.')).toEqual(['We are open,']);
  });
});
