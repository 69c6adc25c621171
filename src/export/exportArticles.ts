import { SYSTEM } from '../access/viewer.js';
import { visibleWhere } from '../access/visibility.js';
import type { PrismaClient } from '../db/createPrisma.js';

/** An entity as the export names it (read-only data for consumers). */
export interface ExportedEntity {
  kind: 'PERSON' | 'ORGANIZATION' | 'PLACE';
  name: string;
  slug: string;
}

/** A quote with its speaker: a named entity, an unnamed speaker's description, or null. */
export interface ExportedQuote {
  text: string;
  kind: 'DIRECT' | 'PARTIAL';
  paragraph: number;
  start: number;
  end: number;
  cue: string | null;
  speaker: ExportedEntity | { description: string; affiliation: ExportedEntity | null } | null;
}

/**
 * One article in the JSON Lines import format (title, paragraphs, editor tags, metadata and the
 * identity fields slug, status, sourceKey, sourcePath, which the reader honours), plus what
 * extraction found (entities, quotes, topics), which the reader ignores: a re-import extracts
 * again from the text.
 */
export interface ExportedArticle {
  title: string;
  paragraphs: string[];
  tags: string[];
  publishedAt: string | null;
  url: string | null;
  byline: string | null;
  section: string | null;
  status: 'DRAFT' | 'PUBLISHED';
  slug: string;
  sourceKey: string;
  sourcePath: string | null;
  entities: (ExportedEntity & { mentions: number })[];
  quotes: ExportedQuote[];
  topics: string[];
}

export interface ExportOptions {
  /** Articles per query; memory holds one batch. */
  batchSize?: number;
}

const entitySelect = { kind: true, name: true, slug: true } as const;

/**
 * Streams every article in import order (first imported first; articles imported in one
 * transaction share a timestamp and follow in source-key order), one batch of queries at a
 * time, so memory stays flat however large the database. The order depends on no generated id,
 * so two databases holding the same imports export the same file, and re-importing in this
 * order lets cross-article name resolution see articles as it first did.
 */
export async function* exportArticles(prisma: PrismaClient, options: ExportOptions = {}): AsyncGenerator<ExportedArticle> {
  const take = options.batchSize ?? 200;
  let after: Cursor | null = null;
  for (;;) {
    const batch = await fetchBatch(prisma, after, take);
    for (const article of batch) yield toExported(article);
    const last = batch[batch.length - 1];
    if (!last || batch.length < take) return;
    after = { createdAt: last.createdAt, sourceKey: last.sourceKey };
  }
}

interface Cursor {
  createdAt: Date;
  sourceKey: string;
}

type Batch = Awaited<ReturnType<typeof fetchBatch>>;

/** The next `take` articles after `cursor` in (createdAt, sourceKey) order: keyset paging, no OFFSET scans. */
function fetchBatch(prisma: PrismaClient, cursor: Cursor | null, take: number) {
  return prisma.article.findMany({
    where: cursor ? { OR: [{ createdAt: { gt: cursor.createdAt } }, { createdAt: cursor.createdAt, sourceKey: { gt: cursor.sourceKey } }] } : {},
    orderBy: [{ createdAt: 'asc' }, { sourceKey: 'asc' }],
    take,
    select: {
      createdAt: true,
      slug: true,
      title: true,
      paragraphs: true,
      status: true,
      publishedAt: true,
      sourceKey: true,
      sourcePath: true,
      sourceUrl: true,
      byline: true,
      section: true,
      tags: { select: { kind: true, tag: { select: { name: true } } } },
      entities: { orderBy: [{ firstStart: 'asc' }, { entityId: 'asc' }], select: { mentionCount: true, entity: { select: entitySelect } } },
      quotes: {
        // The export is Storygraph's own process: every article, but never a rejected fact.
        where: visibleWhere(SYSTEM, 'fact'),
        orderBy: [{ start: 'asc' }, { end: 'asc' }],
        select: {
          text: true,
          kind: true,
          paragraph: true,
          start: true,
          end: true,
          cueText: true,
          speakerDescription: true,
          speaker: { select: entitySelect },
          speakerAffiliation: { select: entitySelect },
        },
      },
    },
  });
}

function toExported(article: Batch[number]): ExportedArticle {
  const editorTags = article.tags
    .filter((t) => t.kind === 'EDITOR')
    .map((t) => t.tag.name)
    .sort(byCodePoint);
  return {
    title: article.title,
    paragraphs: article.paragraphs,
    tags: editorTags,
    publishedAt: article.publishedAt?.toISOString() ?? null,
    url: article.sourceUrl,
    byline: article.byline,
    section: article.section,
    status: article.status,
    slug: article.slug,
    sourceKey: article.sourceKey,
    sourcePath: article.sourcePath,
    entities: article.entities.map((e) => ({ ...e.entity, mentions: e.mentionCount })),
    quotes: article.quotes.map((q) => ({
      text: q.text,
      kind: q.kind,
      paragraph: q.paragraph,
      start: q.start,
      end: q.end,
      cue: q.cueText,
      speaker: q.speaker ?? (q.speakerDescription ? { description: q.speakerDescription, affiliation: q.speakerAffiliation } : null),
    })),
    topics: article.tags
      .filter((t) => t.kind === 'TOPIC')
      .map((t) => t.tag.name)
      .sort(byCodePoint),
  };
}

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
