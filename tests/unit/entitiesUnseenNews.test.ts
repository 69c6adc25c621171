import { normalizeNerMentions } from '../../src/extract/entities/normalizeNerMentions.js';
import { shapesOf as shapes, tag } from './entitiesHelpers.js';

// Patterns of wire copy and casual text NER was not trained on, each given the NER labels a
// model that never saw the names produces, so the rules are tested without the trained model.

describe('buildEntities: a dateline names a place', () => {
  it('makes a city in capitals before a date a place, whatever NER said', () => {
    const text = 'Restaurant chain names finance chief\nDENVER 1996-08-29\nAcme Diners Inc said it has named Ruth Okafor its chief financial officer.';
    expect(
      shapes(text, [
        ['PER', 'DENVER', 0.78],
        ['ORG', 'Acme Diners Inc', 0.9],
        ['PER', 'Ruth Okafor', 0.95],
      ]),
    ).toContain('PLACE DENVER: DENVER');
  });

  it('reads a state or a country after the city, and an agency in brackets', () => {
    const text = 'Farmer held\nVERONA , Italy 1996-08-24\nA farmer was held on Friday.\nKESTON (Reuters) - Police said on Monday a man was held.';
    const found = shapes(text, [
      ['ORG', 'VERONA', 0.66],
      ['LOC', 'Italy', 0.99],
      ['ORG', 'KESTON', 0.6],
    ]);
    expect(found).toContain('PLACE VERONA: VERONA');
    expect(found).toContain('PLACE KESTON: KESTON');
  });

  it('leaves a name before a date inside a paragraph alone', () => {
    const text = 'Results\nShares in Brenwick Tallow 2024-05-01 figures were up.';
    expect(shapes(text, [['ORG', 'Brenwick Tallow', 0.9]])).toEqual(['ORGANIZATION Brenwick Tallow: Brenwick Tallow']);
  });
});

describe('buildEntities: the first word of a company name NER left out', () => {
  it('joins a capitalised word before a name ending in a company suffix', () => {
    const text = 'Debt buyback\nKinderwell Learning Centers Inc said on Thursday that a buyback would hurt results.';
    expect(shapes(text, [['PER', 'Learning Centers Inc', 0.11]])).toEqual(['ORGANIZATION Kinderwell Learning Centers Inc: Kinderwell Learning Centers Inc']);
  });

  it('reads AG and Co as company suffixes', () => {
    const text = 'Sale\nThe assets will be sold to Sparwald AG on Friday.';
    expect(shapes(text, [['ORG', 'AG', 0.69]])).toEqual(['ORGANIZATION Sparwald AG: Sparwald AG']);
  });

  it('does not join a word that describes the company, a day, or a word the text writes in lower case', () => {
    expect(shapes('Rivals\nRival Epic Systems declined to comment.', [['ORG', 'Epic Systems', 0.7]])).toEqual(['ORGANIZATION Epic Systems: Epic Systems']);
    expect(shapes('Results\nOn Monday Brenwick Holdings said profit rose.', [['ORG', 'Brenwick Holdings', 0.9]])).toEqual([
      'ORGANIZATION Brenwick Holdings: Brenwick Holdings',
    ]);
    expect(shapes('Retail\nCarmaker Brenwick Motors Group said sales of every carmaker fell.', [['ORG', 'Brenwick Motors Group', 0.9]])).toEqual([
      'ORGANIZATION Brenwick Motors Group: Brenwick Motors Group',
    ]);
  });

  it('calls a company by its name without the suffix, though NER took it for a person', () => {
    const text = 'Lawsuit\nFaldwin Inc said on Tuesday it had been sued. The claims are without merit, Faldwin said.';
    expect(
      shapes(text, [
        ['ORG', 'Faldwin Inc', 0.9],
        ['PER', 'Faldwin', 0.97],
      ]),
    ).toEqual(['ORGANIZATION Faldwin Inc: Faldwin Inc, Faldwin']);
  });

  it('keeps the person where the article names one so', () => {
    const text = 'Founder\nFaldwin Inc was founded by Mary Faldwin. Faldwin said she was proud.';
    const found = shapes(text, [
      ['ORG', 'Faldwin Inc', 0.9],
      ['PER', 'Mary Faldwin', 0.97],
      ['PER', 'Faldwin', 0.97],
    ]);
    expect(found).toContain('PERSON Mary Faldwin: Mary Faldwin, Faldwin');
  });
});

