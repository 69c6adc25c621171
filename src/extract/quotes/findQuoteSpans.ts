/**
 * Finds quoted stretches of text by pairing quotation marks paragraph by paragraph, in one pass.
 *
 * Straight marks (") carry no direction, so each mark's role is read from its neighbours: a mark
 * after a space and before a letter opens, one after a letter and before a space or punctuation
 * closes. Curly marks are trusted unless their neighbours clearly contradict them (some sources
 * type ” for both). Single marks (‘ ’ ') are ignored inside double quotes (nested quotes belong to
 * the outer quote) and outside them only pair when both ends look like quote marks, so
 * apostrophes (don't, Russia’s, the '90s, players' union) never start or end a quote.
 */

export interface RawQuote {
  /** Offset of the opening mark, or of the paragraph start when a continued quote is not reopened. */
  open: number;
  /** Offset just after the closing mark, or the content end when the quote is left open. */
  close: number;
  /** Content without the marks, trimmed of surrounding white space. */
  start: number;
  end: number;
  paragraphIndex: number;
  /** False when the paragraph ended (or a new quote opened) before a closing mark. */
  closed: boolean;
  /** True when this quote reopens one left open at the end of the previous paragraph. */
  continues: boolean;
  /** True for a top-level single-quoted stretch ('like this'). */
  single: boolean;
}

const enum Role {
  Open,
  Close,
  Either,
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x2009 || c === 0x202f;
}

function isWordChar(c: number): boolean {
  // ASCII letters and digits, plus any non-ASCII letter-ish code unit outside the punctuation block.
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c < 0x2000 && c !== 0xd7 && c !== 0xf7);
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c < 0x2000 && c !== 0xd7 && c !== 0xf7);
}

