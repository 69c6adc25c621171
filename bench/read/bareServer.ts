// The read benchmark's limit: a bare `node:http` + `pg` server that answers each scenario's
// JSON (the shape Storygraph answers, access rule included) with one named prepared statement
// whose JSON PostgreSQL builds, so Node only passes text through. Started by bench/readBench.ts:
//   node --import tsx bench/read/bareServer.ts DATABASE_URL [PORT]
import { createServer } from 'node:http';
import pg from 'pg';

const [databaseUrl, port = '0'] = process.argv.slice(2);
if (!databaseUrl) {
  process.stderr.write('Usage: bareServer.ts DATABASE_URL [PORT]\n');
  process.exit(2);
}

// The access rule for anonymous readers, as Storygraph applies it (src/access/visibility.ts).
const publicArticle = (a: string) => `(${a}.status = 'PUBLISHED' AND (${a}."publishedAt" IS NULL OR ${a}."publishedAt" <= (now() AT TIME ZONE 'UTC')))`;
const fact = (f: string) => `${f}.status <> 'REJECTED'`;
const typename = (e: string) => `CASE ${e}.kind WHEN 'PERSON' THEN 'Person' WHEN 'ORGANIZATION' THEN 'Organization' ELSE 'Place' END`;
const span = (text: string, start: string, end: string) =>
  `CASE WHEN ${text} IS NULL THEN NULL ELSE json_build_object('text', ${text}, 'start', ${start}, 'end', ${end}) END`;
const newest = (a: string) => `${a}."publishedAt" DESC NULLS LAST, ${a}."createdAt" DESC, ${a}.id`;
// A fact's or a link's copies of its article's status and dates (kept in step by triggers;
// Storygraph's indexes order a speaker's quotes, a person's roles and an entity's articles by
// them, and so does this server).
const publicCopy = (f: string) =>
  `(${f}."articleId" IS NOT NULL AND ${f}."articleStatus" = 'PUBLISHED' AND (${f}."articlePublishedAt" IS NULL OR ${f}."articlePublishedAt" <= (now() AT TIME ZONE 'UTC')))`;
const newestCopy = (f: string) => `${f}."articlePublishedAt" DESC NULLS LAST, ${f}."articleCreatedAt" DESC, ${f}."articleId"`;
const entitiesOfKind = (
  kind: string,
) => `(SELECT json_build_object('nodes', coalesce(json_agg(json_build_object('name', x.name, 'slug', x.slug) ORDER BY x."firstStart", x.id), '[]'))
  FROM (SELECT e.name, e.slug, e.id, ae."firstStart" FROM article_entity ae JOIN entity e ON e.id = ae."entityId" WHERE ae."articleId" = a.id AND e.kind = '${kind}'
        ORDER BY ae."firstStart", e.id LIMIT 50) x)`;

