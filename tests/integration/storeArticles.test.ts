import { articleText, articleTextSql } from '../../src/content/articleText.js';
import { createPgPool } from '../../src/db/createPgPool.js';
import { pgSqlOf, sqlOf, type SqlDatabase } from '../../src/db/sql.js';
import { createExtractor } from '../../src/ingest/extractArticles.js';
import type { ArticleInput } from '../../src/ingest/prepareArticles.js';
import { buildParsedArticle } from '../../src/ingest/sources/buildParsedArticle.js';
import { BatchConflict } from '../../src/ingest/persist/batchConflict.js';
import { prepareArticles } from '../../src/ingest/prepareArticles.js';
import { storeArticles } from '../../src/ingest/storeArticles.js';
import { storePlannedArticles } from '../../src/ingest/storePlannedArticles.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/testDatabases.js';

/** An article as the API will hand it over: fields already parsed, an identity of its own. */
function input(key: string, title: string, paragraphs: string[], tags: string[] = []): ArticleInput {
  return {
    parsed: buildParsedArticle('jsonl', title, paragraphs, tags),
    source: { sourceKey: `api:${key}`, sourcePath: null, sourceUrl: null, byline: 'Desk', publishedAt: new Date('2024-03-05T09:30:00Z'), status: 'DRAFT' },
  };
}

const FERRY = input('ferry', 'Council approves ferry link', [
  'The Westport council voted on Tuesday to fund a ferry link to the islands.',
  '"This is the most important decision in ten years," said council leader Maria Okafor.',
]);

