import type { Viewer } from '../access/viewer.js';
import { factId, type FactRef } from '../content/factId.js';
import type { Sql } from '../db/sql.js';
import { AppError, ErrorCode } from '../errors.js';
import { rebuildArticleEntities } from '../ingest/persist/rebuildArticleEntities.js';
import { enqueueEvents } from '../webhooks/enqueueEvent.js';
import { recordAudit } from './recordAudit.js';

/** A fact as the review commands found and left it. */
interface Reviewed {
  ref: FactRef;
  articleId: string | null;
  before: string;
}

/**
 * Sets the review status of facts (VERIFIED or REJECTED) in the caller's transaction, with who
 * and when: one statement per kind of fact. Entity summaries of articles whose mentions changed
 * are rebuilt, so a rejected mention's entity leaves the article's people at once. Writes an
 * audit entry per fact and `fact.verified` / `fact.rejected` webhook events. Throws NOT_FOUND
 * naming the first ID that matches no fact; nothing is changed then.
 */
export async function reviewFacts(sql: Sql, viewer: Viewer, refs: readonly FactRef[], status: 'VERIFIED' | 'REJECTED'): Promise<FactRef[]> {
  const quotes = refs.filter((r) => r.kind === 'QUOTE').map((r) => r.id);
  const roles = refs.filter((r) => r.kind === 'ROLE').map((r) => r.id);
  const mentions = refs.flatMap((r) => (r.kind === 'MENTION' ? [{ a: r.articleId, s: r.start, e: r.end }] : []));
  const found: Reviewed[] = [];
  const set = `status = $2::"FactStatus", "reviewedBy" = $3, "reviewedAt" = now() AT TIME ZONE 'UTC'`;
  if (quotes.length) {
    const rows = await sql.rows<{ id: string; articleId: string; before: string }>(
      `UPDATE quote q SET ${set} FROM (SELECT id, status AS before FROM quote WHERE id IN (SELECT (json_array_elements_text($1::json))::uuid) FOR UPDATE) o
       WHERE q.id = o.id RETURNING q.id::text AS id, q."articleId"::text AS "articleId", o.before::text AS before`,
      JSON.stringify(quotes),
      status,
      viewer.name,
    );
    found.push(...rows.map((r) => ({ ref: { kind: 'QUOTE' as const, id: r.id }, articleId: r.articleId, before: r.before })));
  }
  if (roles.length) {
    const rows = await sql.rows<{ id: string; articleId: string | null; before: string }>(
      `UPDATE affiliation f SET ${set} FROM (SELECT id, status AS before FROM affiliation WHERE id IN (SELECT (json_array_elements_text($1::json))::uuid) FOR UPDATE) o
       WHERE f.id = o.id RETURNING f.id::text AS id, f."articleId"::text AS "articleId", o.before::text AS before`,
      JSON.stringify(roles),
      status,
      viewer.name,
    );
    found.push(...rows.map((r) => ({ ref: { kind: 'ROLE' as const, id: r.id }, articleId: r.articleId, before: r.before })));
  }
  if (mentions.length) {
    const rows = await sql.rows<{ articleId: string; start: number; end: number; before: string }>(
      `UPDATE mention m SET ${set} FROM (
         SELECT m."articleId", m.start, m."end", m.status AS before FROM mention m
         JOIN json_to_recordset($1::json) AS x(a uuid, s int, e int) ON m."articleId" = x.a AND m.start = x.s AND m."end" = x.e FOR UPDATE OF m) o
       WHERE m."articleId" = o."articleId" AND m.start = o.start AND m."end" = o."end"
       RETURNING m."articleId"::text AS "articleId", m.start, m."end", o.before::text AS before`,
      JSON.stringify(mentions),
      status,
      viewer.name,
    );
    found.push(
      ...rows.map((r) => ({ ref: { kind: 'MENTION' as const, articleId: r.articleId, start: r.start, end: r.end }, articleId: r.articleId, before: r.before })),
    );
  }
  const seen = new Set(found.map((f) => factId(f.ref)));
  const missing = refs.find((ref) => !seen.has(factId(ref)));
  if (missing) throw new AppError(ErrorCode.NOT_FOUND, `ids: ${factId(missing)} is not a fact of this archive`, { argument: 'ids' });
  // A mention's status decides whether its entity is in the article: rebuild those summaries.
  await rebuildArticleEntities(
    sql,
    found.flatMap((f) => (f.ref.kind === 'MENTION' && f.before !== status ? [f.articleId!] : [])),
  );
  await recordAudit(
    sql,
    viewer,
    found.map((f) => ({
      action: status === 'VERIFIED' ? 'verifyFacts' : 'rejectFacts',
      subjectType: f.ref.kind === 'QUOTE' ? 'Quote' : f.ref.kind === 'ROLE' ? 'Role' : 'Mention',
      subjectId: factId(f.ref),
      before: { status: f.before },
      after: { status },
    })),
  );
  await enqueueEvents(
    sql,
    found.map((f) => ({
      event: status === 'VERIFIED' ? ('fact.verified' as const) : ('fact.rejected' as const),
      orderKey: f.articleId ?? factId(f.ref),
      data: { fact: { id: factId(f.ref), kind: f.ref.kind, status, before: f.before } },
    })),
  );
  return refs.slice();
}
