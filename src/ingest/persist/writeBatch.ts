import { createHash } from 'node:crypto';
import { dedupeBy } from '../dedupeBy.js';
import type { EntityType } from '../../extract/types.js';
import type { ArticlePlan } from '../planArticle.js';
import type { StoredVersion } from './findStoredVersions.js';
import type { NewEntity, Resolution } from '../registry/resolveEntities.js';
import { BatchConflict } from './batchConflict.js';
import { factStatusSql } from '../../access/visibility.js';
import type { Sql } from '../../db/sql.js';

/** One article of a batch and what the store held for its source when the batch began. */
export interface BatchArticle {
  plan: ArticlePlan;
  stored: StoredVersion | null;
}

/** What a written batch did. */
export interface BatchWrite {
  /** Per article, in order. */
  articles: { status: 'created' | 'updated'; articleId: string; slug: string }[];
  entitiesCreated: Record<EntityType, number>;
  tagsCreated: number;
}

/**
 * Writes a resolved batch inside the caller's transaction with multi-row statements: entities,
 * tags and articles one each (their ids are needed next), then aliases and every fact in one.
 * Inserts use `ON CONFLICT DO NOTHING`; a row that should exist afterwards but does not
 * means a concurrent writer won a unique key, and BatchConflict makes the caller retry.
 * Facts an editor verified or rejected (status ≠ AUTO) are kept and never re-created.
 */
