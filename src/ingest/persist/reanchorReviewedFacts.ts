import type { Sql } from '../../db/sql.js';
import { layOut, reanchorSpan } from './reanchorSpan.js';

/** An article whose text an update changes: its text before and after. */
export interface ChangedText {
  id: string;
  before: { title: string; paragraphs: readonly string[] };
  after: { title: string; paragraphs: readonly string[] };
}

interface ReviewedMention {
  articleId: string;
  start: number;
  end: number;
  text: string;
}

interface ReviewedQuote {
  id: string;
  articleId: string;
  start: number;
  end: number;
  text: string;
  cueStart: number | null;
  cueEnd: number | null;
  cueText: string | null;
  speakerStart: number | null;
  speakerEnd: number | null;
  speakerText: string | null;
}

/**
 * Keeps the facts an editor verified or rejected with their words when an article's text
 * changes (in the caller's transaction, before re-extracted facts are inserted): each mention
 * and quote moves to where its text now stands (see reanchorSpan), a quote's cue and speaker
 * mention with it, and one whose text is gone is dropped. Verified facts then still stand and
 * rejected ones still block their re-creation by span. Three statements, whatever the number.
 */
export async function reanchorReviewedFacts(sql: Sql, articles: readonly ChangedText[]): Promise<void> {
  const changed = articles.filter((a) => a.before.title !== a.after.title || a.before.paragraphs.join('\u0000') !== a.after.paragraphs.join('\u0000'));
  if (!changed.length) return;
  const ids = JSON.stringify(changed.map((a) => a.id));
  const [mentions, quotes] = await Promise.all([
    sql.rows<ReviewedMention>(
      `SELECT "articleId"::text AS "articleId", start, "end", text FROM mention WHERE "articleId" IN (SELECT (json_array_elements_text($1::json))::uuid) AND status <> 'AUTO'`,
      ids,
    ),
    sql.rows<ReviewedQuote>(
      `SELECT id::text AS id, "articleId"::text AS "articleId", start, "end", text, "cueStart", "cueEnd", "cueText", "speakerStart", "speakerEnd", "speakerText"
       FROM quote WHERE "articleId" IN (SELECT (json_array_elements_text($1::json))::uuid) AND status <> 'AUTO'`,
      ids,
    ),
  ]);
  if (!mentions.length && !quotes.length) return;
  const layouts = new Map(changed.map((a) => [a.id, { old: layOut(a.before.title, a.before.paragraphs), now: layOut(a.after.title, a.after.paragraphs) }]));
  const place = (articleId: string, span: { start: number; end: number; text: string }) => {
    const layout = layouts.get(articleId)!;
    return reanchorSpan(layout.old, layout.now, span);
  };

  const mentionMoves = mentions.map((m) => ({ a: m.articleId, s: m.start, e: m.end, to: place(m.articleId, m) }));
  const quoteMoves = quotes.map((q) => {
    const to = place(q.articleId, q);
    const shift = to ? to.start - q.start : 0;
    const follow = (start: number | null, end: number | null, text: string | null) => {
      if (!to || start === null || end === null || text === null) return null;
      const span = place(q.articleId, { start, end, text });
      return span && Math.abs(span.start - start - shift) < 200 ? span : null;
    };
    return { id: q.id, to, cue: follow(q.cueStart, q.cueEnd, q.cueText), speaker: follow(q.speakerStart, q.speakerEnd, q.speakerText) };
  });

  // Mentions are keyed by their offsets: the moved ones are taken out and put back at their new place.
  await sql.run(
    `WITH moves AS (SELECT * FROM json_to_recordset($1::json) AS x(a uuid, s int, e int, ns int, ne int, np int)),
     gone AS (DELETE FROM mention m USING moves x WHERE m."articleId" = x.a AND m.start = x.s AND m."end" = x.e AND (x.ns IS NULL OR x.ns <> x.s)
              RETURNING m.*, x.ns, x.ne, x.np)
     INSERT INTO mention ("articleId", "entityId", text, start, "end", paragraph, form, "parentStart", "parentEnd", confidence, status, "reviewedBy", "reviewedAt")
     SELECT g."articleId", g."entityId", g.text, g.ns, g.ne, g.np, g.form, NULL, NULL, g.confidence, g.status, g."reviewedBy", g."reviewedAt"
     FROM gone g WHERE g.ns IS NOT NULL
     ON CONFLICT DO NOTHING`,
    JSON.stringify(mentionMoves.map((m) => ({ a: m.a, s: m.s, e: m.e, ns: m.to?.start ?? null, ne: m.to?.end ?? null, np: m.to?.paragraph ?? null }))),
  );
  await sql.run(
    `WITH moves AS (SELECT * FROM json_to_recordset($1::json) AS x(id uuid, ns int, ne int, np int, cs int, ce int, ss int, se int)),
     d AS (DELETE FROM quote q USING moves x WHERE q.id = x.id AND x.ns IS NULL)
     UPDATE quote q SET start = x.ns, "end" = x.ne, paragraph = x.np,
       "cueStart" = x.cs, "cueEnd" = x.ce, "cueText" = CASE WHEN x.cs IS NULL THEN NULL ELSE q."cueText" END,
       "speakerStart" = x.ss, "speakerEnd" = x.se, "speakerText" = CASE WHEN x.ss IS NULL THEN NULL ELSE q."speakerText" END
     FROM moves x WHERE q.id = x.id AND x.ns IS NOT NULL`,
    JSON.stringify(
      quoteMoves.map((q) => ({
        id: q.id,
        ns: q.to?.start ?? null,
        ne: q.to?.end ?? null,
        np: q.to?.paragraph ?? null,
        cs: q.cue?.start ?? null,
        ce: q.cue?.end ?? null,
        ss: q.speaker?.start ?? null,
        se: q.speaker?.end ?? null,
      })),
    ),
  );
}
