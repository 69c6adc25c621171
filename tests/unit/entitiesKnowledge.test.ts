import { buildEntities } from '../../src/extract/entities/index.js';
import { segmentsOf, tag, type NerTag } from './entitiesHelpers.js';

/** Kind, name and each mention as text/form(/parent text), for whole-object comparison. */
function kinds(text: string, ner: readonly NerTag[]) {
  const built = buildEntities(text, segmentsOf(text), tag(text, ner));
  return built.entities.map((e) => ({
    kind: e.type,
    name: e.name,
    mentions: e.mentions.map((m) => `${m.text}/${m.form}${m.parent ? ` in ${text.slice(m.parent.start, m.parent.end)}` : ''}`),
    known: e.known?.id ?? null,
  }));
}

describe('buildEntities: mention forms and nesting', () => {
  it('takes a first name alone for the one person named so before it, but not after "Mr" or a role', () => {
    const text =
      'Cup tie\nMara Olsen scored twice and Grant Lee was sent off. "Mara was magnificent," the coach said. Sir Alan Budd watched, and Sir Alan said little. Mr Grant, the referee, disagreed.';
    const out = kinds(text, [
      ['PER', 'Mara Olsen'],
      ['PER', 'Grant Lee'],
      ['PER', 'Mara'],
      ['PER', 'Alan Budd'],
      ['PER', 'Alan'],
      ['PER', 'Grant'],
    ]).map((e) => `${e.name}: ${e.mentions.map((m) => m.split('/')[0]).join(', ')}`);
    expect(out).toEqual(['Mara Olsen: Mara Olsen, Mara', 'Grant Lee: Grant Lee', 'Alan Budd: Alan Budd, Alan', 'Grant: Grant']);
  });

  it('takes a name of several words that ends exactly one longer name for that person, in either order', () => {
    const text =
      'Min Tun freed\nOpposition figure Hla Min Tun was released on Monday. Min Tun said he would go on, and Tun thanked supporters. Ana Duncan Reyes and Luis Duncan Reyes spoke; Duncan Reyes left.';
    const out = kinds(text, [
      ['PER', 'Min Tun'],
      ['PER', 'Hla Min Tun'],
      ['PER', 'Min Tun'],
      ['PER', 'Tun'],
      ['PER', 'Ana Duncan Reyes'],
      ['PER', 'Luis Duncan Reyes'],
      ['PER', 'Duncan Reyes'],
    ]).map((e) => `${e.name}: ${e.mentions.map((m) => m.split('/')[0]).join(', ')}`);
    expect(out).toEqual([
      'Hla Min Tun: Min Tun, Hla Min Tun, Min Tun, Tun',
      'Ana Duncan Reyes: Ana Duncan Reyes',
      'Luis Duncan Reyes: Luis Duncan Reyes',
      'Duncan Reyes: Duncan Reyes',
    ]);
  });

  it('takes the last words of a person’s longer name for that person whatever NER called them, and drops one inside the name itself', () => {
    const text = 'Veto\nOpposition figure Hla Min Tun spoke. Min Tun said the law was abused. Haber Kleinwort Wasserstein agreed.';
    const out = kinds(text, [
      ['PER', 'Hla Min Tun'],
      ['ORG', 'Min Tun'],
      ['PER', 'Haber Kleinwort Wasserstein'],
    ]).map((e) => `${e.kind} ${e.name}: ${e.mentions.map((m) => m.split('/')[0]).join(', ')}`);
    expect(out).toEqual(['PERSON Hla Min Tun: Hla Min Tun, Min Tun', 'PERSON Haber Kleinwort Wasserstein: Haber Kleinwort Wasserstein']);
  });

  it('reads a surname opening with its particle with the first name before it, joins it to the name NER cut it from, and finds the middle name alone', () => {
    const text =
      'Run-off\nPresident Paulo Henrique Lula da Costa spoke. Later President da Costa and Lula met EOE spokesman Lex van Dijkstra, and Van der Merwe watched. Banca dei Monti di Siena was shut.';
    const out = kinds(text, [
      ['PER', 'Paulo Henrique Lula'],
      ['PER', 'da Costa'],
      ['PER', 'da Costa'],
      ['PER', 'Lula'],
      ['ORG', 'EOE'],
      ['PER', 'van Dijkstra'],
      ['LOC', 'Van'],
      ['PER', 'der Merwe'],
      ['ORG', 'Banca dei Monti'],
      ['PER', 'di Siena'],
    ]).map((e) => `${e.kind} ${e.name}: ${e.mentions.map((m) => m.split('/')[0]).join(', ')}`);
    expect(out).toEqual([
      'PERSON Paulo Henrique Lula da Costa: Paulo Henrique Lula da Costa, da Costa, Lula',
      'ORGANIZATION EOE: EOE',
      'PERSON Lex van Dijkstra: Lex van Dijkstra',
      'PERSON Van der Merwe: Van der Merwe',
      'ORGANIZATION Banca dei Monti: Banca dei Monti',
    ]);
  });

  it('splits a body or a place, a title and a person NER read as one name, and keeps a first name a country bears', () => {
    const text =
      'Ruling\nMedical Research Council Professor Nancy Rothwell and Chicago Cardinal Joseph Harlan spoke. Former goalkeeper Dominique Varenne agreed.';
    const built = buildEntities(
      text,
      segmentsOf(text),
      tag(text, [
        ['ORG', 'Medical Research Council Professor Nancy Rothwell'],
        ['ORG', 'Chicago Cardinal Joseph Harlan'],
        ['PER', 'Dominique Varenne'],
      ]),
    );
    expect(built.entities.map((e) => [e.type, e.name, e.role, e.affiliation])).toEqual([
      ['ORGANIZATION', 'Medical Research Council', null, null],
      ['PERSON', 'Nancy Rothwell', 'Professor', null],
      // The place is the cardinal's affiliation; named only in the title, it is no entity of its own.
      ['PERSON', 'Joseph Harlan', 'Cardinal', 'Chicago'],
      ['PERSON', 'Dominique Varenne', 'former goalkeeper', null],
    ]);
  });

  it('finds a person NER missed by a first name and a surname in a sentence, but not a month, a table’s cell or what NER called something else', () => {
    const text =
      'Awards\nJoss Stanway won two awards, and fans cheered Joss Stanway. June Harvest figures rose in June.\nCash Flows 2,386\nFans loved the Nora Zapata award.';
    const out = kinds(text, [['MISC', 'Nora Zapata']]).map((e) => `${e.kind} ${e.name}: ${e.mentions.map((m) => m.split('/')[0]).join(', ')}`);
    expect(out).toEqual(['PERSON Joss Stanway: Joss Stanway, Joss Stanway']);
  });

  it('takes a company’s name without its "Research" or "Bank" for the one longer name starting with it', () => {
    const text =
      'Sales slump\nAnalysts at Korvan Research said sales fell, and Korvan expects more. Mellor Bank and Mellor Securities agreed; Mellor declined to comment.';
    const out = kinds(text, [
      ['ORG', 'Korvan Research'],
      ['ORG', 'Korvan'],
      ['ORG', 'Mellor Bank'],
      ['ORG', 'Mellor Securities'],
      ['ORG', 'Mellor'],
    ]).map((e) => `${e.name}: ${e.mentions.map((m) => m.split('/')[0]).join(', ')}`);
    expect(out).toEqual(['Korvan Research: Korvan Research, Korvan', 'Mellor Bank: Mellor Bank', 'Mellor Securities: Mellor Securities', 'Mellor: Mellor']);
  });

  it('takes a first name and a surname NER doubted as an organization for a person, but not a company, a place or a common word', () => {
    const text =
      'Upset in Doha\nSpain’s Feliciano Lopez won, Aston Martin lost money, Jupiter Research counted, Bristol West voted, and Royal Mail delivered the mail.';
    const out = kinds(text, [
      ['LOC', 'Spain'],
      ['ORG', 'Feliciano Lopez', 0.45],
      ['ORG', 'Aston Martin', 0.45],
      ['ORG', 'Jupiter Research', 0.45],
      ['ORG', 'Bristol West', 0.45],
      ['ORG', 'Royal Mail', 0.45],
    ]).map((e) => `${e.kind} ${e.name}`);
    expect(out).toEqual([
      'PLACE Spain',
      'PERSON Feliciano Lopez',
      'ORGANIZATION Aston Martin',
      'ORGANIZATION Jupiter Research',
      'ORGANIZATION Bristol West',
      'ORGANIZATION Royal Mail',
    ]);
  });

  it('knows the counties, provinces and states of countries in the news, and leaves a team named after one to NER', () => {
    const text = 'Floods\nMr Johnson, MP for Henley, Oxfordshire, visited Kerala and Ontario. Essex beat Kent by six wickets.';
    const out = kinds(text, [
      ['PER', 'Johnson'],
      ['PER', 'Oxfordshire', 0.39],
      ['MISC', 'Kerala', 0.5],
      ['LOC', 'Ontario'],
      ['ORG', 'Essex'],
    ]).map((e) => `${e.kind} ${e.name}`);
    expect(out).toEqual(expect.arrayContaining(['PLACE Oxfordshire', 'PLACE Kerala', 'PLACE Ontario', 'ORGANIZATION Essex']));
    expect(out).not.toContain('PERSON Oxfordshire');
  });

  it('takes a region or city NER called a body for the place where something is, not for a team', () => {
    const text =
      'Hunt row\nA protester was hurt in Kent, and Lancashire lost to Kent, the leading scorer in Essex’s history said. He quit at a meeting in Hinckley, Leicestershire, while Surrey, Somerset and Essex won.';
    const out = kinds(text, [
      ['ORG', 'Kent'],
      ['ORG', 'Lancashire'],
      ['ORG', 'Kent'],
      ['ORG', 'Essex'],
      ['LOC', 'Hinckley'],
      ['ORG', 'Leicestershire'],
      ['ORG', 'Surrey'],
      ['ORG', 'Somerset'],
      ['ORG', 'Essex'],
    ]).map((e) => `${e.kind} ${e.name}`);
    expect(out).toEqual(
      expect.arrayContaining([
        'PLACE Kent',
        'ORGANIZATION Kent',
        'ORGANIZATION Lancashire',
        'ORGANIZATION Essex',
        'PLACE Leicestershire',
        'ORGANIZATION Somerset',
      ]),
    );
  });

  it('joins a place and the association NER started after it into one body', () => {
    const text = 'Banks\nThe Sri Lanka Banks Association said rates would rise.';
    const out = kinds(text, [
      ['LOC', 'Sri Lanka'],
      ['ORG', 'Banks Association'],
    ]).map((e) => `${e.kind} ${e.name}`);
    expect(out).toEqual(['ORGANIZATION Sri Lanka Banks Association']);
  });

  it('keeps a person NER barely called an organization after a role’s noun only people hold, where alone it would be dropped', () => {
    const text = 'Benefits row\nBackbench Labour MP Karen Buck warned against the plan. Nearby, Karen Voss waited, and the shareholder Karen Lund objected.';
    const out = kinds(text, [
      ['ORG', 'Labour'],
      ['ORG', 'Karen Buck', 0.18],
      ['ORG', 'Karen Voss', 0.18],
      ['ORG', 'Karen Lund', 0.18],
    ]).map((e) => `${e.kind} ${e.name}`);
    expect(out).toContain('PERSON Karen Buck');
    // Alone, or after a role a body holds as often ("shareholder"), such a guess is dropped.
    expect(out.some((e) => e.endsWith('Karen Voss') || e.endsWith('Karen Lund'))).toBe(false);
  });

  it('joins a first name alone and the name NER started again after it into one person, and takes what a title role is played in for a work', () => {
    const text = 'Nominations\nBest actor went to Leonardo DiCaprio, and DJ Margherita Taylor cheered. Imelda Staunton plays the title role in Vera Drake.';
    const out = kinds(text, [
      ['PER', 'Leonardo'],
      ['PER', 'DiCaprio'],
      ['PER', 'DJ'],
      ['PER', 'Margherita Taylor'],
      ['PER', 'Imelda Staunton'],
      ['PER', 'Vera Drake'],
    ]).map((e) => `${e.kind} ${e.name}`);
    // "DJ" is no first name to join, whatever NER made of it.
    expect(out).toEqual(['PERSON Leonardo DiCaprio', 'PERSON DJ', 'PERSON Margherita Taylor', 'PERSON Imelda Staunton', 'WORK Vera Drake']);
  });

  it('tells names, acronyms and nationality words apart, and links a demonym to its country', () => {
    const text = 'Talks in Lisbon\nFrench officials met Portugal’s envoy and EU staff. The French side said Portugal was ready.';
    expect(
      kinds(text, [
        ['MISC', 'French'],
        ['LOC', 'Portugal'],
        ['ORG', 'EU'],
        ['MISC', 'French'],
        ['LOC', 'Portugal'],
      ]),
    ).toEqual([
      { kind: 'PLACE', name: 'France', mentions: ['French/DEMONYM', 'French/DEMONYM'], known: 'country:FR' },
      { kind: 'PLACE', name: 'Portugal', mentions: ['Portugal/NAME', 'Portugal/NAME'], known: 'country:PT' },
      { kind: 'ORGANIZATION', name: 'European Union', mentions: ['EU/ACRONYM'], known: 'organization:european-union' },
    ]);
  });

  it('reads a nationality word that is also a short name of its country as a nationality word, and keeps a state’s abbreviation whole', () => {
    const text = 'Trade talks\nThai and Saudi officials met in San Jose, Calif. on Monday.';
    expect(
      kinds(text, [
        ['MISC', 'Thai'],
        ['MISC', 'Saudi'],
        ['LOC', 'San Jose'],
        ['LOC', 'Calif.'],
      ]).filter((e) => e.name !== 'San Jose'),
    ).toEqual([
      { kind: 'PLACE', name: 'Thailand', mentions: ['Thai/DEMONYM'], known: 'country:TH' },
      { kind: 'PLACE', name: 'Saudi Arabia', mentions: ['Saudi/DEMONYM'], known: 'country:SA' },
      { kind: 'PLACE', name: 'California', mentions: ['Calif./NAME'], known: 'place:california' },
    ]);
  });

  it('nests a name inside a compound name instead of overlapping it', () => {
    const text = 'Council meets\nThe Nato-Russia Council met in Brussels, and Nato said it would meet again.';
    const out = kinds(text, [
      ['ORG', 'Nato-Russia Council'],
      ['LOC', 'Brussels'],
      ['ORG', 'Nato'],
    ]);
    expect(out.find((e) => e.name === 'NATO')?.mentions).toEqual(['Nato/ACRONYM in Nato-Russia Council', 'Nato/ACRONYM']);
    expect(out.find((e) => e.name === 'Russia')?.mentions).toEqual(['Russia/NAME in Nato-Russia Council']);
  });
});

