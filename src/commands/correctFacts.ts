import type { Viewer } from '../access/viewer.js';
import { articleSegments, articleText } from '../content/articleText.js';
import { factId } from '../content/factId.js';
import type { Sql } from '../db/sql.js';
import { AppError, ErrorCode } from '../errors.js';
import { nameKey, slugify } from '../ingest/nameKey.js';
import { insertEntities } from '../ingest/persist/insertEntities.js';
import { rebuildArticleEntities } from '../ingest/persist/rebuildArticleEntities.js';
import { enqueueEvents } from '../webhooks/enqueueEvent.js';
import { recordAudit } from './recordAudit.js';

/** Who said a quote, as an editor sets it. */
export type SpeakerChoice = { entityId: string } | { description: string; affiliationId: string | null };

/** The entity a new mention refers to. */
export type MentionTarget = { entityId: string } | { kind: 'PERSON' | 'ORGANIZATION' | 'PLACE'; name: string };

const REVIEWED = `status = 'VERIFIED', "reviewedBy" = $2, "reviewedAt" = now() AT TIME ZONE 'UTC'`;

/** An article's text and segments, its row locked for the correction. Throws NOT_FOUND. */
async function lockText(sql: Sql, articleId: string, argument: string) {
  const [row] = await sql.rows<{ title: string; paragraphs: string[] }>(`SELECT title, paragraphs FROM article WHERE id = $1::uuid FOR UPDATE`, articleId);
  if (!row) throw new AppError(ErrorCode.NOT_FOUND, `${argument}: no such article`, { argument });
  return { text: articleText(row.title, row.paragraphs), segments: articleSegments(row.title, row.paragraphs) };
}

/** A span of the text within one paragraph (or the headline): its text and paragraph number. BAD_USER_INPUT otherwise. */
function spanOf(layout: Awaited<ReturnType<typeof lockText>>, start: number, end: number): { text: string; paragraph: number } {
  const paragraph = layout.segments.findIndex((s) => start >= s.start && end <= s.end);
  if (!Number.isInteger(start) || !Number.isInteger(end) || start >= end || paragraph < 0) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `start, end: ${start}…${end} is not a span of one paragraph of the article text`, { argument: 'start' });
  }
  const text = layout.text.slice(start, end);
  if (!text.trim()) throw new AppError(ErrorCode.BAD_USER_INPUT, 'start, end: the span holds only spaces', { argument: 'start' });
  return { text, paragraph };
}

/** The speaker columns of a choice; the entities it names must exist (NOT_FOUND otherwise). */
async function speakerColumns(
  sql: Sql,
  speaker: SpeakerChoice,
): Promise<{ speakerId: string | null; description: string | null; affiliationId: string | null; name: string | null }> {
  const ids = 'entityId' in speaker ? [speaker.entityId] : speaker.affiliationId ? [speaker.affiliationId] : [];
  const rows = ids.length ? await sql.rows<{ id: string; name: string }>(`SELECT id::text AS id, name FROM entity WHERE id = $1::uuid`, ids[0]) : [];
  if (ids.length && !rows.length) {
    const argument = 'entityId' in speaker ? 'speaker.entityId' : 'speaker.affiliationId';
    throw new AppError(ErrorCode.NOT_FOUND, `${argument}: no such person, organization or place`, { argument });
  }
  if ('entityId' in speaker) return { speakerId: speaker.entityId, description: null, affiliationId: null, name: rows[0]!.name };
  const description = speaker.description.replace(/\s+/g, ' ').trim();
  if (!description) throw new AppError(ErrorCode.BAD_USER_INPUT, 'speaker.description: must not be empty', { argument: 'speaker.description' });
  return { speakerId: null, description, affiliationId: speaker.affiliationId, name: null };
}

