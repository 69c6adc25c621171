import { ErrorCode, isAppError } from '../errors.js';
import type { EntityType } from '../extract/types.js';
import type { ArticleOutcome, BatchOutcome } from './articleOutcome.js';

export interface FileFailure {
  file: string;
  code: ErrorCode;
  message: string;
}

export interface ImportReport {
  dryRun: boolean;
  /** Articles read (or that failed to read): files, or lines of JSON Lines. */
  files: number;
  imported: number;
  updated: number;
  unchanged: number;
  failed: number;
  entitiesCreated: number;
  peopleCreated: number;
  organizationsCreated: number;
  placesCreated: number;
  tagsCreated: number;
  /** Words of the articles extracted (new or changed). */
  words: number;
  seconds: number;
  failures: FileFailure[];
  warnings: string[];
  /** Dry run only: names of the entities and tags the import would create. */
  wouldCreate?: { people: string[]; organizations: string[]; places: string[]; tags: string[] };
}

/** Names kept in a dry run's report, per kind: enough to review, bounded for huge archives. */
const MAX_LISTED_NAMES = 10_000;
const MAX_KEPT_WARNINGS = 1_000;

const createdKey = { PERSON: 'peopleCreated', ORGANIZATION: 'organizationsCreated', PLACE: 'placesCreated' } as const satisfies Record<
  EntityType,
  keyof ImportReport
>;
const listKey = { PERSON: 'people', ORGANIZATION: 'organizations', PLACE: 'places' } as const satisfies Record<EntityType, string>;

/** A report with nothing counted yet. */
export function emptyReport(dryRun: boolean): ImportReport {
  return {
    dryRun,
    files: 0,
    imported: 0,
    updated: 0,
    unchanged: 0,
    failed: 0,
    entitiesCreated: 0,
    peopleCreated: 0,
    organizationsCreated: 0,
    placesCreated: 0,
    tagsCreated: 0,
    words: 0,
    seconds: 0,
    failures: [],
    warnings: [],
    ...(dryRun ? { wouldCreate: { people: [], organizations: [], places: [], tags: [] } } : {}),
  };
}

/**
 * Counts what happened to one article (`words`: its word count, counted when it was extracted
 * and stored). A failure is listed with its code and message, which it returns for the log.
 */
export function countArticle(report: ImportReport, label: string, outcome: ArticleOutcome, words = 0): FileFailure | null {
  switch (outcome.status) {
    case 'failed': {
      const failure = describeFailure(label, outcome.error);
      report.failed++;
      report.failures.push(failure);
      return failure;
    }
    case 'created':
      report.imported++;
      break;
    case 'updated':
      report.updated++;
      break;
    case 'unchanged':
      report.unchanged++;
      return null;
  }
  report.words += words;
  return null;
}

/** Counts the entities and tags a batch created (a dry run lists their names too). */
export function countCreated(report: ImportReport, outcome: Pick<BatchOutcome, 'createdEntities' | 'createdTags'>): void {
  const lists = report.wouldCreate;
  for (const { kind, name } of outcome.createdEntities) {
    report[createdKey[kind]]++;
    report.entitiesCreated++;
    if (lists && lists[listKey[kind]].length < MAX_LISTED_NAMES) lists[listKey[kind]].push(name);
  }
  report.tagsCreated += outcome.createdTags.length;
  if (lists) for (const tag of outcome.createdTags) if (lists.tags.length < MAX_LISTED_NAMES) lists.tags.push(tag);
}

/** Adds one report's counts, failures and warnings to another's (the parts of a queued import). */
export function addReport(into: ImportReport, part: ImportReport): void {
  for (const key of COUNTED) into[key] += part[key];
  for (const failure of part.failures) into.failures.push(failure);
  for (const warning of part.warnings) countWarning(into, warning);
}

const COUNTED = [
  'files',
  'imported',
  'updated',
  'unchanged',
  'failed',
  'entitiesCreated',
  'peopleCreated',
  'organizationsCreated',
  'placesCreated',
  'tagsCreated',
  'words',
] as const satisfies (keyof ImportReport)[];

/** Keeps a warning (up to a bound: the log has them all). */
export function countWarning(report: ImportReport, warning: string): void {
  if (report.warnings.length < MAX_KEPT_WARNINGS) report.warnings.push(warning);
}

/** An error as the report lists it: its code and message, or IMPORT_FAILED with the last line of an unexpected error. */
function describeFailure(file: string, failure: unknown): FileFailure {
  if (isAppError(failure)) return { file, code: failure.code, message: failure.message };
  const message = failure instanceof Error ? (failure.message.split('\n').filter(Boolean).slice(-1)[0] ?? failure.name) : String(failure);
  return { file, code: ErrorCode.IMPORT_FAILED, message: `${file}: could not be imported: ${message}` };
}
