-- Editors fix the graph: mention forms and nesting, review metadata on every fact, alias
-- provenance, merge redirects, person/organization/place profiles, an audit trail, and derived
-- tags an editor removed.

CREATE TYPE "MentionForm" AS ENUM ('NAME', 'ACRONYM', 'DEMONYM', 'PRONOUN', 'DESCRIPTION');
CREATE TYPE "AliasSource" AS ENUM ('TEXT', 'KNOWLEDGE_BASE', 'MATCHED', 'EDITOR');
CREATE TYPE "OrganizationType" AS ENUM ('GOVERNMENT', 'PARTY', 'COMPANY', 'NGO', 'INTERNATIONAL_BODY', 'MEDIA', 'OTHER');

ALTER TABLE "mention" ADD COLUMN "form" "MentionForm" NOT NULL DEFAULT 'NAME',
    ADD COLUMN "parentStart" INTEGER,
    ADD COLUMN "parentEnd" INTEGER,
    ADD COLUMN "reviewedBy" TEXT,
    ADD COLUMN "reviewedAt" TIMESTAMP(3);
ALTER TABLE "quote" ADD COLUMN "reviewedBy" TEXT, ADD COLUMN "reviewedAt" TIMESTAMP(3);
ALTER TABLE "affiliation" ADD COLUMN "reviewedBy" TEXT, ADD COLUMN "reviewedAt" TIMESTAMP(3);
ALTER TABLE "entity_alias" ADD COLUMN "source" "AliasSource" NOT NULL DEFAULT 'TEXT';

-- The review queue reads AUTO facts least confident first.
CREATE INDEX "quote_review_idx" ON "quote"("confidence", "id") WHERE "status" = 'AUTO';
CREATE INDEX "mention_review_idx" ON "mention"("confidence", "articleId", "start") WHERE "status" = 'AUTO';
CREATE INDEX "affiliation_review_idx" ON "affiliation"("confidence", "id") WHERE "status" = 'AUTO';

CREATE TABLE "entity_redirect" (
    "oldId" UUID NOT NULL,
    "kind" "EntityKind" NOT NULL,
    "oldSlug" TEXT NOT NULL,
    "oldName" TEXT NOT NULL,
    "oldNameKey" TEXT NOT NULL,
    "entityId" UUID NOT NULL,
    "moved" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdBy" TEXT NOT NULL,

    CONSTRAINT "entity_redirect_pkey" PRIMARY KEY ("oldId")
);
CREATE UNIQUE INDEX "entity_redirect_kind_oldSlug_key" ON "entity_redirect"("kind", "oldSlug");
CREATE INDEX "entity_redirect_entityId_idx" ON "entity_redirect"("entityId");
ALTER TABLE "entity_redirect" ADD CONSTRAINT "entity_redirect_entityId_fkey" FOREIGN KEY ("entityId") REFERENCES "entity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "person" (
    "entityId" UUID NOT NULL,
    "givenName" TEXT,
    "familyName" TEXT,
    "description" TEXT,
    "wikidataId" TEXT,
    "imageUrl" TEXT,
    "birthDate" DATE,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedBy" TEXT NOT NULL,

    CONSTRAINT "person_pkey" PRIMARY KEY ("entityId")
);
ALTER TABLE "person" ADD CONSTRAINT "person_entityId_fkey" FOREIGN KEY ("entityId") REFERENCES "entity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "organization" (
    "entityId" UUID NOT NULL,
    "acronym" TEXT,
    "type" "OrganizationType",
    "country" TEXT,
    "wikidataId" TEXT,
    "url" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedBy" TEXT NOT NULL,

    CONSTRAINT "organization_pkey" PRIMARY KEY ("entityId")
);
ALTER TABLE "organization" ADD CONSTRAINT "organization_entityId_fkey" FOREIGN KEY ("entityId") REFERENCES "entity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "place" (
    "entityId" UUID NOT NULL,
    "countryCode" TEXT,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "wikidataId" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedBy" TEXT NOT NULL,

    CONSTRAINT "place_pkey" PRIMARY KEY ("entityId")
);
ALTER TABLE "place" ADD CONSTRAINT "place_entityId_fkey" FOREIGN KEY ("entityId") REFERENCES "entity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "audit_entry" (
    "id" UUID NOT NULL,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_entry_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "audit_entry_subjectType_subjectId_idx" ON "audit_entry"("subjectType", "subjectId");
CREATE INDEX "audit_entry_createdAt_idx" ON "audit_entry"("createdAt");

CREATE TABLE "article_tag_removal" (
    "articleId" UUID NOT NULL,
    "tagId" UUID NOT NULL,
    "removedBy" TEXT NOT NULL,
    "removedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "article_tag_removal_pkey" PRIMARY KEY ("articleId", "tagId")
);
