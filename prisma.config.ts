// Prisma CLI configuration. The JavaScript schema engine over a driver adapter lets
// `prisma generate` and `prisma migrate *` run offline (no engine binary download).
// The CLI connects to DATABASE_URL, or to a local server for development commands.
import { defineConfig } from 'prisma/config';
import { createMigrationAdapter } from './src/db/createMigrationAdapter.js';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  adapter: async () => createMigrationAdapter(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/storygraph'),
});