export async function writeBatch(sql: Sql, batch: readonly BatchArticle[], resolution: Resolution): Promise<BatchWrite> {
  const entities = await insertEntities(sql, resolution.created);
  const idOf = (ref: string): string => {
    if (!ref.startsWith('new:')) return ref;
    const id = entities.ids.get(ref);
    if (!id) throw new BatchConflict(`entity ${ref}`);
    return id;
  };
  const aliasRows = dedupeBy(
    resolution.aliases.map((a) => ({ e: idOf(a.ref), n: a.name, k: a.nameKey })),
    (a) => `${a.e}|${a.k}`,
  ).sort((a, b) => cmp(a.e + a.k, b.e + b.k));
  const tags = await insertTags(sql, batch);
  const articles = await upsertArticles(sql, batch);
  const articleIds = articles.map((a) => a.articleId);
  const updatedIds = articles.filter((a) => a.status === 'updated').map((a) => a.articleId);
  if (updatedIds.length) {
    // Only what extraction produced goes; reviewed facts stay and block re-creation below.
    await sql.run(
      `WITH ids AS (SELECT (json_array_elements_text($1::json))::uuid AS id),
        m AS (DELETE FROM mention WHERE "articleId" IN (SELECT id FROM ids) AND status = 'AUTO'),
        q AS (DELETE FROM quote WHERE "articleId" IN (SELECT id FROM ids) AND status = 'AUTO'),
        f AS (DELETE FROM affiliation WHERE "articleId" IN (SELECT id FROM ids) AND status = 'AUTO'),
        e AS (DELETE FROM article_entity WHERE "articleId" IN (SELECT id FROM ids)),
        t AS (DELETE FROM article_tag WHERE "articleId" IN (SELECT id FROM ids))
       SELECT 1`,
      JSON.stringify(updatedIds),
    );
  }

  const createdIds = new Set(articles.filter((a) => a.status === 'created').map((a) => a.articleId));
  const mentions: MentionRow[] = [];
  const quotes: QuoteRow[] = [];
  const affiliations = new Map<string, { a: string; p: string; o: string | null; r: string }>();
  const articleTags: { a: string; t: string; k: string }[] = [];
  const entitySummaries: { a: string; e: string; n: number; f: number }[] = [];
  batch.forEach(({ plan }, i) => {
    const a = articleIds[i]!;
    const targets = resolution.targets[i]!;
    const entityId = (key: string | null): string | null => {
      const ref = key ? targets.get(key) : undefined;
      return ref ? idOf(ref) : null;
    };
    const spans = new Set<string>();
    const summary = new Map<string, { a: string; e: string; n: number; f: number }>();
    for (const entity of plan.entities) {
      const e = entityId(entity.key)!;
      for (const m of entity.mentions) {
        // Two names resolved to one entity may share a span: the first one stands.
        if (spans.has(`${m.start}:${m.end}`)) continue;
        spans.add(`${m.start}:${m.end}`);
        mentions.push({ a, e, x: m.text, s: m.start, n: m.end, p: m.paragraph, c: entity.confidence });
        const row = summary.get(e);
        if (row) {
          row.n++;
          row.f = Math.min(row.f, m.start);
        } else summary.set(e, { a, e, n: 1, f: m.start });
      }
    }
    if (articles[i]!.status === 'created') entitySummaries.push(...summary.values());
    for (const q of plan.quotes) {
      quotes.push({
        a,
        x: q.text,
        k: q.kind,
        s: q.start,
        n: q.end,
        p: q.paragraph,
        ct: q.cue?.text ?? null,
        cs: q.cue?.start ?? null,
        ce: q.cue?.end ?? null,
        sp: entityId(q.speakerKey),
        sd: q.speakerKey ? null : q.speakerDescription,
        sa: entityId(q.speakerAffiliationKey),
        ss: q.speakerMention?.start ?? null,
        se: q.speakerMention?.end ?? null,
        st: q.speakerMention?.text ?? null,
        c: q.confidence,
      });
    }
    for (const f of plan.affiliations) {
      const p = entityId(f.personKey);
      if (!p) continue;
      const o = entityId(f.organizationKey);
      affiliations.set(`${a}|${p}|${o}|${f.role}`, { a, p, o, r: f.role });
    }
    for (const t of plan.tags) articleTags.push({ a, t: tags.get(t.slug)!, k: t.kind });
  });

  // Facts of an article created in this transaction cannot collide with stored rows (no other
  // writer sees the article yet, and each article's spans are deduplicated above): they get a
  // plain insert. An updated article keeps its reviewed facts, which block re-creation.
  // The aliases and all fact inserts go as one statement (data-modifying CTEs, one JSON
  // parameter each): one round trip instead of six, and none of them reads what another writes.
  const created = (row: { a: string }) => createdIds.has(row.a);
  const facts = factStatement();
  if (aliasRows.length) {
    facts.part(
      `INSERT INTO entity_alias (id, "entityId", name, "nameKey")
       SELECT gen_random_uuid(), x.e::uuid, x.n, x.k FROM json_to_recordset(${facts.param(aliasRows)}::json) AS x(e text, n text, k text)
       ON CONFLICT DO NOTHING`,
    );
  }
  insertMentions(facts, mentions.filter(created), false);
  insertMentions(
    facts,
    mentions.filter((m) => !created(m)),
    true,
  );
  if (entitySummaries.length) {
    facts.part(
      `INSERT INTO article_entity ("articleId", "entityId", "mentionCount", "firstStart")
       SELECT x.a::uuid, x.e::uuid, x.n, x.f FROM json_to_recordset(${facts.param(entitySummaries)}::json) AS x(a text, e text, n int, f int)`,
    );
  }
  // As ON CONFLICT DO NOTHING did within one statement: of two quotes over one span, the first stands.
  const uniqueQuotes = dedupeBy(quotes, (q) => `${q.a}|${q.s}|${q.n}`);
  insertQuotes(facts, uniqueQuotes.filter(created), false);
  insertQuotes(
    facts,
    uniqueQuotes.filter((q) => !created(q)),
    true,
  );
  if (affiliations.size) {
    facts.part(
      `INSERT INTO affiliation (id, "personId", "organizationId", role, "articleId")
       SELECT gen_random_uuid(), x.p::uuid, x.o::uuid, x.r, x.a::uuid FROM json_to_recordset(${facts.param([...affiliations.values()])}::json) AS x(a text, p text, o text, r text)
       WHERE NOT EXISTS (SELECT 1 FROM affiliation f WHERE f."articleId" = x.a::uuid AND f."personId" = x.p::uuid
                           AND f."organizationId" IS NOT DISTINCT FROM x.o::uuid AND f.role = x.r)`,
    );
  }
  if (articleTags.length) {
    const links = facts.param(articleTags);
    facts.part(
      `INSERT INTO article_tag ("articleId", "tagId", kind)
       SELECT x.a::uuid, x.t::uuid, x.k::"TagKind" FROM json_to_recordset(${links}::json) AS x(a text, t text, k text) ON CONFLICT DO NOTHING`,
    );
    // A tag row is EDITOR once any editor uses it, even if extraction created it first.
    facts.part(
      `UPDATE tag SET kind = 'EDITOR' WHERE kind = 'TOPIC'
       AND id IN (SELECT x.t::uuid FROM json_to_recordset(${links}::json) AS x(t text, k text) WHERE x.k = 'EDITOR')`,
    );
  }
  await facts.run(sql);
  if (updatedIds.length) {
    // A corrected article may keep reviewed mentions: its summary rows count every mention now
    // stored, so this runs after the fact statement (whose CTEs could not see its mentions).
    await sql.run(
      `INSERT INTO article_entity ("articleId", "entityId", "mentionCount", "firstStart")
       SELECT m."articleId", m."entityId", count(*), min(m.start) FROM mention m
       WHERE m."articleId" IN (SELECT (json_array_elements_text($1::json))::uuid) AND ${factStatusSql('m')}
       GROUP BY m."articleId", m."entityId"`,
      JSON.stringify(updatedIds),
    );
  }
  return { articles, entitiesCreated: entities.created, tagsCreated: tags.created };
}

