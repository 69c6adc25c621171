/** Unit tests for the quote-attribution stage, on sentences written for these tests. */
import { attributeQuotes } from '../../src/extract/quotes/attributeQuotes.js';
import { findCapitalisedNames } from '../../src/extract/quotes/findCapitalisedNames.js';
import type { AttributedQuote, NameSpan } from '../../src/extract/quotes/types.js';
import { paragraphsOf } from '../support/paragraphsOf.js';

function run(text: string, names?: NameSpan[]): AttributedQuote[] {
  return attributeQuotes(text, paragraphsOf(text), names ?? findCapitalisedNames(text));
}

/** Every span must be a faithful slice of the text. */
function checkOffsets(text: string, quotes: AttributedQuote[]): void {
  for (const q of quotes) {
    expect(text.slice(q.start, q.end)).toBe(q.text);
    if (q.cue) expect(text.slice(q.cue.start, q.cue.end)).toBe(q.cue.text);
    if (q.speaker) {
      expect(text.slice(q.speaker.mention.start, q.speaker.mention.end)).toBe(q.speaker.mention.text);
      const a = q.speaker.antecedent;
      if (a) expect(text.slice(a.start, a.end)).toBe(a.text);
    }
  }
}

function name(text: string, word: string, type: NameSpan['type'], from = 0): NameSpan {
  const start = text.indexOf(word, from);
  return { start, end: start + word.length, text: word, type };
}

describe('quote marks', () => {
  test('curly double quotes, cue after the quote', () => {
    const t = '“The bridge will reopen in May,” Maria Okafor said on Tuesday.';
    const q = run(t);
    checkOffsets(t, q);
    expect(q).toHaveLength(1);
    expect(q[0]!.text).toBe('The bridge will reopen in May,');
    expect(q[0]!.kind).toBe('DIRECT');
    expect(q[0]!.cue?.text).toBe('said');
    expect(q[0]!.speaker?.mention.text).toBe('Maria Okafor');
    expect(q[0]!.speaker?.form).toBe('NAME');
  });

  test('straight double quotes, speaker after the cue', () => {
    const t = '"Prices are falling faster than we expected," said Tom Reyes, an economist at the bank.';
    const q = run(t);
    checkOffsets(t, q);
    expect(q).toHaveLength(1);
    expect(q[0]!.text).toBe('Prices are falling faster than we expected,');
    expect(q[0]!.speaker?.mention.text).toBe('Tom Reyes');
  });

  test('apostrophes in words, possessives and decades are not quote marks', () => {
    const t = "Britain’s mayor said the city's rail plan, born in the '90s, \"can't wait for the voters' verdict\" and the ministers’ report.";
    const q = run(t);
    checkOffsets(t, q);
    expect(q).toHaveLength(1);
    expect(q[0]!.text).toBe("can't wait for the voters' verdict");
    expect(q[0]!.kind).toBe('PARTIAL');
  });

  test('single-quoted quote nested inside a double quote stays part of it', () => {
    const t = '“She told me, ‘We are not leaving,’ and then she left,” the neighbour said.';
    const q = run(t);
    checkOffsets(t, q);
    expect(q).toHaveLength(1);
    expect(q[0]!.text).toBe('She told me, ‘We are not leaving,’ and then she left,');
    expect(q[0]!.speaker?.form).toBe('DESCRIPTION');
    expect(q[0]!.speaker?.mention.text).toBe('the neighbour');
  });

  test('a quote over several paragraphs, reopened each time and closed once', () => {
    const t = [
      'Harriet Lune, the harbour master, described the storm.',
      '',
      '“The first wave hit the wall at midnight.',
      '',
      '“By dawn the pier was gone.',
      '',
      '“Nobody was hurt, which is a miracle.”',
    ].join('\n');
    const q = run(t);
    checkOffsets(t, q);
    expect(q.map((x) => x.text)).toEqual(['The first wave hit the wall at midnight.', 'By dawn the pier was gone.', 'Nobody was hurt, which is a miracle.']);
    expect(q.map((x) => x.paragraphIndex)).toEqual([1, 2, 3]);
    for (const x of q) expect(x.kind).toBe('DIRECT');
    expect(q[1]!.speaker?.mention).toEqual(q[0]!.speaker?.mention);
    expect(q[2]!.speaker?.antecedent).not.toBeNull();
  });

  test('CRLF text keeps offsets exact', () => {
    const t = 'The council met on Monday.\r\n\r\n"We will cut the fares," Councillor Ada Brook said.\r\n';
    const q = run(t);
    checkOffsets(t, q);
    expect(q).toHaveLength(1);
    expect(q[0]!.text).toBe('We will cut the fares,');
    expect(q[0]!.paragraphIndex).toBe(1);
    expect(q[0]!.speaker?.mention.text).toContain('Ada Brook');
  });
});

