import {
  getArgumentValues,
  getDirectiveValues,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isObjectType,
  type FieldNode,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';
import { seesDrafts } from '../../access/visibility.js';
import type { Context } from '../context.js';
import { jsonLdFactsSql } from '../jsonLd/jsonLdFacts.js';
import { rowsByIdSql } from '../loaders/createLoaders.js';
import type DataLoader from 'dataloader';
import { nestedCacheKey, pageSql, pagesOf, type NestedKey, type NestedSource, type Row } from '../loaders/nestedPageLoader.js';
import { primeLoader } from '../loaders/primedValues.js';
import { nestedSources } from '../loaders/nestedSources.js';
import { windowOf, type PageArgs, type PageWindow } from '../paginate.js';
import { orderSql, scanKeys, seekOf, type Seek } from '../paging/keysetPage.js';
import type { SortKey } from '../paging/sortKey.js';
import { selects } from '../selects.js';
import { pageColumns, pageKeyless, referenceColumns, referenceKey } from './pageColumns.js';
import { empty, join, raw, sql, type Sql, type Statement } from './sql.js';
import { asArticle, asEntity } from './tagRows.js';

/**
 * One statement for a root field and the relations its selection reaches (an article page: its
 * quotes, their speakers and the speakers' quotes, people and their roles, mentions, tags,
 * JSON-LD), instead of one statement per relation and level. Each relation is the statement its
 * DataLoader would run, as a CTE over the rows of its parent's CTE; PostgreSQL returns each as
 * JSON, and the loaders are primed with what they would have read, so every resolver (and every
 * access rule) stays as it is and the answer is the same. Relations it does not know, fields under
 * @skip/@include that leave them out, and bad paging arguments are left to the loaders.
 */

/** What a CTE's rows are: each kind has its GraphQL types and its timestamp columns (read as UTC). */
type Kind = 'article' | 'entity' | 'quote' | 'mention' | 'role' | 'tag';

const TYPES: Record<Kind, readonly string[]> = {
  article: ['Article'],
  entity: ['Person', 'Organization', 'Place'],
  quote: ['Quote'],
  mention: ['Mention'],
  role: ['Role'],
  tag: ['Tag'],
};

/** The DateTime columns of each model (prisma/schema.prisma): JSON carries them as text. */
const DATES: Record<Kind, readonly string[]> = {
  article: ['publishedAt', 'createdAt', 'updatedAt'],
  entity: ['createdAt', 'updatedAt'],
  quote: ['reviewedAt'],
  mention: ['reviewedAt'],
  role: ['since', 'until', 'reviewedAt'],
  tag: ['createdAt'],
};

type Sources = ReturnType<typeof nestedSources>;
type PagedLoader =
  | 'quotePagesByArticle'
  | 'entityPagesByArticle'
  | 'mentionPagesByArticle'
  | 'tagPagesByArticle'
  | 'quotePagesBySpeaker'
  | 'articlePagesByEntity'
  | 'rolePagesByPerson'
  | 'rolePagesByOrganization'
  | 'articlePagesByTag';

interface PagedRelation {
  loader: PagedLoader;
  source: (sources: Sources) => (variant: string | undefined) => NestedSource;
  /** The loader key's variant, as the field's resolver computes it (typeResolvers.ts). */
  variant?: (args: Record<string, unknown>) => string | undefined;
  child: Kind;
}

/** Paged relation fields by the kind of their parent, mirroring `paged(…)` in typeResolvers.ts. */
const PAGED: Partial<Record<Kind, Record<string, PagedRelation>>> = {
  article: {
    quotes: { loader: 'quotePagesByArticle', source: (s) => s.quotesByArticle, child: 'quote' },
    people: { loader: 'entityPagesByArticle', source: (s) => s.entitiesByArticle, variant: () => 'PERSON', child: 'entity' },
    organizations: { loader: 'entityPagesByArticle', source: (s) => s.entitiesByArticle, variant: () => 'ORGANIZATION', child: 'entity' },
    places: { loader: 'entityPagesByArticle', source: (s) => s.entitiesByArticle, variant: () => 'PLACE', child: 'entity' },
    mentions: {
      loader: 'mentionPagesByArticle',
      source: (s) => s.mentionsByArticle,
      variant: (args) => (Array.isArray(args.forms) && args.forms.length ? [...(args.forms as string[])].sort().join(',') : undefined),
      child: 'mention',
    },
    tags: { loader: 'tagPagesByArticle', source: (s) => s.tagsByArticle, child: 'tag' },
  },
  entity: {
    quotes: { loader: 'quotePagesBySpeaker', source: (s) => s.quotesBySpeaker, child: 'quote' },
    articles: { loader: 'articlePagesByEntity', source: (s) => s.articlesByEntity, child: 'article' },
    roles: { loader: 'rolePagesByPerson', source: (s) => s.rolesByPerson, child: 'role' },
    members: { loader: 'rolePagesByOrganization', source: (s) => s.rolesByOrganization, child: 'role' },
  },
  tag: { articles: { loader: 'articlePagesByTag', source: (s) => s.articlesByTag, child: 'article' } },
};

/** Fields that load one row by an id column of their parent, mirroring typeResolvers.ts. */
interface Reference {
  loader: 'entityById' | 'articleSummaryById';
  column: string;
  child: Kind;
}

const REFERENCES: Partial<Record<Kind, Record<string, Reference>>> = {
  quote: {
    speaker: { loader: 'entityById', column: 'speakerId', child: 'entity' },
    article: { loader: 'articleSummaryById', column: 'articleId', child: 'article' },
  },
  mention: { entity: { loader: 'entityById', column: 'entityId', child: 'entity' } },
  role: {
    affiliation: { loader: 'entityById', column: 'organizationId', child: 'entity' },
    person: { loader: 'entityById', column: 'personId', child: 'entity' },
    article: { loader: 'articleSummaryById', column: 'articleId', child: 'article' },
  },
};

/** The article whose date is a role's `seenAt`, read whole as `Role.seenAt` loads it. */
const ROLE_ARTICLE_DATE: Reference = { loader: 'articleSummaryById', column: 'articleId', child: 'article' };

/** An unnamed speaker's affiliation (`... on UnnamedSpeaker { affiliation }` under a quote's speaker). */
const UNNAMED_AFFILIATION: Reference = { loader: 'entityById', column: 'speakerAffiliationId', child: 'entity' };

/** One CTE of the statement and how its rows prime a loader. */
interface Cte {
  name: string;
  sql: Sql;
  /** Its rows as one JSON array (pages in order, so offsets read as the loader reads them). */
  json: Sql;
  prime: (loaders: Context['loaders'], rows: Record<string, unknown>[], parents: Record<string, unknown>[]) => void;
  parent: Cte | null;
  kind: Kind | null;
}

class Plan {
  readonly ctes: Cte[] = [];
  private readonly sources: Sources;
  private readonly byId: ReturnType<typeof rowsByIdSql>;
  /** One CTE per relation, parent and arguments: a field selected twice (fragments) reads once. */
  private readonly seen = new Map<string, Cte>();

  constructor(
    private readonly ctx: Pick<Context, 'viewer' | 'maxPageSize'>,
    private readonly info: Pick<GraphQLResolveInfo, 'schema' | 'fragments' | 'variableValues'>,
  ) {
    this.sources = nestedSources(ctx.viewer);
    this.byId = rowsByIdSql(ctx.viewer);
  }

  add(cte: Omit<Cte, 'name'>, key: string): Cte {
    if (this.seen.has(key)) return this.seen.get(key)!;
    const full = { ...cte, name: `c${this.ctes.length}` } as Cte;
    this.ctes.push(full);
    this.seen.set(key, full);
    return full;
  }

  /** Walks the selection on rows of `parent` (a CTE of `kind`) and adds a CTE per relation it can read ahead. */
  walk(parent: Cte, kind: Kind, sets: readonly SelectionSetNode[]): void {
    const fields = this.fieldsOf(sets, kind);
    for (const [name, nodes] of fields) {
      const paged = PAGED[kind]?.[name];
      if (paged) {
        for (const node of nodes) this.page(parent, kind, paged, node);
        continue;
      }
      const reference = REFERENCES[kind]?.[name];
      if (reference) {
        const children = nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
        this.reference(parent, reference, children, nodes);
        if (kind === 'quote' && name === 'speaker') {
          // An unnamed speaker is no row: its affiliation is an entity read by the quote's column.
          const unnamed = this.fieldsOf(children, 'quote', ['UnnamedSpeaker']).get('affiliation') ?? [];
          const sets = unnamed.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
          if (unnamed.length) this.reference(parent, UNNAMED_AFFILIATION, sets, unnamed);
        }
        continue;
      }
      if (kind === 'role' && name === 'seenAt') {
        // A role's date is its article's (`Role.seenAt` loads the whole summary by id).
        this.reference(parent, ROLE_ARTICLE_DATE, [], nodes, true);
        continue;
      }
      if (kind === 'article' && name === 'jsonLd') {
        this.add(
          {
            sql: jsonLdFactsSql(this.ctx.viewer, sql`ARRAY(SELECT id FROM ${raw(parent.name)})`),
            json: sql`coalesce(json_agg(x), '[]')`,
            parent,
            kind: null,
            prime: (loaders, rows, parents) => {
              const facts = new Map(rows.map((row) => [row.articleId as string, row]));
              for (const { id } of parents) primeLoader(loaders.jsonLdFactsByArticle, id as string, (facts.get(id as string) ?? null) as never);
            },
          },
          `${parent.name}.jsonLd`,
        );
      }
    }
  }

  private page(parent: Cte, kind: Kind, relation: PagedRelation, node: FieldNode): void {
    const type = TYPES[kind].map((name) => this.info.schema.getType(name)).find((type) => isObjectType(type) && type.getFields()[node.name.value]);
    if (!isObjectType(type)) return;
    let args: Record<string, unknown>;
    let window: PageWindow;
    let source: NestedSource;
    let seek: Seek;
    let variant: string | undefined;
    try {
      args = getArgumentValues(type.getFields()[node.name.value]!, node, this.info.variableValues);
      window = windowOf(args as PageArgs, this.ctx.maxPageSize);
      variant = relation.variant?.(args);
      source = relation.source(this.sources)(variant);
      seek = seekOf(window, { connection: source.connection, keys: source.keys });
    } catch {
      return; // The resolver reports bad arguments and cursors.
    }
    const scan = scanKeys({ connection: source.connection, keys: source.keys }, window);
    // As the field's resolver computes it, so the primed key is the one it loads.
    const columns = pageColumns(relation.loader, [node], this.info.fragments);
    // As the field's resolver decides it (typeResolvers.ts), so the primed key is the one it loads.
    const counted = selects({ fieldNodes: [node], fragments: this.info.fragments }, 'totalCount');
    const keyless = pageKeyless(relation.loader, [node], this.info.fragments);
    const cte = this.add(
      {
        // One page per parent row, in no order: `json` below orders them.
        sql: pageSql(source, { rowsOf: parent.name }, window, seek, counted, columns),
        json: sql`coalesce(json_agg(${keyless ? keylessRow(columns!, counted, scan.length) : raw('x')} ORDER BY x."_parent", ${orderSql(scan, 'x')}), '[]')`,
        parent,
        kind: relation.child,
        prime: (loaders, rows, parents) => {
          const keys: NestedKey[] = [...new Set(parents.map((row) => row.id as string))].map((id) => ({ id, window, variant, counted, columns, keyless }));
          const loader = loaders[relation.loader] as unknown as DataLoader<NestedKey, unknown>;
          for (const [key, page] of pagesOf(source, keys, reviveKeys(rows, scan) as Row[])) primeLoader(loader, key, page, nestedCacheKey(key));
        },
      },
      `${parent.name}.${relation.loader}.${variant ?? ''}.${counted}.${JSON.stringify(window)}.${columns ?? ''}.${keyless}`,
    );
    this.walk(cte, relation.child, this.connectionNodes(node));
  }

  private reference(parent: Cte, reference: Reference, sets: readonly SelectionSetNode[], nodes: readonly FieldNode[], whole = false): void {
    const ids = sql`ARRAY(SELECT DISTINCT ${raw(`"${reference.column}"`)} FROM ${raw(parent.name)} WHERE ${raw(`"${reference.column}"`)} IS NOT NULL)`;
    // As the field's resolver computes it (from its field nodes), so the primed key is the one it loads.
    const columns = whole ? undefined : referenceColumns(reference.child === 'entity' ? 'entity' : 'article', nodes, this.info.fragments);
    const cte = this.add(
      {
        sql: reference.loader === 'entityById' ? this.byId.entity(ids, columns) : this.byId.articleSummary(ids, columns),
        json: sql`coalesce(json_agg(x), '[]')`,
        parent,
        kind: reference.child,
        prime: (loaders, rows, parents) => {
          const byId = new Map(rows.map((row) => [row.id as string, row]));
          const tag = reference.loader === 'entityById' ? asEntity : asArticle;
          const loader = loaders[reference.loader] as unknown as DataLoader<string, unknown>;
          for (const parentRow of parents) {
            const id = parentRow[reference.column] as string | null;
            if (id === null || id === undefined) continue;
            const row = byId.get(id);
            primeLoader(loader, referenceKey(id, columns), row ? tag(row as never) : null);
          }
        },
      },
      `${parent.name}.${reference.loader}.${reference.column}.${columns ?? ''}`,
    );
    this.walk(cte, reference.child, sets);
  }

  /** The selections on a connection's nodes: `nodes { … }` and `edges { node { … } }`. */
  private connectionNodes(node: FieldNode): SelectionSetNode[] {
    if (!node.selectionSet) return [];
    const connection = this.fieldsOf([node.selectionSet], null);
    const sets = (connection.get('nodes') ?? []).flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));
    for (const edges of connection.get('edges') ?? []) {
      if (!edges.selectionSet) continue;
      for (const inner of this.fieldsOf([edges.selectionSet], null).get('node') ?? []) if (inner.selectionSet) sets.push(inner.selectionSet);
    }
    return sets;
  }

  /**
   * The fields selected on rows of `kind` (of the GraphQL types `types`), by field name, through
   * fragments whose type applies; `kind` null: a connection or edge, where every fragment applies.
   */
  private fieldsOf(sets: readonly SelectionSetNode[], kind: Kind | null, types = kind ? TYPES[kind] : null): Map<string, FieldNode[]> {
    const fields = new Map<string, FieldNode[]>();
    const seenFragments = new Set<string>();
    const applies = (condition: string | undefined) => {
      if (!condition || !types) return true;
      const type = this.info.schema.getType(condition);
      if (!type) return false;
      if (isObjectType(type)) return types.includes(condition);
      return types.some((name) => {
        const object = this.info.schema.getType(name);
        return isObjectType(object) && this.info.schema.isSubType(type as never, object);
      });
    };
    const visit = (set: SelectionSetNode) => {
      for (const selection of set.selections) {
        if (!this.included(selection)) continue;
        if (selection.kind === 'Field') {
          const list = fields.get(selection.name.value);
          if (list) list.push(selection);
          else fields.set(selection.name.value, [selection]);
        } else if (selection.kind === 'InlineFragment') {
          if (applies(selection.typeCondition?.name.value)) visit(selection.selectionSet);
        } else {
          const fragment = this.info.fragments[selection.name.value];
          if (!fragment || seenFragments.has(fragment.name.value)) continue;
          seenFragments.add(fragment.name.value);
          if (applies(fragment.typeCondition.name.value)) visit(fragment.selectionSet);
        }
      }
    };
    for (const set of sets) visit(set);
    return fields;
  }

  private included(node: Parameters<typeof getDirectiveValues>[1]): boolean {
    if (!node.directives?.length) return true;
    try {
      if (getDirectiveValues(GraphQLSkipDirective, node, this.info.variableValues)?.if === true) return false;
      return getDirectiveValues(GraphQLIncludeDirective, node, this.info.variableValues)?.if !== false;
    } catch {
      return false;
    }
  }
}

