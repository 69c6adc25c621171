import type { StoredOutcome } from '../articleOutcome.js';
import { dedupeBy } from '../dedupeBy.js';
import type { PlannedArticle } from '../plannedArticle.js';
import type { Resolution } from '../registry/resolveEntities.js';
import { BatchConflict } from './batchConflict.js';
import type { AffiliationRow, ArticleEntityRow, ArticleTagRow, EntityAliasRow, MentionRow, QuoteRow } from './tables/writtenTables.js';

/**
 * The fact rows of a batch. Facts of an article created in this transaction cannot collide
 * with stored rows (no other writer sees the article yet, and each article's spans are
 * deduplicated): they are `fresh`. An updated article keeps the facts an editor reviewed,
 * which may sit on the same spans: its rows are `replacing`, inserted `ON CONFLICT DO NOTHING`.
 */
export interface FactRows {
  aliases: EntityAliasRow[];
  mentions: { fresh: MentionRow[]; replacing: MentionRow[] };
  /** Per created article and entity; updated articles are recounted from the stored mentions. */
  summaries: ArticleEntityRow[];
  quotes: { fresh: QuoteRow[]; replacing: QuoteRow[] };
  affiliations: AffiliationRow[];
  articleTags: ArticleTagRow[];
}

/** The ids the batch's earlier statements gave: articles (in batch order), new entities by ref, tags by slug. */
export interface BatchIds {
  articles: readonly StoredOutcome[];
  entities: ReadonlyMap<string, string>;
  tags: ReadonlyMap<string, string>;
}

/** Builds the rows of every fact of a resolved batch. Pure; throws BatchConflict for a new entity that was not stored. */
export function buildFactRows(batch: readonly PlannedArticle[], resolution: Resolution, ids: BatchIds): FactRows {
  const idOf = (ref: string): string => {
    if (!ref.startsWith('new:')) return ref;
    const id = ids.entities.get(ref);
    if (!id) throw new BatchConflict(`entity ${ref}`);
    return id;
  };
  const aliases = dedupeBy(
    resolution.aliases.map((a): EntityAliasRow => ({ entityId: idOf(a.ref), name: a.name, nameKey: a.nameKey })),
    (a) => `${a.entityId}|${a.nameKey}`,
  ).sort((a, b) => cmp(a.entityId + a.nameKey, b.entityId + b.nameKey));

  const rows: FactRows = {
    aliases,
    mentions: { fresh: [], replacing: [] },
    summaries: [],
    quotes: { fresh: [], replacing: [] },
    affiliations: [],
    articleTags: [],
  };
  const affiliations = new Map<string, AffiliationRow>();
  const quoteSpans = new Set<string>();
  batch.forEach(({ plan }, i) => {
    const { articleId, status } = ids.articles[i]!;
    const fresh = status === 'created';
    const targets = resolution.targets[i]!;
    const entityId = (key: string | null): string | null => {
      const ref = key ? targets.get(key) : undefined;
      return ref ? idOf(ref) : null;
    };
    const mentionRows = fresh ? rows.mentions.fresh : rows.mentions.replacing;
    const spans = new Set<number | string>();
    const summary = new Map<string, ArticleEntityRow>();
    for (const entity of plan.entities) {
      const id = entityId(entity.key)!;
      for (const m of entity.mentions) {
        // Two names resolved to one entity may share a span: the first one stands.
        const span = spanKey(m.start, m.end);
        if (spans.has(span)) continue;
        spans.add(span);
        mentionRows.push({
          articleId,
          entityId: id,
          text: m.text,
          start: m.start,
          end: m.end,
          paragraph: m.paragraph,
          form: m.form,
          parentStart: m.parent?.start ?? null,
          parentEnd: m.parent?.end ?? null,
          confidence: entity.confidence,
        });
        const row = summary.get(id);
        if (row) {
          row.mentionCount++;
          row.firstStart = Math.min(row.firstStart, m.start);
        } else summary.set(id, { articleId, entityId: id, mentionCount: 1, firstStart: m.start });
      }
    }
    if (fresh) rows.summaries.push(...summary.values());
    for (const q of plan.quotes) {
      // Of two quotes over one span, the first stands.
      const span = `${articleId}|${q.start}|${q.end}`;
      if (quoteSpans.has(span)) continue;
      quoteSpans.add(span);
      (fresh ? rows.quotes.fresh : rows.quotes.replacing).push({
        articleId,
        text: q.text,
        kind: q.kind,
        start: q.start,
        end: q.end,
        paragraph: q.paragraph,
        cueText: q.cue?.text ?? null,
        cueStart: q.cue?.start ?? null,
        cueEnd: q.cue?.end ?? null,
        speakerId: entityId(q.speakerKey),
        speakerDescription: q.speakerKey ? null : q.speakerDescription,
        speakerAffiliationId: entityId(q.speakerAffiliationKey),
        speakerStart: q.speakerMention?.start ?? null,
        speakerEnd: q.speakerMention?.end ?? null,
        speakerText: q.speakerMention?.text ?? null,
        confidence: q.confidence,
      });
    }
    for (const f of plan.affiliations) {
      const personId = entityId(f.personKey);
      if (!personId) continue;
      const organizationId = entityId(f.organizationKey);
      affiliations.set(`${articleId}|${personId}|${organizationId}|${f.role}`, { articleId, personId, organizationId, role: f.role, confidence: f.confidence });
    }
    for (const t of plan.tags) rows.articleTags.push({ articleId, tagId: ids.tags.get(t.slug)!, kind: t.kind });
  });
  rows.affiliations = [...affiliations.values()];
  return rows;
}

/** Spans shorter than this get a number for a key (see spanKey). */
const SPAN_LENGTHS = 1024;

/**
 * A key for a Set of one article's spans: `start * SPAN_LENGTHS + length`, a small integer that
 * is cheap to hash, for a span shorter than SPAN_LENGTHS (each start and length give their own
 * number); `start:end`, a string that never equals a number, for a longer one.
 */
function spanKey(start: number, end: number): number | string {
  const length = end - start;
  return length >= 0 && length < SPAN_LENGTHS ? start * SPAN_LENGTHS + length : `${start}:${end}`;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
