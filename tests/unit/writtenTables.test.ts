import { freeSlugSql } from '../../src/ingest/persist/freeSlugSql.js';
import { articleTable, mentionTable, quoteTable } from '../../src/ingest/persist/tables/writtenTables.js';

describe('written table specs', () => {
  it('generate the recordset definition, the column list and the select list from one spec', () => {
    expect({
      columns: mentionTable.columns,
      from: mentionTable.from('$2', 'x'),
      select: mentionTable.select('x'),
    }).toEqual({
      columns: '"articleId", "entityId", "text", "start", "end", "paragraph", "form", "parentStart", "parentEnd", "confidence"',
      from: 'json_to_recordset($2::json) AS x("articleId" uuid, "entityId" uuid, "text" text, "start" int, "end" int, "paragraph" int, "form" "MentionForm", "parentStart" int, "parentEnd" int, "confidence" float8)',
      select: 'x."articleId", x."entityId", x."text", x."start", x."end", x."paragraph", x."form", x."parentStart", x."parentEnd", x."confidence"',
    });
  });

  it('pick some columns, read enums by their type, store dates as UTC, and number rows when asked', () => {
    const picked = articleTable.pick('id', 'status', 'publishedAt');
    expect({
      from: picked.from('$1', 'x', { ordinality: true }),
      select: picked.select('x', { status: `COALESCE(x.status, 'PUBLISHED')` }),
      assign: picked.assign('x', ['id']),
    }).toEqual({
      from: 'ROWS FROM (json_to_recordset($1::json) AS ("id" uuid, "status" "ArticleStatus", "publishedAt" timestamptz)) WITH ORDINALITY AS x',
      select: `x."id", COALESCE(x.status, 'PUBLISHED'), (x."publishedAt" AT TIME ZONE 'UTC')`,
      assign: `"status" = x."status", "publishedAt" = (x."publishedAt" AT TIME ZONE 'UTC')`,
    });
  });

  it('write rows as JSON keyed by column name', () => {
    expect(
      JSON.parse(
        quoteTable.json([
          {
            articleId: 'a',
            text: 'We will',
            kind: 'DIRECT',
            start: 1,
            end: 8,
            paragraph: 1,
            cueText: null,
            cueStart: null,
            cueEnd: null,
            speakerId: null,
            speakerDescription: 'a spokesman',
            speakerAffiliationId: null,
            speakerStart: null,
            speakerEnd: null,
            speakerText: null,
            confidence: 0.5,
          },
        ]),
      ),
    ).toEqual([
      {
        articleId: 'a',
        text: 'We will',
        kind: 'DIRECT',
        start: 1,
        end: 8,
        paragraph: 1,
        cueText: null,
        cueStart: null,
        cueEnd: null,
        speakerId: null,
        speakerDescription: 'a spokesman',
        speakerAffiliationId: null,
        speakerStart: null,
        speakerEnd: null,
        speakerText: null,
        confidence: 0.5,
      },
    ]);
  });
});

describe('freeSlugSql', () => {
  it('is the one slug rule: taken by a stored row or an earlier row of the statement means a hash suffix', () => {
    expect(freeSlugSql({ table: 'entity', alias: 'x', scope: ['kind'], identity: 'x."nameKey"', hash: 'md5' })).toBe(
      'CASE WHEN EXISTS (SELECT 1 FROM entity t WHERE t."kind" = x."kind" AND t."slug" = x."slug") ' +
        'OR row_number() OVER (PARTITION BY x."kind", x."slug" ORDER BY x.ordinality) > 1 ' +
        `THEN x.slug || '-' || left(md5(x."nameKey"), 8) ELSE x.slug END`,
    );
    expect(freeSlugSql({ table: 'article', alias: 'x', scope: [], identity: 'x."sourceKey"', hash: 'sha256' })).toBe(
      'CASE WHEN EXISTS (SELECT 1 FROM article t WHERE t."slug" = x."slug") ' +
        'OR row_number() OVER (PARTITION BY x."slug" ORDER BY x.ordinality) > 1 ' +
        `THEN x.slug || '-' || left(encode(sha256(convert_to(x."sourceKey", 'UTF8')), 'hex'), 8) ELSE x.slug END`,
    );
  });
});
