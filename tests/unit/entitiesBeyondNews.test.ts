import { genderOfFirstName } from '../../src/extract/knowledge/firstNames.js';
import { lookupKnown } from '../../src/extract/knowledge/knowledgeBase.js';
import { shapesOf as shapes } from './entitiesHelpers.js';

// Text that is not news: encyclopedia entries, reviews, posts, travel writing. Each case gives
// the NER labels a model that never saw the names produces, so the rules are tested without
// the trained model.

describe('buildEntities: places by their last word', () => {
  it('makes a name ending in a natural feature, a route or a region a place, whatever NER said', () => {
    expect(shapes('Trip\nWe drove the Karakoram Highway in June.', [['ORG', 'Karakoram Highway', 0.8]])).toEqual([
      'PLACE Karakoram Highway: Karakoram Highway',
    ]);
    expect(shapes('Trip\nThe Talley Valley Wildlife Sanctuary is closed.', [['ORG', 'Talley Valley Wildlife Sanctuary', 0.6]])).toEqual([
      'PLACE Talley Valley Wildlife Sanctuary: Talley Valley Wildlife Sanctuary',
    ]);
    expect(shapes('Walk\nThey walked to the Merry Cemetery at dawn.', [['PER', 'Merry Cemetery', 0.5]])).toEqual(['PLACE Merry Cemetery: Merry Cemetery']);
  });

  it('does so for a word no one has as a surname, even after a first name', () => {
    expect(shapes('Homes\nRents in the Bay Area rose again.', [['PER', 'Bay Area', 0.5]])).toEqual(['PLACE Bay Area: Bay Area']);
    expect(shapes('Walk\nWe walked along the Han River at night.', [['PER', 'Han River', 0.5]])).toEqual(['PLACE Han River: Han River']);
  });

  it('keeps a person whose surname is such a word, and a title that holds one', () => {
    expect(shapes('Film\nShirley Temple sang in the film.', [['PER', 'Shirley Temple', 0.9]])).toEqual(['PERSON Shirley Temple: Shirley Temple']);
    expect(shapes('Song\nShe sang How Green Was My Valley to them.', [['PER', 'My Valley', 0.4]])).not.toContain('PLACE My Valley: My Valley');
  });

  it('makes a national park a place, and a park NER called a body a place only with such a word', () => {
    expect(shapes('Trip\nWe camped in Los Nevados National Park.', [['ORG', 'Los Nevados National Park', 0.8]])).toEqual([
      'PLACE Los Nevados National Park: Los Nevados National Park',
    ]);
    expect(
      shapes('Football\nQueens Park beat Arbroath 2-1.', [
        ['ORG', 'Queens Park', 0.9],
        ['ORG', 'Arbroath', 0.9],
      ]),
    ).toContain('ORGANIZATION Queens Park: Queens Park');
  });
});

describe('buildEntities: brands, firms and operations by their shape', () => {
  it('makes one word with a capital inside a brand, neither a person nor a place', () => {
    expect(shapes('Code\nThe code is on GitHub now.', [['LOC', 'GitHub', 0.6]])).toEqual(['ORGANIZATION GitHub: GitHub']);
    expect(shapes('Tech\nWe tried YorubaVoice last week.', [['PER', 'YorubaVoice', 0.5]])).toEqual(['ORGANIZATION YorubaVoice: YorubaVoice']);
  });

  it('leaves surnames and first names with a capital inside alone', () => {
    expect(shapes('Film\nThe star was McConaughey again.', [['PER', 'McConaughey', 0.9]])).toEqual(['PERSON McConaughey: McConaughey']);
    expect(shapes('Film\nThe star was DiCaprio again.', [['PER', 'DiCaprio', 0.9]])).toEqual(['PERSON DiCaprio: DiCaprio']);
    expect(shapes('Sport\nThe star was LeBron again.', [['PER', 'LeBron', 0.9]])).toEqual(['PERSON LeBron: LeBron']);
  });

  it("makes a name holding a firm's plural noun a firm, though NER took it for a person", () => {
    expect(shapes('Funding\nThe round was led by Ventures Platform last year.', [['PER', 'Ventures Platform', 0.6]])).toEqual([
      'ORGANIZATION Ventures Platform: Ventures Platform',
    ]);
  });

  it('makes a military operation an event', () => {
    expect(shapes('History\nOperation Vittles flew coal into the city.', [['PER', 'Operation Vittles', 0.6]])).toEqual([
      'EVENT Operation Vittles: Operation Vittles',
    ]);
  });
});

