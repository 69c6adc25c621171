-- Search: weighted full-text vectors for articles and quotes, trigram indexes for names.
--
-- The vectors are plain columns kept up to date by triggers rather than generated columns:
-- `array_to_string` is not IMMUTABLE, and a quote's vector includes its speaker's name, which
-- lives in another table. Prisma sees them as Unsupported("tsvector") fields and never writes
-- them, so every write path (imports, editors, raw SQL) gets the same vectors.

-- pg_trgm is a trusted extension (PostgreSQL 13+): a database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- AlterTable
ALTER TABLE "article" ADD COLUMN "searchVector" tsvector;

-- AlterTable
ALTER TABLE "quote" ADD COLUMN "searchVector" tsvector;

-- Title weight A, lead B, the rest of the body C. The lead is normally the first paragraph;
-- it is counted once, so a word in the lead does not outrank the same word in the title.
CREATE FUNCTION "article_search_vector"(title text, lead text, paragraphs text[]) RETURNS tsvector
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT setweight(to_tsvector('english', coalesce(title, '')), 'A')
      || setweight(to_tsvector('english', coalesce(lead, '')), 'B')
      || setweight(to_tsvector('english', coalesce(array_to_string(
           CASE WHEN paragraphs[1] = lead THEN paragraphs[2:] ELSE paragraphs END, E'\n\n'), '')), 'C')
$$;

-- The quoted words weight A; the speaker's name or description weight B, so "Lavrov" finds
-- what Lavrov said even when the quote does not name him.
CREATE FUNCTION "quote_search_vector"(text text, speaker_id uuid, speaker_description text) RETURNS tsvector
LANGUAGE sql STABLE PARALLEL SAFE SET search_path FROM CURRENT AS $$
  SELECT setweight(to_tsvector('english', coalesce(text, '')), 'A')
      || setweight(to_tsvector('english', concat_ws(' ', (SELECT "name" FROM "entity" WHERE "id" = speaker_id), speaker_description)), 'B')
$$;

CREATE FUNCTION "article_search_vector_update"() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  NEW."searchVector" := article_search_vector(NEW."title", NEW."lead", NEW."paragraphs");
  RETURN NEW;
END
$$;

CREATE FUNCTION "quote_search_vector_update"() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  NEW."searchVector" := quote_search_vector(NEW."text", NEW."speakerId", NEW."speakerDescription");
  RETURN NEW;
END
$$;

-- A renamed entity (an editor's correction or merge) re-indexes the quotes it spoke.
CREATE FUNCTION "entity_name_search_update"() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  UPDATE "quote" SET "searchVector" = quote_search_vector("text", "speakerId", "speakerDescription") WHERE "speakerId" = NEW."id";
  RETURN NULL;
END
$$;

CREATE TRIGGER "article_search_vector" BEFORE INSERT OR UPDATE OF "title", "lead", "paragraphs" ON "article"
  FOR EACH ROW EXECUTE FUNCTION "article_search_vector_update"();

CREATE TRIGGER "quote_search_vector" BEFORE INSERT OR UPDATE OF "text", "speakerId", "speakerDescription" ON "quote"
  FOR EACH ROW EXECUTE FUNCTION "quote_search_vector_update"();

CREATE TRIGGER "entity_name_search" AFTER UPDATE OF "name" ON "entity"
  FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name") EXECUTE FUNCTION "entity_name_search_update"();

-- Backfill rows stored before this migration.
UPDATE "article" SET "searchVector" = article_search_vector("title", "lead", "paragraphs");
UPDATE "quote" SET "searchVector" = quote_search_vector("text", "speakerId", "speakerDescription");

-- CreateIndex
CREATE INDEX "article_searchVector_idx" ON "article" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "quote_searchVector_idx" ON "quote" USING GIN ("searchVector");

-- Trigram indexes serve `%`, `<%` (typo-tolerant name matching) and ILIKE '%…%'.
-- CreateIndex
CREATE INDEX "entity_name_trgm_idx" ON "entity" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "entity_alias_name_trgm_idx" ON "entity_alias" USING GIN ("name" gin_trgm_ops);
