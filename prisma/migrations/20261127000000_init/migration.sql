-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "ArticleStatus" AS ENUM ('DRAFT', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "EntityKind" AS ENUM ('PERSON', 'ORGANIZATION', 'PLACE');

-- CreateEnum
CREATE TYPE "QuoteKind" AS ENUM ('DIRECT', 'PARTIAL');

-- CreateEnum
CREATE TYPE "TagKind" AS ENUM ('EDITOR', 'TOPIC');

-- CreateEnum
CREATE TYPE "FactStatus" AS ENUM ('AUTO', 'VERIFIED', 'REJECTED');

-- CreateTable
CREATE TABLE "article" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "lead" TEXT NOT NULL,
    "paragraphs" TEXT[],
    "sourceKey" TEXT NOT NULL,
    "sourcePath" TEXT,
    "sourceUrl" TEXT,
    "byline" TEXT,
    "contentHash" TEXT NOT NULL,
    "extractorVersion" TEXT NOT NULL,
    "wordCount" INTEGER NOT NULL,
    "status" "ArticleStatus" NOT NULL DEFAULT 'PUBLISHED',
    "publishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "article_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "entity" (
    "id" UUID NOT NULL,
    "kind" "EntityKind" NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "needsReview" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "entity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "entity_alias" (
    "id" UUID NOT NULL,
    "entityId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,

    CONSTRAINT "entity_alias_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "mention" (
    "id" UUID NOT NULL,
    "articleId" UUID NOT NULL,
    "entityId" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "paragraph" INTEGER NOT NULL,
    "confidence" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "status" "FactStatus" NOT NULL DEFAULT 'AUTO',

    CONSTRAINT "mention_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "article_entity" (
    "articleId" UUID NOT NULL,
    "entityId" UUID NOT NULL,
    "mentionCount" INTEGER NOT NULL,
    "firstStart" INTEGER NOT NULL,

    CONSTRAINT "article_entity_pkey" PRIMARY KEY ("articleId","entityId")
);

-- CreateTable
CREATE TABLE "quote" (
    "id" UUID NOT NULL,
    "articleId" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "kind" "QuoteKind" NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "paragraph" INTEGER NOT NULL,
    "cueText" TEXT,
    "cueStart" INTEGER,
    "cueEnd" INTEGER,
    "speakerId" UUID,
    "speakerDescription" TEXT,
    "speakerAffiliationId" UUID,
    "speakerStart" INTEGER,
    "speakerEnd" INTEGER,
    "speakerText" TEXT,
    "confidence" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "status" "FactStatus" NOT NULL DEFAULT 'AUTO',

    CONSTRAINT "quote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "affiliation" (
    "id" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "organizationId" UUID,
    "role" TEXT NOT NULL DEFAULT '',
    "articleId" UUID NOT NULL,
    "since" TIMESTAMP(3),
    "until" TIMESTAMP(3),
    "confidence" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "status" "FactStatus" NOT NULL DEFAULT 'AUTO',

    CONSTRAINT "affiliation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tag" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "kind" "TagKind" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "article_tag" (
    "articleId" UUID NOT NULL,
    "tagId" UUID NOT NULL,

    CONSTRAINT "article_tag_pkey" PRIMARY KEY ("articleId","tagId")
);

-- CreateIndex
CREATE UNIQUE INDEX "article_slug_key" ON "article"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "article_sourceKey_key" ON "article"("sourceKey");

-- CreateIndex
CREATE INDEX "article_status_publishedAt_idx" ON "article"("status", "publishedAt");

-- CreateIndex
CREATE INDEX "article_createdAt_idx" ON "article"("createdAt");

-- CreateIndex
CREATE INDEX "article_contentHash_idx" ON "article"("contentHash");

-- CreateIndex
CREATE INDEX "entity_nameKey_idx" ON "entity"("nameKey");

-- CreateIndex
CREATE UNIQUE INDEX "entity_kind_slug_key" ON "entity"("kind", "slug");

-- CreateIndex
CREATE UNIQUE INDEX "entity_kind_nameKey_key" ON "entity"("kind", "nameKey");

-- CreateIndex
CREATE INDEX "entity_alias_nameKey_idx" ON "entity_alias"("nameKey");

-- CreateIndex
CREATE UNIQUE INDEX "entity_alias_entityId_nameKey_key" ON "entity_alias"("entityId", "nameKey");

-- CreateIndex
CREATE INDEX "mention_entityId_idx" ON "mention"("entityId");

-- CreateIndex
CREATE UNIQUE INDEX "mention_articleId_start_end_key" ON "mention"("articleId", "start", "end");

-- CreateIndex
CREATE INDEX "article_entity_entityId_idx" ON "article_entity"("entityId");

-- CreateIndex
CREATE INDEX "quote_speakerId_idx" ON "quote"("speakerId");

-- CreateIndex
CREATE INDEX "quote_speakerAffiliationId_idx" ON "quote"("speakerAffiliationId");

-- CreateIndex
CREATE UNIQUE INDEX "quote_articleId_start_end_key" ON "quote"("articleId", "start", "end");

-- CreateIndex
CREATE INDEX "affiliation_personId_idx" ON "affiliation"("personId");

-- CreateIndex
CREATE INDEX "affiliation_organizationId_idx" ON "affiliation"("organizationId");

-- CreateIndex
CREATE INDEX "affiliation_articleId_idx" ON "affiliation"("articleId");

-- CreateIndex
CREATE UNIQUE INDEX "tag_slug_key" ON "tag"("slug");

-- CreateIndex
CREATE INDEX "tag_kind_idx" ON "tag"("kind");

-- CreateIndex
CREATE INDEX "article_tag_tagId_idx" ON "article_tag"("tagId");

-- AddForeignKey
ALTER TABLE "entity_alias" ADD CONSTRAINT "entity_alias_entityId_fkey" FOREIGN KEY ("entityId") REFERENCES "entity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mention" ADD CONSTRAINT "mention_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mention" ADD CONSTRAINT "mention_entityId_fkey" FOREIGN KEY ("entityId") REFERENCES "entity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "article_entity" ADD CONSTRAINT "article_entity_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "article_entity" ADD CONSTRAINT "article_entity_entityId_fkey" FOREIGN KEY ("entityId") REFERENCES "entity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quote" ADD CONSTRAINT "quote_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quote" ADD CONSTRAINT "quote_speakerId_fkey" FOREIGN KEY ("speakerId") REFERENCES "entity"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quote" ADD CONSTRAINT "quote_speakerAffiliationId_fkey" FOREIGN KEY ("speakerAffiliationId") REFERENCES "entity"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "affiliation" ADD CONSTRAINT "affiliation_personId_fkey" FOREIGN KEY ("personId") REFERENCES "entity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "affiliation" ADD CONSTRAINT "affiliation_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "entity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "affiliation" ADD CONSTRAINT "affiliation_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "article_tag" ADD CONSTRAINT "article_tag_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "article_tag" ADD CONSTRAINT "article_tag_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "tag"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Integrity rules Prisma's schema language cannot express.
ALTER TABLE "mention" ADD CONSTRAINT "mention_offsets_check" CHECK ("start" >= 0 AND "end" > "start");
ALTER TABLE "quote" ADD CONSTRAINT "quote_offsets_check" CHECK ("start" >= 0 AND "end" > "start");
-- A speaker is an entity or a description of an unnamed speaker, never both.
ALTER TABLE "quote" ADD CONSTRAINT "quote_speaker_check" CHECK ("speakerId" IS NULL OR "speakerDescription" IS NULL);
ALTER TABLE "quote" ADD CONSTRAINT "quote_confidence_check" CHECK ("confidence" >= 0 AND "confidence" <= 1);
ALTER TABLE "mention" ADD CONSTRAINT "mention_confidence_check" CHECK ("confidence" >= 0 AND "confidence" <= 1);