/**
 * A page row of a CTE as JSON without its sort keys but the last, which tells a row from a
 * parent's empty page (`pagesOf`): the page's columns, its parent and its count.
 */
function keylessRow(columns: string, counted: boolean, keys: number): Sql {
  const names = ['_parent', ...(counted ? ['_total'] : []), ...columns.split(','), `_k${keys - 1}`];
  return raw(`(SELECT j FROM (SELECT ${names.map((name) => `x."${name}"`).join(', ')}) j)`);
}

/** Timestamps of a JSON row as Dates (stored in UTC without a zone, like `pgReader` reads them). */
function revive(row: Record<string, unknown>, kind: Kind | null): Record<string, unknown> {
  if (kind) for (const field of DATES[kind]) if (typeof row[field] === 'string') row[field] = new Date(`${row[field] as string}Z`);
  return row;
}

/**
 * Timestamp sort keys (`_k0`…) of JSON rows as Dates, as `pg` reads them, so cursors are the
 * same whichever path read the page.
 */
function reviveKeys(rows: Record<string, unknown>[], keys: readonly SortKey[]): Record<string, unknown>[] {
  keys.forEach((key, i) => {
    if (key.type !== 'timestamp') return;
    for (const row of rows) if (typeof row[`_k${i}`] === 'string') row[`_k${i}`] = new Date(`${row[`_k${i}`] as string}Z`);
  });
  return rows;
}

