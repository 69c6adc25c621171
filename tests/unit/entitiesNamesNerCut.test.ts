import { shapesOf as shapes } from './entitiesHelpers.js';

describe('buildEntities: names NER cut, read whole', () => {
  it('takes in a first name NER left out before a surname, but not a month', () => {
    const text = 'Premiere\nCritics praised DeMarco Keswick on Friday. Dorian Keswick was not there. In May Halloran spoke.';
    expect(
      shapes(text, [
        ['PER', 'Keswick', 0.9],
        ['PER', 'Keswick', 0.9],
        ['PER', 'Halloran', 0.9],
      ]),
    ).toEqual(['PERSON DeMarco Keswick: DeMarco Keswick', 'PERSON Dorian Keswick: Dorian Keswick', 'PERSON Halloran: Halloran']);
  });

  it('takes a first name and a surname NER doubted as some other name for a person, but not a title in quotation marks', () => {
    const text = 'Charts\nDorian Wexley topped the charts again. She is best known for "Orla Vance" and The Bram Stuff.';
    expect(
      shapes(text, [
        ['MISC', 'Dorian Wexley', 0.3],
        ['MISC', 'Orla Vance', 0.3],
        ['MISC', 'The Bram Stuff', 0.3],
      ]),
    ).toEqual(['PERSON Dorian Wexley: Dorian Wexley']);
  });

  it('keeps a first name NER doubted and the surname it saw after it as a person, however unsure it was of both', () => {
    const text = 'Lab\nThe network was designed by Orla Brisk at the lab.';
    expect(
      shapes(text, [
        ['MISC', 'Orla', 0.3],
        ['PER', 'Brisk', 0.3],
      ]),
    ).toEqual(['PERSON Orla Brisk: Orla Brisk']);
  });

  it('takes a plural of initials for no person', () => {
    const text = 'Chips\nThe models ran on Intel CPUs and older NPUs.';
    expect(
      shapes(text, [
        ['PER', 'Intel CPUs'],
        ['PER', 'NPUs', 0.8],
      ]),
    ).toEqual(['ORGANIZATION Intel: Intel']);
  });

  it('reads a web address as a company’s name, and the words after it as one name with it', () => {
    const text = 'Venues\nThe final is at the Velto.com Arena. Parcelo.com said sales rose.';
    expect(
      shapes(text, [
        ['LOC', 'Velto'],
        ['PER', 'Arena', 0.4],
        ['LOC', 'Parcelo'],
      ]),
    ).toEqual(['PLACE Velto.com Arena: Velto.com Arena', 'ORGANIZATION Parcelo.com: Parcelo.com']);
  });

  it('joins a body’s name NER doubted, its "for" and what it is for', () => {
    const text = 'Research\nScientists at the Kessler Institute for Marine Biology found the reef.';
    expect(
      shapes(text, [
        ['PER', 'Kessler Institute', 0.3],
        ['ORG', 'Marine Biology', 0.25],
      ]),
    ).toEqual(['ORGANIZATION Kessler Institute for Marine Biology: Kessler Institute for Marine Biology']);
  });

  it('joins a name NER ended on "of" with the name after it, but keeps a peer and the place of his title apart', () => {
    const text = 'Science\nShe works at the Broad Hall of Tessam. Lord Ashby of Selby spoke.';
    expect(
      shapes(text, [
        ['ORG', 'Broad Hall of'],
        ['ORG', 'Tessam'],
        ['LOC', 'Lord Ashby of'],
        ['LOC', 'Selby'],
      ]),
    ).toEqual(['ORGANIZATION Broad Hall of Tessam: Broad Hall of Tessam', 'PERSON Ashby: Ashby', 'PLACE Selby: Selby']);
  });

  it('joins a name to a company’s name NER started at its middle', () => {
    const text = 'Cloud\nDemand at Talon Cloud Services grew.';
    expect(
      shapes(text, [
        ['ORG', 'Talon'],
        ['ORG', 'Cloud Services'],
      ]),
    ).toEqual(['ORGANIZATION Talon Cloud Services: Talon Cloud Services']);
  });

  it('joins given names, a Romance particle and the surnames NER doubted into one person', () => {
    const text = 'Obituary\nLuis Andrés de la Fuente Ortiz was a novelist. Fuente Ortiz was born in 1931.';
    expect(
      shapes(text, [
        ['PER', 'Luis Andrés'],
        ['ORG', 'Fuente Ortiz', 0.4],
        ['ORG', 'Fuente Ortiz', 0.5],
      ]),
    ).toEqual(['PERSON Luis Andrés de la Fuente Ortiz: Luis Andrés de la Fuente Ortiz, Fuente Ortiz']);
  });

  it('joins a nationality word and a sea’s head word into the sea’s name, not a mention of the nation', () => {
    const text = 'Shipping\nStorms closed the Norwegian Sea to trawlers.';
    expect(shapes(text, [['MISC', 'Norwegian']])).toEqual(['PLACE Norwegian Sea: Norwegian Sea']);
  });

  it('reads a prize’s field as part of its name', () => {
    const text = 'Honours\nShe won the Halden Prize in Physics in 2020.';
    expect(shapes(text, [['MISC', 'Halden Prize']])).toEqual(['AWARD Halden Prize in Physics: Halden Prize in Physics']);
  });

  it('joins a lone club suffix to the club’s name', () => {
    const text = 'Football\nAtletico Varna FC won again.';
    expect(
      shapes(text, [
        ['ORG', 'Atletico Varna'],
        ['ORG', 'FC', 0.4],
      ]),
    ).toEqual(['ORGANIZATION Atletico Varna FC: Atletico Varna FC']);
  });
});

