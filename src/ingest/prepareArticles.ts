import type { Sql } from '../db/sql.js';
import { EXTRACTOR_VERSION } from '../extract/extractArticle.js';
import type { ArticleExtractor } from './extractArticles.js';
import type { ParsedArticle } from './parseArticle.js';
import { findStoredVersions, isUnchanged, type StoredVersion } from './persist/findStoredVersions.js';
import { contentHashOf, type ArticleSource } from './planArticle.js';
import type { PlannedArticle } from './plannedArticle.js';

/** An article to store: its parsed text and what its source says about it. */
export interface ArticleInput {
  parsed: ParsedArticle;
  source: ArticleSource;
}

/** Where preparing an input left it: nothing to write, planned for storing, or failed in extraction. */
export type PreparedArticle<Input> =
  | { input: Input; status: 'unchanged'; stored: StoredVersion }
  | { input: Input; status: 'planned'; article: PlannedArticle }
  | { input: Input; status: 'failed'; error: Error };

/**
 * The first half of storeArticles, with reads only: the stored version of every input (one
 * query), then each input's content hash; an input whose stored version has the same hash and
 * extractor version is `unchanged` and skips extraction, the costly step; the others are
 * extracted and planned. Results are in input order. Source keys must be distinct.
 */
export async function prepareArticles<Input extends ArticleInput>(
  sql: Sql,
  inputs: readonly Input[],
  extractor: ArticleExtractor,
): Promise<PreparedArticle<Input>[]> {
  const stored = await findStoredVersions(
    sql,
    inputs.map((input) => input.source.sourceKey),
  );
  const out: (PreparedArticle<Input> | null)[] = [];
  const changed: { input: Input; contentHash: string; at: number }[] = [];
  for (const input of inputs) {
    const known = stored.get(input.source.sourceKey);
    const contentHash = contentHashOf(input.parsed, input.source);
    if (known && isUnchanged(known, contentHash, EXTRACTOR_VERSION)) out.push({ input, status: 'unchanged', stored: known });
    else {
      changed.push({ input, contentHash, at: out.length });
      out.push(null);
    }
  }
  const plans = await extractor.extract(changed.map(({ input, contentHash }) => ({ parsed: input.parsed, source: input.source, contentHash })));
  changed.forEach(({ input, at }, i) => {
    const plan = plans[i]!;
    out[at] =
      plan instanceof Error
        ? { input, status: 'failed', error: plan }
        : { input, status: 'planned', article: { plan, stored: stored.get(input.source.sourceKey) ?? null } };
  });
  return out as PreparedArticle<Input>[];
}