/** What a selection reads ahead: its CTEs, and the SQL after the root's (the same for every root row). */
interface CompiledPlan {
  ctes: Cte[];
  top: Cte;
  with: Sql;
  select: Sql;
  /** The whole statement by the root's text: built once, so a request neither joins nor hashes it again. */
  statements: Map<string, StatementAfterRoot>;
}

/** A whole statement's text and the values after the root's (the plan's, fixed for the plan). */
interface StatementAfterRoot {
  text: string;
  values: readonly unknown[];
}

const MAX_STATEMENTS_PER_PLAN = 20;

/**
 * Plans by field node (Apollo keeps one parsed document per operation text), then by what else
 * shapes them: the variables, whether the viewer sees drafts, the page-size limit.
 */
const plans = new WeakMap<FieldNode, Map<string, CompiledPlan>>();
const MAX_PLANS_PER_FIELD = 100;

function planFor(ctx: Context, info: GraphQLResolveInfo, kind: Kind): CompiledPlan {
  const key = `${seesDrafts(ctx.viewer)}|${ctx.maxPageSize}|${JSON.stringify(info.variableValues)}`;
  let byKey = plans.get(info.fieldNodes[0]!);
  const cached = info.fieldNodes.length === 1 ? byKey?.get(key) : undefined;
  if (cached) return cached;
  const plan = new Plan(ctx, info);
  const top: Cte = { name: 'r', sql: empty, json: empty, parent: null, kind, prime: () => undefined };
  plan.walk(
    top,
    kind,
    info.fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : [])),
  );
  const compiled: CompiledPlan = {
    ctes: plan.ctes,
    top,
    with: plan.ctes.length
      ? join(
          plan.ctes.map((cte) => sql`${raw(cte.name)} AS (${cte.sql})`),
          ', ',
        )
      : empty,
    select: plan.ctes.length
      ? join(
          plan.ctes.map((cte) => sql`(SELECT ${cte.json} FROM ${raw(cte.name)} x) AS ${raw(`"_${cte.name}"`)}`),
          ', ',
        )
      : empty,
    statements: new Map(),
  };
  if (info.fieldNodes.length === 1) {
    if (!byKey) plans.set(info.fieldNodes[0]!, (byKey = new Map()));
    if (byKey.size >= MAX_PLANS_PER_FIELD) byKey.clear();
    byKey.set(key, compiled);
  }
  return compiled;
}