describe('buildEntities: monarchs, popes and peers', () => {
  it('reads a first name and its regnal number as one person, and a first name after a monarch’s title as a person', () => {
    const text = 'Chronicle\nKing Aldric II died in 1102. Edmund VIII and Pope Tobias XIV met. Queen Matilda wrote to them.';
    expect(
      shapes(text, [
        ['PER', 'Aldric', 0.2],
        ['PER', 'Edmund'],
        ['PER', 'VIII', 0.4],
        ['ORG', 'Pope Tobias XIV', 0.3],
        ['LOC', 'Matilda', 0.5],
      ]),
    ).toEqual([
      'PERSON Aldric II: Aldric II [King]',
      'PERSON Edmund VIII: Edmund VIII',
      'PERSON Tobias XIV: Tobias XIV [Pope]',
      'PERSON Matilda: Matilda [Queen]',
    ]);
  });

  it('does not read teams in a headline, or a station named after a monarch, as one', () => {
    const text = 'Cricket\nDORIAN V KESWICK ENDED. He left from King Rowan station.';
    expect(
      shapes(text, [
        ['LOC', 'DORIAN'],
        ['LOC', 'KESWICK'],
        ['LOC', 'Rowan', 0.6],
      ]),
    ).toEqual(['PLACE DORIAN: DORIAN', 'PLACE KESWICK: KESWICK', 'PLACE Rowan: Rowan']);
  });

  it('takes a peer for a person, whatever NER called the title and surname', () => {
    const text = 'Lords\nLord Wexley said the bill was flawed. Lord Wexley later voted against it.';
    expect(
      shapes(text, [
        ['LOC', 'Lord Wexley'],
        ['ORG', 'Lord Wexley'],
      ]),
    ).toEqual(['PERSON Wexley: Wexley, Wexley']);
  });

  it('takes a title of a place for the person holding it, unless a name beside it says who that is', () => {
    const text = 'Visit\nThe Duke of Ardmore said he was delighted. Rowan, the Earl of Tessam, was not. The Mayor of Kelso, Anna Brisk, stayed away.';
    expect(
      shapes(text, [
        ['ORG', 'Duke of Ardmore'],
        ['PER', 'Rowan'],
        ['ORG', 'Earl of Tessam'],
        ['ORG', 'Mayor of Kelso'],
        ['PER', 'Anna Brisk'],
      ]),
    ).toEqual(['PERSON Duke of Ardmore: Duke of Ardmore', 'PERSON Rowan: Rowan', 'PERSON Anna Brisk: Anna Brisk']);
  });
});

