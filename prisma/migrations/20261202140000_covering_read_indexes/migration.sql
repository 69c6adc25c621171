-- Indexes that answer the article page's and the person page's lookups without reading table
-- rows (issue 14): an entity's or a tag's articles (index-only scans of the link table), and a
-- linked article's access rule and date (index-only lookups by id).

-- An article by id with what its access rule and the newest-first order read.
CREATE INDEX "article_access_idx" ON "article"("id", "status", "publishedAt", "createdAt");

-- An entity's articles.
DROP INDEX "article_entity_entityId_idx";
CREATE INDEX "article_entity_entityId_articleId_idx" ON "article_entity"("entityId", "articleId");

-- A tag's articles.
DROP INDEX "article_tag_tagId_idx";
CREATE INDEX "article_tag_tagId_articleId_idx" ON "article_tag"("tagId", "articleId");