describe('buildEntities: kinds beyond people, organizations and places', () => {
  it('gives events, awards, works and products their own kinds, and drops common nouns', () => {
    const text =
      'Awards night\nThe film Harbour Lights won the Golden Lantern Award at the Riverside Film Festival, and sales of the PlayStation rose before Christmas. DVD sales fell.';
    expect(
      kinds(text, [
        ['PER', 'Harbour Lights'],
        ['ORG', 'Golden Lantern Award'],
        ['ORG', 'Riverside Film Festival'],
        ['ORG', 'PlayStation'],
        ['LOC', 'Christmas'],
        ['ORG', 'DVD'],
      ]).map((e) => [e.kind, e.name]),
    ).toEqual([
      ['WORK', 'Harbour Lights'],
      ['AWARD', 'Golden Lantern Award'],
      ['EVENT', 'Riverside Film Festival'],
      ['PRODUCT', 'PlayStation'],
      ['EVENT', 'Christmas'],
    ]);
  });

  it('takes a known product with a model word for a product, and "play" or "show" as verbs for no work', () => {
    const text = 'Derby day\nThe PlayStation Vantage went on sale as Hartley play Dunmore, and figures show Castaldo ahead. Her play Harbour Lights opens.';
    expect(
      kinds(text, [
        ['ORG', 'PlayStation Vantage'],
        ['ORG', 'Hartley'],
        ['ORG', 'Dunmore'],
        ['ORG', 'Castaldo'],
        ['PER', 'Harbour Lights'],
      ]).map((e) => [e.kind, e.name]),
    ).toEqual([
      ['PRODUCT', 'PlayStation Vantage'],
      ['ORGANIZATION', 'Hartley'],
      ['ORGANIZATION', 'Dunmore'],
      ['ORGANIZATION', 'Castaldo'],
      ['WORK', 'Harbour Lights'],
    ]);
  });

  it('takes a stadium or an arena for a place, whatever NER called it', () => {
    const text = 'Cup final\nHartley beat Dunmore at the Riverside Stadium, and the final moves to the Castle Arena.';
    expect(
      kinds(text, [
        ['ORG', 'Hartley'],
        ['ORG', 'Dunmore'],
        ['ORG', 'Riverside Stadium'],
        ['ORG', 'Castle Arena'],
      ]).map((e) => [e.kind, e.name]),
    ).toEqual([
      ['ORGANIZATION', 'Hartley'],
      ['ORGANIZATION', 'Dunmore'],
      ['PLACE', 'Riverside Stadium'],
      ['PLACE', 'Castle Arena'],
    ]);
  });

  it('lets the knowledge base overrule NER on a company it knows, but not on an ambiguous name NER is sure of', () => {
    const text = 'Search deal\nGoogle agreed a deal with Apple, a grower in Kent.';
    expect(
      kinds(text, [
        ['PER', 'Google', 0.7],
        ['PER', 'Apple', 0.95],
      ]).map((e) => [e.kind, e.name]),
    ).toEqual([
      ['ORGANIZATION', 'Google'],
      ['PERSON', 'Apple'],
    ]);
  });
});

