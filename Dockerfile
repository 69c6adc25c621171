# syntax=docker/dockerfile:1
# The Storygraph API (and its one-shot migration and import commands) for a PostgreSQL server
# given by DATABASE_URL. Build: docker build -t storygraph .   Topology: docker-compose.yml.
#
# Layout of the image: /app/dist/src/index.js (the API), /app/dist/scripts/*.js (migrate,
# import, export, token and the import worker), compiled JavaScript only; production
# dependencies only (no tsx, no TypeScript, no embedded PostgreSQL binaries); runs as `node`.

# 1. Compile TypeScript (needs the development dependencies and the generated Prisma client).
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
# prisma.config.ts (read by `prisma generate`, the postinstall step) imports these.
COPY src/db/createMigrationAdapter.ts ./src/db/
COPY src/config/databaseUrl.ts ./src/config/
COPY src/errors.ts src/projectRoot.ts ./src/
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY scripts ./scripts
COPY tools/copyAssets.ts ./tools/
RUN npm run build
# The browser pages' bundles (explorer, desk, styles): esbuild, GraphiQL and React are build tools only.
COPY web ./web
RUN npm run build:assets

# 2. Production dependencies only. Install scripts are skipped: the Prisma client is compiled
#    into dist/ already, and nothing else needs one. Optional packages are left out too: the
#    Prisma CLI and TypeScript are optional peers of @prisma/client, which npm would otherwise
#    install (74 MB the server never loads); the rest (msgpackr's native add-on, pg-cloudflare)
#    have plain JavaScript in their place.
FROM node:24-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --omit=optional --ignore-scripts --no-audit --no-fund && npm cache clean --force

# 3. The runtime image.
FROM node:24-bookworm-slim
ENV NODE_ENV=production \
    PORT=4000
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/web/dist ./web/dist
# Read at run time: the schema, the migrations (node dist/scripts/migrate.js), the example
# operations (their names are metric labels) and the demo story (SEED_ON_EMPTY=true only).
COPY package.json schema.graphql ./
COPY prisma/migrations ./prisma/migrations
COPY operations ./operations
COPY fixtures/seed ./fixtures/seed
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/health/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# No npm in between: SIGTERM reaches the server, which drains its requests and exits 0.
CMD ["node", "dist/src/index.js"]