describe('buildEntities: people NER did not see as people', () => {
  it('makes a name after a relative a person', () => {
    const text = "Tonight\nWatching a film tonight with my sister Emma. Blair's wife Cherie was there too.";
    const found = shapes(text, [
      ['LOC', 'Emma', 0.35],
      ['PER', 'Blair', 0.9],
      ['ORG', 'Cherie', 0.5],
    ]);
    expect(found).toContain('PERSON Emma: Emma');
    expect(found).toContain('PERSON Cherie: Cherie');
    expect(shapes('Rent\nMy roommate Priya thinks we should move.', [['LOC', 'Priya', 0.48]])).toEqual(['PERSON Priya: Priya']);
  });

  it('splits a title off a name NER read as a body', () => {
    const text = 'Election\nA press officer told reporters that Speaker Toomas Saar will convene the college.';
    expect(shapes(text, [['ORG', 'Speaker Toomas Saar', 0.59]])).toEqual(['PERSON Toomas Saar: Toomas Saar']);
  });

  it('splits the last words of an office off a name NER read as a body', () => {
    const text = 'Visit\nIn Jakarta, he will meet the Minister of Trade and Industry Tungky Arimbowo.';
    expect(
      shapes(text, [
        ['LOC', 'Jakarta', 0.99],
        ['ORG', 'Industry Tungky Arimbowo', 0.62],
      ]),
    ).toContain('PERSON Tungky Arimbowo: Tungky Arimbowo');
  });

  it('makes a name after a role only people hold a person, though NER read a place', () => {
    const text = 'Plant\n"It looks grim," said Swedish trades union official Ulf Carsten.';
    expect(
      shapes(text, [
        ['MISC', 'Swedish', 1],
        ['LOC', 'Ulf Carsten', 0.44],
      ]),
    ).toContain('PERSON Ulf Carsten: Ulf Carsten [trades union official] (Sweden)');
  });

  it("splits a party off a name when NER left out the party name's first word", () => {
    const text = 'Row\nLiberal Democrat David Lawton said it was a serious matter.';
    expect(shapes(text, [['ORG', 'Democrat David Lawton', 0.38]])).toEqual([
      'ORGANIZATION Liberal Democrats: Liberal Democrat',
      'PERSON David Lawton: David Lawton',
    ]);
  });

  it('reads a title of a place before the place NER tagged alone as a person', () => {
    const text = 'Ruling\nLord Nichollson of Birkenhead, in his ruling, said it was wrong. The Queen and Duke of Edinburgh were happy.';
    const found = shapes(text, [
      ['LOC', 'Birkenhead', 0.94],
      ['LOC', 'Edinburgh', 0.93],
    ]);
    expect(found).toContain('PERSON Nichollson: Nichollson');
    expect(found).toContain('PLACE Birkenhead: Birkenhead');
    expect(found).toContain('PERSON Duke of Edinburgh: Duke of Edinburgh');
    expect(found.some((s) => s.startsWith('PLACE Edinburgh'))).toBe(false);
  });

  it('reads a peer NER cut from the title or the surname as one person', () => {
    const a = 'Ruling\nLord Nichollson of Birkenhead, in his ruling, said it was wrong.';
    expect(shapes(a, [['ORG', 'Nichollson of Birkenhead', 0.5]])).toEqual(['PERSON Nichollson: Nichollson', 'PLACE Birkenhead: Birkenhead']);
    expect(
      shapes(a, [
        ['LOC', 'Lord Nichollson', 0.42],
        ['LOC', 'Birkenhead', 0.98],
      ]),
    ).toEqual(['PERSON Nichollson: Nichollson', 'PLACE Birkenhead: Birkenhead']);
  });

  it("reads a peer's title NER tagged alone with the surname after it", () => {
    const text = 'Row\nFormer Labour MP Lord Jannerby, a member of the community, branded it "stupid". Lord knows why.';
    expect(
      shapes(text, [
        ['ORG', 'Labour', 0.97],
        ['LOC', 'Lord', 0.75],
        ['LOC', 'Lord', 0.5],
      ]),
    ).toEqual(['PERSON Jannerby: Jannerby [former Labour MP]']);
  });

  it('makes a name NER read as a body after a courtesy title a person', () => {
    const text = 'Tycoon\nThere was a time when Mr Tsutsuma seemed untouchable. Now Mr Tsutsuma faces charges.';
    expect(
      shapes(text, [
        ['ORG', 'Tsutsuma', 0.56],
        ['ORG', 'Tsutsuma', 0.72],
      ]),
    ).toEqual(['PERSON Tsutsuma: Tsutsuma, Tsutsuma']);
  });

  it('reads a given name no list knows before a particle and a surname as one name', () => {
    const text = 'Vienna\nThe congress, led by Klemenz von Metternach of Austria, redrew the map.';
    expect(
      shapes(text, [
        ['ORG', 'Klemenz', 0.43],
        ['PER', 'von Metternach', 0.45],
        ['LOC', 'Austria', 0.99],
      ]),
    ).toContain('PERSON Klemenz von Metternach: Klemenz von Metternach');
    const prussian = 'Waterloo\nThe Prussian von Bluchen arrived late.';
    expect(
      shapes(prussian, [
        ['MISC', 'Prussian', 0.82],
        ['PER', 'von Bluchen', 0.47],
      ]).some((e) => e.includes('Prussian von')),
    ).toBe(false);
  });

  it('gives a name NER and the quote stage both read one mention', () => {
    // extractArticle adds a speaker NER doubted as a name of its own, beside NER's own span.
    const text = 'Poll\n"Nobody had any idea," Lord Rennardo told reporters.';
    const ner = tag(text, [['PER', 'Rennardo', 0.24]]);
    const mentions = normalizeNerMentions(text, [...ner, { ...ner[0]!, confidence: 0.7 }]);
    expect(mentions.map((m) => `${m.start}:${m.end}`)).toEqual([`${ner[0]!.start}:${ner[0]!.end}`]);
  });

  it('leaves a company whose name opens with a title word alone', () => {
    expect(shapes('Defence\nShares in General Brenwick rose.', [['ORG', 'General Brenwick', 0.9]])).toEqual([
      'ORGANIZATION General Brenwick: General Brenwick',
    ]);
  });

  it('keeps a surname that is also a country a person, as "Jordan" of "Neil Jordan"', () => {
    const text = 'Film\nDirector Neil Jordan defended the film. "It matters," Jordan said.';
    expect(
      shapes(text, [
        ['PER', 'Neil Jordan', 0.99],
        ['LOC', 'Jordan', 0.7],
      ]),
    ).toEqual(['PERSON Neil Jordan: Neil Jordan, Jordan [Director]']);
  });
});