describe('buildEntities: names that stop at the name', () => {
  it('splits titles, organizations and parties glued to a name into their own mentions', () => {
    const text =
      'Budget row\nChancellor of the Exchequer Gordon Brown spoke. BBC Michael Howard then replied, and Tory Liam Fox agreed with Blair Labour plans.';
    const out = kinds(text, [
      ['PER', 'Exchequer Gordon Brown'],
      ['PER', 'BBC Michael Howard'],
      ['PER', 'Tory Liam Fox'],
      ['PER', 'Blair Labour'],
    ]);
    expect(out.filter((e) => e.kind === 'PERSON').map((e) => e.name)).toEqual(['Gordon Brown', 'Michael Howard', 'Liam Fox', 'Blair']);
    expect(out.filter((e) => e.kind === 'ORGANIZATION').map((e) => e.name)).toEqual(['BBC', 'Conservative Party', 'Labour Party']);
  });

  it('does not take a sentence-opening verb for a name', () => {
    const text = 'Poster war\nVote Okafor, the posters said. Get Okafor elected, said another. Many would vote for her; few could get there.';
    expect(
      kinds(text, [
        ['PER', 'Vote Okafor'],
        ['PER', 'Get Okafor'],
      ]).map((e) => [e.kind, e.name, e.mentions]),
    ).toEqual([['PERSON', 'Okafor', ['Okafor/NAME', 'Okafor/NAME']]]);
  });
});

describe('buildEntities: one identity per thing', () => {
  it('joins an acronym and its expansion, and "X Party" and "X"', () => {
    const text = 'Vote count\nThe UK Independence Party gained. Ukip leaders cheered. The Green Party said the Green vote held, and Greens celebrated.';
    const out = kinds(text, [
      ['ORG', 'UK Independence Party'],
      ['ORG', 'Ukip'],
      ['ORG', 'Green Party'],
      ['ORG', 'Green'],
      ['ORG', 'Greens'],
    ]);
    expect(out.map((e) => [e.name, e.mentions])).toEqual([
      ['UK Independence Party', ['UK Independence Party/NAME', 'Ukip/ACRONYM']],
      ['Green Party', ['Green Party/NAME', 'Green/NAME', 'Greens/NAME']],
    ]);
  });
});

describe('buildEntities: affiliations', () => {
  it('reads the affiliation from the role phrase and from offices of one country', () => {
    const text =
      'Talks\nUS national security adviser Lena Brandt met Russian foreign minister Oleg Petrov and Kremlin adviser Ivan Sokol. Home Secretary Ruth Kemp stayed away.';
    const built = buildEntities(
      text,
      segmentsOf(text),
      tag(text, [
        ['LOC', 'US', 0.6],
        ['PER', 'Lena Brandt'],
        ['MISC', 'Russian'],
        ['PER', 'Oleg Petrov'],
        ['LOC', 'Kremlin'],
        ['PER', 'Ivan Sokol'],
        ['PER', 'Home Secretary Ruth Kemp'],
      ]),
    );
    expect(built.entities.filter((e) => e.type === 'PERSON').map((e) => [e.name, e.role, e.affiliation])).toEqual([
      ['Lena Brandt', 'national security adviser', 'United States'],
      ['Oleg Petrov', 'foreign minister', 'Russia'],
      ['Ivan Sokol', 'adviser', 'Kremlin'],
      ['Ruth Kemp', 'Home Secretary', 'United Kingdom'],
    ]);
  });
});

describe('buildEntities: a group named like a person', () => {
  it('makes a name before a club role and another name an organization, in every mention', () => {
    const text = 'Hartley hold on\nHartley beat Dunmore 2-1, and Hartley manager Tomas Reed praised his side.';
    const out = kinds(text, [
      ['PER', 'Hartley'],
      ['ORG', 'Dunmore'],
      ['PER', 'Hartley'],
      ['PER', 'Tomas Reed'],
    ]);
    expect(out.find((e) => e.name === 'Hartley')).toEqual({
      kind: 'ORGANIZATION',
      name: 'Hartley',
      mentions: ['Hartley/NAME', 'Hartley/NAME', 'Hartley/NAME'],
      known: null,
    });
    expect(out.find((e) => e.name === 'Tomas Reed')?.kind).toBe('PERSON');
  });

  it('makes a name after "band" or "side" an organization', () => {
    const text = 'Awards night\nThe Glasgow band Ferris Wheeler won, and Italian side Castaldo lost to Lena Marsh.';
    const out = kinds(text, [
      ['PER', 'Ferris Wheeler'],
      ['PER', 'Castaldo'],
      ['PER', 'Lena Marsh'],
    ]);
    expect(out.map((e) => `${e.kind} ${e.name}`)).toEqual(
      expect.arrayContaining(['ORGANIZATION Ferris Wheeler', 'ORGANIZATION Castaldo', 'PERSON Lena Marsh']),
    );
  });

  it('keeps a person before a personal role and another name a person', () => {
    // "Marsh spokesman Ivo Brandt": a spokesman speaks for people too.
    const text = 'Ferry row\nLena Marsh said on Monday that the pier stays shut, and Marsh spokesman Ivo Brandt agreed.';
    const out = kinds(text, [
      ['PER', 'Lena Marsh'],
      ['PER', 'Marsh'],
      ['PER', 'Ivo Brandt'],
    ]);
    expect(out.find((e) => e.name === 'Lena Marsh')?.kind).toBe('PERSON');
  });
});

