import { findTopics } from '../../src/extract/tags/findTopics.js';
import { TOPIC_KEYWORDS } from '../../src/extract/tags/topicKeywords.js';

/** The keyword rule as written in findTopics' contract, without its index, prefilter or memo. */
function topicsOfWordPlainly(written: string): string[] {
  const word = written.toLowerCase();
  const out: string[] = [];
  for (const [topic, list] of Object.entries(TOPIC_KEYWORDS)) {
    for (const k of list.trim().split(/\s+/)) {
      const stem = k.endsWith('*') ? k.slice(0, -1) : null;
      // A stem is looked up by its first four letters, so one shorter than that ("web*") takes only itself.
      const hit = stem !== null ? word.slice(0, 4) === stem.slice(0, 4) && word.startsWith(stem) : word === k;
      if (hit && !out.includes(topic)) out.push(topic);
    }
  }
  return out;
}

describe('findTopics', () => {
  // Every keyword and stem, as written, capitalised, upper-cased and with endings, then words
  // that share only some first letters with one, short words, and words starting outside ASCII.
  const keywords = Object.values(TOPIC_KEYWORDS).flatMap((list) => list.trim().split(/\s+/));
  const vocabulary = [
    ...keywords.flatMap((k) => {
      const w = k.replace(/\*$/, '');
      return [w, w + 's', w + 'ing', w[0]!.toUpperCase() + w.slice(1), w.toUpperCase(), w.slice(0, 3), w.slice(0, 4) + 'zz'];
    }),
    ...['web', 'webs', 'website', 'Web', 'the', 'and', 'Blair', 'ÉLECTION', 'Élection', 'İelection', 'eléction', 'elect’s', 'a-b', 'x'],
  ];

  it('counts a word for exactly the topics its keywords and stems give it', () => {
    for (const word of vocabulary) {
      // Five plain mentions reach the floor; ties are named alphabetically, at most three.
      const expected = topicsOfWordPlainly(word).sort().slice(0, 3);
      const words = Array.from({ length: 5 }, () => ({ text: word, segment: 1 }));
      expect([word, findTopics(words)]).toEqual([word, word.length < 2 ? [] : expected]);
    }
  });

  it('tags sport, technology and culture stories from their own vocabulary', () => {
    const words = (text: string) => text.split(' ').map((w, i) => ({ text: w, segment: i < 3 ? 0 : 1 }));
    expect(findTopics(words('Striker rescues squad as the goalkeeper was sent off by the referee before the quarter-final at a full stadium'))).toEqual([
      'Sport',
    ]);
    expect(findTopics(words('Handset sales rise as gamers download games to consoles and laptops'))).toEqual(['Technology']);
    expect(findTopics(words('Comedian wins Bafta as sitcom episode tops ratings before the Grammy concert'))).toEqual(['Culture']);
  });

  it('weighs headline words three times and keeps topics within half of the best', () => {
    const words = [
      { text: 'Election', segment: 0 },
      { text: 'voters', segment: 1 },
      { text: 'voting', segment: 1 },
      { text: 'police', segment: 1 },
      { text: 'court', segment: 1 },
      { text: 'economy', segment: 1 },
    ];
    expect(findTopics(words)).toEqual(['Elections']);
    expect(findTopics([...words, { text: 'judges', segment: 1 }, { text: 'trial', segment: 1 }, { text: 'arrests', segment: 1 }])).toEqual([
      'Crime and justice',
      'Elections',
    ]);
  });
});