describe('buildEntities: kinds from the words around a name', () => {
  it('takes a name ending in a company’s suffix for a company whatever NER called it', () => {
    const text = 'Markets\nShares in Marlow-Keyes Holdings rose.';
    expect(shapes(text, [['LOC', 'Marlow-Keyes Holdings', 0.25]])).toEqual(['ORGANIZATION Marlow-Keyes Holdings: Marlow-Keyes Holdings']);
  });

  it('takes what a body has a part in or a job with for a company, not a place', () => {
    const text = 'Tech\nVexa is a subsidiary of Zentrix. Omar Dale, an analyst at Corvane, agreed. She lives in Brinmoor.';
    expect(
      shapes(text, [
        ['ORG', 'Vexa'],
        ['LOC', 'Zentrix'],
        ['PER', 'Omar Dale'],
        ['LOC', 'Corvane'],
        ['LOC', 'Brinmoor'],
      ]),
    ).toEqual([
      'ORGANIZATION Vexa: Vexa',
      'ORGANIZATION Zentrix: Zentrix',
      'PERSON Omar Dale: Omar Dale [analyst at Corvane] (Corvane)',
      'ORGANIZATION Corvane: Corvane',
      'PLACE Brinmoor: Brinmoor',
    ]);
  });

  it('takes a company the knowledge base knows and a word after it for the company’s part, and a writer’s paper for a body', () => {
    const text = 'Labs\nShe moved to Google Ravenwing in 2019. He is a journalist for El Carmesí.';
    expect(
      shapes(text, [
        ['LOC', 'Google Ravenwing', 0.5],
        ['LOC', 'El Carmesí', 0.5],
      ]),
    ).toEqual(['ORGANIZATION Google Ravenwing: Google Ravenwing', 'ORGANIZATION El Carmesí: El Carmesí']);
  });

  it('does not take a region a party sweeps for a team', () => {
    const text = 'Results\nThe Progressive Front swept Vandara, and its leader resigned.';
    expect(
      shapes(text, [
        ['ORG', 'Progressive Front'],
        ['LOC', 'Vandara'],
      ]),
    ).toEqual(['ORGANIZATION Progressive Front: Progressive Front', 'PLACE Vandara: Vandara']);
  });

  it('takes a name with a model’s letters and digits for a product, not a person', () => {
    const text = 'Phones\nThe Nimbus X40 Ultra beats both on battery life.';
    expect(shapes(text, [['PER', 'Nimbus X40 Ultra', 0.6]])).toEqual(['PRODUCT Nimbus X40 Ultra: Nimbus X40 Ultra']);
  });

  it('takes what a company makes for a product', () => {
    const text = 'Drugs\nRegulators approved Velorin, made by Corvane, on Monday.';
    expect(
      shapes(text, [
        ['LOC', 'Velorin', 0.6],
        ['ORG', 'Corvane'],
      ]),
    ).toEqual(['PRODUCT Velorin: Velorin', 'ORGANIZATION Corvane: Corvane']);
  });

  it('takes a name NER cut before a company’s suffix for the company', () => {
    const text = 'Housing\nThe estate is led by Dorian Homes with the council.';
    expect(shapes(text, [['PER', 'Dorian', 0.7]])).toEqual(['ORGANIZATION Dorian Homes: Dorian Homes']);
  });

  it('takes what a study was published in for a journal', () => {
    const text = 'Study\nThe results were published in Lumen last week.';
    expect(shapes(text, [['LOC', 'Lumen', 0.6]])).toEqual(['ORGANIZATION Lumen: Lumen']);
  });

  it('takes a name with a year in brackets for a work, with the title words NER left out before it', () => {
    const text = 'Novels\nHis books include Summer in the House of Ravens (1967) and Ashfall (1985). The director of Public Works resigned.';
    expect(
      shapes(text, [
        ['ORG', 'House of Ravens', 0.5],
        ['ORG', 'Ashfall', 0.4],
      ]),
    ).toEqual(['WORK Summer in the House of Ravens: Summer in the House of Ravens', 'WORK Ashfall: Ashfall']);
  });

  it('takes what a record award was for for a work', () => {
    const text = 'Awards\nShe won Album of the Year for Driftglass.';
    expect(shapes(text, [['ORG', 'Driftglass', 0.5]])).toEqual(['WORK Driftglass: Driftglass']);
  });
});