describe('buildEntities: works and groups named by what the sentence says of them', () => {
  it('takes two names listed before a plural verb for groups unless they open like people’s', () => {
    const text = 'Awards night\nGlass Foxes and Iron Engines were among the winners. Ann Lee and Ray Dunn were not, and Mr Hale and Dr Moss are angry.';
    const out = kinds(text, [
      ['PER', 'Glass Foxes'],
      ['PER', 'Iron Engines'],
      ['PER', 'Ann Lee'],
      ['PER', 'Ray Dunn'],
      ['PER', 'Mr Hale'],
      ['PER', 'Dr Moss'],
    ]).map((e) => `${e.kind} ${e.name}`);
    expect(out).toEqual(['ORGANIZATION Glass Foxes', 'ORGANIZATION Iron Engines', 'PERSON Ann Lee', 'PERSON Ray Dunn', 'PERSON Hale', 'PERSON Moss']);
  });

  it('finds a band NER missed before a member’s part and a name, but not a word that describes the member', () => {
    const text =
      'Tour news\nMoonfall frontman Ray Dunn said the tour was off. The Dimmers drummer Kit Vale agreed, but Lead singer Ada Moss, Folk singer Ben Hale and Welsh singer Cai Rees did not.';
    const out = kinds(text, [
      ['PER', 'Ray Dunn'],
      ['PER', 'Kit Vale'],
      ['PER', 'Ada Moss'],
      ['PER', 'Ben Hale'],
      ['MISC', 'Welsh'],
      ['PER', 'Cai Rees'],
    ]).map((e) => `${e.kind} ${e.name}`);
    expect(out).toEqual([
      'ORGANIZATION Moonfall',
      'PERSON Ray Dunn',
      'ORGANIZATION The Dimmers',
      'PERSON Kit Vale',
      'PERSON Ada Moss',
      'PERSON Ben Hale',
      'PLACE Wales',
      'PERSON Cai Rees',
    ]);
  });

  it('takes a name, its possessive and a capitalised number for one title, not a name and a number', () => {
    const text = 'Box office\nThe sequel Harbour’s Eleven took $40m. Critics liked Harbour’s Eleven more than Brandt’s latest.';
    const out = kinds(text, [
      ['LOC', 'Harbour'],
      ['LOC', 'Eleven'],
      ['LOC', 'Harbour'],
      ['LOC', 'Eleven'],
      ['PER', 'Brandt'],
    ]);
    expect(out).toEqual([
      { kind: 'WORK', name: 'Harbour’s Eleven', mentions: ['Harbour’s Eleven/NAME', 'Harbour’s Eleven/NAME'], known: null },
      { kind: 'PERSON', name: 'Brandt', mentions: ['Brandt/NAME'], known: null },
    ]);
  });

  it('takes a game’s or a film’s name and its number for one title near a word like "copies", but not a score', () => {
    const text = 'Sales\nHarbour Quest 2 sold a million copies, and shops ran out of Harbour Quest 2. Anyang 3 Chonnam 3 (halftime 2-0) in the games.';
    const out = kinds(text, [
      ['ORG', 'Harbour Quest'],
      ['ORG', 'Harbour Quest'],
      ['ORG', 'Anyang'],
      ['ORG', 'Chonnam'],
    ]).map((e) => `${e.kind} ${e.name} ${e.mentions.join(',')}`);
    expect(out).toEqual([
      'WORK Harbour Quest 2 Harbour Quest 2/NAME,Harbour Quest 2/NAME',
      'ORGANIZATION Anyang Anyang/NAME',
      'ORGANIZATION Chonnam Chonnam/NAME',
    ]);
  });

  it('keeps the number of a name the knowledge base knows with it where NER stopped before it', () => {
    const text = 'Television\nThe show moves to Channel 4 next year.';
    expect(kinds(text, [['ORG', 'Channel']]).map((e) => [e.kind, e.name, e.mentions])).toEqual([['ORGANIZATION', 'Channel 4', ['Channel 4/NAME']]]);
  });

  it('takes a name followed by "which" for no person, in all its mentions, unless it opens with a first name', () => {
    const text = 'Games\nBrightvale, which made the game, is growing. Brightvale said sales rose. Maria Lind, which surprised many, left.';
    const out = kinds(text, [
      ['PER', 'Brightvale'],
      ['PER', 'Brightvale'],
      ['PER', 'Maria Lind'],
    ]).map((e) => `${e.kind} ${e.name} ${e.mentions.length}`);
    expect(out).toEqual(['ORGANIZATION Brightvale 2', 'PERSON Maria Lind 1']);
  });

  it('takes a title with and without its "The" for one work, and an "… of the Year" for an award', () => {
    const text = 'Night Harbour leads the race\nDirector Ann Vale’s The Night Harbour has 11 nominations. Lena Marsh won the Sports Personality of the Year.';
    const out = kinds(text, [
      ['ORG', 'Night Harbour'],
      ['PER', 'Ann Vale'],
      ['ORG', 'Night Harbour'],
      ['PER', 'Lena Marsh'],
      ['ORG', 'Sports Personality of the Year'],
    ]).map((e) => `${e.kind} ${e.name} ${e.mentions.join(',')}`);
    expect(out).toEqual([
      'WORK The Night Harbour Night Harbour/NAME,The Night Harbour/NAME',
      'PERSON Ann Vale Ann Vale/NAME',
      'PERSON Lena Marsh Lena Marsh/NAME',
      'AWARD Sports Personality of the Year Sports Personality of the Year/NAME',
    ]);
  });

  it('takes a name of several words after a person’s possessive for their work, but not a body', () => {
    const text = 'Films\nDirector Maria Lind’s Silver Harbour Road leads the race, and Peter Vale’s Vale Media Holdings paid for it.';
    const out = kinds(text, [
      ['PER', 'Maria Lind'],
      ['ORG', 'Silver Harbour Road'],
      ['PER', 'Peter Vale'],
      ['ORG', 'Vale Media Holdings'],
    ]).map((e) => `${e.kind} ${e.name}`);
    expect(out).toEqual(['PERSON Maria Lind', 'WORK Silver Harbour Road', 'PERSON Peter Vale', 'ORGANIZATION Vale Media Holdings']);
    // A body's possessive, though its name opens with a first name.
    const body = 'Reform\nThe Peter Society’s Zorvan Kettle said it was overdue.';
    expect(kinds(body, [['ORG', 'Zorvan Kettle']]).map((e) => e.kind)).toEqual(['ORGANIZATION']);
  });

  it('takes a name before a programme’s presenter, winner or actor and a name for the programme, in all its mentions', () => {
    const text = 'Television\nHarbour Lives winner Ann Vale met Quiet Bay presenter Ivo Brandt. Harbour Lives returns in May.';
    const out = kinds(text, [
      ['PER', 'Harbour Lives'],
      ['PER', 'Ann Vale'],
      ['PER', 'Quiet Bay'],
      ['PER', 'Ivo Brandt'],
      ['PER', 'Harbour Lives'],
    ]).map((e) => `${e.kind} ${e.name} ${e.mentions.length}`);
    expect(out).toEqual(['WORK Harbour Lives 2', 'PERSON Ann Vale 1', 'WORK Quiet Bay 1', 'PERSON Ivo Brandt 1']);
  });

  it('names no title on the line after a work noun, and takes a name after a channel’s possessive for its programme', () => {
    const text = 'Stars record charity single\nIvo Brandt has recorded it. He told BBC One’s Harbour Hour it was done, and BBC Radio 4 listeners agreed.';
    const out = kinds(text, [
      ['PER', 'Ivo Brandt', 0.6],
      ['ORG', 'BBC One'],
      ['ORG', 'Harbour Hour'],
      ['ORG', 'BBC Radio'],
    ]).map((e) => `${e.kind} ${e.name}`);
    expect(out).toEqual(['PERSON Ivo Brandt', 'ORGANIZATION BBC One', 'WORK Harbour Hour', 'ORGANIZATION BBC Radio 4']);
  });

  it('takes no single word without a capital for a name, but keeps a lower-case body of several words', () => {
    const text = 'Awards\nQuiet Water and Night Harbour lead, the interior ministry said.';
    const out = kinds(text, [
      ['ORG', 'Quiet Water'],
      ['ORG', 'and'],
      ['ORG', 'Night Harbour'],
      ['ORG', 'interior ministry'],
    ]).map((e) => e.name);
    expect(out).toEqual(['Quiet Water', 'Night Harbour', 'interior ministry']);
  });

  it('takes a name for a film by what follows it (its cast, its director, its takings) or by the award it won, and a singer by their album', () => {
    const text =
      'Box office\nLena Marsh, starring Ivo Brandt, fell to second place at the US box office. Quiet Water topped the box office again. Ann Vale won an Oscar for Silver Road, and an Oscar for Best Actor went to Ivo Brandt.';
    const out = kinds(text, [
      ['PER', 'Lena Marsh'],
      ['PER', 'Ivo Brandt'],
      ['ORG', 'Quiet Water'],
      ['PER', 'Ann Vale'],
      ['ORG', 'Silver Road'],
      ['MISC', 'Best Actor'],
      ['PER', 'Ivo Brandt'],
    ]).map((e) => `${e.kind} ${e.name}`);
    expect(out).toEqual(expect.arrayContaining(['WORK Lena Marsh', 'WORK Quiet Water', 'WORK Silver Road', 'PERSON Ivo Brandt', 'PERSON Ann Vale']));
    expect(out).not.toContain('WORK Best Actor');
    // A place has no albums: a name NER took for one before "'s new album" is a singer's.
    const singer = 'Charts\nZorvan’s new album entered the chart at number one.';
    expect(kinds(singer, [['LOC', 'Zorvan']]).map((e) => `${e.kind} ${e.name}`)).toEqual(['PERSON Zorvan']);
    const sequel = 'Takings\nHarbour Quest 2 grossed $373m in its first month.';
    expect(kinds(sequel, [['ORG', 'Harbour Quest']]).map((e) => `${e.kind} ${e.name}`)).toEqual(['WORK Harbour Quest 2']);
  });

  it('takes a nationality word the knowledge base also knows as an award for the award where one mention reads as one', () => {
    const awards = 'Music\nThe singer won two Brits on Tuesday. The Brits were shown live, and the Brits will return next year.';
    expect(kinds(awards, []).map((e) => [e.kind, e.name, e.mentions])).toEqual([['AWARD', 'Brit Award', ['Brits/NAME', 'Brits/NAME', 'Brits/NAME']]]);
    const people = 'Holidays\nBrits spent more abroad this year, and the Brits who stayed home spent less.';
    expect(kinds(people, []).map((e) => [e.kind, e.name, e.mentions])).toEqual([['PLACE', 'United Kingdom', ['Brits/DEMONYM', 'Brits/DEMONYM']]]);
  });

  it('takes what was named best film for a work, and a possessive then "The" for a title, in every mention', () => {
    const text = 'Awards night\nDirector Ann Vale’s The Night Harbour leads the race. Quiet Water was named best film, beating The Night Harbour.';
    const out = kinds(text, [
      ['PER', 'Ann Vale'],
      ['ORG', 'Night Harbour'],
      ['ORG', 'Quiet Water'],
      ['ORG', 'Night Harbour'],
    ]);
    expect(out.filter((e) => e.kind !== 'PERSON')).toEqual([
      { kind: 'WORK', name: 'The Night Harbour', mentions: ['The Night Harbour/NAME', 'The Night Harbour/NAME'], known: null },
      { kind: 'WORK', name: 'Quiet Water', mentions: ['Quiet Water/NAME'], known: null },
    ]);
  });

  it('takes what a broadcaster’s possessive comes before for its programme, but not its correspondent or its own service', () => {
    const text = 'Ratings\nChannel 4’s Harbour Watch beat the BBC’s World Service, said the BBC’s Elena Marsh.';
    const out = kinds(text, [
      ['ORG', 'Channel 4'],
      ['ORG', 'Harbour Watch'],
      ['ORG', 'BBC'],
      ['ORG', 'World Service'],
      ['ORG', 'BBC'],
      ['ORG', 'Elena Marsh'],
    ]).map((e) => `${e.kind} ${e.name}`);
    expect(out).toEqual(expect.arrayContaining(['WORK Harbour Watch', 'ORGANIZATION BBC World Service']));
    expect(out).not.toContain('WORK Elena Marsh');
  });

  it('does not take a person who speaks, or whom NER is sure of, for a work after a work noun', () => {
    const text = 'Match report\nAfter the game Ivo Brandt said he was happy. In the film Lena Marsh plays a pilot, and the film Quiet Water opens.';
    const out = kinds(text, [
      ['PER', 'Ivo Brandt', 0.5],
      ['PER', 'Lena Marsh', 0.95],
      ['PER', 'Quiet Water', 0.5],
    ]).map((e) => `${e.kind} ${e.name}`);
    expect(out).toEqual(['PERSON Ivo Brandt', 'PERSON Lena Marsh', 'WORK Quiet Water']);
  });

  it('does not take a body for a work after "director of" or "wrote"', () => {
    const text = 'Survey\nConfidence fell, said the director of the Harbour Board, and wrote Quayside analyst Ivo Brandt.';
    const out = kinds(text, [
      ['ORG', 'Harbour Board'],
      ['ORG', 'Quayside'],
      ['PER', 'Ivo Brandt'],
    ]).map((e) => `${e.kind} ${e.name}`);
    expect(out).toEqual(expect.arrayContaining(['ORGANIZATION Harbour Board', 'ORGANIZATION Quayside']));
  });

  it('takes a name named best group, or opening a sentence before a plural verb, for a group', () => {
    const text =
      'Awards night\nBlue Day were named best international group. Ferris Wheeler are touring. If Tom Hale were to sing, Hale and Lena Marsh are ready.';
    const out = kinds(text, [
      ['LOC', 'Blue Day'],
      ['PER', 'Ferris Wheeler'],
      ['PER', 'Tom Hale'],
      ['PER', 'Hale'],
      ['PER', 'Lena Marsh'],
    ]).map((e) => `${e.kind} ${e.name}`);
    expect(out).toEqual(['ORGANIZATION Blue Day', 'ORGANIZATION Ferris Wheeler', 'PERSON Tom Hale', 'PERSON Lena Marsh']);
  });
});

