/**
 * What shows a name to be a side rather than the place it is named after: a line of results
 * ("Nice 1 Lens 2"), a plural verb opening a clause ("Leeds were beaten"), one side beating or
 * leading another ("St Louis defeated Colorado").
 */

/**
 * A plural verb just after a name that opens a sentence or a clause: "Keane were", "but Chelsea
 * are". A person takes a singular one. Elsewhere the verb may agree with another subject ("a
 * group headed by X were"), or the name end a list ("Smith and Jones were") or a condition ("if
 * Blair were to go").
 */
export const PLURAL_VERB_AFTER = /^\s+(?:were|are|have|face|lead|play|host|meet|need|remain|trail|travel|visit|welcome)\b/;
export const CLAUSE_START = /(?:^|[.!?:;"“‘(\n]\s*|[—–]\s+|\b(?:but|while|when|after|because|since|although)\s+)$/;

/** A score just after a name, then another name or the end of the line: "Nice 1 Lens 2", "Hull 3". */
const SCORE_AFTER = /^[ \t]+\d{1,3}(?:[ \t]+\p{Lu}|[ \t]*$|[ \t]*\n)/u;
/** A score just before a name, at the start of a line or after another name: "Nice 1 Lens 2". */
const SCORE_BEFORE = /\p{L}[ \t]+\d{1,3}[ \t]+$/u;

/**
 * Whether the name at [start, end) is a side in a line of results: its line holds nothing but
 * names and scores, and a score follows it or comes before it after another name.
 */
export function inResults(text: string, start: number, end: number): boolean {
  if (!/^[ \t]+\d/.test(text.slice(end, end + 3))) return false;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = text.indexOf('\n', end);
  const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd).trim();
  if (!RESULTS_LINE.test(line)) return false;
  return SCORE_AFTER.test(text.slice(end, end + 40)) || SCORE_BEFORE.test(text.slice(lineStart, start));
}

/**
 * Whether the place just before `end` opens a clause (`before`) with a plural verb or a verb and
 * "their", as a side does: "St Helens completed their first double", "Leeds were beaten".
 */
export function actsAsTeam(text: string, end: number, before: string): boolean {
  const after = text.slice(end, end + 40);
  if (CLAUSE_START.test(before) && (PLURAL_VERB_AFTER.test(after) || /^\s+[a-z]+(?:ed|s)\s+their\b/.test(after))) return true;
  // "St Louis defeated Colorado", "Texas's lead over Seattle", "gave Minnesota a 4-2 lead": one side beating another.
  return BEAT_SIDE_AFTER.test(after) || BEATEN_SIDE_BEFORE.test(before) || /^\s+an?\s+\d{1,2}-\d{1,2}\s+(?:lead|win|victory)\b/.test(after);
}

/** A preposition of place, or a town and its comma, just before a name: the name is a place ("in Seattle", "Arlington, Texas"). */
export const PLACE_BEFORE = /(?:\b(?:in|at|from|near|to)|\p{Lu}[\p{L}.'’-]*\s*,)\s+$/iu;

/**
 * A preposition that only a place follows, just before a name: "in Kent", "near Leeds" (not
 * "at", "from" or "to": "lost to Kent", "signed from Leeds").
 */
export const WHERE_BEFORE = /\b(?:in|near|outside|across|throughout)\s+$/iu;

/** A verb of one side beating or meeting another, then the other side's name. (Not "swept": a party sweeps a state.) */
const BEAT_SIDE_AFTER =
  /^\s+(?:beat|defeated|edged|routed|blanked|downed|outlasted|thrashed|trounced|hammered|drew with|lost to|drew at|won at|lost at)\s+\p{Lu}/u;
/** A side's name and such a verb, or a win or lead "over", just before a name. */
const BEATEN_SIDE_BEFORE =
  /(?:\p{Lu}[\p{L}.'’-]*\s+(?:beat|defeated|edged|routed|blanked|downed|outlasted|thrashed|trounced|hammered|drew with|lost to)|\b(?:lead|win|victory|triumph|advantage) over)\s+$/u;

/** A line of two sides and their scores: "Portuguesa 2 Parana 0", "Vasco da Gama 1 Santos 1". */
const RESULTS_LINE = /^\p{Lu}[\p{L}.'’ -]*?[ \t]+\d{1,3}[ \t]+\p{Lu}[\p{L}.'’ -]*?[ \t]+\d{1,3}$/u;

/** Whether the number ending at `end` after a name at `start` is a score: a name and a number before it or after it on its line ("Anyang 3 Chonnam 3 (halftime 2-0)"). */
export function isScore(text: string, start: number, end: number): boolean {
  return SCORE_BEFORE.test(text.slice(text.lastIndexOf('\n', start - 1) + 1, start)) || /^[ \t]+\p{Lu}[\p{L}.'’ -]*?[ \t]+\d/u.test(text.slice(end, end + 40));
}