/** Inserts (and the tag kind update) run together as one statement of data-modifying CTEs (see writeBatch). */
interface FactStatement {
  /** Adds rows as a JSON parameter; returns its placeholder ("$n"). */
  param(rows: readonly unknown[]): string;
  /** Adds a statement (INSERT or UPDATE) reading its parameters. */
  part(statement: string): void;
  /** Runs the parts, if any, in one round trip. */
  run(sql: Sql): Promise<void>;
}

function factStatement(): FactStatement {
  const params: string[] = [];
  const parts: string[] = [];
  return {
    param(rows) {
      params.push(JSON.stringify(rows));
      return `$${params.length}`;
    },
    part(statement) {
      parts.push(`f${parts.length} AS (${statement})`);
    },
    async run(sql) {
      if (parts.length) await sql.run(`WITH ${parts.join(',\n')}\nSELECT 1`, ...params);
    },
  };
}

type MentionRow = { a: string; e: string; x: string; s: number; n: number; p: number; c: number };
type QuoteRow = { a: string; s: number; n: number } & Record<string, unknown>;

function insertMentions(facts: FactStatement, rows: readonly MentionRow[], mayConflict: boolean) {
  if (!rows.length) return;
  facts.part(
    `INSERT INTO mention ("articleId", "entityId", text, start, "end", paragraph, confidence)
     SELECT x.a::uuid, x.e::uuid, x.x, x.s, x.n, x.p, x.c
     FROM json_to_recordset(${facts.param(rows)}::json) AS x(a text, e text, x text, s int, n int, p int, c float8)${mayConflict ? ' ON CONFLICT DO NOTHING' : ''}`,
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
    `WITH x AS (SELECT * FROM json_to_recordset(${facts.param(rows)}::json) AS x(a text, x text, k text, s int, n int, p int, ct text, cs int, ce int, sp text, sd text, sa text, ss int, se int, st text, c float8)),
          speaker AS (SELECT e.id, e.name FROM entity e WHERE e.id IN (SELECT DISTINCT x.sp::uuid FROM x WHERE x.sp IS NOT NULL))
     INSERT INTO quote (id, "articleId", text, kind, start, "end", paragraph, "cueText", "cueStart", "cueEnd", "speakerId", "speakerDescription",
                        "speakerAffiliationId", "speakerStart", "speakerEnd", "speakerText", confidence, "searchVector")
     SELECT gen_random_uuid(), x.a::uuid, x.x, x.k::"QuoteKind", x.s, x.n, x.p, x.ct, x.cs, x.ce, x.sp::uuid, x.sd, x.sa::uuid, x.ss, x.se, x.st, x.c,
            quote_search_vector_named(x.x, speaker.name, x.sd)
     FROM x LEFT JOIN speaker ON speaker.id = x.sp::uuid${mayConflict ? ' ON CONFLICT DO NOTHING' : ''}`,
  );
}