describe('buildEntities: events, products and long names the knowledge base knows', () => {
  it('takes the baseball leagues for competitions, not organizations', () => {
    const text = 'Baseball\nResults of Major League Baseball games played on Monday, and the American League standings.';
    const out = kinds(text, [
      ['ORG', 'Major League Baseball'],
      ['ORG', 'American League'],
    ]).map((e) => `${e.kind} ${e.name}`);
    expect(out).toEqual(['EVENT Major League Baseball', 'EVENT American League']);
  });

  it('keeps an award’s or an event’s name of several words whole where NER took a nationality word or a place out of it', () => {
    const text = 'Busy summer\nThe band played at the Brit Awards before the Tour de France reached Paris.';
    const out = kinds(text, [
      ['MISC', 'Brit'],
      ['LOC', 'France'],
      ['LOC', 'Paris'],
    ]).map((e) => `${e.kind} ${e.name} ${e.mentions.join(',')}`);
    expect(out).toEqual(['AWARD Brit Award Brit Awards/NAME', 'EVENT Tour de France Tour de France/NAME', 'PLACE Paris Paris/NAME']);
  });

  it('takes a tournament named "… Open" or "… Masters" and a sponsor before a known event for events', () => {
    const text = 'Weekend sport\nAnn Vale won the Harbour Open, Ivo Brandt leads the Bay Masters, and Ireland lead the RBS Six Nations.';
    const out = kinds(text, [
      ['PER', 'Ann Vale'],
      ['MISC', 'Harbour Open'],
      ['PER', 'Ivo Brandt'],
      ['ORG', 'Bay Masters'],
      ['LOC', 'Ireland'],
      ['ORG', 'RBS Six Nations'],
    ]);
    expect(out.filter((e) => e.kind === 'EVENT')).toEqual([
      { kind: 'EVENT', name: 'Harbour Open', mentions: ['Harbour Open/NAME'], known: null },
      { kind: 'EVENT', name: 'Bay Masters', mentions: ['Bay Masters/NAME'], known: null },
      { kind: 'EVENT', name: 'Six Nations', mentions: ['RBS Six Nations/NAME'], known: 'event:six-nations' },
    ]);
  });

  it('keeps a known long name whole where NER cut it, and joins a span NER opened with "and" to the name before it', () => {
    const text = 'Figures\nThe Office for National Statistics and the University of the Vale and Islands agreed.';
    const out = kinds(text, [
      ['LOC', 'Office'],
      ['ORG', 'for National'],
      ['ORG', 'University of the Vale'],
      ['ORG', 'and Islands'],
    ]);
    expect(out.map((e) => [e.kind, e.name, e.mentions])).toEqual([
      ['ORGANIZATION', 'Office for National Statistics', ['Office for National Statistics/NAME']],
      ['ORGANIZATION', 'University of the Vale and Islands', ['University of the Vale and Islands/NAME']],
    ]);
  });

  it('keeps a known long name whole before a possessive', () => {
    const text = 'Figures\nThe Office for National Statistics’ figures rose.';
    const out = kinds(text, [
      ['ORG', 'Office'],
      ['ORG', 'National Statistics'],
    ]);
    expect(out.map((e) => [e.name, e.mentions])).toEqual([['Office for National Statistics', ['Office for National Statistics/NAME']]]);
  });

  it('takes a city in a line of results for a team, a name ending in "Island" for a place, and a surname for no island', () => {
    const text = 'Results\nPortuguesa 2 Parana 0\nHarwick 1 Leeds 3\nThomas Mann visited Ellis Island.';
    const out = kinds(text, [
      ['ORG', 'Portuguesa'],
      ['ORG', 'Parana'],
      ['ORG', 'Harwick'],
      ['LOC', 'Leeds'],
      ['PER', 'Thomas Mann'],
      ['PER', 'Ellis Island'],
    ]).map((e) => `${e.kind} ${e.name}`);
    expect(out).toEqual([
      'ORGANIZATION Portuguesa',
      'ORGANIZATION Parana',
      'ORGANIZATION Harwick',
      'ORGANIZATION Leeds',
      'PERSON Thomas Mann',
      'PLACE Ellis Island',
    ]);
  });

  it('takes a place that opens a clause with a plural verb or "their" for a team, in its mentions but the dateline', () => {
    const text = 'Cup final\nHARWICK 1996-08-31\nHarwick completed their first double on Sunday, and Harwick fans sang. Leeds were beaten.';
    const out = kinds(text, [
      ['LOC', 'HARWICK'],
      ['LOC', 'Harwick'],
      ['LOC', 'Harwick'],
      ['LOC', 'Leeds'],
    ]).map((e) => [e.kind, e.name, e.mentions.length]);
    expect(out).toEqual([
      ['PLACE', 'HARWICK', 1],
      ['ORGANIZATION', 'Harwick', 2],
      ['ORGANIZATION', 'Leeds', 1],
    ]);
  });

  it('takes a city one side beats or leads for a team in its mentions, but not where the words make it the place', () => {
    const text =
      'Late rally\nLanny Freeman pitched seven innings as Sacramento defeated Tucson 5-2 on Monday. Sacramento’s lead over Fresno grew to three games. A single gave Omaha a 3-1 lead in Fresno. France beat Germany 2-1.';
    const out = kinds(text, [
      ['PER', 'Lanny Freeman'],
      ['PER', 'Sacramento'],
      ['LOC', 'Tucson'],
      ['PER', 'Sacramento'],
      ['LOC', 'Fresno'],
      ['LOC', 'Omaha'],
      ['LOC', 'Fresno'],
      ['LOC', 'France'],
      ['LOC', 'Germany'],
    ]).map((e) => [e.kind, e.name, e.mentions.length]);
    expect(out).toEqual([
      ['PERSON', 'Lanny Freeman', 1],
      ['ORGANIZATION', 'Sacramento', 2],
      ['ORGANIZATION', 'Tucson', 1],
      ['ORGANIZATION', 'Fresno', 1],
      ['ORGANIZATION', 'Omaha', 1],
      ['PLACE', 'Fresno', 1],
      ['PLACE', 'France', 1],
      ['PLACE', 'Germany', 1],
    ]);
  });

  it('takes a name the words around it make a business’s for an organization in every mention, but not a person with a first name or a share of a place', () => {
    const text =
      'Castellani looks east\nItalian tyre giant Castellani announced a venture. Castellani shares rose. The state keeps 30 percent of Brodka, and Brodka said it needed cash. Ohio-based Keymark agreed, said insurer Marc Dulac. Rebels hold 20 percent of Veloria.';
    const out = kinds(text, [
      ['PER', 'Castellani'],
      ['PER', 'Castellani'],
      ['PER', 'Castellani'],
      ['PER', 'Brodka'],
      ['PER', 'Brodka'],
      ['LOC', 'Keymark'],
      ['PER', 'Marc Dulac'],
      ['LOC', 'Veloria'],
    ]).map((e) => [e.kind, e.name, e.mentions.length]);
    expect(out).toEqual([
      ['ORGANIZATION', 'Castellani', 3],
      ['PLACE', 'Italy', 1],
      ['ORGANIZATION', 'Brodka', 2],
      ['ORGANIZATION', 'Keymark', 1],
      ['PERSON', 'Marc Dulac', 1],
      ['PLACE', 'Veloria', 1],
    ]);
  });

  it('joins a body’s name, "for" and the name NER cut from it, but not a poll for a client; and takes a prison for a place', () => {
    const text = 'Road deaths\nThe Advisory Council for Transport Safety and pollsters Quorum for Daily Courier agreed. Held in Woodhill Prison, he wrote.';
    const out = kinds(text, [
      ['ORG', 'Advisory Council'],
      ['ORG', 'Transport Safety'],
      ['ORG', 'Quorum'],
      ['ORG', 'Daily Courier'],
      ['PER', 'Woodhill Prison'],
    ]).map((e) => `${e.kind} ${e.name}`);
    expect(out).toEqual(['ORGANIZATION Advisory Council for Transport Safety', 'ORGANIZATION Quorum', 'ORGANIZATION Daily Courier', 'PLACE Woodhill Prison']);
  });

  it('takes a name opening a clause before a plural verb such as "lead" or "face" for a team', () => {
    const text = 'Table\nHarwick lead the table after beating nobody. Leeds face Harwick next, and Tom Hale faces a ban.';
    const out = kinds(text, [
      ['PER', 'Harwick'],
      ['LOC', 'Leeds'],
      ['PER', 'Harwick'],
      ['PER', 'Tom Hale'],
    ]).map((e) => `${e.kind} ${e.name}`);
    expect(out).toEqual(['ORGANIZATION Harwick', 'ORGANIZATION Leeds', 'PERSON Tom Hale']);
  });

  it('leaves out laws, treaties and plans and a religion’s adjective, and joins a body’s name across "of" and "on"', () => {
    const text =
      'Rights\nThe Hunting Act and the Marshall Plan were debated by Muslim voters, New Labour and the Joint Committee on Human Rights, then the European Court of Human Rights.';
    const out = kinds(text, [
      ['ORG', 'Hunting Act'],
      ['PER', 'Marshall Plan'],
      ['MISC', 'Muslim'],
      ['LOC', 'New Labour'],
      ['ORG', 'Joint Committee'],
      ['ORG', 'Human Rights'],
      ['ORG', 'European Court'],
      ['ORG', 'Human Rights'],
    ]).map((e) => `${e.kind} ${e.name}: ${e.mentions.map((m) => m.split('/')[0]).join(', ')}`);
    expect(out).toEqual([
      'ORGANIZATION Labour Party: New Labour',
      'ORGANIZATION Joint Committee on Human Rights: Joint Committee on Human Rights',
      'ORGANIZATION European Court of Human Rights: European Court of Human Rights',
    ]);
  });

  it('keeps a known department whole where NER cut it at its comma or its "and"', () => {
    const text = 'Licence fee\nThe Department for Culture, Media and Sport and the Department for Work and Pensions agreed.';
    const out = kinds(text, [
      ['ORG', 'Department for Culture, Media'],
      ['ORG', 'Sport'],
      ['ORG', 'Department for Work'],
      ['ORG', 'Pensions'],
    ]);
    expect(out.map((e) => [e.name, e.mentions])).toEqual([
      ['Department for Culture, Media and Sport', ['Department for Culture, Media and Sport/NAME']],
      ['Department for Work and Pensions', ['Department for Work and Pensions/NAME']],
    ]);
  });

  it('finds a product the knowledge base knows where NER found none, its plural too, but not inside a longer name', () => {
    const text = 'Players\nSales of its iPod music player doubled, and 10 million iPods were sold before the iPod Shuffle came.';
    const out = kinds(text, []).map((e) => `${e.kind} ${e.name}: ${e.mentions.map((m) => m.split('/')[0]).join(', ')}`);
    expect(out).toEqual(['PRODUCT iPod: iPod, iPods']);
  });

  it('takes a name after a company’s possessive and before a product noun for a product', () => {
    const text = 'Gadgets\nNintendo’s Lumo handheld sold out, said Ann Vale of Harbour Studios.';
    const out = kinds(text, [
      ['ORG', 'Nintendo'],
      ['ORG', 'Lumo'],
      ['PER', 'Ann Vale'],
      ['ORG', 'Harbour Studios'],
    ]).map((e) => `${e.kind} ${e.name}`);
    expect(out).toEqual(['ORGANIZATION Nintendo', 'PRODUCT Lumo', 'PERSON Ann Vale', 'ORGANIZATION Harbour Studios']);
  });

  it('takes a name after "its" and before a product noun for a product', () => {
    const text = 'Browsers\nThe foundation said its Lumo browser was downloaded 25 million times.';
    expect(kinds(text, [['ORG', 'Lumo']]).map((e) => `${e.kind} ${e.name}`)).toEqual(['PRODUCT Lumo']);
  });

  it('takes a company the knowledge base marks ambiguous for the company where the words after it are a company’s, however sure NER was', () => {
    const trading = 'Retail\nRivals and Amazon reported strong Christmas sales.';
    expect(kinds(trading, [['LOC', 'Amazon', 0.95]]).map((e) => `${e.kind} ${e.name}`)).toEqual(['ORGANIZATION Amazon']);
    const river = 'Travel\nThey sailed up the Amazon for a week.';
    expect(kinds(river, [['LOC', 'Amazon', 0.95]]).map((e) => `${e.kind} ${e.name}`)).toEqual(['PLACE Amazon']);
  });

  it('keeps a company the knowledge base knows even where NER was unsure of it, but not an unknown name', () => {
    const text = 'Search\nWhile Google launched a new tool, Zantrix launched nothing.';
    const out = kinds(text, [
      ['PER', 'Google', 0.3],
      ['ORG', 'Zantrix', 0.3],
    ]).map((e) => `${e.kind} ${e.name}`);
    expect(out).toEqual(['ORGANIZATION Google']);
  });
});