describe('buildEntities: people by what the text says of them', () => {
  it('makes someone who became or was appointed to an office a person', () => {
    const text = 'Politics\nShigeru Ishiba became Prime Minister of Japan in 2024. Ishiba had lost four contests.';
    expect(
      shapes(text, [
        ['ORG', 'Shigeru Ishiba', 0.6],
        ['LOC', 'Japan', 0.99],
        ['ORG', 'Ishiba', 0.6],
      ]),
    ).toContain('PERSON Shigeru Ishiba: Shigeru Ishiba, Ishiba');
    expect(shapes('Firms\nTakeda Okonjo was appointed chief executive in May.', [['ORG', 'Takeda Okonjo', 0.5]])).toEqual([
      'PERSON Takeda Okonjo: Takeda Okonjo',
    ]);
  });

  it('leaves a body that became a member or a partner alone', () => {
    expect(shapes('Trade\nMercosur became a member of the forum in 2001.', [['ORG', 'Mercosur', 0.8]])).toContain('ORGANIZATION Mercosur: Mercosur');
    expect(shapes('Trade\nBrenwick Tallow became the largest supplier in 2001.', [['ORG', 'Brenwick Tallow', 0.8]])).toEqual([
      'ORGANIZATION Brenwick Tallow: Brenwick Tallow',
    ]);
  });

  it('reads a name in an apposition that says what a person is', () => {
    const text = 'Novel\nIt follows Zarina, a schoolteacher from Hyderabad, who travels north.';
    expect(
      shapes(text, [
        ['LOC', 'Zarina', 0.6],
        ['LOC', 'Hyderabad', 0.99],
      ]),
    ).toContain('PERSON Zarina: Zarina');
  });

  it('splits kin and local titles off a name', () => {
    expect(shapes('Food\nWe bought spices from Uncle Salim every week.', [['PER', 'Uncle Salim', 0.8]])).toEqual(['PERSON Salim: Salim']);
    expect(shapes('Politics\nAssemblymember Rivas said the bill would pass.', [['PER', 'Assemblymember Rivas', 0.8]])).toEqual(['PERSON Rivas: Rivas']);
  });

  it('finds a person NER missed after a relation to them', () => {
    const text = 'Talks\nThe call was with Yuri Ushakov, foreign policy adviser to Putin.';
    expect(shapes(text, [['PER', 'Yuri Ushakov', 0.95]])).toContain('PERSON Putin: Putin');
    // Not a body, nor the first word of a longer name.
    expect(shapes('Talks\nShe was an adviser to Gazprom.', [])).toEqual(['ORGANIZATION Gazprom: Gazprom']);
    expect(shapes('Talks\nShe was an adviser to Kemi Badenoch.', [])).not.toContain('PERSON Kemi: Kemi');
  });

  it('reads a given name no list knows between a courtesy title and a surname NER found', () => {
    const text = 'Business\nCBI director-general Sir Digby Jones told the programme so.';
    expect(
      shapes(text, [
        ['ORG', 'CBI', 0.97],
        ['PER', 'Jones', 0.73],
      ]),
    ).toContainEqual(expect.stringMatching(/^PERSON Digby Jones: Digby Jones\b/));
  });

  it('keeps a surname NER doubted after a courtesy title', () => {
    expect(shapes('Shops\nBuy them where Mr Patel at the corner shop will help.', [['PER', 'Patel', 0.2]])).toEqual(['PERSON Patel: Patel']);
  });
});

describe('buildEntities: names written family name first', () => {
  it('reads a family name and a hyphenated given name as one person, whatever NER found inside', () => {
    const text = 'Drama\nThe series follows Seong Gi-hun and Cho Sang-woo. Hwang Dong-hyuk wrote it.';
    expect(
      shapes(text, [
        ['PER', 'Gi-hun', 0.6],
        ['MISC', 'Hwang', 0.4],
        ['PER', 'Dong-hyuk', 0.6],
      ]),
    ).toEqual(['PERSON Seong Gi-hun: Seong Gi-hun', 'PERSON Cho Sang-woo: Cho Sang-woo', 'PERSON Hwang Dong-hyuk: Hwang Dong-hyuk']);
  });

  it('leaves English hyphenated words and titles alone', () => {
    expect(shapes('Protest\nThe Anti-war march and Mr Self-made met.', [])).toEqual([]);
    expect(shapes('Politics\nOn Monday President Co-chair spoke.', [])).toEqual([]);
  });
});

describe('buildEntities: places and bodies NER cut in two', () => {
  it("joins a town's name to the school or observatory named after it", () => {
    const text = 'Studio\nIt was founded by graduates of Shanghai Jiao Tong University. The Goma Volcano Observatory watches the volcano.';
    expect(
      shapes(text, [
        ['LOC', 'Shanghai', 0.99],
        ['ORG', 'Jiao Tong University', 0.8],
        ['LOC', 'Goma', 0.9],
        ['ORG', 'Volcano Observatory', 0.7],
      ]),
    ).toEqual(['ORGANIZATION Shanghai Jiao Tong University: Shanghai Jiao Tong University', 'ORGANIZATION Goma Volcano Observatory: Goma Volcano Observatory']);
  });

  it('leaves a place before a name of its own alone', () => {
    const text = 'Study\nStudents in Boston Harvard University staff taught said so.';
    expect(
      shapes(text, [
        ['LOC', 'Boston', 0.99],
        ['ORG', 'Harvard University', 0.9],
      ]),
    ).toEqual(['PLACE Boston: Boston', 'ORGANIZATION Harvard University: Harvard University']);
  });
});

