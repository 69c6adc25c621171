/**
 * A test database of one kind holding the given stories (imported from a JSON Lines file, as an
 * editor would), an editor's token and the API served over it: the set-up of suites that read
 * what a few stories became.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importFiles } from '../../src/ingest/importFiles.js';
import { createLogger } from '../../src/log.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { createTestDatabase, type TestDatabase } from './testDatabases.js';
import { tokenFor } from './tokens.js';

export interface StoriesServer {
  test: TestDatabase;
  server: RunningServer;
  editor: string;
  stop(): Promise<void>;
}

export async function startStoriesServer(kind: Parameters<typeof createTestDatabase>[0], stories: readonly object[]): Promise<StoriesServer> {
  const quiet = createLogger('error');
  const test = await createTestDatabase(kind);
  const dir = await mkdtemp(join(tmpdir(), 'storygraph-stories-'));
  try {
    await writeFile(join(dir, 'stories.jsonl'), stories.map((story) => JSON.stringify(story)).join('\n') + '\n');
    const result = await importFiles(test.db.prisma, [join(dir, 'stories.jsonl')], { log: quiet });
    if (result.imported !== stories.length) throw new Error(`imported ${result.imported} of ${stories.length} stories`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const editor = await tokenFor(test.db.prisma, 'EDITOR');
  const server = await startServer({ nodeEnv: 'test', port: 0, introspection: true }, test.db.prisma, quiet);
  return {
    test,
    server,
    editor,
    async stop() {
      await server.stop();
      await test.drop();
    },
  };
}
