/**
 * Quoted text that is cited, not spoken: a headline with its byline, a poster or slogan dated in
 * brackets, the title of a work next to its star, author or founder, a slogan printed on
 * something, a section heading set between dashes, a single word the writer's sentence is about,
 * a lone letter or handle, a poll's answer, a translation or an address, words listed as
 * examples of words, and a nickname inside a name. Each rule reads only the few characters
 * around the marks, so the check is constant work per quote. A regex anchored at the end of the
 * words before the quote is tried at every offset of them, so each rule first makes the cheap
 * tests that its regex needs to pass (the last character, the next words).
 */
import { isBare, isClosingPunctuation, lastBeforeApostrophe } from './classifyQuote.js';
import { ABBREVIATIONS, CUE_WORDS, PRONOUNS } from './lexicon.js';

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
/** How far back a list of quoted words may run before its first item's introduction. */
const LIST_REACH = 200;

/** True when the quote names or cites something rather than reporting words someone said. */
export function isCitedNotSpoken(text: string, q: QuoteMarks): boolean {
  const before = text.slice(Math.max(0, q.open - REACH), q.open);
  const after = text.slice(q.close, q.close + REACH);
  return (
    isBylinedHeadline(before, q.content, after) ||
    isDatedCitation(after) ||
    isDashHeading(before, after) ||
    isWordTalkedAbout(before, q.content, after) ||
    isCreditedAfter(q.content, q.titleLike, after) ||
    isSymbol(q.content) ||
    isPollAnswer(before, q.content, after) ||
    isTranslation(before) ||
    isAddress(before, q.content) ||
    isListedWord(text.slice(Math.max(0, q.open - LIST_REACH), q.open)) ||
    isPrintedOn(q.content, q.titleLike, after) ||
    (q.titleLike &&
      (isCreditedWork(before, after) ||
        isNickname(before, q.content, after) ||
        isNamedEvent(after) ||
        isProgramme(before, q.content) ||
        isDescribedWork(after)))
  );
}

/**
 * "—“Museum to close in May,” by the Herald's Ann Lee": a headline stands on its own (after a
 * dash, a colon or a sentence end, not inside the writer's phrase), ends in a comma and a byline
 * follows.
 */
function isBylinedHeadline(before: string, content: string, after: string): boolean {
  return content.charCodeAt(lastBeforeApostrophe(content)) === 44 && /^\s*by\s+(?:the\s+)?\p{Lu}/u.test(after) && /(?:^|[.!?:;—–-])\s*$/.test(before);
}

/** "“No to the new tax” (2009)": a poster or slogan cited with its year, not a remark. */
function isDatedCitation(after: string): boolean {
  return /^\s*\((?:[^()\n]{0,40}\s)?(?:1[89]|20)\d\d\)/.test(after);
}

/** "– ‘Nobody listened’ –": a section heading set between dashes in a sentence of its own. */
function isDashHeading(before: string, after: string): boolean {
  return /^\s*[–—-]/.test(after) && /(?:^|[.!?]\s+|\n)[–—-]\s*$/.test(before);
}

/**
 * A show, film, play or song named with a part in it: "starred in “…”", "host of “…”", "edits
 * “…”", "performed “…”", "to the tune of “…”", "author of “…”", "founder of “…”" before it, or
 * "“…” by Ann Lee" after it.
 */
function isCreditedWork(before: string, after: string): boolean {
  return CREDIT_BEFORE.test(before) || /^\s*by\s+\p{Lu}/u.test(after);
}
const CREDIT_BEFORE =
  /\b(?:starred|stars|starring|star|roles?|acting|host|hosts|hosted|edits|edited|appear|appears|appeared|appearing|perform|performs|performed|performing|sang|sings|sing|tune\s+of|(?:co-)?authors?|(?:co-)?founders?)\s+(?:(?:in|on|of)\s+)?(?:the\s+|\p{Lu}[\p{L}.]*['’]s\s+|\p{Ll}+['’]s\s+)?$/iu;

/**
 * "“Low Tide” star Ana Reis", "“Low Tide” Star Opens Up" (a headline's capitals): a work named
 * before a person who stars in, hosts or made it. A title-cased name may carry the sentence's
 * comma ("“Low Tide,” star Ana Reis"); other words must stand bare, as a name does ("“Tide is
 * High” star Ana Reis"), since "“We won,” star Ana Reis said" is speech.
 */
function isCreditedAfter(content: string, titleLike: boolean, after: string): boolean {
  // The noun may be capitalised (a headline), the name after it must be.
  if (!/^,?\s*(?:[Cc]o-)?(?:[Ss]tar|[Hh]ost|[Cc]reator|[Aa]ctor|[Aa]ctress)\s+\p{Lu}/u.test(after)) return false;
  return titleLike || (/^\p{Lu}/u.test(content) && isBare(content));
}

/**
 * A lone letter ("pull the lever for “R” or “D”") is a label or a mark, and "“@harbourcity:”"
 * opening a repost is the handle of the account reposted: neither is anyone's words.
 */
function isSymbol(content: string): boolean {
  return /^\p{L}[,.]?$/u.test(content) || /^@\w+:?$/.test(content);
}

