/**
 * Quote attribution: finds every quotation in a news text and who said it, with rules and word
 * lists only. Work per quote is bounded (a sentence either side, a few name lookups), so the
 * stage is linear in the text length.
 */
import { calibrateEvidence } from './calibrate.js';
import { isBare, isNamedThing, isTitleLike, quoteKind } from './classifyQuote.js';
import { asAsideCue, firstCue, lastCue, reportingCueBefore, type CueMatch } from './findCue.js';
import { findQuoteSpans, type RawQuote } from './findQuoteSpans.js';
import { isCitedNotSpoken } from './isCitedNotSpoken.js';
import { ADDRESSEE_VERBS, clauseSubject, npStartingAt, speakerForCue, type SpeakerCandidate } from './findSpeaker.js';
import { CUE_WORDS, DETERMINERS, NAMING_WORDS, NP_STOP_WORDS, OBJECT_PRONOUNS, PRONOUNS, ROLE_NOUNS, WORK_NOUNS } from './lexicon.js';
import { NameIndex } from './nameIndex.js';
import { nestedSource } from './nestedSource.js';
import { isNationalityNoun, resolveNationalityNoun, resolvePronoun, type SpeakerMemory } from './resolvePronoun.js';
import { sentenceEnd, sentenceStart } from './sentenceBounds.js';
import { tokenize, type Token } from './tokenize.js';
import type { AttributedQuote, NameSpan, QuoteSpeaker, Span } from './types.js';

const SENTENCE_REACH = 600; // characters searched for a sentence start before a quote
const AFTER_REACH = 400; // characters searched after a quote
const ATTACHED_CUE_REACH = 14; // tokens after a quote within which "…,” Smith, a …, said" may put its cue
const PARTIAL_CUE_REACH = 40;

interface Done {
  raw: RawQuote;
  quote: AttributedQuote;
  /** The referent for later pronouns and continuations. */
  referent: Span | null;
}

function span(text: string, start: number, end: number): Span {
  return { start, end, text: text.slice(start, end) };
}

