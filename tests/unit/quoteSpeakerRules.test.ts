/**
 * Unit tests for the speaker rules of the quote stage (reported speech, relative pronouns,
 * datelines, signatures, possessives), on sentences written for these tests.
 */
import { attributeQuotes } from '../../src/extract/quotes/attributeQuotes.js';
import type { AttributedQuote, NameSpan } from '../../src/extract/quotes/types.js';
import { paragraphsOf } from '../support/paragraphsOf.js';

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

/** The speaker of the text's first quote. */
const speakerIn = (text: string, names: [string, NameSpan['type']][] = []): string | undefined => speakerOf(run(text, names)[0]);

describe('inverted cues', () => {
  test('after the cue, a name qualifying a role before another name is not the speaker', () => {
    // The name finder may take a club or a party for a person: the role noun after it says it qualifies.
    const t = '“We deserved the points,” said Hartley manager Tomas Reed after the match.';
    expect(
      speakerIn(t, [
        ['Hartley', 'PER'],
        ['Tomas Reed', 'PER'],
      ]),
    ).toBe('Tomas Reed');
    const t2 = '“The pier stays shut,” said Lena Marsh’s spokesman Ivo Brandt.';
    expect(
      speakerIn(t2, [
        ['Lena Marsh', 'PER'],
        ['Ivo Brandt', 'PER'],
      ]),
    ).toBe('Ivo Brandt');
    // Without a role noun between them, the first person named is still the speaker.
    const t3 = '“The pier stays shut,” said Lena Marsh on Monday, and Ivo Brandt agreed.';
    expect(
      speakerIn(t3, [
        ['Lena Marsh', 'PER'],
        ['Ivo Brandt', 'PER'],
      ]),
    ).toBe('Lena Marsh');
  });

  test('a titled name after the cue, with abbreviations and "former", is the speaker', () => {
    const t = '“The harbour needs dredging before winter,” said former Gov. Lena Marsh of the coastal district.';
    expect(speakerIn(t, [['Lena Marsh', 'PER']])).toBe('Lena Marsh');
  });

  test('an inverted cue between a lone linking word and the quote names the speaker', () => {
    const t = 'The ferry ran late again. But, said Tomas Reed, “we waited an hour on the pier.”';
    expect(speakerIn(t, [['Tomas Reed', 'PER']])).toBe('Tomas Reed');
    // After an appositive the phrase following the cue is what was said, not who said it.
    const t2 = 'The mayor, who lost the vote, said the ferry “runs late every winter.”';
    expect(speakerIn(t2)).toBe('The mayor');
  });

  test('"retaliated" after a quote is a cue with its subject after the comma', () => {
    const t = 'The ferry ran late again. “The pier is closed,” an angry Tomas Reed retaliated.';
    expect(speakerIn(t, [['Tomas Reed', 'PER']])).toBe('Tomas Reed');
  });

  test('the subject of a passive "was asked" is the one asked, not the speaker', () => {
    const t = 'On the evening show, Tomas Reed was asked, “Will the ferry run in winter?” He nodded.';
    expect(run(t, [['Tomas Reed', 'PER']])[0]?.speaker).toBeNull();
    // A named agent still asks, and an active "asked" after the quote still inverts.
    const t2 = 'Tomas Reed was asked by Ida Brenn, “Will the ferry run in winter?”';
    expect(
      speakerIn(t2, [
        ['Tomas Reed', 'PER'],
        ['Ida Brenn', 'PER'],
      ]),
    ).toBe('Ida Brenn');
    const t3 = 'Tomas Reed asked, “Will the ferry run in winter?”';
    expect(speakerIn(t3, [['Tomas Reed', 'PER']])).toBe('Tomas Reed');
  });

  test('a name after a preposition before ", said X" is an object, and X speaks', () => {
    const t = 'The ferry ran late. “This will be a hard winter” for Ida Brenn, said Tomas Reed.';
    expect(
      speakerIn(t, [
        ['Ida Brenn', 'PER'],
        ['Tomas Reed', 'PER'],
      ]),
    ).toBe('Tomas Reed');
    const t2 = 'The ferry ran late. In other words, explained Tomas Reed: “The pier is closed.”';
    expect(speakerIn(t2, [['Tomas Reed', 'PER']])).toBe('Tomas Reed');
    // A phrase after "of" belongs to the noun before it: the subject still speaks.
    const t3 = 'Friends of the harbour, however, say the pier is “worth saving.”';
    expect(speakerIn(t3)).toMatch(/harbour$/);
  });

  test('a pronoun after a preposition is no subject of a later participle', () => {
    const t = 'Tomas Reed said he was “outraged” to hear about it, arguing that “the pier must stay open.”';
    const quotes = run(t, [['Tomas Reed', 'PER']]);
    expect(speakerOf(quotes[1])).toBe('Tomas Reed');
  });

  test('"asked" and "warned" invert straight after a quote; "told" does not', () => {
    const t = '“Who pays for the ferry?” asked Sen. Arlo Pike.';
    expect(speakerIn(t, [['Arlo Pike', 'PER']])).toBe('Arlo Pike');
    const t2 = '“The dam will not hold,” warned Ida Brenn.';
    expect(speakerIn(t2, [['Ida Brenn', 'PER']])).toBe('Ida Brenn');
  });

  test('before a quote, a cue after an appositive dash does not take what follows as speaker', () => {
    const t = 'A former mayor -- Ivo Lund, who lost the 2019 race -- said the council "offered nothing new on housing."';
    expect(speakerIn(t, [['Ivo Lund', 'PER']])).not.toBe('the council');
  });

  test('after a quote, a cue following the writer’s words still inverts', () => {
    const t = '"Ferries cost money. Councils do not have it" but must act anyway, says Tove Rask, an analyst.';
    expect(speakerIn(t, [['Tove Rask', 'PER']])).toBe('Tove Rask');
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
    expect(speakerIn(t, [['Mara Voss', 'PER']])).toBe('Mara Voss');
  });

  test('a subjectless "adding" after a quote continues the speaker of the sentence', () => {
    const t = '“It will be close,” Oren Falk said on the radio show “Morning Tide,” adding, “We have the votes.”';
    const qs = run(t, [['Oren Falk', 'PER']]);
    expect(speakerOf(qs[qs.length - 1])).toBe('Oren Falk');
  });

  test('a cue in the clause of a reporting verb reports through it', () => {
    const t = 'Dag Elm said he would advise Nina Rolf on “the real threats we face.”';
    expect(
      speakerIn(t, [
        ['Dag Elm', 'PER'],
        ['Nina Rolf', 'PER'],
      ]),
    ).toBe('Dag Elm');
  });

  test('a reporting verb in a relative clause or an opening phrase governs nothing after it', () => {
    const t = 'Tor Vik, who says the fleet is too small, wrote that the plan "will not save the port."';
    expect(speakerIn(t, [['Tor Vik', 'PER']])).toBe('Tor Vik');
    const t2 = 'Despite what he wrote in the memo, Ake Soll said he "may yet vote for it."';
    expect(speakerIn(t2, [['Ake Soll', 'PER']])).toBe('Ake Soll');
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
      speakerIn(t, [
        ['Dorval', 'LOC'],
        ['Quebec', 'LOC'],
        ['Ansel Roy', 'PER'],
      ]),
    ).toBe('Ansel Roy');
  });

  test('an organization after a preposition is an object, not the subject', () => {
    const t = 'On Sunday, Lio Park shared the letter on Harbor Daily, writing “Here is the proof.”';
    expect(
      speakerIn(t, [
        ['Lio Park', 'PER'],
        ['Harbor Daily', 'ORG'],
      ]),
    ).toBe('Lio Park');
  });

  test('a dateline with a date and an agency is skipped', () => {
    const t = 'OSLOVIK, May 4 (Wire) — A spokesman for the port authority called the report “baseless.”';
    expect(speakerIn(t, [['OSLOVIK', 'LOC']])).toBe('A spokesman');
    const t2 = 'Marlow (Wire) – Edda Stam has criticised the plan, saying that “nobody asked us.”';
    expect(
      speakerIn(t2, [
        ['Marlow', 'LOC'],
        ['Edda Stam', 'PER'],
      ]),
    ).toBe('Edda Stam');
  });

  test('a place qualifying a title before a name belongs to the person', () => {
    const t = 'Nordland Gov. Sven Aker has been busy, but his guilty pleasure is “late-night radio shows.”';
    expect(
      speakerIn(t, [
        ['Nordland', 'LOC'],
        ['Sven Aker', 'PER'],
      ]),
    ).toBe('Sven Aker');
  });

  test('a quantifier before an adverb or a time is not a group that speaks', () => {
    const t = 'But a few days later, Gus Wenn reversed himself, telling the radio that the rules "are settled."';
    expect(speakerIn(t, [['Gus Wenn', 'PER']])).toBe('Gus Wenn');
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
      speakerIn(t, [
        ['Ulla Berg', 'PER'],
        ['Tomas Lind', 'PER'],
      ]),
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
    expect(speakerIn(t, [['Rolf Aas', 'PER']])).toBe('Rolf Aas');
  });
});

