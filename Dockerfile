# The Storygraph API for a PostgreSQL server given by DATABASE_URL (see docker-compose.yml).
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY prisma.config.ts tsconfig.json ./
COPY src/db ./src/db
COPY src/errors.ts src/projectRoot.ts ./src/
# Dev dependencies stay: the server runs the TypeScript sources through tsx.
RUN npm ci --include=dev --no-audit --no-fund
COPY . .
EXPOSE 4000
CMD ["npm", "start"]
