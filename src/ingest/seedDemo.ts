import { join } from 'node:path';
import type { PrismaClient } from '../db/createPrisma.js';
import type { Logger } from '../log.js';
import { projectRoot } from '../projectRoot.js';
import { importFiles } from './importFiles.js';

/** The demo story shipped with the project, imported into an empty database. */
export const demoFixtureDir = join(projectRoot, 'fixtures', 'seed');

/** Imports the demo story when the database holds no article yet; returns whether it did. */
export async function seedDemo(prisma: PrismaClient, log: Logger): Promise<boolean> {
  if ((await prisma.article.count()) > 0) return false;
  const report = await importFiles(prisma, [demoFixtureDir], { log, source: 'seed' });
  log.info(`empty database: imported the demo story (${report.imported} article)`);
  return report.imported > 0;
}