describe('buildEntities: titles NER is unsure of', () => {
  it('finds a title after a work noun where NER found no name, up to punctuation, but not after a verb or a compound', () => {
    const text =
      'New releases\nHer debut album Tides of Grey went gold, and the film Kestrel opens, said Ann Vale. Studios film Osprey scenes; the film studio Harbour Pictures agreed.';
    const out = kinds(text, [
      ['PER', 'Ann Vale'],
      ['ORG', 'Harbour Pictures'],
    ]).map((e) => `${e.kind} ${e.name} ${e.mentions.length}`);
    expect(out).toEqual(['WORK Tides of Grey 1', 'WORK Kestrel 1', 'PERSON Ann Vale 1', 'ORGANIZATION Harbour Pictures 1']);
  });

  it('keeps a name NER was unsure of when the words around it say what it is', () => {
    const text = 'Awards night\nQuiet Water was named best film, and Low Tide was not.';
    const out = kinds(text, [
      ['ORG', 'Quiet Water', 0.2],
      ['ORG', 'Low Tide', 0.2],
    ]).map((e) => `${e.kind} ${e.name}`);
    expect(out).toEqual(['WORK Quiet Water']);
  });
});

describe('buildEntities: roles and the organizations before them', () => {
  function people(text: string, ner: readonly NerTag[]) {
    return buildEntities(text, segmentsOf(text), tag(text, ner)).entities.map((e) => [e.type, e.name, e.role, e.affiliation]);
  }

  it('takes a known organization opening a sentence before a role for the affiliation, not part of the role', () => {
    // NER, unsure of a sentence's first word, found no name there.
    const text = 'Phones next\nNokia chief executive Tomas Reed told reporters the handset would sell well.';
    expect(people(text, [['PER', 'Tomas Reed']])).toEqual([
      ['ORGANIZATION', 'Nokia', null, null],
      ['PERSON', 'Tomas Reed', 'chief executive', 'Nokia'],
    ]);
  });

  it('finds a company the knowledge base knows where NER found no name, not an ambiguous one', () => {
    const text = 'Results day\nGoogle shares rose after the results. Sony’s console sold well, and Shell said nothing.';
    expect(people(text, [])).toEqual([
      ['ORGANIZATION', 'Google', null, null],
      ['ORGANIZATION', 'Sony', null, null],
    ]);
  });

  it('keeps only modifiers of the role before its organization, not the words of the sentence', () => {
    const text = 'Schools row\nThe plan did not impress Tory shadow health secretary Tomas Reed. Earlier Tory leader Ivo Brandt spoke.';
    expect(
      people(text, [
        ['MISC', 'Tory'],
        ['PER', 'Tomas Reed'],
        ['MISC', 'Tory'],
        ['PER', 'Ivo Brandt'],
      ]),
    ).toEqual([
      ['ORGANIZATION', 'Conservative Party', null, null],
      ['PERSON', 'Tomas Reed', 'shadow health secretary', 'Conservative Party'],
      ['PERSON', 'Ivo Brandt', 'leader', 'Conservative Party'],
    ]);
  });

  it('reads players’ positions and coaches as roles with their club', () => {
    const text = 'Derby day\nHartley striker Tomas Reed and Hartley coach Ivo Brandt were both booked, as was Hartley fly-half Ann Lee.';
    expect(
      people(text, [
        ['ORG', 'Hartley'],
        ['PER', 'Tomas Reed'],
        ['ORG', 'Hartley'],
        ['PER', 'Ivo Brandt'],
        ['ORG', 'Hartley'],
        ['PER', 'Ann Lee'],
      ]),
    ).toEqual([
      ['ORGANIZATION', 'Hartley', null, null],
      ['PERSON', 'Tomas Reed', 'striker', 'Hartley'],
      ['PERSON', 'Ivo Brandt', 'coach', 'Hartley'],
      ['PERSON', 'Ann Lee', 'fly-half', 'Hartley'],
    ]);
  });

  it('takes a place or a band that opens with a word a role phrase stops at ("New", "The") whole, as the affiliation', () => {
    const text = 'Hearing\nNew Harbour Senator Ann Lee said so. The Dimmers drummer Kit Vale agreed.';
    expect(
      people(text, [
        ['LOC', 'New Harbour'],
        ['PER', 'Ann Lee'],
        ['ORG', 'The Dimmers'],
        ['PER', 'Kit Vale'],
      ]),
    ).toEqual([
      ['PERSON', 'Ann Lee', 'Senator', 'New Harbour'],
      ['ORGANIZATION', 'Dimmers', null, null],
      ['PERSON', 'Kit Vale', 'drummer', 'Dimmers'],
    ]);
  });

  it('reads the organization a person is "of" as their affiliation, but not a place', () => {
    const text = 'Markets\nPrices fell sharply, said Ann Lee of Harbour Capital. "It is grim," said Ray Dunn of Oslo.';
    expect(
      people(text, [
        ['PER', 'Ann Lee'],
        ['ORG', 'Harbour Capital'],
        ['PER', 'Ray Dunn'],
        ['LOC', 'Oslo'],
      ]),
    ).toEqual([
      ['PERSON', 'Ann Lee', null, 'Harbour Capital'],
      ['ORGANIZATION', 'Harbour Capital', null, null],
      ['PERSON', 'Ray Dunn', null, null],
      ['PLACE', 'Oslo', null, null],
    ]);
  });

  it('reads the owner of a role after "its" as what "its" stands for', () => {
    const text =
      'Results\nHarbour Mills has no staff in Norway, apart from a house in Oslo owned by its finance director Ann Lee. Regulators sued Kettle Group, its chairman Ray Dunn and others.';
    expect(
      people(text, [
        ['ORG', 'Harbour Mills'],
        ['LOC', 'Norway'],
        ['LOC', 'Oslo'],
        ['PER', 'Ann Lee'],
        ['ORG', 'Kettle Group'],
        ['PER', 'Ray Dunn'],
      ]),
    ).toEqual([
      ['ORGANIZATION', 'Harbour Mills', null, null],
      ['PLACE', 'Norway', null, null],
      ['PLACE', 'Oslo', null, null],
      ['PERSON', 'Ann Lee', 'finance director', 'Harbour Mills'],
      ['ORGANIZATION', 'Kettle Group', null, null],
      ['PERSON', 'Ray Dunn', 'chairman', 'Kettle Group'],
    ]);
  });

  it('reads the organization or place whose possessive comes before a person as their affiliation, if the name opens with a first name', () => {
    const text = 'Shortlist\nArsenal’s Thierry Henry and Labour’s Yvette Cooper were named. Nintendo’s Game Cube sold well.';
    const built = buildEntities(
      text,
      segmentsOf(text),
      tag(text, [
        ['ORG', 'Arsenal'],
        ['PER', 'Thierry Henry'],
        ['ORG', 'Labour'],
        ['PER', 'Yvette Cooper'],
        ['ORG', 'Nintendo'],
        ['PER', 'Game Cube'],
      ]),
    );
    expect(built.entities.filter((e) => e.type === 'PERSON').map((e) => [e.name, e.affiliation])).toEqual([
      ['Thierry Henry', 'Arsenal'],
      ['Yvette Cooper', 'Labour Party'],
      ['Game Cube', null],
    ]);
  });

  it('reads the country of a cabinet office the knowledge base knows, British or American by its spelling', () => {
    const text =
      'Budget\nDefence Secretary Alan Marsh met Defense Secretary Rob Tate, and shadow transport secretary Ann Lowe and Treasury Secretary Jo Hill agreed.';
    const built = buildEntities(
      text,
      segmentsOf(text),
      tag(text, [
        ['PER', 'Alan Marsh'],
        ['PER', 'Rob Tate'],
        ['PER', 'Ann Lowe'],
        ['PER', 'Jo Hill'],
      ]),
    );
    expect(built.entities.map((e) => [e.name, e.role, e.affiliation])).toEqual([
      ['Alan Marsh', 'Defence Secretary', 'United Kingdom'],
      ['Rob Tate', 'Defense Secretary', 'United States'],
      ['Ann Lowe', 'shadow transport secretary', 'United Kingdom'],
      ['Jo Hill', 'Treasury Secretary', 'United States'],
    ]);
  });

  it('reads a band member’s part as a role with the band', () => {
    const text = 'Tour news\nMoonfall guitarist Ray Dunn and Moonfall drummer Kit Vale left, and lead singer Ada Moss stayed.';
    expect(
      people(text, [
        ['ORG', 'Moonfall'],
        ['PER', 'Ray Dunn'],
        ['ORG', 'Moonfall'],
        ['PER', 'Kit Vale'],
        ['PER', 'Ada Moss'],
      ]),
    ).toEqual([
      ['ORGANIZATION', 'Moonfall', null, null],
      ['PERSON', 'Ray Dunn', 'guitarist', 'Moonfall'],
      ['PERSON', 'Kit Vale', 'drummer', 'Moonfall'],
      ['PERSON', 'Ada Moss', 'lead singer', null],
    ]);
  });
});
