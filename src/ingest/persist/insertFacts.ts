import type { Sql } from '../../db/sql.js';
import type { FactRows } from './buildFactRows.js';
import { factStatement, type FactStatement } from './factStatement.js';
import {
  affiliationTable,
  articleEntityTable,
  articleTagTable,
  entityAliasTable,
  mentionTable,
  quoteTable,
  type MentionRow,
  type QuoteRow,
} from './tables/writtenTables.js';

/**
 * Inserts a batch's aliases and facts (mentions, entity summaries, quotes, affiliations, tag
 * links) and marks tags an editor used as EDITOR, all in one statement (see factStatement).
 */
export async function insertFacts(sql: Sql, rows: FactRows): Promise<void> {
  const facts = factStatement();
  if (rows.aliases.length) {
    facts.part(
      `INSERT INTO entity_alias (id, ${entityAliasTable.columns})
       SELECT gen_random_uuid(), ${entityAliasTable.select('x')} FROM ${entityAliasTable.from(facts.param(entityAliasTable.json(rows.aliases)), 'x')}
       ON CONFLICT DO NOTHING`,
    );
  }
  insertMentions(facts, rows.mentions.fresh, false);
  insertMentions(facts, rows.mentions.replacing, true);
  if (rows.summaries.length) {
    facts.part(
      `INSERT INTO article_entity (${articleEntityTable.columns})
       SELECT ${articleEntityTable.select('x')} FROM ${articleEntityTable.from(facts.param(articleEntityTable.json(rows.summaries)), 'x')}`,
    );
  }
  insertQuotes(facts, rows.quotes.fresh, false);
  insertQuotes(facts, rows.quotes.replacing, true);
  if (rows.affiliations.length) {
    // A role read again from the same article is one affiliation, reviewed or not.
    facts.part(
      `INSERT INTO affiliation (id, ${affiliationTable.columns})
       SELECT gen_random_uuid(), ${affiliationTable.select('x')} FROM ${affiliationTable.from(facts.param(affiliationTable.json(rows.affiliations)), 'x')}
       WHERE NOT EXISTS (SELECT 1 FROM affiliation f WHERE f."articleId" = x."articleId" AND f."personId" = x."personId"
                           AND f."organizationId" IS NOT DISTINCT FROM x."organizationId" AND f.role = x.role)`,
    );
  }
  if (rows.articleTags.length) {
    const links = facts.param(articleTagTable.json(rows.articleTags));
    facts.part(
      // A tag an editor took off the article stays off.
      `INSERT INTO article_tag (${articleTagTable.columns})
       SELECT ${articleTagTable.select('x')} FROM ${articleTagTable.from(links, 'x')}
       WHERE NOT EXISTS (SELECT 1 FROM article_tag_removal r WHERE r."articleId" = x."articleId" AND r."tagId" = x."tagId")
       ON CONFLICT DO NOTHING`,
    );
    // A tag row is EDITOR once any editor uses it, even if extraction created it first.
    facts.part(
      `UPDATE tag SET kind = 'EDITOR' WHERE kind = 'TOPIC' AND id IN (SELECT x."tagId" FROM ${articleTagTable.from(links, 'x')} WHERE x.kind = 'EDITOR')`,
    );
  }
  await facts.run(sql);
}

function insertMentions(facts: FactStatement, rows: readonly MentionRow[], mayConflict: boolean) {
  if (!rows.length) return;
  facts.part(
    `INSERT INTO mention (${mentionTable.columns})
     SELECT ${mentionTable.select('x')} FROM ${mentionTable.from(facts.param(mentionTable.json(rows)), 'x')}${mayConflict ? ' ON CONFLICT DO NOTHING' : ''}`,
  );
}

/**
 * The search vector is computed here, set-based, with each speaker's name joined once per
 * statement (the same `quote_search_vector_named` the trigger uses); the insert trigger then
 * skips rows that carry a vector.
 */
function insertQuotes(facts: FactStatement, rows: readonly QuoteRow[], mayConflict: boolean) {
  if (!rows.length) return;
  facts.part(
    `WITH x AS (SELECT * FROM ${quoteTable.from(facts.param(quoteTable.json(rows)), 'x')}),
          speaker AS (SELECT e.id, e.name FROM entity e WHERE e.id IN (SELECT DISTINCT x."speakerId" FROM x WHERE x."speakerId" IS NOT NULL))
     INSERT INTO quote (id, ${quoteTable.columns}, "searchVector")
     SELECT gen_random_uuid(), ${quoteTable.select('x')}, quote_search_vector_named(x.text, speaker.name, x."speakerDescription")
     FROM x LEFT JOIN speaker ON speaker.id = x."speakerId"${mayConflict ? ' ON CONFLICT DO NOTHING' : ''}`,
  );
}