describe.each(databaseKinds)('storeArticles, the shared write path, on %s', (kind) => {
  let test: TestDatabase;
  let pool: ReturnType<typeof createPgPool>;
  const adapters: [string, () => SqlDatabase][] = [
    ['a pg pool', () => pgSqlOf(pool)],
    ['Prisma', () => sqlOf(test.db.prisma)],
  ];

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    pool = createPgPool(test.url, { max: 2 });
    // Stands for what the API writes beside an article in the same transaction (a revision, an outbox entry).
    await pool.query('CREATE TABLE outbox (article_id uuid, status text)');
  });

  afterAll(async () => {
    await pool?.end();
    await test?.drop();
  });

  beforeEach(async () => {
    await pool.query('TRUNCATE article, entity, tag, outbox CASCADE');
  });

  it.each(adapters)('stores inside the caller’s transaction, which commits or rolls back the caller’s own rows with it (%s)', async (_, db) => {
    await expect(
      db().transaction(async (sql) => {
        const outcome = await storeArticles(sql, [FERRY]);
        await sql.run('INSERT INTO outbox VALUES ($1::uuid, $2)', outcome.articles[0]!.articleId, outcome.articles[0]!.status);
        throw new Error('the caller changes its mind');
      }),
    ).rejects.toThrow('the caller changes its mind');
    expect(
      await pool.query(
        'SELECT (SELECT count(*) FROM article)::int AS articles, (SELECT count(*) FROM entity)::int AS entities, (SELECT count(*) FROM outbox)::int AS outbox',
      ),
    ).toMatchObject({
      rows: [{ articles: 0, entities: 0, outbox: 0 }],
    });

    const outcome = await db().transaction(async (sql) => {
      const stored = await storeArticles(sql, [FERRY]);
      await sql.run('INSERT INTO outbox VALUES ($1::uuid, $2)', stored.articles[0]!.articleId, stored.articles[0]!.status);
      return stored;
    });
    const article = await test.db.prisma.article.findUniqueOrThrow({ where: { sourceKey: 'api:ferry' } });
    expect(outcome).toEqual({
      articles: [{ status: 'created', articleId: article.id, slug: 'council-approves-ferry-link' }],
      createdEntities: expect.arrayContaining([{ kind: 'PERSON', name: 'Maria Okafor' }]),
      createdTags: expect.any(Array),
    });
    expect({ status: article.status, byline: article.byline, publishedAt: article.publishedAt?.toISOString() }).toEqual({
      status: 'DRAFT',
      byline: 'Desk',
      publishedAt: '2024-03-05T09:30:00.000Z',
    });
    const quotes = await test.db.prisma.quote.findMany({ where: { articleId: article.id }, include: { speaker: true } });
    expect(quotes.map((q) => ({ text: q.text, speaker: q.speaker?.name }))).toEqual([
      { text: 'This is the most important decision in ten years,', speaker: 'Maria Okafor' },
    ]);
    expect((await pool.query('SELECT article_id::text AS id, status FROM outbox')).rows).toEqual([{ id: article.id, status: 'created' }]);
  });

  it('leaves an unchanged article alone and updates a changed one in place, keeping its id and slug', async () => {
    const db = pgSqlOf(pool);
    const first = await db.transaction((sql) => storeArticles(sql, [FERRY]));
    const again = await db.transaction((sql) => storeArticles(sql, [FERRY]));
    expect(again).toEqual({ articles: [{ ...first.articles[0], status: 'unchanged' }], createdEntities: [], createdTags: [] });

    const corrected = input('ferry', 'Council approves ferry link', [
      'The Westport council voted on Tuesday to fund a ferry link to the islands.',
      '"We will start next spring," said council leader Maria Okafor.',
    ]);
    // A caller may bring its own extractor (the import brings worker threads).
    const extractor = createExtractor(0);
    const updated = await db.transaction((sql) =>
      storeArticles(sql, [corrected, input('other', 'Library opens', ['The library opened on Friday, said Anna Berg.'])], { extractor }),
    );
    await extractor.close();
    expect(updated.articles[0]).toEqual({ ...first.articles[0], status: 'updated' });
    expect(updated.articles[1]).toMatchObject({ status: 'created', slug: 'library-opens' });
    expect((await test.db.prisma.quote.findMany({ where: { articleId: first.articles[0]!.articleId } })).map((q) => q.text)).toEqual([
      'We will start next spring,',
    ]);
    // Maria Okafor is known now: the update links to her instead of creating her again.
    expect(await test.db.prisma.entity.count({ where: { name: 'Maria Okafor' } })).toBe(1);
  });

  it('refuses two inputs with one source key, and stores nothing when extraction fails', async () => {
    const db = pgSqlOf(pool);
    await expect(db.transaction((sql) => storeArticles(sql, [FERRY, FERRY]))).rejects.toThrow('two inputs have the same source key');
    const failing = { extract: async () => [new Error('extraction failed')], close: async () => undefined };
    await expect(db.transaction((sql) => storeArticles(sql, [FERRY], { extractor: failing }))).rejects.toThrow('extraction failed');
    expect(await test.db.prisma.article.count()).toBe(0);
  });

  it('refuses to write over a version another writer stored after it was read (the import then reads it again and retries)', async () => {
    const db = pgSqlOf(pool);
    const extractor = createExtractor(0);
    const fresh = await prepareArticles(db, [FERRY], extractor);
    await db.transaction((sql) => storeArticles(sql, [FERRY]));
    const created = db.transaction((sql) =>
      storePlannedArticles(
        sql,
        fresh.flatMap((p) => (p.status === 'planned' ? [p.article] : [])),
      ),
    );
    await expect(created).rejects.toBeInstanceOf(BatchConflict);

    const corrected = input('ferry', 'Council approves ferry link', ['The council voted on Tuesday.', '"We will start next spring," said Maria Okafor.']);
    const stale = await prepareArticles(db, [corrected], extractor);
    await pool.query(`UPDATE article SET "contentHash" = 'changed by an editor'`);
    const updated = db.transaction((sql) =>
      storePlannedArticles(
        sql,
        stale.flatMap((p) => (p.status === 'planned' ? [p.article] : [])),
      ),
    );
    await expect(updated).rejects.toBeInstanceOf(BatchConflict);
    await extractor.close();
    expect((await pool.query('SELECT "contentHash" FROM article')).rows).toEqual([{ contentHash: 'changed by an editor' }]);
  });

  it('stores the text whose layout the API and search use, in TypeScript and SQL alike', async () => {
    await pgSqlOf(pool).transaction((sql) => storeArticles(sql, [FERRY]));
    const [row] = (await pool.query(`SELECT title, paragraphs, ${articleTextSql('a.title', 'a.paragraphs')} AS text FROM article a`)).rows;
    expect(row.text).toBe(articleText(row.title, row.paragraphs));
    expect(row.text).toBe(FERRY.parsed.text);
  });
});
