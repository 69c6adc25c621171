-- Roles an editor sets belong to no article; tags an editor puts on an article survive re-imports.
ALTER TABLE "affiliation" ALTER COLUMN "articleId" DROP NOT NULL;
ALTER TABLE "article_tag" ADD COLUMN "addedBy" TEXT;
