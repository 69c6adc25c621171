-- Indexes for the default orders of the read paths (issue 14), so a page is an index range
-- scan instead of a sort of the whole table.

-- Articles, newest first: `articles`, `person.articles`, `tag.articles`, quotes by date. NULLS
-- LAST matches the ORDER BY (Prisma's schema can only say DESC, which it compares alone).
CREATE INDEX "article_newest_idx" ON "article"("publishedAt" DESC NULLS LAST, "createdAt" DESC, "id");

-- People, organizations and places by name (`people`, `organizations`, `places`).
CREATE INDEX "entity_kind_name_id_idx" ON "entity"("kind", "name", "id");

-- Tags by name (`tags`, `article.tags`).
CREATE INDEX "tag_name_id_idx" ON "tag"("name", "id");
