/**
 * Unit tests for the speaker rules of the quote stage (reported speech, relative pronouns,
 * datelines, signatures, possessives), on sentences written for these tests.
 */
import { attributeQuotes } from '../../src/extract/quotes/attributeQuotes.js';
import type { AttributedQuote, NameSpan } from '../../src/extract/quotes/types.js';

/** Paragraphs are the non-empty lines. */
function paragraphsOf(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let pos = 0;
  for (const line of text.split('\n')) {
    if (line.trim() !== '') out.push({ start: pos, end: pos + line.length });
    pos += line.length + 1;
  }
  return out;
}

/** Names given as [word, type] pairs, each found after the previous one. */
function run(text: string, names: [string, NameSpan['type']][] = []): AttributedQuote[] {
  let from = 0;
  const spans = names.map(([word, type]) => {
    const start = text.indexOf(word, from);
    if (start < 0) throw new Error(`no ${word}`);
    from = start + word.length;
    return { start, end: start + word.length, text: word, type };
  });
  const quotes = attributeQuotes(text, paragraphsOf(text), spans);
  for (const q of quotes) {
    expect(text.slice(q.start, q.end)).toBe(q.text);
    if (q.speaker) expect(text.slice(q.speaker.mention.start, q.speaker.mention.end)).toBe(q.speaker.mention.text);
  }
  return quotes;
}

const speakerOf = (q: AttributedQuote | undefined): string | undefined => q?.speaker?.mention.text;

describe('inverted cues', () => {
  test('a titled name after the cue, with abbreviations and "former", is the speaker', () => {
    const t = '“The harbour needs dredging before winter,” said former Gov. Lena Marsh of the coastal district.';
    expect(speakerOf(run(t, [['Lena Marsh', 'PER']])[0])).toBe('Lena Marsh');
  });

  test('"asked" and "warned" invert straight after a quote; "told" does not', () => {
    const t = '“Who pays for the ferry?” asked Sen. Arlo Pike.';
    expect(speakerOf(run(t, [['Arlo Pike', 'PER']])[0])).toBe('Arlo Pike');
    const t2 = '“The dam will not hold,” warned Ida Brenn.';
    expect(speakerOf(run(t2, [['Ida Brenn', 'PER']])[0])).toBe('Ida Brenn');
  });

  test('before a quote, a cue after an appositive dash does not take what follows as speaker', () => {
    const t = 'A former mayor -- Ivo Lund, who lost the 2019 race -- said the council "offered nothing new on housing."';
    expect(speakerOf(run(t, [['Ivo Lund', 'PER']])[0])).not.toBe('the council');
  });

  test('after a quote, a cue following the writer’s words still inverts', () => {
    const t = '"Ferries cost money. Councils do not have it" but must act anyway, says Tove Rask, an analyst.';
    expect(speakerOf(run(t, [['Tove Rask', 'PER']])[0])).toBe('Tove Rask');
  });
});