/** Quotation marks (double and single) and the markup edges '<' and '>': the only characters the scan acts on. */
const MARK_OR_TAG_EDGE = /["'<>\u00ab\u00bb\u2018\u2019\u201c\u201d\u201e]/g;

/** Characters after which a mark counts as opening: space, start, brackets and dashes. */
function opensAfter(c: number): boolean {
  return c < 0 || isSpace(c) || c === 40 || c === 91 || c === 123 || c === 0x2014 || c === 0x2013 || c === 45 || c === 47 || c === 0x2018 || c === 0x201c;
}

/** Characters before which a mark counts as closing: space, end, punctuation. */
function closesBefore(c: number): boolean {
  return (
    c < 0 ||
    isSpace(c) ||
    c === 44 ||
    c === 46 ||
    c === 59 ||
    c === 58 ||
    c === 33 ||
    c === 63 ||
    c === 41 ||
    c === 93 ||
    c === 125 ||
    c === 0x2014 ||
    c === 0x2013 ||
    c === 45 ||
    c === 0x2019 ||
    c === 0x201d ||
    c === 0x2026 ||
    c === 39 ||
    c === 60
  );
}

function doubleRole(code: number, prev: number, next: number): Role | null {
  const before = opensAfter(prev);
  const after = closesBefore(next);
  if (code === 0x201c || code === 0x201e || code === 0xab) {
    return !before && after ? Role.Close : Role.Open;
  }
  if (code === 0x201d || code === 0xbb) {
    return before && !after ? Role.Open : Role.Close;
  }
  if (code === 34) {
    if (before && !after) return Role.Open;
    if (!before && after) return Role.Close;
    return Role.Either;
  }
  return null;
}

const MAX_SINGLE_QUOTE = 400;

/** Pairs quotation marks inside each paragraph; see the module comment for the rules. */
export function findQuoteSpans(text: string, paragraphs: readonly { start: number; end: number }[]): RawQuote[] {
  const out: RawQuote[] = [];
  let previousLeftOpen = false;
  // The first mark or tag edge at or after offset markFrom is at offset mark (text.length if none).
  let markFrom = 0;
  let mark = -1;

  for (let p = 0; p < paragraphs.length; p++) {
    const para = paragraphs[p]!;
    const ps = para.start;
    const pe = Math.min(para.end, text.length);
    let openAt = -1; // offset of the pending double opening mark
    let singleAt = -1; // offset of a pending top-level single opening mark
    let inTag = false;
    let openIsStraight = false;
    let nestedCurly = 0; // curly openers pending inside a straight-quoted passage
    let firstInParagraph = true;
    let leftOpen = false;

    const emit = (open: number, contentStart: number, contentEnd: number, close: number, closed: boolean, single: boolean): void => {
      let s = contentStart;
      let e = contentEnd;
      while (s < e && isSpace(text.charCodeAt(s))) s++;
      while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
      if (e > s) {
        const firstNonSpace = firstNonSpaceFrom(text, ps, pe);
        out.push({
          open,
          close,
          start: s,
          end: e,
          paragraphIndex: p,
          closed,
          single,
          continues: previousLeftOpen && firstInParagraph && open === firstNonSpace,
        });
        firstInParagraph = false;
      }
    };

    for (let i = ps; i < pe; i++) {
      // Letters, spaces and other punctuation: everything below skips them, so jump to the next
      // mark or tag edge (a regex scan is faster than a loop over the characters). A mark found
      // past this paragraph is kept for the next, so no stretch of text is searched twice.
      if (i < markFrom || i > mark) {
        MARK_OR_TAG_EDGE.lastIndex = markFrom = i;
        mark = MARK_OR_TAG_EDGE.test(text) ? MARK_OR_TAG_EDGE.lastIndex - 1 : text.length;
      }
      if (mark >= pe) break;
      i = mark;
      const c = text.charCodeAt(i);
      if (c === 60) {
        // '<' starts markup only when a tag name or '/' follows
        const n = i + 1 < pe ? text.charCodeAt(i + 1) : -1;
        if (n === 47 || isLetter(n)) inTag = true;
        continue;
      }
      if (c === 62) {
        inTag = false;
        continue;
      }
      if (inTag) continue;
      const prev = i > ps ? text.charCodeAt(i - 1) : -1;
      const next = i + 1 < pe ? text.charCodeAt(i + 1) : -1;

      // A straight mark right before '>' closes a markup attribute whose tag the text cut off
      // ('…2016 ">Rubio spoke'): it is neither end of a quote.
      if (c === 34 && next === 62) continue;
      const role = doubleRole(c, prev, next);
      // Curly quotes nested inside a straight-quoted passage belong to it ("He said: "read “this”""),
      // but a closing curly mark with no curly opener before it closes the passage: sources mix
      // the two ("I agree,” she said).
      if (role !== null && openAt >= 0 && openIsStraight && c !== 34) {
        if (role === Role.Open) nestedCurly++;
        else if (nestedCurly > 0) nestedCurly--;
        else if (role === Role.Close && c === 0x201d) {
          emit(openAt, openAt + 1, i, i + 1, true, false);
          openAt = -1;
        }
        continue;
      }
      if (role !== null) {
        singleAt = -1; // a double mark inside a single-quoted stretch: the single was an apostrophe
        const opens = role === Role.Open || (role === Role.Either && openAt < 0);
        if (opens) {
          if (openAt >= 0) emit(openAt, openAt + 1, i, i, false, false);
          openAt = i;
          openIsStraight = c === 34;
          nestedCurly = 0;
        } else if (openAt >= 0) {
          emit(openAt, openAt + 1, i, i + 1, true, false);
          openAt = -1;
        }
        // A closing mark with no opener is dropped: it is usually a stray or the end of a quote
        // whose opening we cannot place reliably.
        continue;
      }

      if (openAt >= 0) continue; // single marks inside double quotes are nested quotes or apostrophes
      if (c !== 0x2018 && c !== 0x2019 && c !== 39) continue;
      if (singleAt < 0) {
        // Opening single: after a space, before a letter, and not an elision like 'em or '90s.
        if (opensAfter(prev) && isLetter(next) && c !== 0x2019 && !isElision(text, i + 1, pe)) singleAt = i;
      } else if (!isSpace(prev) && !isWordChar(next) && closesBefore(next)) {
        if (isPluralPossessive(text, i, pe)) continue;
        if (i - singleAt <= MAX_SINGLE_QUOTE) emit(singleAt, singleAt + 1, i, i + 1, true, true);
        singleAt = -1;
      }
    }
    if (openAt >= 0) {
      emit(openAt, openAt + 1, pe, pe, false, false);
      leftOpen = true;
    }
    previousLeftOpen = leftOpen;
  }
  return out;
}

function firstNonSpaceFrom(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && isSpace(text.charCodeAt(i))) i++;
  return i;
}

const ELISIONS = ['em', 'til', 'tis', 'twas', 'cause', 'n', 'bout', 'round', 's'];

/** True for 'em, 'til, 'n' and decades ('90s), which start with an apostrophe. */
function isElision(text: string, from: number, to: number): boolean {
  let j = from;
  while (j < to && isLetter(text.charCodeAt(j))) j++;
  const word = text.slice(from, j).toLowerCase();
  return ELISIONS.includes(word) && (j >= to || !isWordChar(text.charCodeAt(j)));
}

/** "the players' union": an s, the mark, a space and a lower-case word. */
function isPluralPossessive(text: string, i: number, to: number): boolean {
  const prev = text.charCodeAt(i - 1);
  if (prev !== 115 && prev !== 83) return false;
  const a = i + 1 < to ? text.charCodeAt(i + 1) : -1;
  const b = i + 2 < to ? text.charCodeAt(i + 2) : -1;
  return a === 32 && b >= 97 && b <= 122;
}