describe('buildEntities: one identity for one thing', () => {
  it('joins a team’s nickname and its home’s name to the team’s full name, but not a party’s last word', () => {
    const text = 'Basketball\nThe Harbor City Comets beat the Comets of old. Harbor City led at half-time. The Social Progressives and the Progressives met.';
    expect(
      shapes(text, [
        ['ORG', 'Harbor City Comets'],
        ['ORG', 'Comets'],
        ['ORG', 'Harbor City'],
        ['ORG', 'Social Progressives'],
        ['ORG', 'Progressives'],
      ]),
    ).toEqual([
      'ORGANIZATION Harbor City Comets: Harbor City Comets, Comets, Harbor City',
      'ORGANIZATION Social Progressives: Social Progressives',
      'ORGANIZATION Progressives: Progressives',
    ]);
  });

  it('takes no body for a team’s home ("… Trust Backs" is a headline’s verb)', () => {
    const text = 'Tessam Trust Backs Ferry\nThe Tessam Trust said it would pay for the ferry.';
    expect(
      shapes(text, [
        ['ORG', 'Tessam Trust Backs', 0.9],
        ['ORG', 'Tessam Trust'],
      ]),
    ).toEqual(['ORGANIZATION Tessam Trust Backs: Tessam Trust Backs', 'ORGANIZATION Tessam Trust: Tessam Trust']);
  });

  it('joins a company’s short name to its longer names when each starts the longest, not to two companies', () => {
    const text =
      'Deals\nFenwick Entertainment Group bid. Fenwick shares rose and Fenwick Entertainment gained. Ravel Industries and Ravel Energy split; Ravel said so.';
    expect(
      shapes(text, [
        ['ORG', 'Fenwick Entertainment Group'],
        ['ORG', 'Fenwick'],
        ['ORG', 'Fenwick Entertainment'],
        ['ORG', 'Ravel Industries'],
        ['ORG', 'Ravel Energy'],
        ['ORG', 'Ravel'],
      ]),
    ).toEqual([
      'ORGANIZATION Fenwick Entertainment Group: Fenwick Entertainment Group, Fenwick, Fenwick Entertainment',
      'ORGANIZATION Ravel Industries: Ravel Industries',
      'ORGANIZATION Ravel Energy: Ravel Energy',
      'ORGANIZATION Ravel: Ravel',
    ]);
  });

  it('keeps a person a title names a person, whatever NER called the name elsewhere', () => {
    const text = 'Donors\nThe gift from Ferrow pleased the party, and Ferrow was thanked. Lord Ferrow said he was glad to help.';
    expect(
      shapes(text, [
        ['ORG', 'Ferrow', 0.7],
        ['ORG', 'Ferrow', 0.7],
        ['ORG', 'Lord Ferrow', 0.6],
      ]),
    ).toEqual(['PERSON Ferrow: Ferrow, Ferrow, Ferrow']);
  });

  it('joins an award’s name with and without "Awards"', () => {
    const text = 'Music\nThe Tellus Awards were held. She won her first Tellus Award.';
    expect(
      shapes(text, [
        ['MISC', 'Tellus Awards'],
        ['MISC', 'Tellus Award'],
      ]),
    ).toEqual(['AWARD Tellus Awards: Tellus Awards, Tellus Award']);
  });

  it('joins a person’s name with and without the middle names, or with one part of a double surname', () => {
    const text = 'Profile\nMarta Liese Vollmer-Rand is a chemist. Marta Rand grew up in a village. Tobias Kane met Tobias Ezra Kane.';
    expect(
      shapes(text, [
        ['PER', 'Marta Liese Vollmer-Rand'],
        ['PER', 'Marta Rand'],
        ['PER', 'Tobias Kane'],
        ['PER', 'Tobias Ezra Kane'],
      ]),
    ).toEqual(['PERSON Marta Liese Vollmer-Rand: Marta Liese Vollmer-Rand, Marta Rand', 'PERSON Tobias Ezra Kane: Tobias Kane, Tobias Ezra Kane']);
  });
});
