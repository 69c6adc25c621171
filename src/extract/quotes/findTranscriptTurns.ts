import type { AttributedQuote, NameSpan } from './types.js';

/**
 * How sure a turn of a transcript is, as a quote and as its speaker. The calibration table has no
 * transcripts to learn from (PolNeAR has none), so this is a fixed score: the form is explicit,
 * and the speaker is a person the article names.
 */
const TURN_CONFIDENCE = 0.9;

/** A line opening with a name and a colon: "Okonjo-Iweala: Very worried. …". */
const TURN = /^(\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*){0,3}):[ \t]+(?=\S)/u;

/**
 * Fewer turns of one speaker than this are a label, a caption or a heading ("Smith: the man who
 * …"), not a transcript.
 */
const MIN_TURNS = 2;
/** Words a turn has at least. */
const MIN_WORDS = 3;

/**
 * The turns of an interview written as a transcript: each line that opens with a person's name
 * (or surname) and a colon is that person's words, when one person opens at least two such
 * lines and no quotation marks were found in their paragraphs. `names` are the article's name spans;
 * `quoted` the paragraphs (by index) the quotation-mark stage found quotes in.
 */
export function findTranscriptTurns(
  text: string,
  paragraphs: readonly { start: number; end: number }[],
  names: readonly NameSpan[],
  quoted: ReadonlySet<number>,
): AttributedQuote[] {
  const people = new Set<string>();
  for (const n of names) {
    if (n.type !== 'PER') continue;
    people.add(n.text);
    const space = n.text.lastIndexOf(' ');
    if (space > 0) people.add(n.text.slice(space + 1));
  }
  if (people.size === 0) return [];
  const turns: AttributedQuote[] = [];
  paragraphs.forEach((p, paragraphIndex) => {
    if (quoted.has(paragraphIndex)) return;
    // A turn is a line: a paragraph may hold a question and its answer on lines of their own.
    for (let at = p.start; at < p.end;) {
      const newline = text.indexOf('\n', at);
      const lineEnd = newline < 0 ? p.end : Math.min(p.end, newline);
      const turn = turnAt(text, at, lineEnd, people, paragraphIndex);
      if (turn) turns.push(turn);
      at = lineEnd + 1;
    }
  });
  // A transcript gives someone the word more than once; names that each open one line are a
  // list's headings ("Jeb Bush: Student loans", "Marco Rubio: Retirement accounts").
  const bySpeaker = new Map<string, number>();
  for (const t of turns) bySpeaker.set(t.speaker!.mention.text, (bySpeaker.get(t.speaker!.mention.text) ?? 0) + 1);
  return Math.max(0, ...bySpeaker.values()) >= MIN_TURNS ? turns : [];
}

/** The turn on the line [at, lineEnd), if it opens with one of `people` and a colon. */
function turnAt(text: string, at: number, lineEnd: number, people: ReadonlySet<string>, paragraphIndex: number): AttributedQuote | null {
  const line = text.slice(at, lineEnd);
  const turn = TURN.exec(line);
  if (!turn || !people.has(turn[1]!)) return null;
  const start = at + turn[0].length;
  const end = at + line.trimEnd().length;
  const words = text.slice(start, end);
  if (words.split(/\s+/).length < MIN_WORDS) return null;
  return {
    text: words,
    start,
    end,
    kind: 'DIRECT',
    paragraphIndex,
    cue: null,
    speaker: { mention: { start: at, end: at + turn[1]!.length, text: turn[1]! }, form: 'NAME', antecedent: null },
    confidence: TURN_CONFIDENCE,
    speakerConfidence: TURN_CONFIDENCE,
    evidence: 'TRANSCRIPT',
  };
}