describe('buildEntities: names that are no one', () => {
  it('reads a product before its version as the product, for every mention', () => {
    const text = 'Software\nSales of Windows 95 fell. Many began to believe that Windows was being downplayed.';
    expect(
      shapes(text, [
        ['PER', 'Windows', 0.92],
        ['PER', 'Windows', 0.97],
      ]),
    ).toEqual(['PRODUCT Windows: Windows, Windows']);
  });

  it('reads a name after a novella, an essay or a symphony as a work', () => {
    const text = 'Lecture\nHe called Conrad, whose novella Heart of Gloom he taught, a racist.';
    expect(
      shapes(text, [
        ['PER', 'Conrad', 0.95],
        ['ORG', 'Heart of Gloom', 0.46],
      ]),
    ).toContain('WORK Heart of Gloom: Heart of Gloom');
  });

  it('drops an article NER tagged alone', () => {
    const text = 'Papers\nBoth The Independent and The Times have seen circulation fall.';
    expect(
      shapes(text, [
        ['ORG', 'The', 0.5],
        ['ORG', 'Independent', 0.6],
        ['ORG', 'The Times', 0.9],
      ]).some((s) => s.startsWith('ORGANIZATION The:')),
    ).toBe(false);
  });

  it('joins a river, a lake or a mountain and its name', () => {
    const text = 'Rivers\nThe Amazon River rises in the Andes. Lake Tanganyika is deep.';
    const found = shapes(text, [
      ['LOC', 'Amazon', 0.4],
      ['LOC', 'River', 0.67],
      ['LOC', 'Lake', 0.5],
      ['LOC', 'Tanganyika', 0.8],
    ]);
    expect(found).toContain('PLACE Amazon River: Amazon River');
    expect(found).toContain('PLACE Lake Tanganyika: Lake Tanganyika');
  });

  it('leaves no space at the end of a name cut before a dot set apart', () => {
    const text = 'Appointment\nHe joined Bestwick Inc of Boulder , Colo . on Monday.';
    expect(
      shapes(text, [
        ['ORG', 'Bestwick Inc', 0.99],
        ['LOC', 'Boulder', 0.99],
        ['LOC', 'Colo .', 0.99],
      ]),
    ).toContain('PLACE Colo: Colo');
  });
});