describe('knowledge base: the present day, and names of many languages', () => {
  it('knows programming languages, platforms, conferences and festivals as things, not places', () => {
    expect(lookupKnown('TypeScript').map((m) => m.entry.kind)).toEqual(['PRODUCT']);
    expect(lookupKnown('NeurIPS').map((m) => m.entry.kind)).toEqual(['EVENT']);
    expect(lookupKnown('GitHub').map((m) => m.entry.kind)).toEqual(['ORGANIZATION']);
    expect(lookupKnown('Python').every((m) => m.entry.ambiguous)).toBe(true);
  });

  it('leaves languages with no country of their own out, like a nationality word', () => {
    expect(
      shapes('Music\nShe sings in Yoruba and English.', [
        ['LOC', 'Yoruba', 0.6],
        ['MISC', 'English', 0.9],
      ]),
    ).not.toContainEqual(expect.stringMatching(/^PLACE Yoruba/));
  });

  it('knows first names English lists lack, and no English word as one', () => {
    expect(genderOfFirstName('Agnieszka')).toBe('female');
    expect(genderOfFirstName('Bogdan')).toBe('male');
    expect(genderOfFirstName('Abena')).toBe('female');
    // No English word, place (with or without its accents, or a word of its name), town or surname.
    for (const word of ['Moon', 'Real', 'Wood', 'The', 'France', 'Asuncion', 'Rica', 'Granada', 'Moreno']) expect(genderOfFirstName(word)).toBeNull();
  });
});

describe('buildEntities: what the rules for text beyond news leave alone', () => {
  it('keeps people whose surname is a sea or a strait, and a thing that is a first name too', () => {
    expect(shapes('Music\nFrank Ocean released an album.', [['PER', 'Frank Ocean', 0.9]])).toEqual(['PERSON Frank Ocean: Frank Ocean']);
    expect(shapes('Music\nCountry singer George Strait played.', [['PER', 'George Strait', 0.9]])).toEqual([
      'PERSON George Strait: George Strait [country singer]',
    ]);
    expect(shapes('Party\nJulia said she would come.', [['PER', 'Julia', 0.6]])).toEqual(['PERSON Julia: Julia']);
  });

  it('keeps a surname that is a title elsewhere', () => {
    const text = 'Art\nJohn Constable painted it. Constable was born in Suffolk.';
    expect(
      shapes(text, [
        ['PER', 'John Constable', 0.95],
        ['PER', 'Constable', 0.8],
        ['LOC', 'Suffolk', 0.99],
      ]),
    ).toContain('PERSON John Constable: John Constable, Constable');
  });

  it('makes no person of a hyphenated word after a name, nor of a given name written first', () => {
    expect(shapes('Trade\nCritics mocked the Trump U-turn on tariffs.', [['PER', 'Trump', 0.9]])).toEqual(['PERSON Trump: Trump']);
    expect(shapes('Style\nShe wore a Nike T-shirt.', [['ORG', 'Nike', 0.9]])).toEqual(['ORGANIZATION Nike: Nike']);
    expect(shapes('Football\nSpurs Heung-min Son scored twice.', [['ORG', 'Spurs', 0.9]])).toEqual(['ORGANIZATION Spurs: Spurs']);
  });

  it('keeps events and clubs named after a company, and a firm named a leader', () => {
    expect(shapes('Golf\nHe won the BMW Championship.', [['MISC', 'BMW Championship', 0.8]])).toEqual(['EVENT BMW Championship: BMW Championship']);
    expect(shapes('Football\nBayer 04 Leverkusen won.', [['ORG', 'Bayer 04 Leverkusen', 0.95]])).toEqual([
      'ORGANIZATION Bayer 04 Leverkusen: Bayer 04 Leverkusen',
    ]);
    expect(shapes('Cloud\nZentrix was named a leader in cloud security.', [['ORG', 'Zentrix', 0.9]])).toEqual(['ORGANIZATION Zentrix: Zentrix']);
  });

  it('keeps a person or a place NER was sure of, whatever capital is inside', () => {
    expect(shapes('Video\nMrBeast posted a video.', [['PER', 'MrBeast', 0.95]])).toEqual(['PERSON MrBeast: MrBeast']);
  });

  it('leaves the possessive outside a person found after a relation', () => {
    const text = "Politics\nAn aide to Okonkwo's rival spoke. She married the son of O'Brien.";
    const found = shapes(text, []);
    expect(found).toContain('PERSON Okonkwo: Okonkwo');
    expect(found).toContain("PERSON O'Brien: O'Brien");
  });
});
