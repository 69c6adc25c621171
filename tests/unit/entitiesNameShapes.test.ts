import { shapesOf as shapes } from './entitiesHelpers.js';

describe('buildEntities: what a name’s own words say of its kind', () => {
  it('takes a street, a structure or a natural feature for a place, unless a first name makes it a person', () => {
    const text =
      'Road works\nTraffic on Harwick Street and the Vettmark Bridge stopped. Flights left Talbrook Airport for the Ember Valley. Dame Edna Castle, who chairs the council, complained.';
    expect(
      shapes(text, [
        ['ORG', 'Harwick Street'],
        ['PER', 'Vettmark Bridge'],
        ['ORG', 'Talbrook Airport'],
        ['ORG', 'Ember Valley'],
        ['PER', 'Dame Edna Castle'],
      ]),
    ).toEqual([
      'PLACE Harwick Street: Harwick Street',
      'PLACE Vettmark Bridge: Vettmark Bridge',
      'PLACE Talbrook Airport: Talbrook Airport',
      'PLACE Ember Valley: Ember Valley',
      'PERSON Edna Castle: Edna Castle',
    ]);
  });

  it('takes an instrument or a craft named after a person for a thing, not the person', () => {
    const text = 'Images\nThe Halvard Mersey Space Telescope sent its first images on Monday.';
    expect(shapes(text, [['PER', 'Halvard Mersey Space Telescope']])).toEqual(['PRODUCT Halvard Mersey Space Telescope: Halvard Mersey Space Telescope']);
  });

  it('takes a name opening with a word place names open with for a place, though NER saw a person', () => {
    const text = 'Campus\nShe studied at the University of Norland, Santa Orvieta, and later at Fort Kessel.';
    expect(
      shapes(text, [
        ['ORG', 'University of Norland'],
        ['PER', 'Santa Orvieta'],
        ['PER', 'Fort Kessel'],
      ]),
    ).toEqual(['ORGANIZATION University of Norland: University of Norland', 'PLACE Santa Orvieta: Santa Orvieta', 'PLACE Fort Kessel: Fort Kessel']);
  });

  it('takes a state named by its form for a place, but not a duchy or a numbered regime', () => {
    const text =
      'History\nThe Kingdom of Varnia fell, and the Ostrian Empire took its lands. The Duchy of Kell kept its estates. The Second Empire ended in 1870.';
    expect(
      shapes(text, [
        ['ORG', 'Kingdom of Varnia'],
        ['MISC', 'Ostrian Empire'],
        ['ORG', 'Duchy of Kell'],
        ['MISC', 'Second Empire'],
      ]),
    ).toEqual(['PLACE Kingdom of Varnia: Kingdom of Varnia', 'PLACE Ostrian Empire: Ostrian Empire', 'ORGANIZATION Duchy of Kell: Duchy of Kell']);
  });

  it('takes a name NER saw as a person’s for a company’s when it ends with a company’s suffix, and its affiliation follows', () => {
    const text = 'Coal\nThe suit names Holloway Energy. "Demand is falling," said Mark Oduya, an analyst at Jenner Securities.';
    expect(
      shapes(text, [
        ['PER', 'Holloway Energy', 0.34],
        ['PER', 'Mark Oduya'],
        ['PER', 'Jenner Securities'],
      ]),
    ).toEqual([
      'ORGANIZATION Holloway Energy: Holloway Energy',
      'PERSON Mark Oduya: Mark Oduya [analyst at Jenner Securities] (Jenner Securities)',
      'ORGANIZATION Jenner Securities: Jenner Securities',
    ]);
  });

  it('reads a company’s suffix NER cut off as a person with the capitalised words before it, but not across a possessive', () => {
    const text = 'Suppliers\nOthers include Lena Ruiz of Brandt Foods and Ike Moss, formerly of Basic Coastal Foods. Mr Patel’s Orvo Holdings gained.';
    expect(
      shapes(text, [
        ['PER', 'Lena Ruiz'],
        ['PER', 'Foods'],
        ['PER', 'Ike Moss'],
        ['PER', 'Foods'],
        ['PER', 'Patel'],
        ['ORG', 'Orvo'],
        ['ORG', 'Holdings'],
      ]),
    ).toEqual([
      'PERSON Lena Ruiz: Lena Ruiz (Brandt Foods)',
      'ORGANIZATION Brandt Foods: Brandt Foods',
      'PERSON Ike Moss: Ike Moss',
      'ORGANIZATION Basic Coastal Foods: Basic Coastal Foods',
      'PERSON Patel: Patel',
      'ORGANIZATION Orvo Holdings: Orvo Holdings',
    ]);
  });

  it('joins a company’s suffix NER tagged alone to the name NER cut before it', () => {
    const text = 'Cloud\nDemand from Corvin Web Services kept growing.';
    expect(
      shapes(text, [
        ['LOC', 'Corvin', 0.77],
        ['ORG', 'Services', 0.52],
      ]),
    ).toEqual(['ORGANIZATION Corvin Web Services: Corvin Web Services']);
  });

  it('takes "Best" and a category word for an award, but not a shop named "Best …"', () => {
    const text = 'Awards\nIt won Best Original Score and Best Animated Feature. Shares in Best Harbor rose.';
    expect(
      shapes(text, [
        ['ORG', 'Best Original Score'],
        ['MISC', 'Best Animated Feature'],
        ['ORG', 'Best Harbor'],
      ]),
    ).toEqual([
      'AWARD Best Original Score: Best Original Score',
      'AWARD Best Animated Feature: Best Animated Feature',
      'ORGANIZATION Best Harbor: Best Harbor',
    ]);
  });

  it('takes a battle and a war for events, not the places they are named after, but not a ministry of war', () => {
    const text = 'History\nAfter the Battle of Orvel Bridge and the Varnian War, the Ministry of War was closed.';
    expect(
      shapes(text, [
        ['LOC', 'Battle of Orvel Bridge'],
        ['LOC', 'Varnian War'],
        ['ORG', 'Ministry of War'],
      ]),
    ).toEqual(['EVENT Battle of Orvel Bridge: Battle of Orvel Bridge', 'EVENT Varnian War: Varnian War', 'ORGANIZATION Ministry of War: Ministry of War']);
  });

  it('never runs a name across a line break inside a paragraph', () => {
    const text = 'Launch\nAbout Quell Labs\nQuell Labs builds robots.';
    expect(shapes(text, [['PER', 'Quell Labs\nQuell Labs']])).toEqual(['ORGANIZATION Quell Labs: Quell Labs, Quell Labs']);
  });

  it('takes the company after "-based" inside a name for the name, without its home', () => {
    const text = 'Games\nShares in Marlow Bay-based Quintor rose.';
    expect(shapes(text, [['PER', 'Marlow Bay-based Quintor']])).toEqual(['ORGANIZATION Quintor: Quintor']);
  });

  it('takes a title after a work noun and a comma for a work', () => {
    const text = 'Albums\nTheir third album, Glass Harbour, sold well.';
    expect(shapes(text, [['ORG', 'Glass Harbour']])).toEqual(['WORK Glass Harbour: Glass Harbour']);
  });
});

