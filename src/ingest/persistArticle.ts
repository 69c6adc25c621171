import { createHash } from 'node:crypto';
import type { PrismaClient } from '../db/createPrisma.js';
import type { EntityKind } from '../generated/prisma/client.js';
import type { ArticlePlan, PlannedEntity } from './planArticle.js';

export type PersistStatus = 'created' | 'updated' | 'unchanged';

export interface PersistResult {
  status: PersistStatus;
  articleId: string;
  slug: string;
  entitiesCreated: number;
  tagsCreated: number;
}

/** What the store knows of an article's source: enough to tell whether it changed. */
export interface StoredVersion {
  id: string;
  slug: string;
  contentHash: string;
  extractorVersion: string;
}

/** The stored version of the article from this source, or null. */
export function findStoredVersion(prisma: PrismaClient, sourceKey: string): Promise<StoredVersion | null> {
  return prisma.article.findUnique({ where: { sourceKey }, select: { id: true, slug: true, contentHash: true, extractorVersion: true } });
}

/** Same content read by the same extractor: nothing to write. */
export function isUnchanged(stored: StoredVersion | null, contentHash: string, extractorVersion: string): boolean {
  return stored !== null && stored.contentHash === contentHash && stored.extractorVersion === extractorVersion;
}

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/**
 * Stores one planned article in one transaction. An article whose source and content hash are
 * already stored (under the same extractor version) causes no writes. A changed article keeps
 * its id and slug; its automatically extracted facts are replaced, while facts an editor
 * verified or rejected stay. Entities and tags are shared by natural key, so two imports
 * running at once converge on one row each (unique keys; the caller retries on conflict).
 */
export async function persistArticle(prisma: PrismaClient, plan: ArticlePlan, stored?: StoredVersion | null): Promise<PersistResult> {
  const existing = stored === undefined ? await findStoredVersion(prisma, plan.source.sourceKey) : stored;
  if (isUnchanged(existing, plan.contentHash, plan.extractorVersion)) {
    return { status: 'unchanged', articleId: existing!.id, slug: existing!.slug, entitiesCreated: 0, tagsCreated: 0 };
  }
  return prisma.$transaction(
    async (tx) => {
      const { ids: entityIds, created: entitiesCreated } = await upsertEntities(tx, plan.entities);
      const { ids: tagIds, created: tagsCreated } = await upsertTags(tx, plan.tags);
      const slug = existing?.slug ?? (await freeSlug(tx, plan.slug, plan.source.sourceKey));
      const data = {
        title: plan.title,
        lead: plan.lead,
        paragraphs: plan.paragraphs,
        sourcePath: plan.source.sourcePath,
        sourceUrl: plan.source.sourceUrl,
        byline: plan.source.byline,
        publishedAt: plan.source.publishedAt,
        contentHash: plan.contentHash,
        extractorVersion: plan.extractorVersion,
        wordCount: plan.wordCount,
      };
      let articleId: string;
      if (existing) {
        articleId = existing.id;
        await tx.article.update({ where: { id: articleId }, data });
        await clearAutomaticFacts(tx, articleId);
      } else {
        articleId = (await tx.article.create({ data: { ...data, slug, sourceKey: plan.source.sourceKey }, select: { id: true } })).id;
      }
      await insertFacts(tx, articleId, plan, entityIds, tagIds);
      return { status: existing ? 'updated' : 'created', articleId, slug, entitiesCreated, tagsCreated } as const;
    },
    { timeout: 30_000, maxWait: 30_000 },
  );
}

/** Deletes what extraction produced earlier; editor-reviewed facts are kept. */
async function clearAutomaticFacts(tx: Tx, articleId: string): Promise<void> {
  await tx.mention.deleteMany({ where: { articleId, status: 'AUTO' } });
  await tx.quote.deleteMany({ where: { articleId, status: 'AUTO' } });
  await tx.affiliation.deleteMany({ where: { articleId, status: 'AUTO' } });
  await tx.articleEntity.deleteMany({ where: { articleId } });
  await tx.articleTag.deleteMany({ where: { articleId } });
}

