import { definedKind } from '../../src/extract/entities/definedKind.js';
import { shapesOf as shapes } from './entitiesHelpers.js';

describe('definedKind: what a sentence defines a name as', () => {
  it.each([
    [' is a Chinese-American computer scientist known for', 'PERSON'],
    [' (1867 – 1934) was a Polish and naturalised-French physicist and chemist who', 'PERSON'],
    [', an English rock band formed in 1985', 'ORGANIZATION'],
    [' is a Japanese multinational automotive manufacturer headquartered in', 'ORGANIZATION'],
    [' is an epic high fantasy novel by the author', 'WORK'],
    [' is the largest river by discharge', 'PLACE'],
    [' is a dormant volcano in Tanzania.', 'PLACE'],
    [' was a band drummer', 'PERSON'],
    [' is a two-door, rear-engine economy car produced by', 'PRODUCT'],
    [' (25 July 1920 – 16 April 1958) was a British chemist and X-ray crystallographer whose', 'PERSON'],
    [' is an American crime drama television series created by', 'WORK'],
  ])('%j defines a %s', (after, kind) => {
    expect(definedKind('', after)).toBe(kind);
  });

  it.each([
    [' is a member of the alliance'],
    [" is the world's third-largest producer of nickel"],
    [' is a series of islands'],
    [' were the official opposition and the Liberals were the third party'],
    [' was a drug dealer'],
    [' is the single biggest donor'],
    [' is a 140,000-acre estate across 25 counties'],
    [' is a good deal, the company said'],
    [', the company said'],
  ])('%j defines nothing', (after) => {
    expect(definedKind('', after)).toBeNull();
  });

  it('reads no definition of a name after a preposition: the name is not what the sentence defines', () => {
    expect(definedKind('The war in ', ' is a country at war')).toBeNull();
    expect(definedKind('', ' is a country at war')).toBe('PLACE');
  });
});

