import type { PrismaClient } from '../db/createPrisma.js';
import { persistBatch } from './persist/persistBatch.js';
import { sqlOf } from './persist/sqlOf.js';
import { emptyAcronyms } from './registry/loadAcronyms.js';
import type { ArticlePlan } from './planArticle.js';

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

/**
 * Stores one planned article in one transaction (a batch of one; imports use persistBatch
 * directly). Unchanged content causes no writes; a changed article keeps its id and slug and
 * its automatically extracted facts are replaced, while facts an editor verified or rejected
 * stay. Entities are resolved through the cross-article registry.
 */
export async function persistArticle(prisma: PrismaClient, plan: ArticlePlan): Promise<PersistResult> {
  const stored = await findStoredVersion(prisma, plan.source.sourceKey);
  const result = await persistBatch(sqlOf(prisma), [{ plan, stored }], emptyAcronyms());
  const outcome = result.articles[0]!;
  const entitiesCreated = result.entitiesCreated.PERSON + result.entitiesCreated.ORGANIZATION + result.entitiesCreated.PLACE;
  return { ...outcome, entitiesCreated, tagsCreated: result.tagsCreated };
}