describe('buildEntities: institutions', () => {
  it('keeps the possessive that opens an institution’s name, and reads a school as a body', () => {
    const text = "Studies\nShe studied at King's College London, was treated at St Thomas' Hospital and joined Harvard Kennedy School.";
    const found = shapes(text, [
      ['ORG', 'College London', 0.69],
      ['LOC', 'St Thomas', 0.4],
      ['LOC', 'Hospital', 0.87],
      ['ORG', 'Harvard', 0.9],
      ['PER', 'Kennedy School', 0.29],
    ]);
    expect(found).toContain("ORGANIZATION King's College London: King's College London");
    expect(found).toContain("PLACE St Thomas' Hospital: St Thomas' Hospital");
    expect(found).toContain('ORGANIZATION Kennedy School: Kennedy School');
    const medical = "Training\nShe trained at St George's Medical School and at London's Royal Free Hospital.";
    expect(
      shapes(medical, [
        ['ORG', 'St George', 0.71],
        ['ORG', 'Medical School', 0.69],
        ['LOC', 'London', 1],
        ['LOC', 'Royal Free Hospital', 0.89],
      ]),
    ).toEqual([
      "ORGANIZATION St George's Medical School: St George's Medical School",
      'PLACE London: London',
      'PLACE Royal Free Hospital: Royal Free Hospital',
    ]);
  });
});

describe('buildEntities: a word NER left out of a name the knowledge base knows', () => {
  it('joins the word before a name when the two are a known organization', () => {
    const text = 'Retirement\nBut Age Concern said the plan was "cowardly", Agence France Presse reported.';
    expect(
      shapes(text, [
        ['ORG', 'Concern', 0.7],
        ['ORG', 'France Presse', 0.86],
      ]),
    ).toEqual(['ORGANIZATION Age Concern: Age Concern', 'ORGANIZATION Agence France-Presse: Agence France Presse']);
  });
});

describe('buildEntities: a company NER took for a place', () => {
  it('is the company without the article a river takes', () => {
    const text = 'Headphones\nI bought them from Amazon after a review. The Amazon rainforest and the Amazon are in Brazil.';
    const found = shapes(text, [
      ['LOC', 'Amazon', 0.99],
      ['LOC', 'Amazon', 0.9],
      ['LOC', 'Amazon', 0.9],
      ['LOC', 'Brazil', 0.99],
    ]);
    expect(found[0]).toBe('ORGANIZATION Amazon: Amazon');
    expect(found).toContain('PLACE Amazon: Amazon, Amazon');
  });
});