/** A quote's kind from its words: a sentence or more is DIRECT, a fragment PARTIAL. */
function quoteKindOf(text: string): 'DIRECT' | 'PARTIAL' {
  return /^[\p{Lu}\p{N}"'“‘]/u.test(text.trim()) && /[.!?,…]["'”’]?$/.test(text.trim()) ? 'DIRECT' : 'PARTIAL';
}

async function corrected(sql: Sql, viewer: Viewer, action: string, quote: { id: string; articleId: string }, before: unknown, after: unknown) {
  await recordAudit(sql, viewer, [{ action, subjectType: 'Quote', subjectId: factId({ kind: 'QUOTE', id: quote.id }), before, after }]);
  await enqueueEvents(sql, [
    { event: 'fact.corrected', orderKey: quote.articleId, data: { fact: { id: factId({ kind: 'QUOTE', id: quote.id }), kind: 'QUOTE', action } } },
  ]);
}

/** Gives a quote another speaker; the quote becomes VERIFIED. Returns its id. */
export async function setQuoteSpeaker(sql: Sql, viewer: Viewer, quoteId: string, speaker: SpeakerChoice): Promise<string> {
  const [before] = await sql.rows<{
    id: string;
    articleId: string;
    speakerId: string | null;
    speakerDescription: string | null;
    speakerAffiliationId: string | null;
  }>(
    `SELECT id::text AS id, "articleId"::text AS "articleId", "speakerId"::text AS "speakerId", "speakerDescription", "speakerAffiliationId"::text AS "speakerAffiliationId"
     FROM quote WHERE id = $1::uuid FOR UPDATE`,
    quoteId,
  );
  if (!before) throw new AppError(ErrorCode.NOT_FOUND, 'quoteId: no such quote', { argument: 'quoteId' });
  const columns = await speakerColumns(sql, speaker);
  // The words that named the old speaker no longer name this one.
  await sql.run(
    `UPDATE quote SET "speakerId" = $3::uuid, "speakerDescription" = $4, "speakerAffiliationId" = $5::uuid,
       "speakerStart" = NULL, "speakerEnd" = NULL, "speakerText" = NULL, ${REVIEWED}
     WHERE id = $1::uuid`,
    quoteId,
    viewer.name,
    columns.speakerId,
    columns.description,
    columns.affiliationId,
  );
  await corrected(sql, viewer, 'setQuoteSpeaker', before, before, columns);
  return quoteId;
}

/** Moves a quote to another span of its article's text; the quote becomes VERIFIED. Returns its id. */
export async function setQuoteSpan(sql: Sql, viewer: Viewer, quoteId: string, start: number, end: number): Promise<string> {
  const [before] = await sql.rows<{ id: string; articleId: string; start: number; end: number; text: string }>(
    `SELECT id::text AS id, "articleId"::text AS "articleId", start, "end", text FROM quote WHERE id = $1::uuid FOR UPDATE`,
    quoteId,
  );
  if (!before) throw new AppError(ErrorCode.NOT_FOUND, 'quoteId: no such quote', { argument: 'quoteId' });
  const span = spanOf(await lockText(sql, before.articleId, 'quoteId'), start, end);
  await assertFreeQuoteSpan(sql, before.articleId, start, end, quoteId);
  await sql.run(
    `UPDATE quote SET start = $3, "end" = $4, text = $5, paragraph = $6, kind = $7::"QuoteKind", ${REVIEWED} WHERE id = $1::uuid`,
    quoteId,
    viewer.name,
    start,
    end,
    span.text,
    span.paragraph,
    quoteKindOf(span.text),
  );
  await corrected(sql, viewer, 'setQuoteSpan', before, before, { start, end, text: span.text });
  return quoteId;
}

/** Adds a quote extraction missed, VERIFIED. Returns its id. */
export async function addQuote(sql: Sql, viewer: Viewer, articleId: string, start: number, end: number, speaker: SpeakerChoice): Promise<string> {
  const span = spanOf(await lockText(sql, articleId, 'articleId'), start, end);
  await assertFreeQuoteSpan(sql, articleId, start, end, null);
  const columns = await speakerColumns(sql, speaker);
  const [row] = await sql.rows<{ id: string }>(
    `INSERT INTO quote (id, "articleId", text, kind, start, "end", paragraph, "speakerId", "speakerDescription", "speakerAffiliationId", confidence, status, "reviewedBy", "reviewedAt")
     VALUES (gen_random_uuid(), $1::uuid, $3, $4::"QuoteKind", $5, $6, $7, $8::uuid, $9, $10::uuid, 1, 'VERIFIED', $2, now() AT TIME ZONE 'UTC')
     RETURNING id::text AS id`,
    articleId,
    viewer.name,
    span.text,
    quoteKindOf(span.text),
    start,
    end,
    span.paragraph,
    columns.speakerId,
    columns.description,
    columns.affiliationId,
  );
  await corrected(sql, viewer, 'addQuote', { id: row!.id, articleId }, null, { start, end, text: span.text, ...columns });
  return row!.id;
}

async function assertFreeQuoteSpan(sql: Sql, articleId: string, start: number, end: number, except: string | null): Promise<void> {
  const [taken] = await sql.rows<{ id: string }>(
    `SELECT id::text AS id FROM quote WHERE "articleId" = $1::uuid AND start = $2 AND "end" = $3 AND ($4::uuid IS NULL OR id <> $4::uuid)`,
    articleId,
    start,
    end,
    except,
  );
  if (taken)
    throw new AppError(ErrorCode.CONFLICT, `start, end: the article already has a quote on this span (${factId({ kind: 'QUOTE', id: taken.id })})`, {
      argument: 'start',
    });
}

/**
 * Adds a mention extraction missed, VERIFIED: of an existing entity, or of a new one (created
 * by kind and name, or found if one has that name). The article's entity summaries are rebuilt.
 * Returns the mention's key.
 */
export async function addMention(sql: Sql, viewer: Viewer, articleId: string, start: number, end: number, target: MentionTarget) {
  const span = spanOf(await lockText(sql, articleId, 'articleId'), start, end);
  let entityId: string;
  if ('entityId' in target) {
    const [row] = await sql.rows<{ id: string }>(`SELECT id::text AS id FROM entity WHERE id = $1::uuid`, target.entityId);
    if (!row) throw new AppError(ErrorCode.NOT_FOUND, 'entity.entityId: no such person, organization or place', { argument: 'entity.entityId' });
    entityId = row.id;
  } else {
    const name = target.name.replace(/\s+/g, ' ').trim();
    const key = nameKey(name);
    if (!key) throw new AppError(ErrorCode.BAD_USER_INPUT, 'entity.name: must hold a letter or digit', { argument: 'entity.name' });
    const ref = `new:${target.kind}:${key}`;
    const inserted = await insertEntities(sql, [{ ref, kind: target.kind, name, nameKey: key, slug: slugify(name), needsReview: false }]);
    entityId = inserted.ids.get(ref)!;
  }
  const taken = await sql.rows(
    `SELECT 1 FROM mention WHERE "articleId" = $1::uuid AND start < $3 AND $2 < "end" AND status <> 'REJECTED'`,
    articleId,
    start,
    end,
  );
  if (taken.length) throw new AppError(ErrorCode.CONFLICT, 'start, end: another mention overlaps this span; remove it first', { argument: 'start' });
  // The editor's mention replaces one rejected on the very same span.
  await sql.run(`DELETE FROM mention WHERE "articleId" = $1::uuid AND start = $2 AND "end" = $3 AND status = 'REJECTED'`, articleId, start, end);
  await sql.run(
    `INSERT INTO mention ("articleId", "entityId", text, start, "end", paragraph, form, confidence, status, "reviewedBy", "reviewedAt")
     VALUES ($1::uuid, $3::uuid, $4, $5, $6, $7, 'NAME', 1, 'VERIFIED', $2, now() AT TIME ZONE 'UTC')`,
    articleId,
    viewer.name,
    entityId,
    span.text,
    start,
    end,
    span.paragraph,
  );
  await rebuildArticleEntities(sql, [articleId]);
  const ref = { kind: 'MENTION' as const, articleId, start, end };
  await recordAudit(sql, viewer, [
    { action: 'addMention', subjectType: 'Mention', subjectId: factId(ref), before: null, after: { entityId, text: span.text } },
  ]);
  await enqueueEvents(sql, [{ event: 'fact.corrected', orderKey: articleId, data: { fact: { id: factId(ref), kind: 'MENTION', action: 'addMention' } } }]);
  return ref;
}