describe('DIRECT and PARTIAL', () => {
  test('a fragment inside the writer’s sentence is PARTIAL', () => {
    const t = 'The island threatened “swift” trade measures against its neighbour.';
    const names = [name(t, 'The island', 'LOC')];
    const q = run(t, []);
    checkOffsets(t, q);
    expect(q).toHaveLength(1);
    expect(q[0]!.kind).toBe('PARTIAL');
    expect(q[0]!.cue?.text).toBe('threatened');
    expect(names[0]!.text).toBe('The island');
  });

  test('a place threatening a partial quote is a GROUP speaker', () => {
    const t = 'Tensions rose when Freedonia threatened “counter” measures at sea.';
    const q = run(t, [name(t, 'Freedonia', 'LOC')]);
    expect(q[0]!.kind).toBe('PARTIAL');
    expect(q[0]!.speaker?.mention.text).toBe('Freedonia');
    expect(q[0]!.speaker?.form).toBe('GROUP');
  });
});

describe('cues and speakers', () => {
  test('colon after "X announced:"', () => {
    const t = 'Minister Paul Andrade also announced: “The first meeting will take place in June.”';
    const q = run(t);
    expect(q[0]!.kind).toBe('DIRECT');
    expect(q[0]!.cue?.text).toBe('announced');
    expect(q[0]!.speaker?.mention.text).toContain('Paul Andrade');
  });

  test('speaker inside a split quote applies to both halves', () => {
    const t = '“We tried everything,” she said, “but the engine would not start.”';
    const q = run(t, []);
    checkOffsets(t, q);
    expect(q).toHaveLength(2);
    expect(q[1]!.kind).toBe('DIRECT');
    for (const x of q) {
      expect(x.speaker?.form).toBe('PRONOUN');
      expect(x.speaker?.mention.text).toBe('she');
    }
  });

  test('pronoun resolves to the subject of the sentence, even an unnamed one', () => {
    const t = 'The city’s fire chief was asked about the blaze, and she responded by saying, “The crews did everything right.”';
    const q = run(t, []);
    expect(q[0]!.cue?.text).toBe('responded by saying');
    expect(q[0]!.speaker?.form).toBe('PRONOUN');
    expect(q[0]!.speaker?.antecedent?.text).toBe('The city’s fire chief');
  });

  test('pronoun resolves to the latest person name', () => {
    const t = 'Nadia Ferro opened the new clinic on Friday.\n\n“It took us six years,” she added.';
    const names = [name(t, 'Nadia Ferro', 'PER')];
    const q = run(t, names);
    expect(q[0]!.speaker?.mention.text).toBe('she');
    expect(q[0]!.speaker?.antecedent?.text).toBe('Nadia Ferro');
  });

  test('a pronoun skips a nearer name of the other gender', () => {
    const t = 'Nadia Ferro met Mr Okonjo on Friday and showed him the new clinic.\n\n“It took us six years,” she added.';
    const q = run(t, [name(t, 'Nadia Ferro', 'PER'), name(t, 'Okonjo', 'PER')]);
    expect(q[0]!.speaker?.antecedent?.text).toBe('Nadia Ferro');
    const t2 = 'Paul Brandt met Ms Okonjo on Friday and showed her the new clinic.\n\n“It took us six years,” he added.';
    expect(run(t2, [name(t2, 'Paul Brandt', 'PER'), name(t2, 'Okonjo', 'PER')])[0]!.speaker?.antecedent?.text).toBe('Paul Brandt');
  });

  test('a pronoun after reported speech stands for the one reported, not the last one quoted', () => {
    const t = '“We will win,” said Maria Lopez.\n\nThe correspondent Anna Frey said the count was slow. “It could go either way,” she said.';
    const q = run(t, [name(t, 'Maria Lopez', 'PER'), name(t, 'Anna Frey', 'PER')]);
    expect(q.map((x) => x.speaker?.antecedent?.text ?? x.speaker?.mention.text)).toEqual(['Maria Lopez', 'Anna Frey']);
  });

  test('the person a sentence ending in a colon is about says the quote after it', () => {
    const t = 'The debate turned sharp. Rafael Ortiz turned to the moderators: “Your questions are unfair to every candidate here.”';
    expect(run(t, [name(t, 'Rafael Ortiz', 'PER')])[0]!.speaker?.mention.text).toBe('Rafael Ortiz');
  });

  test('a dateline or an opening phrase does not hold the subject', () => {
    const t = 'In an interview with Radio Norte, Elena Vidal defended the plan, saying it would “pay for itself”.';
    expect(run(t, [name(t, 'Radio Norte', 'ORG'), name(t, 'Elena Vidal', 'PER')])[0]!.speaker?.mention.text).toBe('Elena Vidal');
    const t2 = 'LISBON (Wire) — Elena Vidal defended the plan on Monday, saying it would “pay for itself”.';
    expect(run(t2, [name(t2, 'LISBON', 'LOC'), name(t2, 'Elena Vidal', 'PER')])[0]!.speaker?.mention.text).toBe('Elena Vidal');
  });

  test('the one told is not the speaker', () => {
    const t = 'The meeting ran late.\n\n“We will not wait another year,” told Mr Okonjo the minister, later.';
    expect(run(t, [name(t, 'Okonjo', 'PER')])[0]!.speaker).toBeNull();
    const t2 = 'The meeting ran late.\n\n“We will not wait another year,” said Mr Okonjo.';
    expect(run(t2, [name(t2, 'Okonjo', 'PER')])[0]!.speaker?.mention.text).toBe('Okonjo');
  });

  test('role phrase without a name is a DESCRIPTION speaker', () => {
    const t = '“No decision has been made,” a spokesperson for the ministry said.';
    const q = run(t, []);
    expect(q[0]!.speaker?.form).toBe('DESCRIPTION');
    expect(q[0]!.speaker?.mention.text).toBe('a spokesperson for the ministry');
  });

  test('an organisation and its members as a GROUP speaker', () => {
    const t = 'ASEAN members also criticised the plan and said that it would bring “serious harm” to fishing.';
    const q = run(t, [name(t, 'ASEAN', 'ORG')]);
    expect(q[0]!.kind).toBe('PARTIAL');
    expect(q[0]!.speaker?.form).toBe('GROUP');
    expect(q[0]!.speaker?.mention.text).toBe('ASEAN members');
  });

  test('"was quoted stating," with a name', () => {
    const t = 'Lena Marsh was quoted stating, “The survey shows a clear trend.”';
    const q = run(t);
    expect(q[0]!.cue?.text).toBe('was quoted stating');
    expect(q[0]!.speaker?.mention.text).toBe('Lena Marsh');
  });

  test('apposition: "X, a spokesperson for Y, said"', () => {
    const t = '“The talks were useful,” Omar Castell, a spokesperson for the harbour authority, said.';
    const names = [name(t, 'Omar Castell', 'PER')];
    const q = run(t, names);
    expect(q[0]!.speaker?.mention.text).toBe('Omar Castell');
  });

  test('"according to" puts the speaker after the cue', () => {
    const t = 'The factory will close “within weeks,” according to Jonas Weller.';
    const q = run(t, [name(t, 'Jonas Weller', 'PER')]);
    expect(q[0]!.cue?.text).toBe('according to');
    expect(q[0]!.speaker?.mention.text).toBe('Jonas Weller');
  });

  test('cues: told, insisted, noted, wrote, warned, says', () => {
    const cases: [string, string][] = [
      ['“It is over,” Ilse Brandt told reporters.', 'told'],
      ['“We did nothing wrong,” Ilse Brandt insisted.', 'insisted'],
      ['“Sales doubled,” Ilse Brandt noted.', 'noted'],
      ['“The road is long,” Ilse Brandt wrote in her blog.', 'wrote'],
      ['“The dam may fail,” Ilse Brandt warned.', 'warned'],
      ['“I like it here,” says Ilse Brandt.', 'says'],
    ];
    for (const [t, cue] of cases) {
      const q = run(t);
      expect(q[0]!.cue?.text).toBe(cue);
      expect(q[0]!.speaker?.mention.text).toBe('Ilse Brandt');
    }
  });

  test('a quote-only paragraph continues the previous paragraph’s speaker', () => {
    const t = '“The budget is tight,” said Rosa Klein.\n\n“We will still open two new libraries this year.”';
    const q = run(t, [name(t, 'Rosa Klein', 'PER')]);
    expect(q).toHaveLength(2);
    expect(q[1]!.cue).toBeNull();
    expect(q[1]!.speaker?.mention.text).toBe('Rosa Klein');
    expect(q[1]!.speaker?.antecedent?.text).toBe('Rosa Klein');
  });

  test('a scare quote with no speaker is dropped; a show title after its broadcaster is dropped', () => {
    const t = 'The “smart” meters failed. Elena Ruiz said so on BBC’s “Morning Report.”';
    const q = run(t, [name(t, 'Elena Ruiz', 'PER'), name(t, 'BBC', 'ORG')]);
    expect(q).toHaveLength(0);
  });

  test('the title of a work next to a noun naming it is not a quote', () => {
    const cases = [
      'Marta Lind stars in the new documentary “Salt Roads.” It opens Friday.',
      'On Monday’s episode of “The Evening Desk,” Marta Lind said the plan was sound.',
      'Marta Lind hosts the “Small Towns” podcast with two friends.',
      'Marta Lind talked about her new film, “9th,” on Friday.',
    ];
    for (const t of cases) expect(run(t, [name(t, 'Marta Lind', 'PER')])).toHaveLength(0);
  });

  test('a title-cased quote ending in an event noun is a name, not speech', () => {
    const t = 'Marta Lind backed the bill during a “Rural Schools Forum” held in Ames.';
    expect(run(t, [name(t, 'Marta Lind', 'PER')])).toHaveLength(0);
  });

  test('“so-called” marks a scare quote', () => {
    const t = 'The mayor criticised the so-called “experts” at the agency.';
    expect(run(t)).toHaveLength(0);
  });

  test('a pronoun in scare quotes is word play, not a quote', () => {
    const t = 'Why does it matter that “she” is a “he”? Voters decide.';
    expect(run(t)).toHaveLength(0);
  });

  test('a social-media sign-off line is not a quote', () => {
    const t = 'The hearing ended at noon.\n"Follow Jon Vale on Twitter @jonvale."';
    expect(run(t)).toHaveLength(0);
  });

  test('a fragment ending its sentence takes no cue from the next sentence', () => {
    const t = 'The pact was part of his “Grand Plan.” Anna Berg later said the vote was close.';
    const q = run(t, [name(t, 'Anna Berg', 'PER')]);
    for (const x of q) expect(x.cue?.text).not.toBe('said');
  });

  test('a partial quote with a cue and a speaker is kept', () => {
    const t = 'Moscow threatened to “counter” the move, and Oslo said there would be “severe consequences.”';
    const q = run(t, [name(t, 'Moscow', 'LOC'), name(t, 'Oslo', 'LOC')]);
    expect(q.map((x) => x.text)).toEqual(['counter', 'severe consequences.']);
  });
});