async function insertFacts(tx: Tx, articleId: string, plan: ArticlePlan, entityIds: Map<string, string>, tagIds: Map<string, string>): Promise<void> {
  const kept = await tx.mention.findMany({ where: { articleId }, select: { start: true, end: true } });
  const keptSpans = new Set(kept.map((m) => `${m.start}:${m.end}`));
  const mentions = plan.entities.flatMap((entity) =>
    entity.mentions
      .filter((m) => !keptSpans.has(`${m.start}:${m.end}`))
      .map((m) => ({ articleId, entityId: entityIds.get(entity.key)!, text: m.text, start: m.start, end: m.end, paragraph: m.paragraph, confidence: entity.confidence })),
  );
  if (mentions.length) await tx.mention.createMany({ data: mentions, skipDuplicates: true });

  // Per-entity summary rows, recomputed from all mentions now stored (kept ones included).
  const summary = await tx.mention.groupBy({ by: ['entityId'], where: { articleId, status: { not: 'REJECTED' } }, _count: { _all: true }, _min: { start: true } });
  if (summary.length) {
    await tx.articleEntity.createMany({
      data: summary.map((row) => ({ articleId, entityId: row.entityId, mentionCount: row._count._all, firstStart: row._min.start ?? 0 })),
    });
  }

  const keptQuotes = new Set((await tx.quote.findMany({ where: { articleId }, select: { start: true, end: true } })).map((q) => `${q.start}:${q.end}`));
  const quotes = plan.quotes
    .filter((q) => !keptQuotes.has(`${q.start}:${q.end}`))
    .map((q) => ({
      articleId,
      text: q.text,
      kind: q.kind,
      start: q.start,
      end: q.end,
      paragraph: q.paragraph,
      cueText: q.cue?.text ?? null,
      cueStart: q.cue?.start ?? null,
      cueEnd: q.cue?.end ?? null,
      speakerId: q.speakerKey ? (entityIds.get(q.speakerKey) ?? null) : null,
      speakerDescription: q.speakerKey ? null : q.speakerDescription,
      speakerAffiliationId: q.speakerAffiliationKey ? (entityIds.get(q.speakerAffiliationKey) ?? null) : null,
      speakerStart: q.speakerMention?.start ?? null,
      speakerEnd: q.speakerMention?.end ?? null,
      speakerText: q.speakerMention?.text ?? null,
      confidence: q.confidence,
    }));
  if (quotes.length) await tx.quote.createMany({ data: quotes, skipDuplicates: true });

  const affiliations = plan.affiliations
    .filter((a) => entityIds.has(a.personKey))
    .map((a) => ({ articleId, personId: entityIds.get(a.personKey)!, organizationId: a.organizationKey ? (entityIds.get(a.organizationKey) ?? null) : null, role: a.role }));
  if (affiliations.length) await tx.affiliation.createMany({ data: affiliations });

  if (plan.tags.length) {
    await tx.articleTag.createMany({ data: plan.tags.map((t) => ({ articleId, tagId: tagIds.get(t.slug)! })), skipDuplicates: true });
  }
}

/**
 * Finds or creates every entity by its natural key (kind + normalised name) and records
 * aliases. Insert-if-missing with ON CONFLICT semantics makes concurrent imports safe.
 */
async function upsertEntities(tx: Tx, entities: PlannedEntity[]): Promise<{ ids: Map<string, string>; created: number }> {
  const ids = new Map<string, string>();
  if (!entities.length) return { ids, created: 0 };
  const where = { OR: entities.map((e) => ({ kind: e.kind as EntityKind, nameKey: e.nameKey })) };
  const before = await tx.entity.findMany({ where, select: { id: true, kind: true, nameKey: true } });
  const missing = entities.filter((e) => !before.some((row) => row.kind === e.kind && row.nameKey === e.nameKey));
  let created = 0;
  if (missing.length) {
    const slugs = await freeEntitySlugs(tx, missing);
    created = (
      await tx.entity.createMany({
        data: missing.map((e) => ({ kind: e.kind as EntityKind, name: e.name, nameKey: e.nameKey, slug: slugs.get(e.key)! })),
        skipDuplicates: true,
      })
    ).count;
  }
  const rows = missing.length ? await tx.entity.findMany({ where, select: { id: true, kind: true, nameKey: true } }) : before;
  for (const row of rows) ids.set(`${row.kind}:${row.nameKey}`, row.id);
  const aliases = entities.flatMap((e) => e.aliases.map((a) => ({ entityId: ids.get(e.key)!, name: a.name, nameKey: a.nameKey })));
  if (aliases.length) await tx.entityAlias.createMany({ data: aliases, skipDuplicates: true });
  return { ids, created };
}

/** Slugs are unique per kind; a clash with a different name gets a numeric suffix. */
async function freeEntitySlugs(tx: Tx, entities: PlannedEntity[]): Promise<Map<string, string>> {
  const taken = await tx.entity.findMany({
    where: { OR: entities.map((e) => ({ kind: e.kind as EntityKind, slug: { startsWith: e.slug } })) },
    select: { kind: true, slug: true },
  });
  const used = new Set(taken.map((row) => `${row.kind}:${row.slug}`));
  const result = new Map<string, string>();
  for (const entity of entities) {
    let slug = entity.slug;
    for (let n = 2; used.has(`${entity.kind}:${slug}`); n++) slug = `${entity.slug}-${n}`;
    used.add(`${entity.kind}:${slug}`);
    result.set(entity.key, slug);
  }
  return result;
}

async function upsertTags(tx: Tx, tags: ArticlePlan['tags']): Promise<{ ids: Map<string, string>; created: number }> {
  const ids = new Map<string, string>();
  if (!tags.length) return { ids, created: 0 };
  const { count } = await tx.tag.createMany({ data: tags.map((t) => ({ name: t.name, slug: t.slug, kind: t.kind })), skipDuplicates: true });
  const rows = await tx.tag.findMany({ where: { slug: { in: tags.map((t) => t.slug) } }, select: { id: true, slug: true } });
  for (const row of rows) ids.set(row.slug, row.id);
  return { ids, created: count };
}

/** The title's slug, or the slug plus a short source hash when another article has it. */
async function freeSlug(tx: Tx, slug: string, sourceKey: string): Promise<string> {
  const clash = await tx.article.findUnique({ where: { slug }, select: { id: true } });
  if (!clash) return slug;
  return `${slug}-${createHash('sha256').update(sourceKey).digest('hex').slice(0, 8)}`;
}
