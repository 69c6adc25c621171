/**
 * Quoted words that are not anyone's speech (works with their star, author or founder, ads,
 * songs and letters, titles with subtitles, nicknames, printed slogans, lone letters and handles,
 * translations, addresses, listed words, pronouns, headings in capitals), on sentences written
 * for these tests: each rule drops what it names and keeps the speech next to it.
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

describe('a work named before its star, host or maker', () => {
  test('a title before "star" and a name is a work, whatever its capitals', () => {
    expect(cited('“Tide is High” star Ana Reis spoke about her first role.')).toBe(true);
    expect(quotesIn('12\n“Low Tide” Star Opens Up About Life On The Pier.')).toEqual([]);
  });

  test('words with their own punctuation before "star" and a name are speech', () => {
    expect(quotesIn('“We won the night,” star Ana Reis said after the show.')).toEqual(['We won the night,']);
    expect(cited('“Tide is High” star who left early did not return.')).toBe(false);
  });
});

describe('a work named after its star, author or founder', () => {
  test('a star of a channel’s show, an author and a founder name works', () => {
    expect(quotesIn('Ivo Penn, star of the network’s “Pier Patrol,” thanked the crew.')).toEqual([]);
    expect(quotesIn('“It was a hard winter,” said Ana Reis, author of “Long Harbour,” a history of the port.')).toEqual(['It was a hard winter,']);
    expect(quotesIn('Reis and Penn, the co-authors of “Salt and Stone,” met in 2001.')).toEqual([]);
    expect(cited('In 2004 Penn was the founder of “Ferrymen for Fair Fares 2004.”')).toBe(true);
  });

  test('a title with its author after "by" is a work', () => {
    expect(cited('One night in 1999, according to “Salt and Stone” by Ivo Penn, the pier burned.')).toBe(true);
  });

  test('a phrase followed by "by" and a lower-case word is not', () => {
    expect(cited('The plan was “Dead on Arrival” by any measure, Penn said.')).toBe(false);
  });
});

describe('ads, songs and letters', () => {
  test('an ad or spot named after its noun, songs listed after "hits including", and letters named before theirs are works', () => {
    expect(quotesIn('The campaign’s first spot, “Bridge Too Far,” shows an empty pier.')).toEqual([]);
    expect(quotesIn('Its 30-second ad, “Night Ferry,” ran on Sunday.')).toEqual([]);
    expect(quotesIn('The band added sea hits including “La Marea” and “Old Pier Road” to the set.')).toEqual([]);
    expect(quotesIn('Board members wrote a series of angry “Dear Ivo” letters to the mayor.')).toEqual([]);
  });

  test('a quote closed by its own punctuation before "the ad" is what the ad says', () => {
    expect(quotesIn('“Vote Now,” the ad says over a picture of the pier.')).toEqual(['Vote Now,']);
  });
});

describe('titles with a subtitle', () => {
  test('a short title, a colon and a longer title-cased subtitle is one title', () => {
    expect(isTitleLike('Long Harbour: A Ferryman’s Life Between the Northern Islands and the Old Port')).toBe(true);
    expect(quotesIn('Reviewers praised her new book, “Long Harbour: A Ferryman’s Life Between the Northern Islands and the Old Port,” last week.')).toEqual([]);
  });

  test('a sentence after a colon is not a subtitle', () => {
    expect(isTitleLike('Long Harbour: we will rebuild it this year')).toBe(false);
  });
});

describe('nicknames', () => {
  test('a capitalised word between an initial, a title or a first name and a surname is a nickname', () => {
    expect(quotesIn('The port was represented by Gov. J.R. “Bud” Lane, who spoke briefly.')).toEqual([]);
    expect(quotesIn('The runoff pitted Ann Lee against Jose\u0301 “Pepe” Ruiz, a councillor.')).toEqual([]);
  });

  test('a reply after a sentence ending in a surname, or words with their own punctuation, are speech', () => {
    expect(cited('The question went to Ann Lee. “Never” Ruiz answered for her.')).toBe(false);
    expect(cited('The reporter asked Lee “Why?” Ruiz answered for her.')).toBe(false);
  });
});

describe('words printed on things people carry or wear', () => {
  test('a slogan before "signs", "T-shirts" or "tote bag" is printed, whatever its capitals', () => {
    expect(quotesIn('Several waved their “Ferries para Todos” signs from the pier.')).toEqual([]);
    expect(quotesIn('A crowd dressed in “We are the pier” T-shirts marched in silence.')).toEqual([]);
    expect(quotesIn('She sat with a “Save Our Ferry” tote bag at her side.')).toEqual([]);
  });

  test('a finished remark, or a lower-case scare quote, before the noun is not printed', () => {
    expect(cited('The mayor saw “encouraging” signs in the ferry figures.')).toBe(false);
    expect(quotesIn('The captain told reporters simply, “We lost.” T-shirts with the words appeared the next day.')).toEqual(['We lost.']);
  });
});

describe('lone letters and handles', () => {
  test('a single letter is a mark, and a quoted handle before a repost is its account', () => {
    expect(quotesIn('Not knowing the names, voters pressed the button for “R” or “D,” by habit.')).toEqual([]);
    expect(cited('Penn posted: “@harbourcity:” and then the mayor’s words.')).toBe(true);
  });

  test('a short word is not a letter', () => {
    expect(quotesIn('Asked about the toll, the mayor said: “No.”')).toEqual(['No.']);
  });
});

describe('poll answers', () => {
  test('bare words with a share beside them are an answer in a poll', () => {
    expect(quotesIn('Trust is higher among ferry users (41% “strongly agree”) than among drivers.')).toEqual([]);
    expect(quotesIn('Among the candidates, Penn leads with “not sure” with 9 percent in the poll.')).toEqual([]);
  });

  test('a remark closed by its own comma before a share is speech', () => {
    expect(quotesIn('Asked whether the pier should reopen, “as soon as possible,” 62 percent of residents said.')).toEqual(['as soon as possible,']);
    expect(quotesIn('Ferry revenue grew by 2% “despite a hard winter on the coast,” the company said.')).toEqual(['despite a hard winter on the coast,']);
  });
});

describe('translations and addresses', () => {
  test('words after "Latin for" translate, and words after "addressed to" are an address', () => {
    expect(quotesIn('The town’s motto is Festina lente, Latin for “make haste slowly.”')).toEqual([]);
    expect(quotesIn('Cards arrived at the harbour office, many addressed simply to “The Ferry Crew, Pier Road.”')).toEqual([]);
  });

  test('a request in a language, words addressed to people, "asked for" or "addressed the crowd" are speech', () => {
    expect(cited('She called in Spanish for “calm and patience” on the pier.')).toBe(false);
    expect(cited('His remarks, addressed to “my fellow islanders,” went on for an hour.')).toBe(false);
    expect(quotesIn('The mayor asked for “patience and calm,” and left.')).toEqual(['patience and calm,']);
    expect(quotesIn('She addressed the crowd: “We will rebuild the pier.”')).toEqual(['We will rebuild the pier.']);
  });
});

describe('words listed as examples of words', () => {
  test('every item after "words such as" or "terms including" is mentioned, not said', () => {
    expect(quotesIn('Clerks searched the files for words such as “ferry,” “toll,” “pier” and “night boat.” None turned up.')).toEqual([]);
    expect(quotesIn('The filter blocks terms including “scam” and “fraud” in comments.')).toEqual([]);
  });

  test('a list of words someone said about something is speech', () => {
    expect(quotesIn('Penn said the plan was “late,” “costly” and “unfair.”')).toEqual(['late,', 'costly', 'unfair.']);
  });
});

describe('pronouns in scare quotes', () => {
  test('a pronoun quoted by the writer is word play even with a speech verb near', () => {
    expect(quotesIn('The town — the “us” that he says he built — demands more ferries.')).toEqual([]);
    expect(quotesIn('The mayor said “we” and meant herself.')).toEqual([]);
  });

  test('a pronoun opening a quoted sentence is speech', () => {
    expect(quotesIn('The mayor said: “We will rebuild.”')).toEqual(['We will rebuild.']);
  });
});

describe('the writer distancing a term', () => {
  test('"so-called" broken at its hyphen still distances the term', () => {
    expect(quotesIn('The so- called ‘pier tax’ has been the town’s main worry.')).toEqual([]);
    expect(quotesIn('The so-called “pier tax” has been the town’s main worry.')).toEqual([]);
  });
});

describe('headings in capitals', () => {
  test('a quote in capitals inside a line in capitals is part of a heading', () => {
    expect(quotesIn('The ferry ran late.\n4. FOR FERRY CREWS ‘A LONG WINTER.’\nThe crews worked through the snow.')).toEqual([]);
  });

  test('a quote in ordinary case after a heading word in capitals is speech', () => {
    expect(quotesIn('FERRY NEWS: “We will sail on Monday,” the captain said.')).toEqual(['We will sail on Monday,']);
  });
});
