-- Cheaper fact writes for imports.
--
-- 1. A mention is identified by its article and offsets, which were already unique: that key
--    becomes the primary key and the surrogate uuid goes (no id was ever read; one index and one
--    random uuid less per row). The unique index is reused, so no index is rebuilt.
ALTER TABLE "mention" DROP CONSTRAINT "mention_pkey";
ALTER TABLE "mention" DROP COLUMN "id";
ALTER TABLE "mention" ADD CONSTRAINT "mention_pkey" PRIMARY KEY USING INDEX "mention_articleId_start_end_key";

-- 2. A quote's vector from its speaker's name rather than id, so a batch writer can join the
--    names once and supply the vectors; the formula stays defined in one place. No SET
--    search_path and no table access: it only calls pg_catalog functions, so the planner inlines it.
CREATE FUNCTION "quote_search_vector_named"(text text, speaker_name text, speaker_description text) RETURNS tsvector
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT setweight(to_tsvector('english', coalesce(text, '')), 'A')
      || setweight(to_tsvector('english', concat_ws(' ', speaker_name, speaker_description)), 'B')
$$;

CREATE OR REPLACE FUNCTION "quote_search_vector"(text text, speaker_id uuid, speaker_description text) RETURNS tsvector
LANGUAGE sql STABLE PARALLEL SAFE SET search_path FROM CURRENT AS $$
  SELECT quote_search_vector_named(text, (SELECT "name" FROM "entity" WHERE "id" = speaker_id), speaker_description)
$$;

-- An inserted row that already carries its vector (the import computes it set-based, see
-- src/ingest/persist/writeBatch.ts) keeps it; every other insert, and every update of the text
-- or the speaker, is indexed by the trigger as before. The rename trigger is unchanged.
DROP TRIGGER "quote_search_vector" ON "quote";

CREATE TRIGGER "quote_search_vector_insert" BEFORE INSERT ON "quote"
  FOR EACH ROW WHEN (NEW."searchVector" IS NULL) EXECUTE FUNCTION "quote_search_vector_update"();

CREATE TRIGGER "quote_search_vector" BEFORE UPDATE OF "text", "speakerId", "speakerDescription" ON "quote"
  FOR EACH ROW EXECUTE FUNCTION "quote_search_vector_update"();