describe('labels and signatures', () => {
  test('two names joined by "and" before a colon sign together', () => {
    const t = 'POLLS WERE EARLY - Ada Reyes and Bo Lindqvist: “The polls stopped too soon to see the shift.”';
    expect(
      speakerIn(t, [
        ['Ada Reyes', 'PER'],
        ['Bo Lindqvist', 'PER'],
      ]),
    ).toBe('Ada Reyes and Bo Lindqvist');
  });

  test('a person named right before a colon introduces the quote', () => {
    const t = 'The surge does not surprise pollster Iver Dahl: “Late deciders always break this way.”';
    expect(speakerIn(t, [['Iver Dahl', 'PER']])).toBe('Iver Dahl');
  });

  test('but not one the subject spoke to', () => {
    const t = 'The mayor told Iver Dahl: “Late deciders always break this way.”';
    expect(speakerIn(t, [['Iver Dahl', 'PER']])).not.toBe('Iver Dahl');
  });

  test('a dash-and-name paragraph below a quote signs it', () => {
    const t = 'Quotes of the week.\n"We will finish the bridge by spring."\n-Hanna Ek, Vallby.';
    expect(
      speakerIn(t, [
        ['Hanna Ek', 'PER'],
        ['Vallby', 'LOC'],
      ]),
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

describe('nested and outer sources', () => {
  test('"according to" after an inner attribution names the source the writer cites', () => {
    const t = '“The bridge will open in May,” Lise Dahl said, according to the Harbour Times.';
    const names: [string, NameSpan['type']][] = [
      ['Lise Dahl', 'PER'],
      ['Harbour Times', 'ORG'],
    ];
    expect(speakerIn(t, names)).toBe('the Harbour Times');
    const t2 = 'According to the Harbour Times, Lise Dahl called the plan “a fantasy.”';
    expect(
      speakerIn(t2, [
        ['Harbour Times', 'ORG'],
        ['Lise Dahl', 'PER'],
      ]),
    ).toBe('the Harbour Times');
  });

  test('"according to" with a pronoun, or after an abbreviation, is handled', () => {
    const t = 'Ivo Rask met the party chair on Monday. “We won every seat,” the chair said, according to him.';
    expect(speakerIn(t, [['Ivo Rask', 'PER']])).toBe('the chair');
    const t2 = 'Ivo Rask met senators on Monday. “You have been unfair to me,” he told Sen. Ada Moen (D-Ore.), according to two aides.';
    expect(
      speakerIn(t2, [
        ['Ivo Rask', 'PER'],
        ['Ada Moen', 'PER'],
      ]),
    ).toBe('two aides');
  });

  test('an outlet reporting the attribution after it ("…, reports the Herald") is the source', () => {
    const t = '“This has been the message all week,” said Kari Lund, a delegate, reports the Harbour Times.';
    expect(
      speakerIn(t, [
        ['Kari Lund', 'PER'],
        ['Harbour Times', 'ORG'],
      ]),
    ).toBe('the Harbour Times');
  });

  test('a reporting verb after a bracketed party label still governs the clause', () => {
    const t = 'Rep. Ola Dahl (D-Ore.) said Vera Lind called on members to be “closely coordinated.”';
    expect(
      speakerIn(t, [
        ['Ola Dahl', 'PER'],
        ['Vera Lind', 'PER'],
      ]),
    ).toBe('Ola Dahl');
  });

  test('a participle after a comma reports the clause it governs', () => {
    const t = 'Elsa Borg pointed to the port, noting that he has put together “the best crew in years.”';
    expect(speakerIn(t, [['Elsa Borg', 'PER']])).toBe('Elsa Borg');
  });

  test('the agent of a passive cue speaks; a means after "by" does not', () => {
    const t = 'The plan has been called “strategic ambiguity” by Jon Dahl, a professor at the college.';
    expect(speakerIn(t, [['Jon Dahl', 'PER']])).toBe('Jon Dahl');
    const t2 = 'Ada Moen wrote to Ivo Rask often. In her letters, she often referred to him by a nickname, “Gus.”';
    expect(
      speakerIn(t2, [
        ['Ada Moen', 'PER'],
        ['Ivo Rask', 'PER'],
      ]),
    ).not.toBe('a nickname');
  });
});

describe('cues with a particle', () => {
  test('"went on" closing the clause and "points out" report speech', () => {
    const t = 'The pier is old. “It was a good thing,” Tomas Reed said. “It should stay,” he went on.';
    expect(speakerOf(run(t, [['Tomas Reed', 'PER']])[1])).toBe('he');
    const t2 = 'Ida Brenn spoke first. “Riders reject the plan,” Tomas Reed points out.';
    expect(
      speakerIn(t2, [
        ['Ida Brenn', 'PER'],
        ['Tomas Reed', 'PER'],
      ]),
    ).toBe('Tomas Reed');
  });

  test('"went on to" another verb is no speech', () => {
    const t = 'Ida Brenn spoke first. “The pier is old,” she said. “The race was close,” and the ferry went on to win it.';
    const quotes = run(t, [['Ida Brenn', 'PER']]);
    expect(quotes[1]?.cue?.text).not.toBe('went on');
  });
});

describe('weak cues after a quote', () => {
  test('a weak cue after a plain phrase opened by an article or a capital takes that phrase', () => {
    const t = 'Tomas Reed spoke first. “The pier will be closed for the summer,” the Harbour Daily Gazette reported on Monday.';
    expect(
      speakerIn(t, [
        ['Tomas Reed', 'PER'],
        ['Harbour Daily Gazette', 'ORG'],
      ]),
    ).toBe('Harbour Daily Gazette');
    const t2 = 'Tomas Reed spoke first. “The pier will be closed for the summer,” the old passage continued.';
    expect(speakerIn(t2, [['Tomas Reed', 'PER']])).toBe('the old passage');
  });
});

describe('signature lines', () => {
  test('a short line closing a quoted block names its author', () => {
    const t = 'The panel answered.\n"The pier will last another decade if we repair it now.\nIda Brenn, Harbour Institute."';
    expect(speakerIn(t, [['Ida Brenn', 'PER']])).toBe('Ida Brenn');
    const t2 = 'The panel answered.\n"The pier will last another decade if we repair it now.\nCity Council member."';
    expect(speakerIn(t2)).toBe('City Council member');
    // A closing line that is a sentence of the quote names nobody.
    const t3 = 'The panel answered.\n"The pier will last another decade if we repair it now.\nThank you all."';
    expect(speakerIn(t3)).not.toMatch(/Thank/);
  });
});

describe('labels the name finder missed', () => {
  test('capitalised words alone before a colon label the quote', () => {
    const t = 'Tomas Reed spoke first: “Fix the pier.” Brenn: “The pier must go.”';
    expect(speakerOf(run(t, [['Tomas Reed', 'PER']])[1])).toBe('Brenn');
    // Not a phrase with an article or a verb before the colon.
    const t2 = 'Tomas Reed spoke first: “Fix the pier.” The Answer: “The pier must go.”';
    expect(speakerOf(run(t2, [['Tomas Reed', 'PER']])[1])).not.toBe('The Answer');
  });
});

describe('polls', () => {
  test('a share of respondents speaks through the poll opening the sentence', () => {
    const t = 'In a harbour survey released Monday, 40 percent of riders said the ferry was “never on time.”';
    expect(speakerIn(t)).toBe('a harbour survey released Monday');
    // Without a share of respondents the opening is only a setting.
    const t2 = 'In a harbour survey released Monday, Tomas Reed said the ferry was “never on time.”';
    expect(speakerIn(t2, [['Tomas Reed', 'PER']])).toBe('Tomas Reed');
  });
});

describe('subjects of participles and relative clauses', () => {
  test('"with X calling" makes X the subject of the participle', () => {
    const t = 'The council approved the budget, with Mayor Tilde Roos calling it “a fair deal.”';
    expect(speakerIn(t, [['Tilde Roos', 'PER']])).toBe('Tilde Roos');
  });

  test('a relative pronoun a few words before the cue is its subject; a closed relative clause is not', () => {
    const t = 'Ebba Lind, who has in the past described the tax as “a burden on families,” spoke on Monday.';
    const q = run(t, [['Ebba Lind', 'PER']])[0];
    expect(speakerOf(q)).toBe('who');
    expect(q?.speaker?.antecedent?.text).toBe('Ebba Lind');
    const t2 = 'Per Holm, who led the team, said the result was “a small miracle.”';
    expect(speakerIn(t2, [['Per Holm', 'PER']])).toBe('Per Holm');
    const t3 = 'The treaty, which Per Holm had called “a disaster,” was signed.';
    expect(speakerIn(t3, [['Per Holm', 'PER']])).toBe('Per Holm');
  });

  test('a participle after "X said," or after an inner clause hangs on the nearest clause', () => {
    const t = 'Ada Moen and Ivar Holm will meet next week, Lena Berg said, adding, “They need to talk.”';
    const names: [string, NameSpan['type']][] = [
      ['Ada Moen', 'PER'],
      ['Ivar Holm', 'PER'],
      ['Lena Berg', 'PER'],
    ];
    expect(speakerIn(t, names)).toBe('Lena Berg');
    const t2 = 'Gov. Ivo Rask conceded the point even as he defended the budget, saying, “It adds up.”';
    expect(speakerIn(t2, [['Ivo Rask', 'PER']])).toBe('he');
  });

  test('an inverted "said X" opening the clause is the subject of a later participle', () => {
    const t = '“It is not new here,” said Rep. Ola Berg at the time, adding that “we have done this for years.”';
    const qs = run(t, [['Ola Berg', 'PER']]);
    expect(speakerOf(qs[1])).toBe('Ola Berg');
  });

  test('a participle or an object never has its subject after the cue', () => {
    const t = 'Ivo Rask, who puts his costs “in the seven figures,” described the impact as “horrendous.”';
    expect(speakerOf(run(t, [['Ivo Rask', 'PER']])[1])).not.toBe('the impact');
    const t2 = 'Ada Moen gave a defence of “harbour values,” saying the city embodied the “heart of the coast.”';
    expect(speakerOf(run(t2, [['Ada Moen', 'PER']])[1])).toBe('Ada Moen');
  });
});

describe('clause openings and subjects', () => {
  test('a participle opening the sentence takes the main clause’s subject', () => {
    const t = 'Conceding that a deal would come “down the line,” Rolf Lind warned that it would take years.';
    expect(speakerIn(t, [['Rolf Lind', 'PER']])).toBe('Rolf Lind');
    const t2 = 'In declaring the remarks “not neighbourly,” the bishop again showed his knack for politics.';
    expect(speakerIn(t2)).toBe('the bishop');
  });

  test('a capitalised participle phrase, a time phrase or a "like" phrase before the subject is skipped', () => {
    const t = 'Reprising one of his favourite lines, the mayor talked about continuing the “harbour miracle.”';
    expect(speakerIn(t)).toBe('the mayor');
    const t2 = 'Early in her campaign, Ada Moen attacked Ivo Rask, calling him “a failed candidate.”';
    expect(
      speakerIn(t2, [
        ['Ada Moen', 'PER'],
        ['Ivo Rask', 'PER'],
      ]),
    ).toBe('Ada Moen');
    const t3 = 'Like Ivo Rask, Tove Ek rejected the claim, arguing that there is “room for waivers.”';
    expect(
      speakerIn(t3, [
        ['Ivo Rask', 'PER'],
        ['Tove Ek', 'PER'],
      ]),
    ).toBe('Tove Ek');
    const t4 = 'And after the court ruled, Gov. Pia Holm blamed the “four liberal justices” for it.';
    expect(speakerIn(t4, [['Pia Holm', 'PER']])).toBe('Pia Holm');
  });

  test('a plain noun phrase opening a cue’s clause is its subject, before a name later in it', () => {
    const t = 'In three interviews, the justice sounded off on Ivar Holm, saying she did not “want to contemplate” his win.';
    expect(speakerIn(t, [['Ivar Holm', 'PER']])).toBe('the justice');
  });

  test('a participle or prepositional aside after the subject hides no speaker', () => {
    const t = 'Delegate Mia Sund, clad in a cape with the name of Ivo Rask, said the convention could be a “failure.”';
    expect(
      speakerIn(t, [
        ['Mia Sund', 'PER'],
        ['Ivo Rask', 'PER'],
      ]),
    ).toBe('Mia Sund');
  });

  test('a capitalised name spelt like a modal is the subject, not skipped', () => {
    const t = '“This might hasten the end of the old guard,” Will wrote.';
    expect(speakerIn(t)).toBe('Will');
  });

  test('a capitalised word the name finder missed, opening a cue’s clause, is its subject', () => {
    const t = 'Hayek confirmed she had been and said, “We try to overlook the problem.”';
    expect(speakerIn(t)).toBe('Hayek');
    const t2 = 'His comments came after being asked again, and he said, “I stand by them.”';
    expect(speakerIn(t2)).not.toBe('His');
  });

  test('a sentence introducing the quote with a colon gives its subject, whatever the cue', () => {
    const t = 'Asked which county he liked best, Nils Aberg demurred: “Whichever one I am in.”';
    expect(speakerIn(t, [['Nils Aberg', 'PER']])).toBe('Nils Aberg');
  });

  test('a person named a few words after an inverted cue is the speaker', () => {
    const t = '“Thanks for coming, all of you,” said master of ceremonies Ada Lunde, a local engineer.';
    expect(speakerIn(t, [['Ada Lunde', 'PER']])).toBe('Ada Lunde');
  });
});

describe('speech nouns, cues and sentences around the quote', () => {
  test('the owner of a speech noun tied to the quote by "to" or "that" is the speaker', () => {
    const t = 'Those remarks, including his promise to be “neutral” in the talks, alarmed the allies.';
    expect(speakerIn(t)).toBe('his');
    const t2 = 'Ryan Moss said her comments about the port were “out of line.”';
    expect(speakerIn(t2, [['Ryan Moss', 'PER']])).toBe('Ryan Moss');
  });

  test('a cue closing the writer’s sentence after a fragment attributes the whole sentence', () => {
    const t = 'Nothing the minister said “will calm the markets,” the analyst Tove Ek said.';
    expect(speakerIn(t, [['Tove Ek', 'PER']])).toBe('Tove Ek');
  });

  test('a speech word ending in -s after a preposition or a led name is a noun, not the cue', () => {
    const t = '“We feel good about our chances” there and in states that vote in March, the memo stated.';
    expect(run(t)[0]?.cue?.text).toBe('stated');
    const t2 = 'The department has classified 22 Lund emails as “top secret” this year.';
    expect(speakerIn(t2, [['Lund', 'PER']])).not.toBe('Lund');
  });

  test('a sentence with its own speech verb between two quotes introduces the second', () => {
    const t = '“We are ready,” Alma Berg said. Jon Falk added that the count was slow. “We won by two seats.”';
    const qs = run(t, [
      ['Alma Berg', 'PER'],
      ['Jon Falk', 'PER'],
    ]);
    expect(speakerOf(qs[1])).toBe('Jon Falk');
  });

  test('a title between two quotes does not break the chain', () => {
    const t = 'Oskar Lund spoke on Sunday. “I expect to be vetted,” he said on “Morning Tide.” “But this is different.”';
    const qs = run(t, [['Oskar Lund', 'PER']]);
    expect(speakerOf(qs[qs.length - 1])).toBe('he');
  });

  test('a fragment without a subject of its own goes on with the previous sentence’s speaker', () => {
    const t = '“She has the best friends,” Bill Moen has said while stumping. That makes her “by definition a trustworthy person.”';
    const qs = run(t, [['Bill Moen', 'PER']]);
    expect(speakerOf(qs[1])).toBe('Bill Moen');
  });

  test('a participle opening its own sentence goes on with the previous sentence’s speaker', () => {
    const t = 'Later, Ivo Rask said the report “was not good.” Adding, “Nothing they do is ever that bad.”';
    const qs = run(t, [['Ivo Rask', 'PER']]);
    expect(speakerOf(qs[1])).toBe('Ivo Rask');
  });

  test('a dummy "it" is no speaker of a borrowed phrase', () => {
    const t = 'It was Ivo Rask who first pushed for a “grand harbour bargain” in those years.';
    expect(speakerIn(t, [['Ivo Rask', 'PER']])).not.toBe('It');
  });

  test('a person acting in the past tense right after a quote said it', () => {
    const t = '“Would it be negotiable about the ferries?” Hanna Ek pressed.';
    expect(speakerIn(t, [['Hanna Ek', 'PER']])).toBe('Hanna Ek');
    const t2 = '“This is fantastic!” beamed Ola Dahl of Vallby.';
    expect(
      speakerIn(t2, [
        ['Ola Dahl', 'PER'],
        ['Vallby', 'LOC'],
      ]),
    ).toBe('Ola Dahl');
  });
});

describe('asides and inverted cues after a comma', () => {
  test('a reporting clause set off by commas attributes the whole sentence', () => {
    const t = 'The harbour board, Lena Marsh said, called the new toll “a quiet robbery.”';
    expect(
      speakerIn(t, [
        ['harbour board', 'ORG'],
        ['Lena Marsh', 'PER'],
      ]),
    ).toBe('Lena Marsh');
    const t2 = 'Never, she said, had she called the ferry “a lost cause.”';
    expect(speakerIn(t2)).toBe('she');
    // A clause after a comma with its own subject and verb is not an aside.
    const t3 = 'The board met, and Lena Marsh said, “We will vote in May.”';
    expect(speakerIn(t3, [['Lena Marsh', 'PER']])).toBe('Lena Marsh');
  });

  test('an inverted cue after a comma and a person’s name closing the phrase names the speaker', () => {
    const t = '“Nobody expects it” that the ferry will run before Easter for Tomas Reed, said Ida Brenn, a harbour pilot.';
    expect(
      speakerIn(t, [
        ['Tomas Reed', 'PER'],
        ['Ida Brenn', 'PER'],
      ]),
    ).toBe('Ida Brenn');
    const t2 = 'Given the way Tomas Reed drew up the timetable, explained Ida Brenn, “every boat leaves late.”';
    expect(
      speakerIn(t2, [
        ['Tomas Reed', 'PER'],
        ['Ida Brenn', 'PER'],
      ]),
    ).toBe('Ida Brenn');
    // Before a quote, a name running into it is what was said about, not who said it.
    const t3 = 'Ida Brenn, a harbour pilot, said Tomas Reed “never once ran the ferry on time.”';
    expect(
      speakerIn(t3, [
        ['Ida Brenn', 'PER'],
        ['Tomas Reed', 'PER'],
      ]),
    ).toBe('Ida Brenn');
  });

  test('a plain phrase alone between a comma and a closing cue is its subject', () => {
    const t = 'Harbour Guild raised fares twice this year, and “the poorest riders pay most,” the complaint says.';
    expect(speakerIn(t, [['Harbour Guild', 'ORG']])).toBe('the complaint');
    const t2 = 'The toll “hurts every fisherman” the Harbour Guild employs, the petitions say.';
    expect(speakerIn(t2, [['Harbour Guild', 'ORG']])).toBe('the petitions');
  });

  test('a plain cue word after a singular capitalised word led by an article is a noun', () => {
    const t = 'Ida Brenn thanked the crews at a rally in a solidly Liberal state.\n\n“We need more boats and fewer speeches.”';
    expect(
      speakerIn(t, [
        ['Ida Brenn', 'PER'],
        ['Liberal', 'MISC'],
      ]),
    ).toBe('Ida Brenn');
    // A plural subject agrees with the plain form: "the Liberals claim" is a verb.
    const t2 = 'The Liberals claim the ferry “has never once run on time.”';
    expect(speakerIn(t2, [['Liberals', 'ORG']])).toBe('Liberals');
  });

  test('an organization after a preposition and an article or a possessive is an object', () => {
    const t = 'Ida Brenn posted the timetable on her Harbour Guild page, writing “Here it is, so stop asking.”';
    expect(
      speakerIn(t, [
        ['Ida Brenn', 'PER'],
        ['Harbour Guild', 'ORG'],
      ]),
    ).toBe('Ida Brenn');
    const t2 = 'Ida Brenn wrote a long column in the Harbour Herald, entitled, “why the ferry still matters to us all.”';
    expect(
      speakerIn(t2, [
        ['Ida Brenn', 'PER'],
        ['Harbour Herald', 'ORG'],
      ]),
    ).toBe('Ida Brenn');
  });

  test('"another" stands for one more person, and a role after a preposition is no subject', () => {
    const t = 'Two pilots praised the new pier. Yet another said, “The channel is still too shallow.”';
    expect(speakerIn(t)).toBe('another');
    const t2 = 'This view came up again in another round of questions, to which 30 percent said “hardly ever.”';
    expect(speakerIn(t2)).toBe('30 percent');
    const t3 = 'Over coffee with a harbour pilot, Brenn described the new pier as “a death trap.”';
    expect(speakerIn(t3)).toBe('Brenn');
  });

  test('a name labelling the quote after a dash overrides a cue before the dash', () => {
    const t = 'Pilots differ - Ida Brenn: “The channel is too shallow for the new ferries.”';
    expect(speakerIn(t, [['Ida Brenn', 'PER']])).toBe('Ida Brenn');
    const t2 = 'Still, the crews warned of the delay - Harbourwatch: “Nobody who sails here was surprised.”';
    expect(speakerIn(t2)).toBe('Harbourwatch');
  });

  test('a noun phrase without an article after "according to" is the outer source', () => {
    const t = '“The pier will close in May,” the mayor wrote, according to extracts from her diary.';
    expect(speakerIn(t)).toBe('extracts');
    const t2 = 'According to court papers, the pilot called the pier “a death trap.”';
    expect(speakerIn(t2)).toBe('court papers');
    // A pronoun after "according to" still points back at the speaker.
    const t3 = 'The pilot called the pier “a death trap,” according to him.';
    expect(speakerIn(t3)).toBe('The pilot');
  });

  test('a title dropped just before the quote is part of the writer’s words around it', () => {
    const t = 'The pilot would not talk about the pier. But she told the Herald’s “Morning Tide” that the mayor is “a careless steward.”';
    const qs = run(t, [['Herald', 'ORG']]);
    expect(qs.map((q) => [q.text, speakerOf(q), q.cue?.text])).toEqual([['a careless steward.', 'she', 'told']]);
  });

  test('a person opening an absolute phrase right before a participle is its subject', () => {
    const t = 'The pilots split after the vote – Ida Brenn insisting it was “overdue” and Tomas Reed calling it “a sad day.”';
    const qs = run(t, [
      ['Ida Brenn', 'PER'],
      ['Tomas Reed', 'PER'],
    ]);
    expect(qs.map(speakerOf)).toEqual(['Ida Brenn', 'Tomas Reed']);
    // A name that is the verb's object is not the participle's subject.
    const t2 = 'The mayor thanked Ida Brenn saying the new pier was “a fine job.”';
    expect(speakerIn(t2, [['Ida Brenn', 'PER']])).toBe('The mayor');
  });

  test('the sentence introducing a quote reports through its reporting verb', () => {
    const t = 'Ida Brenn said the residents had long been warning of a closure.\n\n“That is why we built the second pier.”';
    expect(speakerIn(t, [['Ida Brenn', 'PER']])).toBe('Ida Brenn');
  });

  test('a time clause after a reporting verb has its own speaker', () => {
    const t = '“The ferry is late again,” Ida Brenn said while the harbour master shouted: “Not my fault!”';
    const qs = run(t, [['Ida Brenn', 'PER']]);
    expect(qs.map(speakerOf)).toEqual(['Ida Brenn', 'the harbour master']);
  });

  test('a cue closing the quoted words after their comma wins, even when a participle follows', () => {
    const t = 'The board will never admit the ferry is “unsafe for children,” Ida Brenn added, calling the pier a danger.';
    expect(speakerIn(t, [['Ida Brenn', 'PER']])).toBe('Ida Brenn');
  });

  test('an aspect verb before a participle leaves its subject before it', () => {
    const t = 'One of the pilots spoke first, and Ida Brenn kept asking the mayor why the pier was “never once inspected.”';
    expect(speakerIn(t, [['Ida Brenn', 'PER']])).toBe('Ida Brenn');
  });

  test('a participle joined by "and" to an earlier one shares its subject, across a quote too', () => {
    const names: [string, NameSpan['type']][] = [
      ['Ida Brenn', 'PER'],
      ['Tomas Reed', 'PER'],
    ];
    const t = 'The pier closed, with Ida Brenn posting that the repairs Tomas Reed ordered were a disgrace and asking, “Who will fix it now?”';
    expect(speakerIn(t, names)).toBe('Ida Brenn');
    const t2 = 'The pier closed again, with Ida Brenn posting that the repairs Tomas Reed ordered were a “disgrace” and asking, “Who will fix it now?”';
    expect(run(t2, names).map(speakerOf)).toEqual(['Ida Brenn', 'Ida Brenn']);
  });

  test('a dummy "it" right after someone’s quote goes on with that speaker', () => {
    const t = 'Ida Brenn was blunt. “The pier is a death trap,” she says. It’s “a scandal nobody will fix.”';
    expect(run(t, [['Ida Brenn', 'PER']]).map(speakerOf)).toEqual(['she', 'she']);
    // Without a quote in the sentence before, "it" still stands for nothing.
    const t2 = 'Ida Brenn was blunt. It’s common for pilots to call the pier “a scandal nobody will fix.”';
    expect(run(t2, [['Ida Brenn', 'PER']]).map(speakerOf)).toEqual([undefined]);
  });

  test('"was said to" reports words about the subject from someone unnamed', () => {
    const t = 'The harbour master was said to be “livid” with the mayor over the pier.';
    expect(run(t).map(speakerOf)).toEqual([undefined]);
    // An agent named in the sentence still speaks.
    const t2 = 'Ida Brenn said the harbour master was “livid” with the mayor.';
    expect(speakerIn(t2, [['Ida Brenn', 'PER']])).toBe('Ida Brenn');
  });

  test('titles before a name: a capitalised cue word and a lower-case title belong to it', () => {
    const t = 'Former Secretary of State Ida Brenn opened the new pier on Monday, saying, “We need it.”';
    expect(speakerIn(t, [['Ida Brenn', 'PER']])).toBe('Ida Brenn');
    // After a party word the person may be mistyped by the name finder.
    const t2 = 'Liberal Party hopeful Sen. Ida Brenn toured the pier, telling the Herald: “It is a disgrace.”';
    expect(
      speakerIn(t2, [
        ['Liberal', 'MISC'],
        ['Ida Brenn', 'ORG'],
        ['Herald', 'ORG'],
      ]),
    ).toBe('Ida Brenn');
  });

  test('an attribution closing the sentence after later quotes attributes the earlier one too', () => {
    const t = 'Ida Brenn spoke first. Fares were “too high for years” while the board fought over a “new timetable” all spring, she said.';
    expect(run(t, [['Ida Brenn', 'PER']]).map((q) => [speakerOf(q), q.cue?.text])).toEqual([
      ['she', 'said'],
      ['she', 'said'],
    ]);
    // A quote that ends its own sentence keeps to itself.
    const t2 = 'Ida Brenn spoke first. Fares were “too high for years.” The board fought over a “new timetable” all spring, she said.';
    expect(run(t2, [['Ida Brenn', 'PER']])[0]?.cue).toBeNull();
  });

  test('a borrowed phrase belongs to a plain phrase opening the clause before a name inside it', () => {
    const t = 'The harbour column faulted Ida Brenn’s “late repairs” on the pier.';
    expect(speakerIn(t, [['Ida Brenn', 'PER']])).toBe('The harbour column');
  });

  test('a pronoun right after a verb of thinking heads what the subject thinks, not the clause', () => {
    const t = 'Ida Brenn spoke after the vote. She thinks they will fix the pier “within a year.”';
    expect(speakerIn(t, [['Ida Brenn', 'PER']])).toBe('She');
    // The pronoun heading an inner clause still speaks.
    const t2 = 'Ida Brenn backed the plan, although she made it clear that the pier is “a disgrace.”';
    expect(speakerIn(t2, [['Ida Brenn', 'PER']])).toBe('she');
  });

  test('an "as X puts it" aside opening the sentence attributes it, over a later cue', () => {
    const t = 'As Ida Brenn put it, the mayor called the pier “a death trap.”';
    expect(speakerIn(t, [['Ida Brenn', 'PER']])).toBe('Ida Brenn');
    // "GOP." ends a sentence like any other word.
    const t2 = 'The vote was a blow to the GOP. As the Herald’s Ida Brenn puts it, the mayor is offering pilots “a deal nobody can turn down.”';
    expect(
      speakerIn(t2, [
        ['Herald', 'ORG'],
        ['Ida Brenn', 'PER'],
      ]),
    ).toBe('Ida Brenn');
  });

  test('a cue joined by "and" to the clause of the sentence’s earlier quote shares its speaker', () => {
    const t = 'At the meeting, Ida Brenn mocked the “sorry” timetable Tomas Reed drew up and criticized the “lazy” repairs.';
    const qs = run(t, [
      ['Ida Brenn', 'PER'],
      ['Tomas Reed', 'PER'],
    ]);
    expect(qs.map(speakerOf)).toEqual(['Ida Brenn', 'Ida Brenn']);
  });

  test('a name in lower-case words after a noun is the sentence subject’s term for it', () => {
    const t = 'The pilots attacked the fee rule called a “harbour grab” in town.';
    expect(speakerIn(t)).toBe('The pilots');
    // A capitalised title is only named, and a passive "is called" names for nobody.
    const t2 = 'The pilots set up a website called “Harbour Watch Now” last spring.';
    expect(run(t2)[0]?.speaker).toBeNull();
  });

  test('a pronoun opening the clause after a comma is the subject of a verb joined by "and"', () => {
    const t = 'The harbour master heard the pilots ask whether Tomas Reed would reopen the pier, she shrugged and said, “Ask me in spring.”';
    expect(speakerIn(t, [['Tomas Reed', 'PER']])).toBe('she');
  });
});

describe('a body named in a role that describes the subject', () => {
  test('is not the speaker: the one the role describes is', () => {
    // (The name finder missed the body: the quote stage reads it as a capitalised name of its own.)
    const t = 'Dana Kirwin, director of civil rights group Fairhold, has called on ministers to “think again” about the plan.';
    expect(speakerIn(t, [['Dana Kirwin', 'PER']])).toBe('Dana Kirwin');
    expect(
      speakerIn(t, [
        ['Dana Kirwin', 'PER'],
        ['Fairhold', 'ORG'],
      ]),
    ).toBe('Dana Kirwin');
    const u = 'Tomas Reed, the former head of the Brakewell Trust, said the plan was “a mistake”.';
    expect(
      speakerIn(u, [
        ['Tomas Reed', 'PER'],
        ['Brakewell Trust', 'ORG'],
      ]),
    ).toBe('Tomas Reed');
  });

  test('also after modifiers of the role', () => {
    const t = 'Carla Wendt, legal director of the rights organisation Fairhold, said: “It is not enough.”';
    expect(speakerIn(t, [['Carla Wendt', 'PER']])).toBe('Carla Wendt');
  });

  test('still speaks where the phrase names the body itself', () => {
    const t = 'The regulator, Fairhold, said the plan was “a mistake”.';
    expect(speakerIn(t, [['Fairhold', 'ORG']])).toBe('Fairhold');
  });
});

describe('a person "of" a place or a body', () => {
  test('the person is the speaker, not the name after "of"', () => {
    const t = 'Lord Nichollson of Birkenhead, in his ruling, said: “Indefinite detention is anathema.”';
    expect(
      speakerIn(t, [
        ['Nichollson', 'PER'],
        ['Birkenhead', 'LOC'],
      ]),
    ).toBe('Nichollson');
    const u = 'Sam Okafor of Leeds said: “It is wrong.”';
    expect(
      speakerIn(u, [
        ['Sam Okafor', 'PER'],
        ['Leeds', 'ORG'],
      ]),
    ).toBe('Sam Okafor');
  });

  test('a body "of" a place still speaks as the body', () => {
    const t = 'The Bank of Zembla said: “Rates will rise.”';
    expect(speakerIn(t, [['Bank of Zembla', 'ORG']])).toBe('Bank of Zembla');
  });
});

describe('a person "of" a place: limits', () => {
  test('not a person who is the object of a phrase, and "of the" counts too', () => {
    const t = 'The daughter of Sam Okafor of Leeds said: “We want answers.”';
    expect(
      speakerIn(t, [
        ['Sam Okafor', 'PER'],
        ['Leeds', 'LOC'],
      ]),
    ).not.toBe('Sam Okafor');
    const u = 'Mervyn Kingsley of the Bank of Zembla said: “Rates will rise.”';
    expect(
      speakerIn(u, [
        ['Mervyn Kingsley', 'PER'],
        ['Bank of Zembla', 'ORG'],
      ]),
    ).toBe('Mervyn Kingsley');
  });
});