/** Last character of the content, looking through nested closing quotes ('…,'" → ','). */
function lastContentChar(text: string, q: RawQuote): string {
  let i = q.end - 1;
  while (i > q.start && /['’"”]/.test(text[i] ?? '')) i--;
  return text[i] ?? '';
}

/** Finds quotes in `text` and attributes each to a speaker; offsets index `text`. */
export function attributeQuotes(text: string, paragraphs: readonly { start: number; end: number }[], names: readonly NameSpan[]): AttributedQuote[] {
  const index = new NameIndex(names);
  const raws = findQuoteSpans(text, paragraphs);
  const done: Done[] = [];
  const memory: SpeakerMemory[] = [];
  let prevKept: Done | null = null;
  // The last quote dropped as a name or title, so that the next item of a list of titles goes too.
  let lastNamed: RawQuote | null = null;

  for (let qi = 0; qi < raws.length; qi++) {
    const q = raws[qi]!;
    const para = paragraphs[q.paragraphIndex]!;
    const prevRaw = qi > 0 && raws[qi - 1]!.paragraphIndex === q.paragraphIndex ? raws[qi - 1]! : null;
    const nextRaw = qi + 1 < raws.length && raws[qi + 1]!.paragraphIndex === q.paragraphIndex ? raws[qi + 1]! : null;
    // A title skipped in between ("…,” he said on “Meet the Press.” “…”) is not speech: the quote
    // before it is still the previous one.
    const prev =
      prevKept !== null &&
      (prevKept.raw === prevRaw || (prevRaw !== null && qi > 1 && prevKept.raw === raws[qi - 2] && prevKept.raw.paragraphIndex === q.paragraphIndex))
        ? prevKept
        : null;

    // The writer's words around the quote, within its sentence and between neighbouring quotes.
    // A title dropped just before ("she told the Herald's “Morning Tide” that …") is part of those words.
    const speechBefore =
      prevRaw !== null && prevRaw === lastNamed ? (qi > 1 && raws[qi - 2]!.paragraphIndex === q.paragraphIndex ? raws[qi - 2]! : null) : prevRaw;
    const leftLimit = speechBefore !== null ? Math.max(para.start, speechBefore.end - 1) : para.start;
    const sStart = sentenceStart(text, q.open, Math.max(leftLimit, q.open - SENTENCE_REACH), para.end);
    const sameSentenceAsPrev = speechBefore !== null && sStart <= leftLimit;
    const beforeStart = speechBefore !== null ? Math.max(sStart, speechBefore.close) : sStart;
    const before = tokenize(text, beforeStart, q.open);
    const rightLimit = Math.min(nextRaw !== null ? nextRaw.open : para.end, q.close + AFTER_REACH);
    const afterEnd = q.closed ? sentenceEnd(text, q.close, rightLimit) : q.close;
    const after = tokenize(text, q.close, afterEnd);

    const content = text.slice(q.start, q.end);
    let kind = quoteKind(content, before, q.continues);
    // "“A,” she said, “b.”": the second half of a split sentence quote is as direct as the first.
    if (
      kind === 'PARTIAL' &&
      prev !== null &&
      sameSentenceAsPrev &&
      prev.quote.kind === 'DIRECT' &&
      before[0]?.text !== undefined &&
      isSplitBridge(text, speechBefore!, before)
    )
      kind = 'DIRECT';

    if (isHeadingOrAside(text, q, para, content)) continue;
    const titleLike = isTitleLike(content);
    if (
      (kind === 'PARTIAL' && (isNamedThing(before) || (titleLike && looksLikeTitleContext(before, index)))) ||
      isCitedNotSpoken(text, { open: q.open, close: q.close, content, titleLike }) ||
      // The title of a work next to the noun naming it: "the documentary “Long Road”".
      ((titleLike || /^\p{N}[\p{L}\p{N}]*[.,]?$/u.test(content)) && nextToWorkNoun(before, after, isBare(content))) ||
      (kind === 'PARTIAL' && titleLike && content.split(/\s+/).length >= 2 && endsInEventNoun(content)) ||
      // The next title in a list of them: "roles in “Harbour Lights,” “Low Tide” and “Ebb”".
      (titleLike && lastNamed !== null && lastNamed === prevRaw && /^[\s,]*(?:(?:and|or)\s+)?$/.test(text.slice(prevRaw.close, q.open)))
    ) {
      lastNamed = q;
      continue;
    }
    // The writer distancing a term: "the so-called “experts”" (also broken at the hyphen, "so- called").
    if (kind === 'PARTIAL' && /\bso-\s?called\s*$/i.test(text.slice(Math.max(0, q.open - 12), q.open)) && content.split(/\s+/).length <= 3) continue;
    // A pronoun in scare quotes ("because “she” is a “he”", "the “us” he speaks for") is the
    // writer's word play, whatever speech verb is near.
    if (kind === 'PARTIAL' && isPronounInQuotes(content)) continue;
    // A sign-off line such as "Follow the author on Twitter @handle."
    if (/^Follow\b[^.!?]*\bon (?:Twitter|Facebook|Instagram)\b/.test(content)) continue;

    // The last attributed quote, when it lies in this quote's sentence.
    const lastDone = done[done.length - 1];
    const earlier =
      sameSentenceAsPrev &&
      lastDone !== undefined &&
      lastDone.quote.paragraphIndex === q.paragraphIndex &&
      lastDone.raw.close >= sentenceStart(text, q.open, Math.max(para.start, q.open - SENTENCE_REACH), para.end)
        ? lastDone
        : null;

    // Choose the cue: after the quote for "…,” she said", before it for "X said: “…”".
    const attached = kind === 'DIRECT' && isAttachedAfter(text, q, after);
    // A quote that does not end its sentence ("“…” to drive up the price, she said") leaves the
    // rest of the sentence to the writer, and a cue anywhere in it applies.
    const runsOn = kind === 'PARTIAL' || (attached && !/[.!?…]/.test(lastContentChar(text, q)));
    // A fragment that ends the writer's sentence ("… his “Grand Plan.” In 1998 …") has no words after it.
    const endsSentence = kind === 'PARTIAL' && /[.!?]/.test(lastContentChar(text, q)) && after[0] !== undefined && after[0].cap;
    const afterCue =
      after.length > 0 && q.closed && !endsSentence ? firstCue(after, runsOn ? PARTIAL_CUE_REACH : ATTACHED_CUE_REACH, kind === 'PARTIAL' ? 1 : 3) : null;
    // "…” He added, “…”": words that end in a colon or comma right before the next quote open it.
    const endsWithIntro =
      after.length > 0 &&
      (after[after.length - 1]!.text === ':' || after[after.length - 1]!.text === ',') &&
      nextRaw !== null &&
      afterEnd >= nextRaw.open - 2 &&
      /[.!?…]/.test(lastContentChar(text, q)) &&
      !/^[,—–-]$/.test(after[0]!.text);
    const beforeCue = lastCue(before, 3);
    let cue: CueMatch | null = null;
    let cueTokens: readonly Token[] = before;
    if (kind === 'DIRECT') {
      if (attached && afterCue !== null && !endsWithIntro) {
        cue = afterCue;
        cueTokens = after;
      } else if (beforeCue !== null) cue = beforeCue;
    } else if (beforeCue !== null && !(afterCue !== null && !endsWithIntro && closesSentence(after, afterCue, lastContentChar(text, q) === ',')))
      cue = beforeCue;
    else if (afterCue !== null && !endsWithIntro) {
      cue = afterCue;
      cueTokens = after;
    }

    // "As the Herald's Ann Lee puts it, the pier is “…”": an aside opening the sentence says whose
    // words the sentence reports, over a cue later in it.
    const aside = beforeStart === sStart ? asAsideCue(before) : null;
    if (aside !== null && (cue === null || (cueTokens === before && cue.first > aside.last))) {
      cue = aside;
      cueTokens = before;
    }

    // "Fares were “A” while the board argued over “B”, she said.": a short attribution closing
    // the sentence after later quotes attributes the earlier one too.
    if (cue === null && q.closed && nextRaw !== null && !/[.!?]/.test(lastContentChar(text, q)) && sentenceEnd(text, q.close, nextRaw.open) === nextRaw.open) {
      const closing = closingAttributionAfter(text, nextRaw.close, Math.min(para.end, nextRaw.close + AFTER_REACH));
      if (closing !== null) ({ cue, tokens: cueTokens } = closing);
    }

    // "Pilots differ - Jane Doe: “…”": a label after a dash opens a new item, so the cue
    // before the dash belongs to the writer's words, not to the quote.
    if (kind === 'DIRECT' && cue !== null && cueTokens === before && labelAfterDash(text, before, cue, index)) cue = null;

    let speaker: QuoteSpeaker | null = null;
    let referent: Span | null = null;
    let confidence: number;
    let cueSpan: Span | null = null;

    // "“…” ― Jane Doe": a dash and a name after the quote sign it without a verb.
    const signed =
      cue === null || cueTokens === before
        ? (signature(text, q, after, index) ??
          signatureInside(text, q, paragraphs, index) ??
          (cue === null && kind === 'DIRECT' ? attachedActor(text, q, after, index) : null) ??
          (after.length === 0 && nextRaw === null ? signatureBelow(text, q, paragraphs, index) : null))
        : null;
    // "her remark that “…”", "Romney's “47 percent” comment": the owner of a word for speech.
    // Not when a speech verb governs the phrase ("Ryan told CNN that Ginsburg's comments “…”"):
    // only with no cue, or with the speech noun itself read as the cue.
    const owner =
      signed === null
        ? ((cue === null || (cueTokens === before && cue.first >= before.length - 2) ? speechOwner(text, before, after, index) : null) ??
          (cue === null || cueTokens === before ? linkedSpeechOwner(text, before, cue, index) : null))
        : null;
    if (signed !== null) {
      speaker = { mention: signed.mention, form: signed.form, antecedent: null };
      referent = signed.mention;
      confidence = 0.8;
    } else if (owner !== null) {
      if (owner.form === 'PRONOUN') {
        const as = POSSESSIVE_TO_SUBJECT[owner.mention.text.toLowerCase()]!;
        const antecedent = resolvePronoun(text, { ...owner.mention, text: as }, before, q.paragraphIndex, memory, index);
        speaker = { mention: owner.mention, form: 'PRONOUN', antecedent };
        referent = antecedent;
      } else ({ speaker, referent } = toSpeaker(text, owner, before, q.paragraphIndex, memory, index));
      confidence = 0.7;
    } else if (cue !== null && cueTokens === before && isNamingOnly(before, cue) && passiveAgent(text, before, after, cue, true, index) === null) {
      // "a website called “…”", "what is called a “debate”": a name given, not words spoken
      // (unless someone is named as giving it: "is called a “debate” by critics").
      cueSpan = span(text, before[cue.first]!.start, before[cue.last]!.end);
      confidence = 0.5;
      // After a noun a name in lower-case words is the sentence subject's term for it ("The
      // pilots attacked the fee rule called a “harbour grab”"): that subject uses the words when it is a
      // name, a group or a pronoun (a bare description there is rarely who speaks). A
      // capitalised title ("a play called “Sons of the Sea”") is only named.
      const plainWords = /^\p{Ll}/u.test(content);
      const user = !plainWords || PASSIVE_AUXILIARIES.has(before[cue.first - 1]!.lower) ? null : clauseSubject(text, before, 0, cue.first, index, true);
      if (user !== null && user.form !== 'DESCRIPTION') ({ speaker, referent } = toSpeaker(text, user, before, q.paragraphIndex, memory, index));
    } else if (
      cue !== null &&
      cueTokens === before &&
      isAddressedPassive(before, cue) &&
      passiveAgent(text, before, after, cue, true, index) === null &&
      nestedSource(text, before, 0, cue.first, index) === null
    ) {
      // "Smith was asked, “…?”": the subject is the one spoken to; the asker goes unnamed.
      cueSpan = span(text, before[cue.first]!.start, before[cue.last]!.end);
      confidence = 0.5;
    } else if (cue !== null) {
      cueSpan = span(text, cueTokens[cue.first]!.start, cueTokens[cue.last]!.end);
      // A cue inside the clause of an earlier reporting verb ("Bolton said he would advise Trump
      // on “…”") reports through it: the reporting verb's subject is the source.
      const outer = cueTokens === before ? reportingCueBefore(before, cue.first) : null;
      const outerCand = outer !== null ? speakerForCue(text, before, outer, 0, index) : null;
      // "“…,” Smith said, according to the Herald": the outlet that reports the words is the source.
      const nested = cue.speakerAfter
        ? null
        : cueTokens === before
          ? (nestedSource(text, before, 0, cue.first, index) ?? nestedSource(text, after, 0, after.length, index))
          : nestedSource(text, cueTokens, cue.last + 1, cueTokens.length, index);
      const cand =
        nested ??
        passiveAgent(text, before, cueTokens === before ? after : cueTokens, cue, cueTokens === before, index) ??
        (cueTokens === before && beforeStart === sStart ? subjectAfterOpening(text, before, after, cue, index) : null) ??
        outerCand ??
        speakerForCue(text, cueTokens, cue, 0, index, cueTokens === before ? undefined : before) ??
        // "Clinton talked up her “…,” promising to …": a cue after the quote with no subject of its
        // own takes the subject of the writer's words before it.
        clauseSubject(text, before, 0, cueTokens === before ? cue.first : before.length, index, true) ??
        (cueTokens === before && sameSentenceAsPrev
          ? subjectOfWholeSentence(
              text,
              sentenceStart(text, q.open, Math.max(para.start, q.open - SENTENCE_REACH), para.end),
              q.open,
              before[cue.first]!.start,
              index,
            )
          : null) ??
        // "Asked which county he liked best, he demurred: “…”": the subject of a sentence that
        // introduces the quote with a colon speaks, whatever the cue found.
        (kind === 'DIRECT' && cueTokens === before ? subjectBeforeColon(text, before, index) : null);
      // "Maher called the report “not good.” Adding, “…”": a participle opening its own sentence
      // goes on with the previous sentence's speaker.
      const continued =
        cand === null && cueTokens === before && cue.first === 0 && beforeStart === sStart && before[0]!.lower.endsWith('ing')
          ? sentenceSpeakerBefore(text, sStart, para.start, done, q.paragraphIndex, index, memory)
          : null;
      // "Lee mocked the “…” timetable and attacked the “…” repairs": a cue joined by "and"
      // to the clause of the sentence's earlier quote shares that quote's speaker; so does a cue
      // with no subject at all ("“…,” Lee said on “Morning Tide,” adding, “…”"; a title in
      // between is not a quote).
      const fromEarlier =
        earlier !== null && ((cueTokens === before && before[cue.first - 1]?.lower === 'and') || cand === null) ? carrySpeaker(earlier) : null;
      if (continued !== null) {
        ({ speaker, referent } = continued);
        confidence = 0.65;
      } else if (fromEarlier !== null) {
        ({ speaker, referent } = fromEarlier);
        confidence = 0.75;
      } else if (cand !== null) {
        // The writer's words from the sentence start are `before` when no earlier quote cut them.
        const sentence = cueTokens === before ? before : (beforeStart === sStart ? before : tokenize(text, sStart, q.open)).concat(after);
        // "The BBC's correspondent, Rachel Harvey, said … “…,” she said": whoever the writer
        // reported speaking just before the quote is the latest speaker for its pronoun.
        const reported = cand.form === 'PRONOUN' ? reportedSpeakerBefore(text, q, cueTokens === before ? sStart : q.open, paragraphs, index) : null;
        const withReported =
          reported !== null && memory.every((m) => m.referent.start < reported.start)
            ? [...memory, { referent: reported, personLike: true, paragraphIndex: q.paragraphIndex }]
            : memory;
        ({ speaker, referent } = toSpeaker(text, cand, sentence, q.paragraphIndex, withReported, index));
        confidence = cand.strength === 1 ? 0.9 : cand.strength === 2 ? 0.8 : 0.65;
        if (speaker.form === 'PRONOUN') confidence -= speaker.antecedent === null ? 0.2 : 0.05;
      } else confidence = 0.5;
    } else {
      const labelled = kind === 'DIRECT' ? (nameBeforeColon(text, before, index) ?? subjectBeforeColon(text, before, index)) : null;
      const inherited = labelled === null ? inherit(text, q, kind, prev, sameSentenceAsPrev, done, paragraphs, index, memory) : null;
      if (labelled !== null) {
        ({ speaker, referent } = toSpeaker(text, labelled, before, q.paragraphIndex, memory, index));
        confidence = labelled.strength === 1 ? 0.8 : 0.7;
      } else if (inherited !== null) ({ speaker, referent, confidence } = inherited);
      else if (kind === 'PARTIAL') {
        // No speech verb: a borrowed phrase ("admires him as a “strong leader”") belongs to the
        // sentence's subject, if anyone; keep it with low confidence.
        // "The harbour column faulted Lee's “…”": when the clause has a subject at all, a plain
        // phrase opening it is that subject, before a name inside it.
        const named = clauseSubject(text, before, 0, before.length, index);
        const subject = named !== null ? (clauseSubject(text, before, 0, before.length, index, true) ?? named) : null;
        const nearer = subject !== null ? nearestPronounSubject(text, before, subject.mention.end) : null;
        if (nearer !== null) {
          // "Clinton endorsed the deal, although she made it clear that she has “serious
          // concerns”": the pronoun heading the nearest clause is its subject.
          ({ speaker, referent } = toSpeaker(text, nearer, before, q.paragraphIndex, memory, index));
          confidence = 0.45;
        } else if (subject !== null && isDummyIt(subject, before)) {
          // "It's common for critics to call it a “rebellion”": "it" there stands for nothing; but
          // right after someone's quote ("“…,” she says. It's “a new kind of …”") the words go on.
          const carried = quoteSpeakerBefore(text, sStart, para.start, done, q.paragraphIndex);
          if (carried !== null) ({ speaker, referent } = carried);
          confidence = 0.3;
        } else if (subject !== null) {
          ({ speaker, referent } = toSpeaker(text, subject, before, q.paragraphIndex, memory, index));
          confidence = 0.45;
        } else if (content.split(/\s+/).length <= 3)
          continue; // a term in scare quotes ("the “sex tape” reference")
        else {
          // "…, Smith said. That makes her “a trustworthy person …”": a fragment in a sentence
          // with no subject of its own goes on with the speaker of the sentence before.
          const carried = sentenceSpeakerBefore(text, sStart, para.start, done, q.paragraphIndex, index, memory);
          if (carried !== null) ({ speaker, referent } = carried);
          confidence = 0.3;
        }
      } else confidence = 0.4;
    }

    const calibrated = calibrateEvidence(kind, cueSpan !== null, speaker?.form ?? null, confidence);
    const quote: AttributedQuote = {
      text: content,
      start: q.start,
      end: q.end,
      kind,
      paragraphIndex: q.paragraphIndex,
      cue: cueSpan,
      speaker,
      confidence: Math.round(calibrated.quote * 1000) / 1000,
      speakerConfidence: Math.round(calibrated.speaker * 1000) / 1000,
      evidence: calibrated.evidence,
    };
    const d: Done = { raw: q, quote, referent };
    done.push(d);
    prevKept = d;
    if (referent !== null && speaker !== null) {
      memory.push({
        referent,
        personLike: speaker.form === 'NAME' || speaker.form === 'DESCRIPTION' || (speaker.form === 'PRONOUN' && /^(?:he|she)$/i.test(speaker.mention.text)),
        paragraphIndex: q.paragraphIndex,
      });
    }
  }
  return done.map((d) => d.quote);
}

/** A personal pronoun, subject or object form. */
function isPronoun(word: string): boolean {
  return PRONOUNS.has(word) || OBJECT_PRONOUNS.has(word);
}

/** The most letters a personal pronoun has ("they", "them"). */
const PRONOUN_MAX_LETTERS = Math.max(...[...PRONOUNS.keys(), ...OBJECT_PRONOUNS].map((w) => w.length));

/**
 * True when the quoted words are a personal pronoun once stripped of all but letters. Most
 * quotes show more ASCII letters than any pronoun has within their first words, which settles it
 * without rebuilding the whole content.
 */
function isPronounInQuotes(content: string): boolean {
  let letters = 0;
  for (let i = 0; i < content.length; i++) {
    const c = content.charCodeAt(i) | 0x20; // ASCII upper case folded to lower
    if (c >= 97 && c <= 122 && ++letters > PRONOUN_MAX_LETTERS) return false;
  }
  return isPronoun(content.replace(/[^\p{L}]/gu, '').toLowerCase());
}

/**
 * The attribution closing the sentence that goes on at `from` (", he said." / ", the mayor
 * added."): the tokens from its comma to the stop and the cue among them, when the sentence
 * ends within `limit` with no quote after that comma.
 */
function closingAttributionAfter(text: string, from: number, limit: number): { cue: CueMatch; tokens: readonly Token[] } | null {
  const end = sentenceEnd(text, from, limit);
  if (!/[.!?]/.test(text[end - 1] ?? '')) return null;
  const comma = text.lastIndexOf(',', end);
  if (comma < from || end - comma > 60 || /["“”]/.test(text.slice(comma, end))) return null;
  const tokens = tokenize(text, comma, end);
  if (tokens.length > 9) return null;
  const cue = firstCue(tokens, tokens.length, tokens.length);
  return cue !== null && !cue.speakerAfter && closesSentence(tokens, cue, false) ? { cue, tokens } : null;
}

/** Words that open a relative or comparative clause, whose cue attributes nothing outside it. */
const RELATIVES: ReadonlySet<string> = new Set(['that', 'which', 'who', 'whom', 'as']);

/**
 * True when the cue after a fragment sits in a short clause set off by a comma at the end of the
 * writer's sentence ("Nothing he said will “calm fears,” the senator said."): that clause
 * attributes the whole sentence, speech verbs inside it included.
 */
function closesSentence(after: readonly Token[], cue: CueMatch, commaInQuote: boolean): boolean {
  const n = after.length;
  // The comma may close the quoted words themselves: "… “will calm the markets,” the analyst said."
  // or "…,” the pilot added, calling …".
  if (
    commaInQuote &&
    cue.first <= 6 &&
    (n - 1 - cue.last <= 3 ? /^[.!?]$/.test(after[n - 1]!.text) : after[cue.last + 1]!.text === ',') &&
    after.slice(0, cue.first).every((t) => t.word && !RELATIVES.has(t.lower) && !NP_STOP_WORDS.has(t.lower))
  )
    return true;
  if (n === 0 || !/^[.!?]$/.test(after[n - 1]!.text) || n - 1 - cue.last > 8) return false;
  for (let k = cue.first - 1; k >= 0 && cue.first - k <= 6; k--) {
    if (after[k]!.text === ',') return true;
    // "…, in a finish that he said defied expectations": a cue inside a relative clause.
    if ((!after[k]!.word && after[k]!.text !== '.') || RELATIVES.has(after[k]!.lower)) return false;
  }
  return false;
}

/**
 * The agent of a passive cue: "the plan was called a “witch hunt” by Democrats", "a term coined
 * by the senator, “…”", "Asked by a reporter whether …". A past participle as the cue, and "by"
 * with a phrase right after it or right after the quote.
 */
function passiveAgent(
  text: string,
  before: readonly Token[],
  after: readonly Token[],
  cue: CueMatch,
  cueBefore: boolean,
  index: NameIndex,
): SpeakerCandidate | null {
  const tokens = cueBefore ? before : after;
  const head = tokens[cue.first]!;
  if (cue.speakerAfter || !/ed$|^known$|^seen$|^shown$/.test(head.lower) || cue.last !== cue.first) return null;
  // "X was called …", "… called … by", not "X called …": a passive auxiliary or no subject at all.
  const p1 = tokens[cue.first - 1];
  const p2 = tokens[cue.first - 2];
  // A passive auxiliary ("was often called"), or a reduced relative after a dash or a plain noun
  // ("— often labeled", "measures added by"); never an active verb with a subject ("he has declared").
  const aux = (t: Token | undefined): boolean => t !== undefined && PASSIVE_AUXILIARIES.has(t.lower);
  const plainNoun =
    p1 !== undefined &&
    p1.word &&
    !p1.cap &&
    !NP_STOP_WORDS.has(p1.lower) &&
    !CUE_WORDS.has(p1.lower) &&
    !PRONOUNS.has(p1.lower) &&
    (DETERMINERS.has(p2?.lower ?? '') || (p1.lower.endsWith('s') && !p1.lower.endsWith('ss')));
  const passive =
    aux(p1) || (p1 !== undefined && /ly$/.test(p1.lower) && (aux(p2) || /^[—–-]$/.test(p2?.text ?? ''))) || /^[—–-]$/.test(p1?.text ?? '') || plainNoun;
  if (!passive) return null;
  const agentAt = (ts: readonly Token[], from: number, to: number): SpeakerCandidate | null => {
    for (let k = from; k < to && k < from + 5; k++) {
      if (!ts[k]!.word) return null;
      if (ts[k]!.lower === 'by') {
        // "by hitting Trump" is a means, not an agent.
        if (ts[k + 1]?.lower.endsWith('ing')) return null;
        const np = npStartingAt(text, ts, k + 1, index);
        return np !== null && np.form !== 'PRONOUN' ? np : null;
      }
    }
    return null;
  };
  if (cueBefore) return agentAt(before, cue.last + 1, before.length) ?? (after[0]?.lower === 'by' ? agentAt(after, 0, after.length) : null);
  return null;
}

/** Words that may stand before a participle opening its sentence ("And in explaining why …"). */
const BEFORE_OPENING: ReadonlySet<string> = new Set(['and', 'but', 'in', 'while', 'by', 'after', 'before', 'when', 'so']);

/**
 * "Conceding that a deal would come “down the line,” he warned …", "In declaring the remarks
 * “not Christian,” the pope …": a participle opening the sentence has no subject of its own; the
 * main clause's subject, after the opening phrase, speaks.
 */
function subjectAfterOpening(text: string, before: readonly Token[], after: readonly Token[], cue: CueMatch, index: NameIndex): SpeakerCandidate | null {
  const head = before[cue.first]!;
  if (!head.lower.endsWith('ing') || cue.speakerAfter || cue.first > 2) return null;
  for (let k = 0; k < cue.first; k++) if (!BEFORE_OPENING.has(before[k]!.lower)) return null;
  // The opening phrase ends at a comma before the quote, or else after it.
  for (let c = cue.last + 1; c < before.length; c++)
    if (before[c]!.text === ',') {
      const s = clauseSubject(text, before, c + 1, before.length, index);
      if (s !== null) return s;
      break;
    }
  return clauseSubject(text, after, 0, after.length, index);
}

/**
 * The subject of the whole sentence for a cue after an earlier quote of the same sentence:
 * "She escalated her criticism, telling CNN that Trump is a “faker” and questioning how he has
 * “gotten away …”": the second quote's words start after the first, but its cue still takes the
 * sentence's subject.
 */
function subjectOfWholeSentence(text: string, from: number, to: number, cueStart: number, index: NameIndex): SpeakerCandidate | null {
  const whole = tokenize(text, from, to);
  let cueAt = 0;
  while (cueAt < whole.length && whole[cueAt]!.start < cueStart) cueAt++;
  // The subject stands before the sentence's first quotation mark.
  let firstQuote = 0;
  while (firstQuote < cueAt && !/^["“”]$/.test(whole[firstQuote]!.text)) firstQuote++;
  const s = clauseSubject(text, whole, 0, firstQuote, index);
  return s === null ? null : { ...s, strength: 3 };
}

/**
 * True for an addressee verb in the passive ("was asked", "were being told") or "was said to":
 * its subject is the one spoken to or about, and the words come from someone else.
 */
function isAddressedPassive(before: readonly Token[], cue: CueMatch): boolean {
  const p1 = before[cue.first - 1];
  if (cue.last !== cue.first || p1 === undefined || !PASSIVE_AUXILIARIES.has(p1.lower)) return false;
  const head = before[cue.first]!.lower;
  // "Lee was said to be “livid”": words reported of the subject by someone unnamed.
  if (head === 'said' && before[cue.first + 1]?.lower === 'to') return true;
  return ADDRESSEE_VERBS.has(head) && /ed$|^told$/.test(head);
}

/** Auxiliaries of a passive ("is called", "will be dubbed"). */
const PASSIVE_AUXILIARIES: ReadonlySet<string> = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);

/**
 * True for a naming participle right before the quote that names a thing rather than reports
 * words: after a passive auxiliary ("what is called a “debate”") or after a common noun it
 * describes ("a group called the “…”"), with at most a determiner between it and the quote.
 */
function isNamingOnly(before: readonly Token[], cue: CueMatch): boolean {
  const head = before[cue.first]!;
  if (!NAMING_WORDS.has(head.lower) || cue.last !== cue.first) return false;
  const rest = before.length - 1 - cue.last;
  if (rest > 1 || (rest === 1 && !DETERMINERS.has(before[before.length - 1]!.lower))) return false;
  const prev = before[cue.first - 1];
  if (prev === undefined || !prev.word) return false;
  if (PASSIVE_AUXILIARIES.has(prev.lower)) return true;
  return !prev.cap && !PRONOUNS.has(prev.lower) && !NP_STOP_WORDS.has(prev.lower) && !CUE_WORDS.has(prev.lower) && !/ly$/.test(prev.lower);
}

/** Nouns for something said or written, whose owner is its speaker ("his warning", "Smith's remark"). */
const SPEECH_NOUNS: ReadonlySet<string> = new Set(
  [
    'remark',
    'comment',
    'warning',
    'statement',
    'claim',
    'promise',
    'pledge',
    'assertion',
    'admission',
    'quip',
    'retort',
    'words',
    'description',
    'call',
    'vow',
    'boast',
    'tweet',
    'slogan',
    'mantra',
    'catchphrase',
    'line',
    'refrain',
    'message',
    'insistence',
    'argument',
    'charge',
    'accusation',
    'suggestion',
    'prediction',
    'plea',
    'response',
    'reply',
    'answer',
    'declaration',
    'announcement',
    'complaint',
    'criticism',
    'joke',
  ].flatMap((n) => (n.endsWith('s') ? [n] : [n, n + 's'])),
);

/** The subject pronoun a possessive stands for when resolving it. */
const POSSESSIVE_TO_SUBJECT: Readonly<Record<string, string>> = { his: 'he', her: 'she', their: 'they', its: 'it' };

/**
 * The owner of a speech noun right before the quote ("her remark that “…”", "his warning that
 * Britain would go to the “back of the queue”") or right after it ("Romney's “47 percent”
 * comment"): a possessive pronoun or a name with 's.
 */
function speechOwner(text: string, before: readonly Token[], after: readonly Token[], index: NameIndex): SpeakerCandidate | null {
  const ownerAt = (tokens: readonly Token[], k: number): SpeakerCandidate | null => {
    // Up to two modifiers between owner and noun ("his repeated warnings", "her March comment").
    for (let o = k - 1; o >= 0 && o >= k - 3; o--) {
      const t = tokens[o]!;
      if (POSSESSIVE_TO_SUBJECT[t.lower] !== undefined) return { mention: span(text, t.start, t.end), form: 'PRONOUN', nameType: null, strength: 2 };
      if ((t.lower === "'s" || t.lower === '’s') && o > 0) {
        const n = index.at(tokens[o - 1]!.start);
        if (n === null || n.end !== tokens[o - 1]!.end) return null;
        return { mention: span(text, n.start, n.end), form: n.type === 'PER' ? 'NAME' : 'GROUP', nameType: n.type, strength: 2 };
      }
      if (!t.word || NP_STOP_WORDS.has(t.lower)) return null;
    }
    return null;
  };
  // Before: "… her remark that “", "… his warning, “".
  let k = before.length - 1;
  if (k >= 0 && (before[k]!.lower === 'that' || before[k]!.text === ',' || before[k]!.text === ':')) k--;
  if (k >= 0 && SPEECH_NOUNS.has(before[k]!.lower)) {
    const o = ownerAt(before, k);
    if (o !== null) return o;
  }
  // Around: "Romney's “47 percent” comment".
  if (after[0] !== undefined && SPEECH_NOUNS.has(after[0].lower) && before.length > 0) {
    const o = ownerAt(before, before.length);
    if (o !== null) return o;
  }
  return null;
}

/** Punctuation that ends the clause a speech noun must share with the quote. */
const CLAUSE_BREAKS: ReadonlySet<string> = new Set(['.', '!', '?', ';', ':', '"', '“', '”']);

/** Words that tie a speech noun to the words it reports: "his promise to", "her claim that", "his call for". */
const SPEECH_NOUN_LINKS: ReadonlySet<string> = new Set(['that', 'to', 'for', 'of', 'about']);

/**
 * The owner of a speech noun a few words before the quote and tied to it ("his promise to be
 * “neutral”", "her claim that she “never …”", "her assertion during the debate that “…”"),
 * when no speech verb stands between the noun and the quote and none before its owner (after
 * "Ryan said his comments were “…”" the quote is Ryan's).
 */
function linkedSpeechOwner(text: string, before: readonly Token[], cue: CueMatch | null, index: NameIndex): SpeakerCandidate | null {
  const n = before.length;
  let link = -1;
  for (let k = n - 1; k >= 0 && n - k <= 14; k--) {
    const t = before[k]!;
    if (CLAUSE_BREAKS.has(t.text)) return null;
    if (SPEECH_NOUNS.has(t.lower)) {
      if (link < 0 || k < n - 12) return null;
      const owner = possessiveOwner(text, before, k, index);
      if (owner === null) return null;
      // A speech verb before the owner governs the whole phrase ("Ryan said his comments were “…”").
      if (cue !== null && cue.first < owner.at) return null;
      return owner.cand;
    }
    if (CUE_WORDS.has(t.lower)) return null;
    if (SPEECH_NOUN_LINKS.has(t.lower) && k < n - 1) link = k;
  }
  return null;
}

/** "his", "her", "their" or a name with 's up to two modifiers before tokens[k]. */
function possessiveOwner(text: string, tokens: readonly Token[], k: number, index: NameIndex): { cand: SpeakerCandidate; at: number } | null {
  for (let o = k - 1; o >= 0 && o >= k - 3; o--) {
    const t = tokens[o]!;
    if (POSSESSIVE_TO_SUBJECT[t.lower] !== undefined)
      return { cand: { mention: span(text, t.start, t.end), form: 'PRONOUN', nameType: null, strength: 2 }, at: o };
    if ((t.lower === "'s" || t.lower === '’s') && o > 0) {
      const nm = index.at(tokens[o - 1]!.start);
      if (nm === null || nm.end !== tokens[o - 1]!.end) return null;
      return { cand: { mention: span(text, nm.start, nm.end), form: nm.type === 'PER' ? 'NAME' : 'GROUP', nameType: nm.type, strength: 2 }, at: o - 1 };
    }
    if (!t.word || NP_STOP_WORDS.has(t.lower)) return null;
  }
  return null;
}

/** Whether a clause subject is "it" before a linking verb ("it's known as", "it was Obama who", "it seems"). */
function isDummyIt(subject: SpeakerCandidate, before: readonly Token[]): boolean {
  if (subject.form !== 'PRONOUN' || subject.mention.text.toLowerCase() !== 'it') return false;
  const k = before.findIndex((t) => t.start === subject.mention.start);
  const next = before[k + 1]?.lower ?? '';
  return /^(?:is|was|'s|’s|seems|seemed|would)$/.test(next);
}

/**
 * The last he, she or they before the quote and after `after` (the sentence's subject), not
 * opening a "that" clause: a nominative pronoun is always a subject, so it heads the clause
 * nearest the quote.
 */
function nearestPronounSubject(text: string, before: readonly Token[], after: number): SpeakerCandidate | null {
  for (let k = before.length - 1; k >= 0 && before[k]!.start >= after; k--) {
    const l = before[k]!.lower;
    // One after "that" or right after a verb of saying or thinking heads what someone else made
    // clear or said ("X made clear that he …", "X thinks they will …").
    const prev = before[k - 1];
    const reported = prev !== undefined && (prev.lower === 'that' || (prev.word && !prev.cap && (CUE_WORDS.has(prev.lower) || THINKING_VERBS.has(prev.lower))));
    if ((l === 'he' || l === 'she' || l === 'they') && !reported)
      return { mention: span(text, before[k]!.start, before[k]!.end), form: 'PRONOUN', nameType: null, strength: 3 };
  }
  return null;
}

/** True when a dash stands between the cue and a name labelling the quote ("… agree - Jane Doe: “"). */
function labelAfterDash(text: string, before: readonly Token[], cue: CueMatch, index: NameIndex): boolean {
  const label = nameBeforeColon(text, before, index);
  if (label === null) return false;
  for (let k = cue.last + 1; k < before.length && before[k]!.start < label.mention.start; k++) if (/^[-–—]$/.test(before[k]!.text)) return true;
  return false;
}

/** Verbs of thinking whose clause may drop its "that" ("thinks he will", "hoped she would"). */
const THINKING_VERBS: ReadonlySet<string> = new Set(
  ['think', 'believe', 'hope', 'feel', 'know', 'expect', 'fear', 'guess', 'suspect', 'assume']
    .flatMap((v) => (v.endsWith('e') ? [v, v + 's', v + 'd', v.slice(0, -1) + 'ing'] : [v, v + 's', v + 'ed', v + 'ing']))
    .concat(['thought', 'felt', 'knew', 'known']),
);

/**
 * "Jeffrey Jones: “…”", "- HuffPollster: “…”": a name alone before a colon, as a label, says
 * whose words follow.
 */
function nameBeforeColon(text: string, before: readonly Token[], index: NameIndex): SpeakerCandidate | null {
  const n = before.length;
  if (n < 2 || before[n - 1]!.text !== ':') return null;
  const name = index.at(before[n - 2]!.start);
  if (name === null) return capitalisedLabel(text, before);
  if (name.end !== before[n - 2]!.end) return null;
  // Nothing but a dash or a bracket may stand before the name in its sentence.
  let k = n - 2;
  while (k > 0 && before[k - 1]!.start >= name.start) k--;
  // Two authors sign together: "Mark Jones and Ann Lee: “…”".
  let start = name.start;
  const other = k >= 2 && (before[k - 1]!.lower === 'and' || before[k - 1]!.text === '&') ? index.at(before[k - 2]!.start) : null;
  if (other !== null && other.end === before[k - 2]!.end && other.type === name.type) {
    start = other.start;
    k -= 2;
    while (k > 0 && before[k - 1]!.start >= other.start) k--;
  }
  // A person named last before the colon introduces the quote from any position ("… doesn't
  // surprise pollster Daron Shaw: “…”"), unless the words before make them the one addressed.
  const introduced = name.type === 'PER' && !before.slice(Math.max(0, k - 2), k).some((t) => ADDRESSEE_WORDS.has(t.lower));
  if (k > 0 && !/^[-–—([]$/.test(before[k - 1]!.text) && !introduced) return null;
  return { mention: span(text, start, name.end), form: name.type === 'PER' ? 'NAME' : 'GROUP', nameType: name.type, strength: 1 };
}

/**
 * "Bush: “…”" with a name the name finder missed: one to three capitalised words alone in their
 * sentence (or after a dash) before the colon label the quote.
 */
function capitalisedLabel(text: string, before: readonly Token[]): SpeakerCandidate | null {
  const n = before.length;
  let k = n - 1;
  while (k > 0 && n - 1 - k < 3 && before[k - 1]!.word && before[k - 1]!.cap) k--;
  if (k === n - 1 || (k > 0 && !/^[-–—.]$/.test(before[k - 1]!.text))) return null;
  if (before.slice(k, n - 1).some((t) => DETERMINERS.has(t.lower) || PRONOUNS.has(t.lower) || CUE_WORDS.has(t.lower))) return null;
  return { mention: span(text, before[k]!.start, before[n - 2]!.end), form: 'NAME', nameType: null, strength: 2 };
}

/** Words before a name that make it the one spoken to, not the speaker ("told Smith:", "asked Smith:"). */
const ADDRESSEE_WORDS: ReadonlySet<string> = new Set(['told', 'tells', 'tell', 'asked', 'asks', 'ask', 'to', 'with', 'interviewed', 'interviewing']);

/**
 * "Cruz called them on it: “…”", "Kelly responded pointedly, with a smile: “…”": a sentence
 * ending in a colon introduces the quote, and a person as its subject says it, cue or not.
 */
function subjectBeforeColon(text: string, before: readonly Token[], index: NameIndex): SpeakerCandidate | null {
  const n = before.length;
  if (n < 3 || before[n - 1]!.text !== ':') return null;
  const s = clauseSubject(text, before, 0, n - 1, index);
  if (s === null || !(s.nameType === 'PER' || (s.form === 'PRONOUN' && /^(?:he|she)$/i.test(s.mention.text)))) return null;
  return s;
}

/**
 * True when a noun naming a work stands just before the quote ("the documentary “…”", "an
 * episode of “…”", "his podcast, “…”") or right after it ("the “…” podcast").
 */
function nextToWorkNoun(before: readonly Token[], after: readonly Token[], bare: boolean): boolean {
  let k = before.length - 1;
  while (k >= 0 && (before[k]!.text === ',' || before[k]!.lower === 'of' || before[k]!.lower === 'including')) k--;
  if (k >= 0 && k >= before.length - 3 && WORK_NOUNS.has(before[k]!.lower)) return true;
  // After the quote: "the “…” podcast", "his “…” radio show".
  for (let j = 0; j < 2 && j < after.length && after[j]!.word; j++) {
    const w = after[j]!.lower;
    if (WORK_NOUNS.has(w) && !AMBIGUOUS_AFTER.has(w) && (bare || !SPEAKING_WORKS.has(w))) return true;
  }
  return false;
}

/**
 * Works that speak: after a quote ending in punctuation they are its source ("“Vote Now,” the ad
 * says"); only a bare quote before one names it ("the “Vote Now” ads").
 */
const SPEAKING_WORKS: ReadonlySet<string> = new Set(['ad', 'ads', 'spot', 'commercial', 'letter', 'letters']);

/** Work nouns that after a quote are more often a verb or adjective ("“…” hit hard"). */
const AMBIGUOUS_AFTER: ReadonlySet<string> = new Set(['hit', 'play', 'single', 'classic', 'theme', 'track', 'tv']);

/** A title-cased quote ending in a noun that names an event or award ("the “Spring Unity Forum”"). */
function endsInEventNoun(content: string): boolean {
  const m = /(\p{L}+)[^\p{L}]*$/u.exec(content);
  return m !== null && EVENT_NOUNS.has(m[1]!.toLowerCase());
}
const EVENT_NOUNS: ReadonlySet<string> = new Set([
  'forum',
  'summit',
  'day',
  'award',
  'awards',
  'prize',
  'festival',
  'conference',
  'rally',
  'tour',
  'show',
  'podcast',
  'hour',
  'gala',
  'parade',
  'expo',
  'fair',
  'series',
]);

/** The writer's words between two halves of a split quote look like ", she said," (short, with a cue). */
function isSplitBridge(text: string, prevRaw: RawQuote, between: readonly Token[]): boolean {
  const lastPrev = lastContentChar(text, prevRaw);
  const end = between[between.length - 1]?.text;
  return (lastPrev === ',' || between[0]?.text === ',') && (end === ',' || end === ':' || end === '—') && between.length <= 14 && lastCue(between, 3) !== null;
}

/**
 * Title-cased quotes that name a show or book: after a possessive ("CNN's “State of the Union”")
 * or after "on".
 */
function looksLikeTitleContext(before: readonly Token[], index: NameIndex): boolean {
  const n = before.length;
  const last = before[n - 1];
  if (last === undefined) return false;
  // A programme named by its broadcaster: "on CNN's “State of the Union”", "MSNBC’s “Morning Joe”".
  if ((last.lower === "'s" || last.lower === '’s') && n > 1) {
    const owner = before[n - 2]!;
    const name = index.at(owner.start);
    if ((name !== null && name.type !== 'PER') || /^[A-Z]{2,}$/.test(owner.text)) return true;
  }
  for (let k = Math.max(0, n - 4); k < n; k++) if (before[k]!.lower === 'on' && before[k]!.word) return true;
  return false;
}

/**
 * Not speech: a whole paragraph that is a short title-cased or single-quoted line (a section
 * heading such as ‘All Bets Are Off.’), or a bracketed stage direction ("(CROSSTALK.)").
 */
function isHeadingOrAside(text: string, q: RawQuote, para: { start: number; end: number }, content: string): boolean {
  if (/^[([][^)\]]*[)\]][.,]?$/.test(content)) return true;
  // A heading written in capitals quotes in capitals: "3. FOR FERRY CREWS ‘A LONG WINTER’".
  if (
    q.open - para.start <= HEADING_REACH &&
    isCapitals(content) &&
    isCapitals(text.slice(para.start, q.open)) &&
    /\p{Lu}{2,}\s+\p{Lu}{2,}/u.test(text.slice(para.start, q.open))
  )
    return true;
  // Only a quote filling its paragraph can be a heading; the bounds keep this check O(1).
  if (q.open - para.start > 4 || para.end - q.close > 4) return false;
  const whole = text.slice(para.start, para.end).trim();
  const quoted = text.slice(q.open, q.close).trim();
  return whole === quoted && content.split(/\s+/).length <= 8 && (q.single || isTitleLike(content));
}

/** How far into its paragraph a quote may open and still be part of a heading in capitals. */
const HEADING_REACH = 80;

/** Letters there, and none of them lower case. */
function isCapitals(s: string): boolean {
  return /\p{L}/u.test(s) && !/\p{Ll}/u.test(s);
}

/**
 * True when the words after a direct quote belong to it: the quote ends in a comma, question
 * mark or dash ("…,” she said), or a short "Smith said." sentence follows a full stop.
 */
function isAttachedAfter(text: string, q: RawQuote, after: readonly Token[]): boolean {
  if (!q.closed || after.length === 0) return false;
  const c = lastContentChar(text, q);
  if (c === ',' || c === '?' || c === '!' || c === '—' || c === '–' || c === '-' || c === '…' || c === ':') return true;
  if (after[0]!.text === ',' || after[0]!.text === '—') return true;
  // The writer's sentence runs on in lower case: "“…” to drive up the price, she said".
  const first = after[0]!;
  if (first.word && !first.cap) return true;
  // "…win.” Smith said." — only when the cue closes a short sentence.
  const cue = firstCue(after, 5, 3);
  if (cue === null) return false;
  return after.length - cue.last <= 8 && cue.first <= 4;
}

/** The name after a dash that signs a quote ("“…” ― Jane Doe", "“…” — the mayor"). */
function signature(text: string, q: RawQuote, after: readonly Token[], index: NameIndex): SpeakerCandidate | null {
  if (!q.closed || after.length < 2) return null;
  const d = after[0]!.text;
  if (d !== '―' && d !== '—' && d !== '–' && d !== '-') return null;
  const cand = npStartingAt(text, after, 1, index);
  return cand !== null && cand.form !== 'PRONOUN' ? cand : null;
}

/**
 * A quoted block whose last line names who wrote it ("…\nJane Doe, Harbour Institute.”", "…\nCity
 * council member.”"): the quote runs to the end of its paragraph, and the next paragraph is a
 * short line that closes the quote, opening with a person's name or with capitalised words
 * ending in a role.
 */
function signatureInside(text: string, q: RawQuote, paragraphs: readonly { start: number; end: number }[], index: NameIndex): SpeakerCandidate | null {
  const next = paragraphs[q.paragraphIndex + 1];
  if (q.closed || next === undefined || next.end - next.start > 100 || !/[.\w]\s*["”]\s*$/.test(text.slice(next.start, next.end))) return null;
  const tokens = tokenize(text, next.start, next.end);
  const first = tokens[0];
  if (first === undefined || !first.word || !first.cap) return null;
  // The line is one phrase: words up to an optional comma, ending with a full stop at most.
  let k = 0;
  while (k < tokens.length && tokens[k]!.word) k++;
  if (k > 6 || (k < tokens.length && !/^[,.”"]$/.test(tokens[k]!.text))) return null;
  if (tokens[k]?.text === '.' && tokens[k + 1] !== undefined && tokens[k + 1]!.word) return null;
  const name = index.at(first.start);
  if (name !== null && name.type === 'PER' && name.end <= tokens[k - 1]!.end)
    return { mention: span(text, name.start, name.end), form: 'NAME', nameType: 'PER', strength: 2 };
  const words = tokens.slice(0, k);
  if (words.length >= 2 && words.slice(0, -1).every((t) => t.cap) && ROLE_NOUNS.has(words[k - 1]!.lower))
    return { mention: span(text, first.start, words[k - 1]!.end), form: 'DESCRIPTION', nameType: null, strength: 2 };
  return null;
}

/**
 * "“…?” Hannity pressed.", "“…!” beamed Ann Lee": a quote ending in a comma, question or
 * exclamation mark, then a person and a verb in the past tense (or the other way round) that the
 * cue list does not know: whoever acts right after the quote said it.
 */
function attachedActor(text: string, q: RawQuote, after: readonly Token[], index: NameIndex): SpeakerCandidate | null {
  if (!q.closed || !/[,?!]/.test(lastContentChar(text, q)) || after.length < 2) return null;
  const pastVerb = (t: Token | undefined): boolean => t !== undefined && t.word && !t.cap && /[a-z]ed$/.test(t.text) && !NP_STOP_WORDS.has(t.lower);
  const first = after[0]!;
  const pron = PRONOUNS.get(first.lower);
  if ((pron === 'SING' || pron === 'PLURAL') && pastVerb(after[1]))
    return { mention: span(text, first.start, first.end), form: 'PRONOUN', nameType: null, strength: 2 };
  const name = index.at(first.start);
  if (name !== null && name.type === 'PER') {
    let k = 0;
    while (k < after.length && after[k]!.start < name.end) k++;
    if (pastVerb(after[k])) return { mention: span(text, name.start, name.end), form: 'NAME', nameType: 'PER', strength: 2 };
  }
  if (pastVerb(first)) {
    const n = index.at(after[1]!.start);
    if (n !== null && n.type === 'PER') return { mention: span(text, n.start, n.end), form: 'NAME', nameType: 'PER', strength: 2 };
  }
  return null;
}

/**
 * A quote that fills its paragraph signed by the next one: a short paragraph that opens with a
 * dash and a name ("-Jane Doe, Lisbon.").
 */
function signatureBelow(text: string, q: RawQuote, paragraphs: readonly { start: number; end: number }[], index: NameIndex): SpeakerCandidate | null {
  const next = paragraphs[q.paragraphIndex + 1];
  if (next === undefined || next.end - next.start > 200 || !q.closed) return null;
  const tokens = tokenize(text, next.start, Math.min(next.end, next.start + 120));
  const d = tokens[0]?.text;
  if (d !== '―' && d !== '—' && d !== '–' && d !== '-') return null;
  const cand = npStartingAt(text, tokens, 1, index);
  return cand !== null && cand.form !== 'PRONOUN' ? cand : null;
}

/**
 * The person the sentence just before the quote reports speaking ("Jeff Randall, said the banks
 * could step in."), in the quote's paragraph or, for a quote opening one, the paragraph before.
 */
function reportedSpeakerBefore(
  text: string,
  q: RawQuote,
  /** Where the sentence holding the quote and its cue starts. */
  from: number,
  paragraphs: readonly { start: number; end: number }[],
  index: NameIndex,
): Span | null {
  const para = paragraphs[q.paragraphIndex]!;
  const opens = from - para.start <= 4;
  const pp = opens ? paragraphs[q.paragraphIndex - 1] : para;
  if (pp === undefined) return null;
  const found = speakerInSentenceBefore(text, opens ? pp.end : from, pp.start, index, [], q.paragraphIndex);
  const s = found?.speaker;
  return s && s.form === 'NAME' && found.referent !== null ? found.referent : null;
}

/** Builds the speaker from a candidate phrase, resolving pronouns. */
function toSpeaker(
  text: string,
  cand: SpeakerCandidate,
  sentence: readonly Token[],
  paragraphIndex: number,
  memory: readonly SpeakerMemory[],
  index: NameIndex,
): { speaker: QuoteSpeaker; referent: Span | null } {
  if (cand.antecedent !== undefined) return { speaker: { mention: cand.mention, form: 'PRONOUN', antecedent: cand.antecedent }, referent: cand.antecedent };
  if (cand.form === 'PRONOUN') {
    const antecedent = resolvePronoun(text, cand.mention, sentence, paragraphIndex, memory, index);
    return { speaker: { mention: cand.mention, form: 'PRONOUN', antecedent }, referent: antecedent };
  }
  // "the Spaniard told Sky Sports": a person named by their nationality, who is someone named before.
  if (isNationalityNoun(text, cand.mention)) {
    const antecedent = resolveNationalityNoun(text, cand.mention, sentence, paragraphIndex, memory, index);
    if (antecedent !== null) return { speaker: { mention: cand.mention, form: 'DESCRIPTION', antecedent }, referent: antecedent };
  }
  return { speaker: { mention: cand.mention, form: cand.form, antecedent: null }, referent: cand.mention };
}

/**
 * A quote without a cue of its own: the second quote of a sentence or paragraph keeps the
 * speaker of the first, and a quote opening a paragraph continues the previous paragraph's
 * speaker (or the speaker of its last sentence's cue).
 */
function inherit(
  text: string,
  q: RawQuote,
  kind: 'DIRECT' | 'PARTIAL',
  prev: Done | null,
  sameSentence: boolean,
  done: readonly Done[],
  paragraphs: readonly { start: number; end: number }[],
  index: NameIndex,
  memory: readonly SpeakerMemory[],
): { speaker: QuoteSpeaker; referent: Span | null; confidence: number } | null {
  const carry = (d: Done, confidence: number): { speaker: QuoteSpeaker; referent: Span | null; confidence: number } | null => {
    const carried = carrySpeaker(d);
    return carried === null ? null : withConfidence(carried, confidence);
  };
  if (prev !== null && (sameSentence || kind === 'DIRECT')) {
    // "“A,” Smith said. Jones added that the plan was late. “B.”": a sentence with its own speech
    // verb between the two quotes introduces the second.
    if (!sameSentence) {
      const between = speakerInSentenceBefore(text, q.open, prev.raw.close, index, memory, q.paragraphIndex, true);
      if (between !== null) return withConfidence(between, 0.6);
    }
    const r = carry(prev, sameSentence ? 0.75 : 0.7);
    if (r !== null) return r;
  }
  if (kind !== 'DIRECT') return null;
  const para = paragraphs[q.paragraphIndex]!;
  const atParagraphStart = q.continues || (q.open - para.start <= 4 && text.slice(para.start, q.open).trim() === '');
  if (atParagraphStart && q.paragraphIndex > 0) {
    const pp = paragraphs[q.paragraphIndex - 1]!;
    // "Caddell continued:" as a paragraph of its own introduces the quote below it.
    if (/:\s*$/.test(text.slice(Math.max(pp.start, pp.end - 4), pp.end))) {
      const found = speakerInSentenceBefore(text, pp.end, pp.start, index, memory, q.paragraphIndex - 1);
      if (found !== null) return withConfidence(found, 0.75);
    }
    const last = done[done.length - 1];
    if (last !== undefined && last.quote.paragraphIndex === q.paragraphIndex - 1 && last.quote.speaker !== null) {
      return carry(last, q.continues ? 0.8 : 0.65);
    }
    // The previous paragraph introduces the quote without quoting: "Smith said the plan was late."
    const found = speakerInSentenceBefore(text, pp.end, pp.start, index, memory, q.paragraphIndex - 1);
    if (found !== null) return withConfidence(found, 0.55);
  }
  // "Smith said he was confident. “We will win.”": the sentence before the quote in the paragraph.
  if (!atParagraphStart) {
    const found = speakerInSentenceBefore(text, q.open, para.start, index, memory, q.paragraphIndex);
    if (found !== null) return withConfidence(found, 0.55);
  }
  return null;
}

/**
 * A found speaker with the confidence of the rule that found it. Written out rather than spread:
 * a spread of these small objects took a slow generic copy on every inherited quote.
 */
function withConfidence(
  found: { speaker: QuoteSpeaker; referent: Span | null },
  confidence: number,
): { speaker: QuoteSpeaker; referent: Span | null; confidence: number } {
  return { speaker: found.speaker, referent: found.referent, confidence };
}

/**
 * The speaker of the sentence right before `from` in the same paragraph: its own speech
 * verb's subject, or the speaker of a quote that ends in it.
 */
function sentenceSpeakerBefore(
  text: string,
  from: number,
  paraStart: number,
  done: readonly Done[],
  paragraphIndex: number,
  index: NameIndex,
  memory: readonly SpeakerMemory[],
): { speaker: QuoteSpeaker; referent: Span | null } | null {
  if (from - paraStart < 2) return null;
  return (
    quoteSpeakerBefore(text, from, paraStart, done, paragraphIndex) ?? speakerInSentenceBefore(text, from, paraStart, index, memory, paragraphIndex, true, true)
  );
}

/** The speaker of an earlier quote, for a later one to go on with (null when it has none). */
function carrySpeaker(d: Done): { speaker: QuoteSpeaker; referent: Span | null } | null {
  const s = d.quote.speaker;
  if (s === null) return null;
  return { speaker: { mention: s.mention, form: s.form, antecedent: s.antecedent ?? (s.form === 'PRONOUN' ? null : s.mention) }, referent: d.referent };
}

/** The speaker of a quote that ends the sentence right before `from` in the same paragraph, or null. */
function quoteSpeakerBefore(
  text: string,
  from: number,
  paraStart: number,
  done: readonly Done[],
  paragraphIndex: number,
): { speaker: QuoteSpeaker; referent: Span | null } | null {
  if (from - paraStart < 2) return null;
  const last = done[done.length - 1];
  const prevStart = sentenceStart(text, from - 2, Math.max(paraStart, from - SENTENCE_REACH), from);
  if (last === undefined || last.quote.paragraphIndex !== paragraphIndex || last.raw.close <= prevStart) return null;
  return carrySpeaker(last);
}

/** Speaker of the last cue in the sentence ending just before `pos`. */
function speakerInSentenceBefore(
  text: string,
  pos: number,
  floor: number,
  index: NameIndex,
  memory: readonly SpeakerMemory[],
  paragraphIndex: number,
  /** Only a speaker tied to a speech verb in a sentence of its own after `floor`, never a bare subject. */
  cueOnly = false,
  /** The sentence may start at `floor` (a paragraph's start). */
  fromFloor = false,
): { speaker: QuoteSpeaker; referent: Span | null } | null {
  let end = pos;
  while (end > floor && /\s/.test(text[end - 1] ?? '')) end--;
  if (end <= floor) return null;
  const s = sentenceStart(text, end - 1, Math.max(floor, end - SENTENCE_REACH), end);
  if (text.slice(s, end).search(/[“”"]/) >= 0) return null; // quotes there are handled as quotes
  const tokens = tokenize(text, s, end);
  // The writer's words right after a quote ("…,” said Smith, who added …") finish its sentence.
  if (cueOnly && !fromFloor && !/[.!?]/.test(text.slice(floor, s)) && !/[.…]/.test(text[floor - 2] ?? '')) return null;
  const last = lastCue(tokens, 3);
  // "Lee said the residents had long been warning of a closure.": the reporting verb
  // whose clause holds the last cue is the sentence's speaker.
  const cue = last !== null ? (reportingCueBefore(tokens, last.first) ?? last) : null;
  if (cue === null && cueOnly) return null;
  // Without a cue, the person the sentence is about ("Sanders identified young voters' …") is
  // the likeliest speaker of a quote that follows it.
  const cand = cue !== null ? speakerForCue(text, tokens, cue, 0, index) : clauseSubject(text, tokens, 0, tokens.length, index);
  if (cand === null) return null;
  return toSpeaker(text, cand, tokens, paragraphIndex, memory, index);
}
