-- API tokens and their roles (see ApiToken in schema.prisma).
CREATE TYPE "Role" AS ENUM ('READER', 'EDITOR', 'ADMIN');

CREATE TABLE "api_token" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "lookup" TEXT NOT NULL,
    "secretHash" TEXT NOT NULL,
    "salt" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdBy" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "api_token_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "api_token_lookup_key" ON "api_token"("lookup");
CREATE INDEX "api_token_name_idx" ON "api_token"("name");

-- One active token per name; schema.prisma cannot express a partial unique index.
CREATE UNIQUE INDEX "api_token_active_name_key" ON "api_token"("name") WHERE "revokedAt" IS NULL;