describe('cues and their subjects', () => {
  test('a speech word after an article is a noun: the email, not the verb "email", speaks', () => {
    const t = 'The campaign wrote to supporters. "We need your help this week," the email said.';
    const q = run(t)[0];
    expect(q?.cue?.text).toBe('said');
    expect(speakerOf(q)).toBe('the email');
  });

  test('"called" reaches over its object to the quote', () => {
    const t = 'In the debate, when Eva Lunde called the harbour master “the worst planner in the region,” nobody laughed.';
    const q = run(t, [['Eva Lunde', 'PER']])[0];
    expect(q?.cue?.text).toBe('called');
    expect(speakerOf(q)).toBe('Eva Lunde');
  });

  test('"shot back" is a cue', () => {
    const t = 'After Pia Holm criticised the budget, Rafe Dunn shot back, “I count every penny.”';
    const q = run(t, [
      ['Pia Holm', 'PER'],
      ['Rafe Dunn', 'PER'],
    ])[0];
    expect(q?.cue?.text).toBe('shot back');
    expect(speakerOf(q)).toBe('Rafe Dunn');
  });

  test('a cue after the quote without a subject of its own takes the sentence’s subject', () => {
    const t = 'Mara Voss talked up her “harbour first” plan, promising to start in spring.';
    expect(speakerOf(run(t, [['Mara Voss', 'PER']])[0])).toBe('Mara Voss');
  });

  test('a subjectless "adding" after a quote continues the speaker of the sentence', () => {
    const t = '“It will be close,” Oren Falk said on the radio show “Morning Tide,” adding, “We have the votes.”';
    const qs = run(t, [['Oren Falk', 'PER']]);
    expect(speakerOf(qs[qs.length - 1])).toBe('Oren Falk');
  });

  test('a cue in the clause of a reporting verb reports through it', () => {
    const t = 'Dag Elm said he would advise Nina Rolf on “the real threats we face.”';
    expect(
      speakerOf(
        run(t, [
          ['Dag Elm', 'PER'],
          ['Nina Rolf', 'PER'],
        ])[0],
      ),
    ).toBe('Dag Elm');
  });

  test('a reporting verb in a relative clause or an opening phrase governs nothing after it', () => {
    const t = 'Tor Vik, who says the fleet is too small, wrote that the plan "will not save the port."';
    expect(speakerOf(run(t, [['Tor Vik', 'PER']])[0])).toBe('Tor Vik');
    const t2 = 'Despite what he wrote in the memo, Ake Soll said he "may yet vote for it."';
    expect(speakerOf(run(t2, [['Ake Soll', 'PER']])[0])).toBe('Ake Soll');
  });

  test('a cue after a quote with a comma opens the next quote', () => {
    const t = 'When asked, he replied, “It was my finest hour.” He added, “I would do it again.”';
    const qs = run(t);
    expect(qs[0]?.cue?.text).toBe('replied');
    expect(qs[1]?.cue?.text).toBe('added');
  });

  test('a relative pronoun subject is the speaker mention, standing for the name before it', () => {
    const t = 'Contrast that with Kai Berg, who has called the treaty “a disgrace.”';
    const q = run(t, [['Kai Berg', 'PER']])[0];
    expect(speakerOf(q)).toBe('who');
    expect(q?.speaker?.form).toBe('PRONOUN');
    expect(q?.speaker?.antecedent?.text).toBe('Kai Berg');
  });
});

describe('subjects', () => {
  test('a place after a preposition, and the place qualifying it, are not the subject', () => {
    const t = 'Speaking at a town hall in Dorval, Quebec, Ansel Roy attacked the plan, calling it “a total mess.”';
    expect(
      speakerOf(
        run(t, [
          ['Dorval', 'LOC'],
          ['Quebec', 'LOC'],
          ['Ansel Roy', 'PER'],
        ])[0],
      ),
    ).toBe('Ansel Roy');
  });

  test('an organization after a preposition is an object, not the subject', () => {
    const t = 'On Sunday, Lio Park shared the letter on Harbor Daily, writing “Here is the proof.”';
    expect(
      speakerOf(
        run(t, [
          ['Lio Park', 'PER'],
          ['Harbor Daily', 'ORG'],
        ])[0],
      ),
    ).toBe('Lio Park');
  });

  test('a dateline with a date and an agency is skipped', () => {
    const t = 'OSLOVIK, May 4 (Wire) — A spokesman for the port authority called the report “baseless.”';
    expect(speakerOf(run(t, [['OSLOVIK', 'LOC']])[0])).toBe('A spokesman');
    const t2 = 'Marlow (Wire) – Edda Stam has criticised the plan, saying that “nobody asked us.”';
    expect(
      speakerOf(
        run(t2, [
          ['Marlow', 'LOC'],
          ['Edda Stam', 'PER'],
        ])[0],
      ),
    ).toBe('Edda Stam');
  });

  test('a place qualifying a title before a name belongs to the person', () => {
    const t = 'Nordland Gov. Sven Aker has been busy, but his guilty pleasure is “late-night radio shows.”';
    expect(
      speakerOf(
        run(t, [
          ['Nordland', 'LOC'],
          ['Sven Aker', 'PER'],
        ])[0],
      ),
    ).toBe('Sven Aker');
  });

  test('a quantifier before an adverb or a time is not a group that speaks', () => {
    const t = 'But a few days later, Gus Wenn reversed himself, telling the radio that the rules "are settled."';
    expect(speakerOf(run(t, [['Gus Wenn', 'PER']])[0])).toBe('Gus Wenn');
  });

  test('"thanks to" and "agreed to" are not speech', () => {
    const t = 'The pollster got every county right, thanks to his “very careful counting of every ballot.”';
    const q = run(t)[0];
    expect(q).toBeDefined();
    expect(q?.cue?.text).not.toBe('thanks');
    const t2 = 'The council agreed to “look again at the ferry timetable.”';
    expect(run(t2)[0]?.cue?.text).not.toBe('agreed');
  });

  test('an adverbial clause before the main clause does not hold the subject', () => {
    const t = 'In June, after Ulla Berg fell ill, Tomas Lind wrote to her, telling her, “You are needed here.”';
    expect(
      speakerOf(
        run(t, [
          ['Ulla Berg', 'PER'],
          ['Tomas Lind', 'PER'],
        ])[0],
      ),
    ).toBe('Tomas Lind');
  });

  test('a fragment without a cue belongs to the pronoun heading the nearest clause', () => {
    const t = 'Vera Quist backed the deal, although she has “serious doubts” about it.';
    const q = run(t, [['Vera Quist', 'PER']])[0];
    expect(speakerOf(q)).toBe('she');
    expect(q?.speaker?.antecedent?.text).toBe('Vera Quist');
  });

  test('the owner of a speech noun before the quote speaks', () => {
    const t = 'Ines Moor caused a stir with her remark that “nobody reads the minutes.”';
    const q = run(t, [['Ines Moor', 'PER']])[0];
    expect(speakerOf(q)).toBe('her');
    expect(q?.speaker?.antecedent?.text).toBe('Ines Moor');
  });
});

