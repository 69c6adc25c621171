import { lastWordOf } from './lastWordOf.js';

/**
 * A business's noun just before a name: "tyre giant X", "news-stand chain X", "the daily X",
 * "Boston-based X". (Not "film maker", "policy maker": people make films and policy.)
 */
const COMPANY_NOUN_BEFORE =
  /(?:\b(?:company|firm|giant|chain|retailer|conglomerate|(?<!aircraft )carrier|airline|insurer|brewer|distributor|supplier|manufacturer|daily|weekly|newspaper|tabloid|broadsheet|magazine)|\b(?<!film |movie |policy |peace |law |decision |trouble |match )maker|\p{Ll}-based)\s+$/u;
/**
 * A business's part or a job with it just before a name: "a subsidiary of X", "a unit of X",
 * "chief AI scientist at X", "an analyst at X", "a journalist for X" (a job is held at a body;
 * one lives in a place).
 */
const PART_OR_JOB_BEFORE =
  /\b(?:(?:subsidiary|unit|division|arm|owner|parent company) of|(?:scientist|engineer|researcher|executive|analyst|economist|strategist|manager|employee|programmer|designer|developer|officer|intern|journalist|reporter|columnist) (?:at|with|for))\s+$/;
/** A holding in what follows: "20 percent of X", "a stake in X", "shares in X". */
const HOLDING_IN_BEFORE = /\b(?:percent|per cent|stake|stakes|shares|holding) (?:of|in) $/;
/** What only a business has, just after its name: "X shares rose", "X's chief executive". */
const COMPANY_AFTER =
  /^(?:\s+(?:shares|stock)\s+(?:rose|fell|closed|jumped|slipped|dropped|gained|lost|ended|traded|climbed|soared|tumbled|plunged|were|have)\b|['’]s\s+(?:shares|shareholders|stock|board|chief executive|subsidiary|units?|division|profits?|revenues?|turnover|takeover)\b)/;

/**
 * Whether the words around a name are a business's: a noun before it ("tyre giant X", "Boston-based
 * X"), a part of it or a job with it before it ("a subsidiary of X", "an analyst at X"), its shares or board after it, or (`holding`) a holding in it ("20 percent of X"; of a
 * person one writes "20 percent of Smith's shares").
 */
export function namesACompany(after: string, before: string, holding: boolean): boolean {
  const cue = lastWordOf(before);
  const joined = PART_OR_HOLDING_ENDS.has(cue);
  return (
    (COMPANY_NOUN_ENDS.has(cue) && COMPANY_NOUN_BEFORE.test(before)) ||
    (joined && PART_OR_JOB_BEFORE.test(before)) ||
    COMPANY_AFTER.test(after) ||
    (holding && joined && HOLDING_IN_BEFORE.test(before) && !/^['’]s\b/.test(after))
  );
}

/** The last words of COMPANY_NOUN_BEFORE's nouns ("based" of "Boston-based"), and of the phrases PART_OR_JOB_BEFORE and HOLDING_IN_BEFORE read. */
const COMPANY_NOUN_ENDS = new Set(
  'company firm giant chain retailer conglomerate carrier airline insurer brewer distributor supplier manufacturer daily weekly newspaper tabloid broadsheet magazine maker based'.split(
    ' ',
  ),
);
const PART_OR_HOLDING_ENDS = new Set(['of', 'in', 'at', 'with', 'for']);

/** The guarded patterns with the last words they can end on (a unit test checks that each set covers its pattern). */
export const COMPANY_CUE_GUARDS: readonly { pattern: RegExp; lastWords: ReadonlySet<string> }[] = [
  { pattern: COMPANY_NOUN_BEFORE, lastWords: COMPANY_NOUN_ENDS },
  { pattern: PART_OR_JOB_BEFORE, lastWords: PART_OR_HOLDING_ENDS },
  { pattern: HOLDING_IN_BEFORE, lastWords: PART_OR_HOLDING_ENDS },
];
