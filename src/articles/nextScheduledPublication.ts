import type { PrismaClient } from '../db/createPrisma.js';

/**
 * When the next scheduled article becomes public (a PUBLISHED article whose `publishedAt` is
 * still to come; see src/access/visibility.ts), or null when none is scheduled. Stored answers
 * must not outlive it.
 */
export async function nextScheduledPublication(prisma: PrismaClient): Promise<Date | null> {
  const [row] = await prisma.$queryRaw<{ next: Date | null }[]>`
    SELECT min("publishedAt") AS next FROM article WHERE status = 'PUBLISHED' AND "publishedAt" > (now() AT TIME ZONE 'UTC')`;
  return row?.next ?? null;
}
