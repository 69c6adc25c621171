import { slugify } from '../nameKey.js';
import { cleanTags, MAX_HEADLINE_LENGTH, parseTags } from '../parseArticle.js';

/**
 * Validators for the metadata fields JSON Lines and front matter share. Each returns the value
 * or throws a FieldProblem whose message completes `field "x" …`; the caller adds file, line
 * and field name.
 */
export class FieldProblem extends Error {}

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * An ISO 8601 date or date-time ("2021-12-28", "2021-12-28T10:00:00+01:00", "2021-12-28 10:00").
 * A time without a zone is read as UTC so the same file gives the same instant on every machine.
 */
export function readDate(value: unknown): Date {
  if (typeof value !== 'string') throw new FieldProblem('is not a date (expected an ISO 8601 string such as "2021-12-28T10:00:00Z")');
  const m = DATE.exec(value.trim());
  if (!m) throw new FieldProblem(`is not a date: "${clip(value)}" (expected ISO 8601, e.g. "2021-12-28" or "2021-12-28T10:00:00Z")`);
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone = 'Z'] = m;
  const offset = zone.toUpperCase() === 'Z' ? 'Z' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${frac.slice(0, 4)}${offset}`);
  // Date() rolls "02-30" over to March; a day that does not exist is an error, not a guess.
  const probe = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (Number.isNaN(date.getTime()) || probe.getUTCMonth() !== Number(mo) - 1 || probe.getUTCDate() !== Number(d)) {
    throw new FieldProblem(`is not a date: "${clip(value)}" (no such day or time)`);
  }
  return date;
}

/** An absolute http(s) URL, normalised by the URL parser. */
export function readUrl(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') throw new FieldProblem('is not a URL (expected a string such as "https://example.com/story")');
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new FieldProblem(`is not an absolute URL: "${clip(value)}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FieldProblem(`is not an http or https URL: "${clip(value)}"`);
  return url.href;
}

/** "DRAFT" or "PUBLISHED", in any case. */
export function readStatus(value: unknown): 'DRAFT' | 'PUBLISHED' {
  const upper = typeof value === 'string' ? value.trim().toUpperCase() : '';
  if (upper === 'DRAFT' || upper === 'PUBLISHED') return upper;
  throw new FieldProblem(`must be "DRAFT" or "PUBLISHED", not ${describe(value)}`);
}

/**
 * A slug as Storygraph writes them (lower-case words joined by "-"). It is not re-slugified:
 * an exported slug may carry a disambiguating suffix that slugify's length limit would cut.
 */
export function readSlug(value: unknown): string {
  if (typeof value !== 'string' || value === '' || slugify(value, Number.MAX_SAFE_INTEGER) !== value) {
    throw new FieldProblem(`is not a slug: ${describe(value)} (expected lower-case words joined by "-", e.g. "harbour-council-approves-ferry-link")`);
  }
  return value;
}

/** A non-empty string, trimmed, with runs of whitespace made one space. */
export function readLine(value: unknown): string {
  if (typeof value !== 'string') throw new FieldProblem(`must be a string, not ${describe(value)}`);
  const line = value.replace(/\s+/g, ' ').trim();
  if (line === '') throw new FieldProblem('is empty');
  return line;
}

/** Editor tags from a list of strings or one comma-separated string; duplicates dropped. */
export function readTags(value: unknown): string[] {
  if (typeof value === 'string') return parseTags(value);
  if (Array.isArray(value)) {
    const bad = value.findIndex((t) => typeof t !== 'string');
    if (bad >= 0) throw new FieldProblem(`must be a list of strings, but item ${bad} is ${describe(value[bad])}`);
    // Each list item is one tag, commas included: the list is explicit where a string is not.
    return cleanTags(value as string[]);
  }
  throw new FieldProblem(`must be a list of strings or a comma-separated string, not ${describe(value)}`);
}

/** A headline: one line, not empty, not longer than MAX_HEADLINE_LENGTH. */
export function readTitle(value: unknown): string {
  if (typeof value !== 'string') throw new FieldProblem(`must be a string, not ${describe(value)}`);
  const title = value.trim();
  if (title === '') throw new FieldProblem('is empty');
  if (/[\r\n]/.test(title)) throw new FieldProblem('must be one line');
  if (title.length > MAX_HEADLINE_LENGTH) throw new FieldProblem(`has ${title.length} characters (at most ${MAX_HEADLINE_LENGTH})`);
  return title;
}

/** How a JSON value looks in a message: its type, and short strings verbatim. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `"${clip(value)}"`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value === 'number' ? 'the number' : 'the boolean'} ${String(value)}`;
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