describe('names given, not words spoken', () => {
  test('a naming participle after a noun or a passive has no speaker', () => {
    const t = 'Rolf Aas set up a website called “Harbour Watch Now” last spring.';
    const q = run(t, [['Rolf Aas', 'PER']])[0];
    expect(q?.cue?.text).toBe('called');
    expect(q?.speaker).toBeNull();
    const t2 = 'They held what is called a “listening session” in the hall.';
    expect(run(t2)[0]?.speaker).toBeNull();
  });

  test('but a person who calls something a name is its speaker', () => {
    const t = 'Rolf Aas called the ferry plan “a floating fantasy.”';
    expect(speakerOf(run(t, [['Rolf Aas', 'PER']])[0])).toBe('Rolf Aas');
  });
});

describe('labels and signatures', () => {
  test('two names joined by "and" before a colon sign together', () => {
    const t = 'POLLS WERE EARLY - Ada Reyes and Bo Lindqvist: “The polls stopped too soon to see the shift.”';
    expect(
      speakerOf(
        run(t, [
          ['Ada Reyes', 'PER'],
          ['Bo Lindqvist', 'PER'],
        ])[0],
      ),
    ).toBe('Ada Reyes and Bo Lindqvist');
  });

  test('a person named right before a colon introduces the quote', () => {
    const t = 'The surge does not surprise pollster Iver Dahl: “Late deciders always break this way.”';
    expect(speakerOf(run(t, [['Iver Dahl', 'PER']])[0])).toBe('Iver Dahl');
  });

  test('but not one the subject spoke to', () => {
    const t = 'The mayor told Iver Dahl: “Late deciders always break this way.”';
    expect(speakerOf(run(t, [['Iver Dahl', 'PER']])[0])).not.toBe('Iver Dahl');
  });

  test('a dash-and-name paragraph below a quote signs it', () => {
    const t = 'Quotes of the week.\n"We will finish the bridge by spring."\n-Hanna Ek, Vallby.';
    expect(
      speakerOf(
        run(t, [
          ['Hanna Ek', 'PER'],
          ['Vallby', 'LOC'],
        ])[0],
      ),
    ).toBe('Hanna Ek');
  });
});

describe('quote marks', () => {
  test('a closing curly mark closes a straight-opened quote', () => {
    const t = '"I do not think it is working,” Ole Brandt said. Later he left.';
    const q = run(t, [['Ole Brandt', 'PER']]);
    expect(q).toHaveLength(1);
    expect(q[0]!.text).toBe('I do not think it is working,');
    expect(speakerOf(q[0])).toBe('Ole Brandt');
  });

  test('curly quotes nested in a straight-quoted passage still belong to it', () => {
    const t = 'She said: "Read “the plan” first and then vote."';
    const q = run(t);
    expect(q).toHaveLength(1);
    expect(q[0]!.text).toBe('Read “the plan” first and then vote.');
  });
});