/** The plan's statement over `root`: its text from the plan's cache, the root's values, then the plan's. */
function statementOf(plan: CompiledPlan, root: Sql): Statement {
  const rootText = root.text;
  let known = plan.statements.get(rootText);
  if (!known) {
    const whole = sql`
    WITH r AS (${root}), ${plan.with}
    SELECT r.*, ${plan.select} FROM r`;
    known = { text: whole.text, values: whole.values.slice(root.values.length) };
    if (plan.statements.size >= MAX_STATEMENTS_PER_PLAN) plan.statements.clear();
    plan.statements.set(rootText, known);
  }
  return { text: known.text, values: [...root.values, ...known.values] };
}

/**
 * Reads the root row (`root`: one statement selecting a row of `kind` with its `id`) together with
 * what the field's selection reaches, primes the request's loaders, and returns the root row (or
 * undefined when there is none).
 */
export async function prefetchSelection(ctx: Context, info: GraphQLResolveInfo, kind: Kind, root: Sql): Promise<Record<string, unknown> | undefined> {
  const plan = planFor(ctx, info, kind);
  if (!plan.ctes.length) return (await ctx.read<Record<string, unknown>>(root))[0];
  const [row] = await ctx.read<Record<string, unknown>>(statementOf(plan, root));
  if (!row) return undefined;
  // Rows per CTE for this request (the plan is shared between requests).
  const rows = new Map<Cte, Record<string, unknown>[]>([[plan.top, [row]]]);
  for (const cte of plan.ctes) {
    rows.set(
      cte,
      ((row[`_${cte.name}`] as Record<string, unknown>[]) ?? []).map((r) => revive(r, cte.kind)),
    );
    delete row[`_${cte.name}`];
  }
  for (const cte of plan.ctes) cte.prime(ctx.loaders, rows.get(cte)!, rows.get(cte.parent!)!);
  return row;
}
