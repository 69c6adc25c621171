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

/** One revision to store: the article's version after the change, and the states around it. */
export interface RevisionInput {
  articleId: string;
  version: number;
  action: RevisionAction;
  actor: string;
  before: ArticleState | null;
  after: ArticleState;
}

/**
 * Stores revisions of articles in the caller's transaction (one statement for any number):
 * who, when, what changed and the state after the change, so any revision can be restored.
 * For a newly created article the text diff is left out (the snapshot holds the text).
 */
export async function recordRevisions(sql: Sql, revisions: readonly RevisionInput[]): Promise<void> {
  if (!revisions.length) return;
  const rows = revisions.map((revision) => {
    const { changes, textDiff } = revision.before ? diffStates(revision.before, revision.after) : { changes: {}, textDiff: null };
    return { a: revision.articleId, v: revision.version, k: revision.action, w: revision.actor, c: changes, d: textDiff, s: revision.after };
  });
  await sql.run(
    `INSERT INTO article_revision (id, "articleId", version, action, actor, "createdAt", changes, "textDiff", snapshot)
     SELECT gen_random_uuid(), x.a, x.v, x.k::"RevisionAction", x.w, now() AT TIME ZONE 'UTC', x.c, x.d, x.s
     FROM json_to_recordset($1::json) AS x(a uuid, v int, k text, w text, c jsonb, d text, s jsonb)`,
    JSON.stringify(rows),
  );
}

/** Stores one revision (see recordRevisions). */
export function recordRevision(sql: Sql, revision: RevisionInput): Promise<void> {
  return recordRevisions(sql, [revision]);
}
