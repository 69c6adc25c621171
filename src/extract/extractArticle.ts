/**
 * The extraction engine: one article in, its entities, attributed quotes and tags out.
 * Stages: NER (ner/) → entities with coreference and roles (entities/) → quote attribution
 * (quotes/) → speaker resolution (speakers/) → tags (tags/). Pure: no I/O besides the NER model
 * loaded once per process, and no state kept between articles.
 */
import { buildEntities } from './entities/index.js';
import { recognizeEntities, type NerMention } from './ner/recognizeEntities.js';
import { attributeQuotes } from './quotes/attributeQuotes.js';
import { findTranscriptTurns } from './quotes/findTranscriptTurns.js';
import type { NameSpan } from './quotes/types.js';
import { addSpeakerMentions } from './speakers/addSpeakerMentions.js';
import { resolveSpeaker } from './speakers/resolveSpeaker.js';
import { genderOfFirstName } from './knowledge/firstNames.js';
import { recaseNames, recasedMentions, restoreSpanText } from './recaseNames.js';
import { HONORIFICS } from './entities/lexicon.js';
import { deriveTags } from './tags/deriveTags.js';
import type { EntityKind, ExtractInput, Extraction, ExtractedQuote } from './types.js';

/** Bumped whenever the output for the same input may change (stored with every extracted fact). */
export const EXTRACTOR_VERSION = 'storygraph-extract/2.15.0';

const NER_TAG: Record<EntityKind, NameSpan['type']> = {
  PERSON: 'PER',
  ORGANIZATION: 'ORG',
  PLACE: 'LOC',
  WORK: 'MISC',
  EVENT: 'MISC',
  PRODUCT: 'MISC',
  AWARD: 'MISC',
};
/** Confidence given to a name only the quote stage saw as a speaker. */
const SPEAKER_NAME_CONFIDENCE = 0.6;

/** Extracts entities, quotes with speakers, and tags from one article. */
export function extractArticle(input: ExtractInput): Extraction {
  const { title, paragraphs } = input;
  const segments = [title, ...paragraphs];
  const found = recognizeEntities(input.text, segments);
  // Names NER found in text written all in lower case: the later stages read them capitalised.
  const text = recaseNames(input.text, found);
  const ner: NerMention[] = text === input.text ? found : recasedMentions(text, found);
  let built = buildEntities(text, segments, ner);
  const names = namesOf(built.mentionIndex, text);
  const marked = attributeQuotes(text, paragraphs, names);
  // An interview written as a transcript quotes without quotation marks.
  const turns = findTranscriptTurns(text, paragraphs, names, new Set(marked.map((q) => q.paragraphIndex)));
  const quotes = turns.length === 0 ? marked : [...marked, ...turns].sort((a, b) => a.start - b.start);

  // A speaker the quote stage read as a name but NER missed is still a person: add and rebuild.
  const missed: NerMention[] = [];
  for (const q of quotes) {
    const s = q.speaker;
    const basis = s && s.form === 'NAME' ? (s.antecedent ?? s.mention) : null;
    if (
      basis &&
      /^\p{Lu}/u.test(basis.text) &&
      !built.mentionIndex.some((m) => m.start < basis.end && m.end > basis.start) &&
      !missed.some((m) => m.start === basis.start)
    ) {
      // A group name NER called MISC ("Democrats") speaks as an organization.
      // So does a name after "the" ("the Tories dismissed …"): people are not named with an article.
      // So does a name after "for", "of" or "at" that opens with no first name ("a spokeswoman for Network Rail").
      const before = text.slice(Math.max(0, basis.start - 6), basis.start);
      const firstWord = basis.text.split(' ')[0]!;
      const group =
        ner.some((m) => m.type === 'MISC' && m.start === basis.start && m.end === basis.end) ||
        /\bthe\s+$/i.test(before) ||
        (/\b(?:for|of|at)\s+$/.test(before) && genderOfFirstName(firstWord) === null && !HONORIFICS.has(firstWord));
      // (Of NER's shape, so that the entity stage reads one shape of mention.)
      missed.push({ type: group ? 'ORG' : 'PER', start: basis.start, end: basis.end, text: basis.text, confidence: SPEAKER_NAME_CONFIDENCE, caseless: false });
    }
  }
  if (missed.length > 0)
    built = buildEntities(
      text,
      segments,
      // (NER's own mention of the speaker, dropped as doubtful, gives way: one mention a name.)
      [...ner.filter((m) => !missed.some((x) => x.start === m.start && x.end === m.end)), ...missed].sort((a, b) => a.start - b.start),
    );

  const extracted = quotes.map((q): ExtractedQuote => ({
    text: q.text,
    start: q.start,
    end: q.end,
    kind: q.kind,
    cue: q.cue,
    speaker: resolveSpeaker(q.speaker, built, q.speakerConfidence),
    confidence: q.confidence,
  }));
  addSpeakerMentions(built.entities, quotes, extracted);
  const extraction: Extraction = {
    entities: built.entities,
    quotes: extracted,
    tags: deriveTags(input.editorTags, built.words),
  };
  return text === input.text ? extraction : restoreSpanText(extraction, input.text);
}

/** The entity mentions in the form the quote stage reads. */
function namesOf(index: readonly { start: number; end: number; type: EntityKind; nested: boolean }[], text: string): NameSpan[] {
  return index.filter((m) => !m.nested).map((m) => ({ start: m.start, end: m.end, text: text.slice(m.start, m.end), type: NER_TAG[m.type] }));
}
