-- An entity's link rows keep the same copy of their article's status and dates as its quotes and
-- roles (see the fact_article_order migration), so an entity's articles, newest first, are an
-- index range scan that stops after the page, and their count an index-only scan, instead of a
-- lookup of every linked article (a person in 271 stories: 271 lookups and a sort per page).
--
-- The same trigger functions keep them: a link takes its article's values when it is written,
-- and an article's change is copied to its links in the same statement.

ALTER TABLE "article_entity"
  ADD COLUMN "articleStatus" "ArticleStatus",
  ADD COLUMN "articlePublishedAt" TIMESTAMP(3),
  ADD COLUMN "articleCreatedAt" TIMESTAMP(3);

CREATE TRIGGER "article_entity_article_copy" BEFORE INSERT OR UPDATE OF "articleId", "articleStatus", "articlePublishedAt", "articleCreatedAt" ON "article_entity"
  FOR EACH ROW EXECUTE FUNCTION "fact_article_copy"();

CREATE OR REPLACE FUNCTION "article_fact_copies_update"() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  UPDATE "quote" SET "articleStatus" = NEW.status, "articlePublishedAt" = NEW."publishedAt", "articleCreatedAt" = NEW."createdAt"
    WHERE "articleId" = NEW.id;
  UPDATE "affiliation" SET "articleStatus" = NEW.status, "articlePublishedAt" = NEW."publishedAt", "articleCreatedAt" = NEW."createdAt"
    WHERE "articleId" = NEW.id;
  UPDATE "article_entity" SET "articleStatus" = NEW.status, "articlePublishedAt" = NEW."publishedAt", "articleCreatedAt" = NEW."createdAt"
    WHERE "articleId" = NEW.id;
  RETURN NULL;
END $$;

-- Backfill.
UPDATE "article_entity" ae SET "articleStatus" = a.status, "articlePublishedAt" = a."publishedAt", "articleCreatedAt" = a."createdAt"
  FROM "article" a WHERE a.id = ae."articleId";

-- An entity's articles newest first (`articlesByEntity`); replaces the (entityId, articleId)
-- index, which only the entity's access rule and merges read (by its leading column). The status
-- is included so the access rule and the count are index-only.
DROP INDEX "article_entity_entityId_articleId_idx";
CREATE INDEX "article_entity_newest_idx" ON "article_entity"("entityId", "articlePublishedAt" DESC NULLS LAST, "articleCreatedAt" DESC, "articleId") INCLUDE ("articleStatus");
