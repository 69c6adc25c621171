/**
 * Quoted text that is cited, not spoken: a headline with its byline, a poster or slogan dated in
 * brackets, the title of a show next to the part someone plays in it, a slogan printed on
 * something, a section heading set between dashes, and a single word the writer's sentence is
 * about. Each rule reads only the few characters
 * around the marks, so the check is constant work per quote.
 */
import { CUE_WORDS, PRONOUNS } from './lexicon.js';

/** What the check needs: the marks' offsets and the content between them. */
export interface QuoteMarks {
  /** Offset of the opening mark. */
  open: number;
  /** Offset just after the closing mark. */
  close: number;
  /** The quoted content, without the marks. */
  content: string;
  /** isTitleLike(content), which the caller has already worked out. */
  titleLike: boolean;
}

const REACH = 60;

/** True when the quote names or cites something rather than reporting words someone said. */
export function isCitedNotSpoken(text: string, q: QuoteMarks): boolean {
  const before = text.slice(Math.max(0, q.open - REACH), q.open);
  const after = text.slice(q.close, q.close + REACH);
  return (
    isBylinedHeadline(before, q.content, after) ||
    isDatedCitation(after) ||
    isDashHeading(before, after) ||
    isWordTalkedAbout(before, q.content, after) ||
    (q.titleLike && (isCreditedWork(before, after) || isPrintedSlogan(after) || isProgramme(before, q.content) || isDescribedWork(after)))
  );
}

/**
 * "—“Museum to close in May,” by the Herald's Ann Lee": a headline stands on its own (after a
 * dash, a colon or a sentence end, not inside the writer's phrase), ends in a comma and a byline
 * follows.
 */
function isBylinedHeadline(before: string, content: string, after: string): boolean {
  return /(?:^|[.!?:;—–-])\s*$/.test(before) && /,['’]?$/.test(content) && /^\s*by\s+(?:the\s+)?\p{Lu}/u.test(after);
}

/** "“No to the new tax” (2009)": a poster or slogan cited with its year, not a remark. */
function isDatedCitation(after: string): boolean {
  return /^\s*\((?:[^()\n]{0,40}\s)?(?:1[89]|20)\d\d\)/.test(after);
}

/** "– ‘Nobody listened’ –": a section heading set between dashes in a sentence of its own. */
function isDashHeading(before: string, after: string): boolean {
  return /(?:^|[.!?]\s+|\n)[–—-]\s*$/.test(before) && /^\s*[–—-]/.test(after);
}

/**
 * A show, film, play or song named with a part in it: "starred in “…”", "host of “…”", "edits
 * “…”", "performed “…”", "to the tune of “…”" before it, or "“…” star Jane Doe" after it.
 */
function isCreditedWork(before: string, after: string): boolean {
  return CREDIT_BEFORE.test(before) || /^,?\s*(?:co-)?(?:star|host|creator|actor|actress)\s+\p{Lu}/u.test(after);
}
const CREDIT_BEFORE =
  /\b(?:starred|stars|starring|star|roles?|acting|host|hosts|hosted|edits|edited|appear|appears|appeared|appearing|perform|performs|performed|performing|sang|sings|sing|tune\s+of)\s+(?:(?:in|on|of)\s+)?(?:the\s+)?$/i;

/** "the “Vote Local” signs", "a “Best Newcomer” award": words printed on a thing or naming an event. */
function isPrintedSlogan(after: string): boolean {
  return /^\s*(?:campaign\s+)?(?:signs?|placards?|banners?|shirts?|t-shirts?|hats?|caps?|pins?|buttons?|stickers?|awards?|summit|reception)\b/i.test(after);
}

/**
 * A programme someone appeared on: "in an interview with “Morning Talk”", "told “Weekend
 * Review”", "on the channel's “Late Desk”". After "told" a one-word title could be a one-word
 * answer ("told “No.”"), so it needs two words.
 */
function isProgramme(before: string, content: string): boolean {
  if (/\btold\s+$/i.test(before)) return /\S\s+\S/.test(content.trim());
  return /\b(?:interview(?:ed)?\s+(?:with|on)|appearance\s+on|appeared\s+on|channel['’]s|network['’]s)\s+(?:the\s+)?$/i.test(before);
}

/** "“Harbour Lights” is a BBC drama": the sentence goes on to say what kind of work the title is. */
function isDescribedWork(after: string): boolean {
  return /^\s*(?:is|was)\s+(?:an?|the)\s+(?:[\p{L}-]+\s+){0,3}?(?:drama|series|show|sitcom|comedy|thriller|film|movie|documentary|play|musical|book|novel|album|song)\b/iu.test(
    after,
  );
}

/**
 * "“Containment” has been the policy since 1947": one quoted word opens the writer's sentence,
 * which goes on in lower case with no speech verb or pronoun ("“Fine” he said" is speech).
 */
function isWordTalkedAbout(before: string, content: string, after: string): boolean {
  // It opens the sentence, so it is capitalised; a lower-case word after "U.S." is mid-sentence.
  if (/\s/.test(content) || /[.,!?…:;]$/.test(content) || !/^\p{Lu}/u.test(content)) return false;
  if (!/(?:^|[.!?]['’"”)\]]?\s+|\n)\s*$/.test(before)) return false;
  const next = /^\s*(?:\([^()]*\)\s*)?(\p{Ll}+)\b/u.exec(after);
  return next !== null && !CUE_WORDS.has(next[1]!) && !PRONOUNS.has(next[1]!);
}