describe('buildEntities: names in reference-style text', () => {
  it('gives a name the kind a sentence defines it as, in every mention, whatever NER said', () => {
    const text = 'Quorin Vell\nQuorin Vell is a Chinese-American computer scientist. Vell was born in Chengdu.';
    expect(
      shapes(text, [
        ['ORG', 'Quorin Vell', 0.3],
        ['ORG', 'Quorin Vell', 0.6],
        ['PER', 'Vell', 0.6],
        ['LOC', 'Chengdu'],
      ]),
    ).toEqual(['PERSON Quorin Vell: Quorin Vell, Quorin Vell, Vell', 'PLACE Chengdu: Chengdu']);
  });

  it('reads a work, a band and a volcano from their definitions', () => {
    const text =
      'Osk\nThe Lantern of Osk is an epic fantasy novel by Mara Quill. Brellweather, an English rock band, recorded it. Tarnow Vale is a dormant volcano.';
    expect(
      shapes(text, [
        ['ORG', 'Lantern of Osk', 0.5],
        ['PER', 'Mara Quill'],
        ['PER', 'Brellweather', 0.6],
        ['PER', 'Tarnow Vale', 0.6],
      ]),
    ).toEqual([
      // (A capital "The" opening a sentence is the sentence's.)
      'WORK Lantern of Osk: Lantern of Osk',
      'PERSON Mara Quill: Mara Quill',
      'ORGANIZATION Brellweather: Brellweather',
      'PLACE England: English',
      'PLACE Tarnow Vale: Tarnow Vale',
    ]);
  });

  it('joins a name ending on an initial to the rest of it, and a name to a firm’s "& …"', () => {
    const text = 'Books\nThe novel by A. B. C. Morrow was published by Harlow & Finch in 1954.';
    expect(
      shapes(text, [
        ['PER', 'A. B.', 0.6],
        ['PER', 'C. Morrow', 0.6],
        ['PER', 'Harlow', 0.5],
        ['ORG', '& Finch', 0.7],
      ]),
    ).toEqual(['PERSON A. B. C. Morrow: A. B. C. Morrow', 'ORGANIZATION Harlow & Finch: Harlow & Finch']);
  });

  it('joins no holiday to an "& …" NER started after it', () => {
    const text = 'Shops\nThe Christmas & New Year Trading Bill was debated.';
    expect(
      shapes(text, [
        ['PER', 'Christmas', 0.4],
        ['ORG', '& New Year', 0.3],
      ]),
    ).not.toContain('ORGANIZATION Christmas & New Year: Christmas & New Year');
  });

  it('reads a given name and an epithet as one person', () => {
    const text = 'Survey\nThe survey was ordered by William the Conqueror in 1085.';
    expect(
      shapes(text, [
        ['LOC', 'William', 0.3],
        ['LOC', 'Conqueror', 0.4],
      ]),
    ).toEqual(['PERSON William the Conqueror: William the Conqueror']);
  });

  it('reads prizes as an award, a town named after its company and natural features as places', () => {
    const text = 'Prizes\nShe won two Marion Prizes. Nissan City lies near Nevado Quilca and Greater Dunmore.';
    expect(
      shapes(text, [
        ['MISC', 'Marion Prizes', 0.4],
        ['LOC', 'Nissan City', 0.8],
        ['ORG', 'Nevado Quilca', 0.5],
        ['PER', 'Greater Dunmore', 0.5],
      ]),
    ).toEqual([
      'AWARD Marion Prizes: Marion Prizes',
      'PLACE Nissan City: Nissan City',
      'PLACE Nevado Quilca: Nevado Quilca',
      'PLACE Greater Dunmore: Greater Dunmore',
    ]);
  });

  it('finds a name NER missed that opens a sentence defining it, but no common word opening one', () => {
    const text = 'Brellweather\nBrellweather was an English rock band. It was a hit. Yesterday, a spokesman said so.';
    expect(shapes(text, [])).toEqual(['ORGANIZATION Brellweather: Brellweather, Brellweather', 'PLACE England: English']);
  });

  it('keeps a company after a first name alone as the surname of the person, but splits a party off a name', () => {
    const text = 'Cars\nThe design was given to Ferdinand Porsche. Later Blair Labour won again.';
    expect(
      shapes(text, [
        ['PER', 'Ferdinand Porsche'],
        ['PER', 'Blair Labour'],
      ]),
    ).toEqual(['PERSON Ferdinand Porsche: Ferdinand Porsche', 'PERSON Blair: Blair', 'ORGANIZATION Labour Party: Labour']);
    expect(shapes('Zoo\nPolice named Trevor Holland on Friday.', [['PER', 'Trevor Holland']])).toEqual(['PERSON Trevor Holland: Trevor Holland']);
  });

  it('reads a prefecture and a centre NER took for a person as places, and a name after a body’s noun as the body’s', () => {
    const text = 'Kansai\nNagano Prefecture funds the Orlan Space Center. The album came out on the Seattle label Sub Marrow.';
    expect(
      shapes(text, [
        ['PER', 'Nagano Prefecture', 0.6],
        ['PER', 'Orlan Space Center', 0.6],
        ['PER', 'Sub Marrow', 0.5],
      ]),
    ).toEqual(['PLACE Nagano Prefecture: Nagano Prefecture', 'PLACE Orlan Space Center: Orlan Space Center', 'ORGANIZATION Sub Marrow: Sub Marrow']);
  });

  it('keeps a name the sentence defines from a person whose surname it is', () => {
    const text = 'Marlow\nMarlow is the capital of the state. The city was named after Edwin T. Marlow, its founder.';
    expect(
      shapes(text, [
        ['LOC', 'Marlow', 0.6],
        ['LOC', 'Marlow', 0.6],
        ['PER', 'Edwin T. Marlow'],
      ]),
    ).toEqual(['PLACE Marlow: Marlow, Marlow', 'PERSON Edwin T. Marlow: Edwin T. Marlow [founder] (Marlow)']);
  });

  it('reads a spin-off as a work and a county as a place, and "Whoever" opens no name', () => {
    const text = 'Shows\nThe series was followed by the spin-off Better Call Orlo. Brakeman County is a county in Ohio. Whoever is the winner will be.';
    expect(
      shapes(text, [
        ['PER', 'Better Call Orlo', 0.6],
        ['PER', 'Brakeman County', 0.6],
        ['LOC', 'Ohio'],
      ]),
    ).toEqual(['WORK Better Call Orlo: Better Call Orlo', 'PLACE Brakeman County: Brakeman County', 'PLACE Ohio: Ohio']);
  });
});
