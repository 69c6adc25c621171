import { createTwoFilesPatch } from 'diff';
import type { Sql } from '../db/sql.js';
import { articleText } from '../content/articleText.js';
import type { ArticleState } from './articleState.js';

export type RevisionAction = 'CREATE' | 'UPDATE' | 'PUBLISH' | 'UNPUBLISH' | 'DELETE' | 'RESTORE';

/** What changed between two states: fields other than the text as before/after, the text as a unified diff. */
export function diffStates(
  before: ArticleState | null,
  after: ArticleState,
): { changes: Record<string, { before: unknown; after: unknown }>; textDiff: string | null } {
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const field of Object.keys(after) as (keyof ArticleState)[]) {
    if (field === 'paragraphs') continue;
    const was = before?.[field] ?? null;
    if (JSON.stringify(was) !== JSON.stringify(after[field])) changes[field] = { before: was, after: after[field] };
  }
  const oldText = before ? articleText(before.title, before.paragraphs) : '';
  const newText = articleText(after.title, after.paragraphs);
  if (oldText === newText) return { changes, textDiff: null };
  if (before && JSON.stringify(before.paragraphs) !== JSON.stringify(after.paragraphs))
    changes.paragraphs = { before: before.paragraphs.length, after: after.paragraphs.length };
  return { changes, textDiff: createTwoFilesPatch('before', 'after', `${oldText}\n`, `${newText}\n`, undefined, undefined, { context: 2 }) };
}

/**
 * Stores a revision of an article in the caller's transaction: who, when, what changed and the
 * state after the change (so it can be restored). `version` is the article's version after it.
 */
export async function recordRevision(
  sql: Sql,
  revision: { articleId: string; version: number; action: RevisionAction; actor: string; before: ArticleState | null; after: ArticleState },
): Promise<void> {
  const { changes, textDiff } = diffStates(revision.before, revision.after);
  await sql.run(
    `INSERT INTO article_revision (id, "articleId", version, action, actor, "createdAt", changes, "textDiff", snapshot)
     VALUES (gen_random_uuid(), $1::uuid, $2, $3::"RevisionAction", $4, now() AT TIME ZONE 'UTC', $5::jsonb, $6, $7::jsonb)`,
    revision.articleId,
    revision.version,
    revision.action,
    revision.actor,
    JSON.stringify(changes),
    textDiff,
    JSON.stringify(revision.after),
  );
}