/**
 * "(34% “strongly agree”)", "leads with “not sure” with 6 percent": bare words with a share
 * beside them are a poll's answer, not a remark ("“…,” 72 percent said" keeps its comma, and
 * "grew by 2% “despite …”" is no answer: the share before an answer is in its brackets).
 */
function isPollAnswer(before: string, content: string, after: string): boolean {
  return isBare(content) && (/\(\s*\d+(?:\.\d+)?(?:%|\s+percent)\s*$/.test(before) || /^\s*(?:with\s+)?\(?\d+(?:\.\d+)?(?:%|\s+percent)/.test(after));
}

/**
 * "Carpe diem, Latin for “seize the day”": the writer's translation of foreign words, set off
 * after them by a comma, dash or bracket ("she called in Spanish for “calm”" is a request).
 */
function isTranslation(before: string): boolean {
  return (
    before.trimEnd().endsWith('for') &&
    /[,(—–-]['’"”]?\s*(?:Latin|Greek|Spanish|French|German|Italian|Portuguese|Russian|Arabic|Hebrew|Yiddish|Persian|Turkish|Chinese|Japanese|Korean)\s+for\s*$/.test(
      before,
    )
  );
}

/**
 * "cards addressed simply to “Ms. Ann Lee, Harbour Road”": the address written on mail, a name
 * and a place ("remarks addressed to “my fellow citizens”" are speech).
 */
function isAddress(before: string, content: string): boolean {
  return /^\p{Lu}/u.test(content) && before.trimEnd().endsWith('to') && /\baddressed\s+(?:\p{Ll}+\s+)?to\s*$/u.test(before) && /,\s*\p{Lu}/u.test(content);
}

/**
 * "records searched for words such as “ferry,” “toll” and “harbour”": words listed as examples of
 * words are mentioned, not said; every item of the list goes with the first.
 */
function isListedWord(before: string): boolean {
  return (
    mayEndWordList(before) &&
    /\b(?:words|terms|phrases|keywords)\s+(?:such\s+as|including)\s+(?:["“][^"“”\n]{1,40}["”]\s*,?\s+(?:(?:and|or)\s+)?)*$/i.test(before)
  );
}

/**
 * True when `before` ends as a list of quoted words before its next item does: a space after
 * "such as", "including", "and", "or", or after an item's closing mark or comma.
 */
function mayEndWordList(before: string): boolean {
  const words = before.trimEnd();
  if (words.length === before.length) return false;
  const c = words.charCodeAt(words.length - 1);
  if (c === 34 || c === 0x201d || c === 44) return true;
  // The last letter of "as", "including", "and" or "or", in either case.
  return c === 115 || c === 83 || c === 103 || c === 71 || c === 100 || c === 68 || c === 114 || c === 82;
}

/**
 * Robert C. “Bobby” Scott, Gov. J.R. “Bud” Lane, Jesús “Chuy” Ruiz: a short title-cased stretch
 * between a first name, an initial or an abbreviated title and a surname is a nickname. Only an
 * initial or an abbreviation ends in a full stop without ending a sentence ("… said Lee. “Never”
 * Ann replied" is a reply), and a nickname has no punctuation of its own ("asked Lee “Why?” Ann
 * replied").
 */
function isNickname(before: string, content: string, after: string): boolean {
  if (!isBare(content) || !/^\s\p{Lu}/u.test(after) || content.split(/\s+/).length > 3) return false;
  const word = /(\S+)\s$/u.exec(before)?.[1];
  if (word === undefined) return false;
  return (
    /^\p{Lu}[\p{L}\p{M}]*$/u.test(word) ||
    /^(?:\p{Lu}\.)+$/u.test(word) ||
    (/^\p{Lu}\p{L}*\.$/u.test(word) && ABBREVIATIONS.has(word.slice(0, -1).toLowerCase()))
  );
}

/**
 * "“Vote Local” signs", "a “We are here” T-shirt": words printed on a thing someone carries or
 * wears: a title-cased slogan, or any words standing bare as the noun's modifier and opening
 * with a capital as a slogan does (a finished remark before "T-shirts appeared" ends in its own
 * punctuation, and "“encouraging” signs" are a scare quote).
 */
function isPrintedOn(content: string, titleLike: boolean, after: string): boolean {
  return (
    (titleLike || (/^\p{Lu}/u.test(content) && isBare(content))) &&
    /^\s*(?:campaign\s+)?(?:signs?|placards?|banners?|shirts?|t-shirts?|hats?|caps?|pins?|buttons?|stickers?|tote\s+bags?)\b/i.test(after)
  );
}

/** "a “Best Newcomer” award", "the “Harbour Forward” summit": a title-cased name of an award or event. */
function isNamedEvent(after: string): boolean {
  return /^\s*(?:awards?|summit|reception)\b/i.test(after);
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
  if (!/^\p{Lu}/u.test(content) || isClosingPunctuation(content.charCodeAt(content.length - 1)) || /\s/.test(content)) return false;
  if (!/(?:^|[.!?]['’"”)\]]?\s+|\n)\s*$/.test(before)) return false;
  const next = /^\s*(?:\([^()]*\)\s*)?(\p{Ll}+)\b/u.exec(after);
  return next !== null && !CUE_WORDS.has(next[1]!) && !PRONOUNS.has(next[1]!);
}
