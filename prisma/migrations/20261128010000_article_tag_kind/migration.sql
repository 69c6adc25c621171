-- How each article got each tag (editor or derived), so an editor's "Russia" on one article and
-- a derived topic "Russia" on another stay distinguishable. Existing links take their tag's kind.
ALTER TABLE "article_tag" ADD COLUMN "kind" "TagKind";
UPDATE "article_tag" AS at SET "kind" = t."kind" FROM "tag" AS t WHERE t."id" = at."tagId";
ALTER TABLE "article_tag" ALTER COLUMN "kind" SET NOT NULL;