async function insertEntities(sql: Sql, created: readonly NewEntity[]) {
  const ids = new Map<string, string>();
  const counts: Record<EntityType, number> = { PERSON: 0, ORGANIZATION: 0, PLACE: 0 };
  if (!created.length) return { ids, created: counts };
  const rows = withFreeSlugs(created).sort((a, b) => cmp(a.kind + a.nameKey, b.kind + b.nameKey));
  const result = await sql.rows<{ id: string; kind: EntityType; nameKey: string; created: boolean }>(
    `WITH input AS (SELECT * FROM json_to_recordset($1::json) AS x(kind "EntityKind", name text, "nameKey" text, slug text, "needsReview" boolean, ord int)),
     ins AS (
       INSERT INTO entity (id, kind, name, slug, "nameKey", "needsReview", "createdAt", "updatedAt")
       SELECT gen_random_uuid(), i.kind, i.name,
              CASE WHEN EXISTS (SELECT 1 FROM entity e WHERE e.kind = i.kind AND e.slug = i.slug) THEN i.slug || '-' || left(md5(i."nameKey"), 8) ELSE i.slug END,
              i."nameKey", i."needsReview", now(), now()
       FROM input i ORDER BY i.ord
       ON CONFLICT DO NOTHING
       RETURNING id, kind, "nameKey")
     SELECT id::text AS id, kind::text AS kind, "nameKey", true AS created FROM ins
     UNION ALL
     SELECT e.id::text, e.kind::text, e."nameKey", false FROM entity e JOIN input i ON e.kind = i.kind AND e."nameKey" = i."nameKey"`,
    JSON.stringify(rows.map((r, ord) => ({ kind: r.kind, name: r.name, nameKey: r.nameKey, slug: r.slug, needsReview: r.needsReview, ord }))),
  );
  for (const row of result) {
    ids.set(`new:${row.kind}:${row.nameKey}`, row.id);
    if (row.created) counts[row.kind]++;
  }
  return { ids, created: counts };
}

/** Two new entities of one kind with one slug (long names cut to the same slug): the later one gets a suffix. */
function withFreeSlugs(created: readonly NewEntity[]): NewEntity[] {
  const used = new Set<string>();
  return created.map((entity) => {
    let slug = entity.slug;
    if (used.has(`${entity.kind}:${slug}`)) slug = `${slug}-${createHash('md5').update(entity.nameKey).digest('hex').slice(0, 8)}`;
    used.add(`${entity.kind}:${slug}`);
    return { ...entity, slug };
  });
}

async function insertTags(sql: Sql, batch: readonly BatchArticle[]) {
  const ids = new Map<string, string>();
  const wanted = dedupeBy(
    batch.flatMap(({ plan }) => plan.tags),
    (t) => t.slug,
  ).sort((a, b) => cmp(a.slug, b.slug));
  if (!wanted.length) return Object.assign(ids, { created: 0 });
  const rows = await sql.rows<{ id: string; slug: string; created: boolean }>(
    `WITH input AS (SELECT * FROM json_to_recordset($1::json) AS x(name text, slug text, kind "TagKind")),
     ins AS (INSERT INTO tag (id, name, slug, kind, "createdAt") SELECT gen_random_uuid(), i.name, i.slug, i.kind, now() FROM input i ON CONFLICT DO NOTHING RETURNING id, slug)
     SELECT id::text AS id, slug, true AS created FROM ins
     UNION ALL SELECT t.id::text, t.slug, false FROM tag t JOIN input i ON t.slug = i.slug`,
    JSON.stringify(wanted),
  );
  let created = 0;
  for (const row of rows) {
    ids.set(row.slug, row.id);
    if (row.created) created++;
  }
  for (const tag of wanted) if (!ids.has(tag.slug)) throw new BatchConflict(`tag ${tag.slug}`);
  return Object.assign(ids, { created });
}