describe('buildEntities: names NER cut in two', () => {
  it('joins a first name and a middle name to the one word NER started again after them', () => {
    const text = 'Prize\nMarie Teodora Vashenko-Lind won the prize. Vashenko-Lind thanked her team.';
    expect(
      shapes(text, [
        ['PER', 'Marie Teodora'],
        ['PER', 'Vashenko-Lind'],
        ['PER', 'Vashenko-Lind'],
      ]),
    ).toEqual(['PERSON Marie Teodora Vashenko-Lind: Marie Teodora Vashenko-Lind, Vashenko-Lind']);
  });

  it('joins a first name NER doubted as a place or an organization to the person’s name after it', () => {
    const text = 'Match\nA corner from Trent Orlov-Hale gave them the lead, and Ravi Sukdeo scored.';
    expect(
      shapes(text, [
        ['LOC', 'Trent', 0.44],
        ['PER', 'Orlov-Hale', 0.3],
        ['ORG', 'Ravi', 0.3],
        ['PER', 'Sukdeo'],
      ]),
    ).toEqual(['PERSON Trent Orlov-Hale: Trent Orlov-Hale', 'PERSON Ravi Sukdeo: Ravi Sukdeo']);
  });

  it('reads a surname NER started at the second of two particles with the first name and the particle before it', () => {
    const text = 'Talks\nThe minister met Ilse von der Marwitz in Brussels.';
    expect(
      shapes(text, [
        ['LOC', 'Ilse', 0.4],
        ['PER', 'der Marwitz'],
        ['LOC', 'Brussels'],
      ]),
    ).toEqual(['PERSON Ilse von der Marwitz: Ilse von der Marwitz', 'PLACE Brussels: Brussels']);
  });

  it('joins two names of one type across a Romance particle, not two of different types', () => {
    const text = 'Derby\nThey play at the Estádio do Ravelo. Talks between Orvasa de Marbel ended.';
    expect(
      shapes(text, [
        ['LOC', 'Estádio'],
        ['LOC', 'Ravelo'],
        ['ORG', 'Orvasa'],
        ['LOC', 'Marbel'],
      ]),
    ).toEqual(['PLACE Estádio do Ravelo: Estádio do Ravelo', 'ORGANIZATION Orvasa: Orvasa', 'PLACE Marbel: Marbel']);
  });

  it('takes a foreign courtesy title off a name', () => {
    const text = 'Hotel\nThe concierge, Monsieur Gustave Arlenne, and Herr Otto Brenn met.';
    expect(
      shapes(text, [
        ['PER', 'Monsieur Gustave Arlenne'],
        ['PER', 'Herr Otto Brenn'],
      ]),
    ).toEqual(['PERSON Gustave Arlenne: Gustave Arlenne', 'PERSON Otto Brenn: Otto Brenn']);
  });

  it('takes a plural title before a list of names off the first name', () => {
    const text = 'Ruling\nThe opinion was joined by Justices Clara Moyne, Samuel Okafor and Ruth Danby.';
    expect(
      shapes(text, [
        ['PER', 'Justices Clara Moyne'],
        ['PER', 'Samuel Okafor'],
        ['PER', 'Ruth Danby'],
      ]),
    ).toEqual(['PERSON Clara Moyne: Clara Moyne', 'PERSON Samuel Okafor: Samuel Okafor', 'PERSON Ruth Danby: Ruth Danby']);
  });
});

describe('buildEntities: people named by a first name after a relative', () => {
  it('finds a first name after "his brother", "my wife" …, but not a longer name or a word that is no first name', () => {
    const text = 'Family\nWhile Dara Quell leads, his brother Orrin advises her. My sister Jane Tolliver came, and her son Harbour stayed.';
    expect(
      shapes(text, [
        ['PER', 'Dara Quell'],
        ['PER', 'Jane Tolliver'],
      ]),
    ).toEqual(['PERSON Dara Quell: Dara Quell', 'PERSON Orrin: Orrin', 'PERSON Jane Tolliver: Jane Tolliver']);
  });
});