const STATEMENTS: Record<string, string> = {
  // P1: operations/articlePage.graphql.
  p1: `SELECT json_build_object('article', (SELECT json_build_object(
      'id', a.id, 'title', a.title, 'lead', a.lead, 'paragraphs', a.paragraphs,
      'text', array_to_string(ARRAY[a.title] || a.paragraphs, E'\\n\\n'), 'publishedAt', a."publishedAt",
      'quotes', (SELECT json_build_object('totalCount', count(*), 'nodes', coalesce(json_agg(json_build_object(
          'id', q.id, 'text', q.text, 'kind', q.kind, 'start', q.start, 'end', q."end", 'paragraph', q.paragraph, 'confidence', q.confidence,
          'cue', ${span('q."cueText"', 'q."cueStart"', 'q."cueEnd"')},
          'speakerMention', ${span('q."speakerText"', 'q."speakerStart"', 'q."speakerEnd"')},
          'speaker', CASE WHEN s.id IS NOT NULL THEN json_build_object('__typename', ${typename('s')}, 'name', s.name, 'slug', s.slug,
              'quotes', (SELECT json_build_object(
                'totalCount', (SELECT count(*) FROM quote q3 WHERE q3."speakerId" = s.id AND ${fact('q3')} AND ${publicCopy('q3')}),
                'nodes', coalesce(json_agg(json_build_object('text', o.text, 'article', json_build_object('title', o.title, 'slug', o.slug)) ORDER BY o.n), '[]'))
                FROM (SELECT q2.text, a2.title, a2.slug, k.n
                      FROM (SELECT q2.id, row_number() OVER (ORDER BY ${newestCopy('q2')}, q2.start, q2.id) AS n
                            FROM quote q2 WHERE q2."speakerId" = s.id AND ${fact('q2')} AND ${publicCopy('q2')}
                            ORDER BY ${newestCopy('q2')}, q2.start, q2.id LIMIT 5) k
                      JOIN quote q2 ON q2.id = k.id JOIN article a2 ON a2.id = q2."articleId") o))
            WHEN q."speakerDescription" IS NOT NULL THEN json_build_object('__typename', 'UnnamedSpeaker', 'description', q."speakerDescription",
              'affiliation', (SELECT json_build_object('name', e.name, 'slug', e.slug) FROM entity e WHERE e.id = q."speakerAffiliationId")) END
        ) ORDER BY q.start, q.id), '[]'))
        FROM quote q LEFT JOIN entity s ON s.id = q."speakerId" WHERE q."articleId" = a.id AND ${fact('q')}),
      'people', (SELECT json_build_object('nodes', coalesce(json_agg(json_build_object('name', p.name, 'slug', p.slug, 'roles', json_build_object('nodes',
          (SELECT coalesce(json_agg(json_build_object('title', nullif(r.role, ''), 'affiliation', (SELECT json_build_object('name', o.name) FROM entity o WHERE o.id = r."organizationId")) ORDER BY r.n), '[]')
           FROM (SELECT af.role, af."organizationId", row_number() OVER (ORDER BY (af."articleId" IS NULL) DESC, af.since DESC NULLS LAST, ${newestCopy('af')}, af.role, af.id) AS n
                 FROM affiliation af
                 WHERE af."personId" = p.id AND ${fact('af')} AND (af."articleId" IS NULL OR ${publicCopy('af')})
                 ORDER BY (af."articleId" IS NULL) DESC, af.since DESC NULLS LAST, ${newestCopy('af')}, af.role, af.id LIMIT 3) r))) ORDER BY p."firstStart", p.id), '[]'))
        FROM (SELECT e.id, e.name, e.slug, ae."firstStart" FROM article_entity ae JOIN entity e ON e.id = ae."entityId" WHERE ae."articleId" = a.id AND e.kind = 'PERSON'
              ORDER BY ae."firstStart", e.id LIMIT 50) p),
      'organizations', ${entitiesOfKind('ORGANIZATION')},
      'places', ${entitiesOfKind('PLACE')},
      'mentions', (SELECT json_build_object('totalCount', (SELECT count(*) FROM mention m2 WHERE m2."articleId" = a.id AND ${fact('m2')}),
          'nodes', coalesce(json_agg(json_build_object('text', m.text, 'start', m.start, 'end', m."end", 'paragraph', m.paragraph,
            'entity', json_build_object('__typename', ${typename('m')}, 'slug', m.slug)) ORDER BY m.start, m."end"), '[]'))
        FROM (SELECT m.text, m.start, m."end", m.paragraph, e.kind, e.slug FROM mention m JOIN entity e ON e.id = m."entityId"
              WHERE m."articleId" = a.id AND ${fact('m')} ORDER BY m.start, m."end" LIMIT 100) m),
      'tags', (SELECT json_build_object('nodes', coalesce(json_agg(json_build_object('name', t.name, 'slug', t.slug, 'kind', t.kind) ORDER BY t.name, t.id), '[]'))
        FROM (SELECT t.* FROM article_tag x JOIN tag t ON t.id = x."tagId" WHERE x."articleId" = a.id ORDER BY t.name, t.id LIMIT 20) t),
      'jsonLd', json_build_object('@context', 'https://schema.org', '@type', 'NewsArticle', 'headline', a.title, 'description', a.lead,
        'articleBody', array_to_string(a.paragraphs, E'\\n\\n'), 'wordCount', a."wordCount", 'datePublished', a."publishedAt", 'dateCreated', a."createdAt",
        'keywords', (SELECT coalesce(json_agg(t.name ORDER BY t.name, t.id), '[]') FROM article_tag x JOIN tag t ON t.id = x."tagId" WHERE x."articleId" = a.id),
        'mentions', (SELECT coalesce(json_agg(json_build_object('@type', ${typename('e')}, 'name', e.name, 'identifier', e.id) ORDER BY ae."firstStart", e.id), '[]')
          FROM article_entity ae JOIN entity e ON e.id = ae."entityId" WHERE ae."articleId" = a.id),
        'hasPart', (SELECT coalesce(json_agg(json_build_object('@type', 'Quotation', 'text', q.text,
            'spokenByCharacter', CASE WHEN s.id IS NULL THEN NULL ELSE json_build_object('@type', ${typename('s')}, 'name', s.name, 'identifier', s.id) END) ORDER BY q.start, q.id), '[]')
          FROM quote q LEFT JOIN entity s ON s.id = q."speakerId" WHERE q."articleId" = a.id AND ${fact('q')}))
    ) FROM article a WHERE a.slug = $1 AND ${publicArticle('a')}))::text`,
  // P2: the latest 20 articles with their tags, 10 people, 20 tags.
  p2: `SELECT json_build_object(
      'articles', json_build_object('nodes', (SELECT coalesce(json_agg(json_build_object('title', a.title, 'slug', a.slug, 'publishedAt', a."publishedAt", 'lead', a.lead,
          'tags', json_build_object('nodes', (SELECT coalesce(json_agg(json_build_object('name', t.name, 'slug', t.slug) ORDER BY t.name, t.id), '[]')
            FROM article_tag x JOIN tag t ON t.id = x."tagId" WHERE x."articleId" = a.id))) ORDER BY a.n), '[]')
        FROM (SELECT a.*, row_number() OVER (ORDER BY ${newest('a')}) AS n FROM article a WHERE ${publicArticle('a')} ORDER BY ${newest('a')} LIMIT 20) a)),
      'people', json_build_object('nodes', (SELECT coalesce(json_agg(json_build_object('name', e.name, 'slug', e.slug) ORDER BY e.name, e.id), '[]')
        FROM (SELECT e.name, e.slug, e.id FROM entity e WHERE e.kind = 'PERSON' AND EXISTS (SELECT 1 FROM article_entity x JOIN article va ON va.id = x."articleId"
              WHERE x."entityId" = e.id AND ${publicArticle('va')}) ORDER BY e.name, e.id LIMIT 10) e)),
      'tags', json_build_object('nodes', (SELECT coalesce(json_agg(json_build_object('name', t.name, 'slug', t.slug, 'kind', t.kind) ORDER BY t.name, t.id), '[]')
        FROM (SELECT t.* FROM tag t WHERE EXISTS (SELECT 1 FROM article_tag x JOIN article va ON va.id = x."articleId" WHERE x."tagId" = t.id AND ${publicArticle('va')})
              ORDER BY t.name, t.id LIMIT 20) t)))::text`,
  // P3: search "government", first 20 articles by rank, with a snippet each; the count from the same scan.
  p3: `WITH hits AS (SELECT a.id, ts_rank_cd(a."searchVector", websearch_to_tsquery('english', $1)) AS r FROM article a
                 WHERE a."searchVector" @@ websearch_to_tsquery('english', $1) AND ${publicArticle('a')}),
        page AS (SELECT * FROM hits ORDER BY r DESC, id LIMIT 20)
      SELECT json_build_object('search', json_build_object('totalCount', (SELECT count(*) FROM hits),
        'edges', (SELECT coalesce(json_agg(json_build_object('rank', p.r / (p.r + 0.1), 'snippet',
            ts_headline('english', array_to_string(ARRAY[a.title] || a.paragraphs, E'\\n\\n'), websearch_to_tsquery('english', $1), 'MaxFragments=2, MaxWords=24, MinWords=10'),
            'node', json_build_object('__typename', 'Article', 'title', a.title, 'slug', a.slug)) ORDER BY p.r DESC, p.id), '[]')
          FROM page p JOIN article a ON a.id = p.id)))::text`,
  // P4: a person, 20 of their quotes with articles, 20 of their articles.
  p4: `SELECT json_build_object('person', (SELECT json_build_object('name', e.name, 'slug', e.slug,
        'quotes', json_build_object(
          'totalCount', (SELECT count(*) FROM quote q WHERE q."speakerId" = e.id AND ${fact('q')} AND ${publicCopy('q')}),
          'nodes', (SELECT coalesce(json_agg(json_build_object('text', q.text, 'kind', q.kind, 'article', json_build_object('title', a.title, 'slug', a.slug)) ORDER BY k.n), '[]')
            FROM (SELECT q.id, row_number() OVER (ORDER BY ${newestCopy('q')}, q.start, q.id) AS n FROM quote q
                  WHERE q."speakerId" = e.id AND ${fact('q')} AND ${publicCopy('q')} ORDER BY ${newestCopy('q')}, q.start, q.id LIMIT 20) k
            JOIN quote q ON q.id = k.id JOIN article a ON a.id = q."articleId")),
        'articles', json_build_object(
          'totalCount', (SELECT count(*) FROM article_entity x WHERE x."entityId" = e.id AND ${publicCopy('x')}),
          'nodes', (SELECT coalesce(json_agg(json_build_object('title', a.title, 'slug', a.slug, 'publishedAt', a."publishedAt") ORDER BY k.n), '[]')
            FROM (SELECT x."articleId", row_number() OVER (ORDER BY ${newestCopy('x')}) AS n FROM article_entity x
                  WHERE x."entityId" = e.id AND ${publicCopy('x')} ORDER BY ${newestCopy('x')} LIMIT 20) k
            JOIN article a ON a.id = k."articleId")))
      FROM entity e WHERE e.kind = 'PERSON' AND e.slug = $1
        AND EXISTS (SELECT 1 FROM article_entity x WHERE x."entityId" = e.id AND ${publicCopy('x')})))::text`,
};

const pool = new pg.Pool({ connectionString: databaseUrl, max: 10, options: '-c TimeZone=UTC' });
const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const name = url.pathname.slice(1);
  const text = STATEMENTS[name];
  if (!text) {
    res.writeHead(404).end();
    return;
  }
  const params = name === 'p2' ? [] : [url.searchParams.get('arg') ?? ''];
  pool.query<[string]>({ name, text, values: params, rowMode: 'array' }).then(
    (result) => {
      const json = result.rows[0]?.[0] ?? 'null';
      res.writeHead(200, { 'content-type': 'application/json' }).end(`{"data":${json}}`);
    },
    (error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
    },
  );
});
server.listen(Number(port), () => {
  const address = server.address();
  process.stderr.write(`bare server ready at http://localhost:${typeof address === 'object' && address ? address.port : port}/\n`);
});