describe('knowledge base: names of the present day', () => {
  it('knows country acronyms and companies the news names', () => {
    const text = 'Contracts\nThe UAE signed a deal with Lockheed Martin and Kaiser Permanente.';
    const found = shapes(text, [
      ['ORG', 'UAE', 0.78],
      ['PER', 'Lockheed Martin', 0.5],
      ['PER', 'Kaiser Permanente', 0.57],
    ]);
    expect(found).toEqual([
      'PLACE United Arab Emirates: UAE',
      'ORGANIZATION Lockheed Martin: Lockheed Martin',
      'ORGANIZATION Kaiser Permanente: Kaiser Permanente',
    ]);
  });
});

// Sentences the rules above must leave alone, found by reading them against text of other kinds.
describe('buildEntities: what the rules for unseen news leave alone', () => {
  const kinds = (text: string, ner: Parameters<typeof shapes>[1]) => shapes(text, ner).map((s) => s.slice(0, s.indexOf(':')));

  it('a body after a relative noun NER was sure of, or after a possessive with no first name', () => {
    expect(
      kinds("Derby\nArsenal's neighbour Tottenham Hotspur lost again.", [
        ['ORG', 'Arsenal', 0.99],
        ['ORG', 'Tottenham Hotspur', 0.99],
      ]),
    ).toContain('ORGANIZATION Tottenham Hotspur');
    expect(kinds("Fares\nThe group's sister Brenwick Atlantic cut fares.", [['ORG', 'Brenwick Atlantic', 0.6]])).toContain('ORGANIZATION Brenwick Atlantic');
  });

  it('reads "fiancé" and a dotted courtesy title', () => {
    expect(kinds('Wedding\nHer fiancé Zoltan arrived late.', [['LOC', 'Zoltan', 0.4]])).toEqual(['PERSON Zoltan']);
    expect(kinds('Case\nThe case against Mrs. Tsutsuma was dropped.', [['ORG', 'Tsutsuma', 0.5]])).toEqual(['PERSON Tsutsuma']);
  });

  it("keeps a place's, a body's or a person's possessive before an institution apart", () => {
    const found = kinds("Study\nShe studied at Harvard's Kennedy School and was treated in Wales' Morriston Hospital.", [
      ['ORG', 'Harvard', 0.9],
      ['ORG', 'Kennedy School', 0.7],
      ['LOC', 'Wales', 0.99],
      ['LOC', 'Morriston Hospital', 0.8],
    ]);
    expect(found).toEqual(expect.arrayContaining(['ORGANIZATION Harvard University', 'PLACE Wales', 'PLACE Morriston Hospital']));
  });

  it('leaves the Amazon a place with "the", a nationality or a possessive before it', () => {
    for (const text of [
      'Forest\nLogging in the Brazilian Amazon rose.',
      "Forest\nBrazil's Amazon lost an area the size of Belgium.",
      'Forest\nDeep in Amazon forests it rains.',
    ])
      expect(kinds(text, [['LOC', 'Amazon', 0.95]])).toContain('PLACE Amazon');
    expect(kinds('Tech\nDot.com survivors such as Amazon have done well.', [['LOC', 'Amazon', 0.95]])).toContain('ORGANIZATION Amazon');
  });

  it('keeps a person called by a title outside the mention after the company of that name', () => {
    expect(
      kinds('Profits\nDysonby Ltd said profits rose. Mr Dysonby said the firm would grow.', [
        ['ORG', 'Dysonby Ltd', 0.9],
        ['PER', 'Dysonby', 0.9],
      ]),
    ).toEqual(['ORGANIZATION Dysonby Ltd', 'PERSON Dysonby']);
  });

  it('makes no peer of an office', () => {
    expect(kinds('Ball\nThe Lady Mayoress of Leeds hosted a ball.', [['ORG', 'Mayoress of Leeds', 0.5]])).not.toContain('PERSON Mayoress');
    expect(kinds('Judges\nThe Lord Chancellor spoke.', [['LOC', 'Lord', 0.6]])).toEqual(['PERSON Lord Chancellor']);
    expect(kinds('Judges\nThe Lord Chancellor spoke.', [['LOC', 'Lord Chancellor', 0.6]])).toEqual(['PERSON Lord Chancellor']);
  });

  it('finds the name after the words of a title or an office', () => {
    expect(shapes('Army\nThe Chief of the General Staff Mike Jackstone said so.', [['ORG', 'General Staff Mike Jackstone', 0.5]])).toContain(
      'PERSON Mike Jackstone: Mike Jackstone',
    );
    expect(shapes('Talks\nMinister for Foreign Affairs Ali Alatir said so.', [['ORG', 'Foreign Affairs Ali Alatir', 0.5]])).toContain(
      'PERSON Ali Alatir: Ali Alatir',
    );
    // (One word after an office's name may be the office's: "Minister for Defence Procurement".)
    expect(shapes('Talks\nThe Minister for Defence Procurement said so.', [['ORG', 'Defence Procurement', 0.5]]).some((e) => e.startsWith('PERSON'))).toBe(
      false,
    );
  });

  it('opens no company name with an adverb, a plural noun or a possessive', () => {
    for (const [text, name] of [
      ['Results\nSeparately Brenwick Holdings said profit rose.', 'Brenwick Holdings'],
      ['Results\nNow Brenwick Holdings faces a fine.', 'Brenwick Holdings'],
      ['Results\nInvestors Brenwick Holdings shares fell.', 'Brenwick Holdings'],
      ["Retail\nGreen's Arcadia Group owns the chain.", 'Arcadia Group'],
    ] as const)
      expect(kinds(text, [['ORG', name, 0.9]])).toContain(`ORGANIZATION ${name}`);
    expect(kinds('Trip\nThey flew to Las Vegas NV last week.', [['LOC', 'Las Vegas', 0.99]])).toContain('PLACE Las Vegas');
  });

  it('opens no name before a particle with a role', () => {
    expect(shapes('Match\nStriker van Persan scored twice.', [['PER', 'van Persan', 0.8]]).some((e) => e.includes('Striker'))).toBe(false);
  });

  it('reads "official" before a name after a determiner as an adjective', () => {
    expect(kinds('News\nAs did the official Kuno agency.', [['LOC', 'Kuno', 0.5]])).not.toContain('PERSON Kuno');
  });

  it('takes no person for a dateline, and reads a city, a comma and a date as one', () => {
    expect(kinds('Budget\nGordon Brownlee 2005-03-16 budget speech notes.', [['PER', 'Gordon Brownlee', 0.93]])).toEqual(['PERSON Gordon Brownlee']);
    expect(kinds('Budget\nJohn Prescotte (PA) - The deputy prime minister said so.', [['PER', 'John Prescotte', 0.93]])).toEqual(['PERSON John Prescotte']);
    expect(kinds('Markets\nNEW YORK, Aug 27 - Stocks rose.', [['ORG', 'NEW YORK', 0.6]])).toEqual(['PLACE NEW YORK']);
  });

  it('keeps a place NER saw whose last word is a building', () => {
    expect(kinds('Show\nThe show was held at Alexandra Palace.', [['LOC', 'Alexandra Palace', 0.55]])).toEqual(['PLACE Alexandra Palace']);
  });

  it('joins no airline to a city', () => {
    expect(
      kinds('Flights\nHe flew from Atlanta Delta flights were late.', [
        ['LOC', 'Atlanta', 0.9],
        ['LOC', 'Delta', 0.5],
      ]),
    ).not.toContain('PLACE Atlanta Delta');
  });
});