async function upsertArticles(sql: Sql, batch: readonly BatchArticle[]): Promise<BatchWrite['articles']> {
  const fields = (plan: ArticlePlan) => ({
    title: plan.title,
    lead: plan.lead,
    paragraphs: plan.paragraphs,
    sourcePath: plan.source.sourcePath,
    sourceUrl: plan.source.sourceUrl,
    byline: plan.source.byline,
    publishedAt: plan.source.publishedAt?.toISOString() ?? null,
    contentHash: plan.contentHash,
    extractorVersion: plan.extractorVersion,
    wordCount: plan.wordCount,
    status: plan.source.status ?? null,
  });
  const out: BatchWrite['articles'] = batch.map(({ stored }) => ({
    status: stored ? 'updated' : 'created',
    articleId: stored?.id ?? '',
    slug: stored?.slug ?? '',
  }));

  const usedSlugs = new Set<string>();
  const fresh = batch
    .map(({ plan, stored }, i) => ({ plan, stored, i }))
    .filter((x) => !x.stored)
    .map(({ plan, i }) => {
      let slug = plan.slug;
      if (usedSlugs.has(slug)) slug = `${slug}-${createHash('sha256').update(plan.source.sourceKey).digest('hex').slice(0, 8)}`;
      usedSlugs.add(slug);
      return { i, slug, sourceKey: plan.source.sourceKey, ...fields(plan) };
    });
  if (fresh.length) {
    // A slug another article holds gets the source key's short hash, as the one-by-one import did.
    const rows = await sql.rows<{ id: string; sourceKey: string; slug: string }>(
      `INSERT INTO article (id, slug, title, lead, paragraphs, "sourceKey", "sourcePath", "sourceUrl", byline, "contentHash", "extractorVersion",
                            "wordCount", status, "publishedAt", "createdAt", "updatedAt")
       SELECT gen_random_uuid(),
              CASE WHEN EXISTS (SELECT 1 FROM article a WHERE a.slug = x.slug) THEN x.slug || '-' || left(encode(sha256(convert_to(x."sourceKey", 'UTF8')), 'hex'), 8) ELSE x.slug END,
              x.title, x.lead, ARRAY(SELECT jsonb_array_elements_text(x.paragraphs)), x."sourceKey", x."sourcePath", x."sourceUrl", x.byline,
              x."contentHash", x."extractorVersion", x."wordCount", COALESCE(x.status, 'PUBLISHED')::"ArticleStatus",
              (x."publishedAt"::timestamptz AT TIME ZONE 'UTC'), now(), now()
       FROM json_to_recordset($1::json) AS x(slug text, title text, lead text, paragraphs jsonb, "sourceKey" text, "sourcePath" text, "sourceUrl" text,
                                               byline text, "contentHash" text, "extractorVersion" text, "wordCount" int, status text, "publishedAt" text)
       ORDER BY x."sourceKey"
       ON CONFLICT DO NOTHING
       RETURNING id::text AS id, "sourceKey", slug`,
      JSON.stringify(fresh),
    );
    const bySource = new Map(rows.map((r) => [r.sourceKey, r]));
    for (const item of fresh) {
      const row = bySource.get(item.sourceKey);
      if (!row) throw new BatchConflict(`article ${item.sourceKey}`);
      out[item.i] = { status: 'created', articleId: row.id, slug: row.slug };
    }
  }
  const changed = batch.filter((x) => x.stored).map(({ plan, stored }) => ({ id: stored!.id, ...fields(plan) }));
  if (changed.length) {
    // The id and slug stay: links to a story survive corrections.
    await sql.run(
      `UPDATE article a SET title = x.title, lead = x.lead, paragraphs = ARRAY(SELECT jsonb_array_elements_text(x.paragraphs)),
              "sourcePath" = x."sourcePath", "sourceUrl" = x."sourceUrl", byline = x.byline, "contentHash" = x."contentHash",
              "extractorVersion" = x."extractorVersion", "wordCount" = x."wordCount", status = COALESCE(x.status::"ArticleStatus", a.status),
              "publishedAt" = (x."publishedAt"::timestamptz AT TIME ZONE 'UTC'), "updatedAt" = now()
       FROM json_to_recordset($1::json) AS x(id text, title text, lead text, paragraphs jsonb, "sourcePath" text, "sourceUrl" text, byline text,
                                               "contentHash" text, "extractorVersion" text, "wordCount" int, status text, "publishedAt" text)
       WHERE a.id = x.id::uuid`,
      JSON.stringify(changed),
    );
  }
  return out;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
