-- A quote's and a role's copy of what their article's order and access rule read (issue 14), so
-- a speaker's quotes and a person's roles, newest article first, are index range scans that stop
-- after the page instead of reading and sorting every row of the parent with its article.
--
-- The copies are the article's own columns, not a derived visibility: a scheduled article is
-- still compared with the clock at read time (`publishedAt <= now()`), so no copy goes stale when
-- its time comes. Triggers keep them in step on every write path (imports, API writes, publish,
-- unpublish, rescheduling, restore): a fact takes its article's values when it is written or
-- moved to another article, and an article's change is copied to its facts in the same statement.

ALTER TABLE "quote"
  ADD COLUMN "articleStatus" "ArticleStatus",
  ADD COLUMN "articlePublishedAt" TIMESTAMP(3),
  ADD COLUMN "articleCreatedAt" TIMESTAMP(3);

ALTER TABLE "affiliation"
  ADD COLUMN "articleStatus" "ArticleStatus",
  ADD COLUMN "articlePublishedAt" TIMESTAMP(3),
  ADD COLUMN "articleCreatedAt" TIMESTAMP(3);

-- A fact being written reads its article's values (NULL for a role an editor set, which has none).
CREATE FUNCTION "fact_article_copy"() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  IF NEW."articleId" IS NULL THEN
    NEW."articleStatus" := NULL;
    NEW."articlePublishedAt" := NULL;
    NEW."articleCreatedAt" := NULL;
  ELSE
    SELECT a.status, a."publishedAt", a."createdAt"
      INTO NEW."articleStatus", NEW."articlePublishedAt", NEW."articleCreatedAt"
      FROM "article" a WHERE a.id = NEW."articleId";
  END IF;
  RETURN NEW;
END $$;

-- Also on an update of the copies themselves: whoever writes them gets the article's values.
CREATE TRIGGER "quote_article_copy" BEFORE INSERT OR UPDATE OF "articleId", "articleStatus", "articlePublishedAt", "articleCreatedAt" ON "quote"
  FOR EACH ROW EXECUTE FUNCTION "fact_article_copy"();
CREATE TRIGGER "affiliation_article_copy" BEFORE INSERT OR UPDATE OF "articleId", "articleStatus", "articlePublishedAt", "articleCreatedAt" ON "affiliation"
  FOR EACH ROW EXECUTE FUNCTION "fact_article_copy"();

-- An article's status or dates changed: its facts follow (the facts' trigger reads the new row).
CREATE FUNCTION "article_fact_copies_update"() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  UPDATE "quote" SET "articleStatus" = NEW.status, "articlePublishedAt" = NEW."publishedAt", "articleCreatedAt" = NEW."createdAt"
    WHERE "articleId" = NEW.id;
  UPDATE "affiliation" SET "articleStatus" = NEW.status, "articlePublishedAt" = NEW."publishedAt", "articleCreatedAt" = NEW."createdAt"
    WHERE "articleId" = NEW.id;
  RETURN NULL;
END $$;

CREATE TRIGGER "article_fact_copies" AFTER UPDATE OF "status", "publishedAt", "createdAt" ON "article"
  FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD."publishedAt" IS DISTINCT FROM NEW."publishedAt" OR OLD."createdAt" IS DISTINCT FROM NEW."createdAt")
  EXECUTE FUNCTION "article_fact_copies_update"();

-- Backfill.
UPDATE "quote" q SET "articleStatus" = a.status, "articlePublishedAt" = a."publishedAt", "articleCreatedAt" = a."createdAt"
  FROM "article" a WHERE a.id = q."articleId";
UPDATE "affiliation" af SET "articleStatus" = a.status, "articlePublishedAt" = a."publishedAt", "articleCreatedAt" = a."createdAt"
  FROM "article" a WHERE a.id = af."articleId";

-- A speaker's quotes newest article first (`quotesBySpeaker`); replaces the speaker's index. The
-- statuses are included so a count of the visible ones is an index-only scan.
DROP INDEX "quote_speakerId_idx";
CREATE INDEX "quote_speaker_newest_idx" ON "quote"("speakerId", "articlePublishedAt" DESC NULLS LAST, "articleCreatedAt" DESC, "articleId", "start", "id") INCLUDE ("status", "articleStatus");

-- A person's and an organization's roles in their order (`roles` in nestedSources.ts): roles an
-- editor set first, then by `since`, then newest article first; statuses included as above.
-- They replace the single-column indexes.
DROP INDEX "affiliation_personId_idx";
CREATE INDEX "affiliation_person_order_idx" ON "affiliation"("personId", ("articleId" IS NULL) DESC, "since" DESC NULLS LAST, "articlePublishedAt" DESC NULLS LAST, "articleCreatedAt" DESC, "articleId", "role", "id") INCLUDE ("status", "articleStatus");
DROP INDEX "affiliation_organizationId_idx";
CREATE INDEX "affiliation_organization_order_idx" ON "affiliation"("organizationId", ("articleId" IS NULL) DESC, "since" DESC NULLS LAST, "articlePublishedAt" DESC NULLS LAST, "articleCreatedAt" DESC, "articleId", "role", "id") INCLUDE ("status", "articleStatus");
