import type { FieldNode, FragmentDefinitionNode, SelectionSetNode } from 'graphql';

/**
 * The columns a page's rows must carry for what a query selects on them, so a statement can
 * leave the rest out: PostgreSQL turning every column of every row into JSON, and Node parsing
 * it back, was most of a page's cost (a person's 20 articles: 0.24 of 0.32 ms for all 17
 * columns). Only the row kinds and fields below are pruned; a field not listed needs the whole
 * row. The columns are part of the page's cache key (`NestedKey.columns`), computed the same way
 * by the statement that primes a page (prefetchSelection.ts) and by the field that reads it
 * (typeResolvers.ts): a page read for one selection is never served to another.
 */

type Model = 'article' | 'entity' | 'quote' | 'mention' | 'role' | 'tag';

/** What each field's resolver (or the default resolver) reads of its row, by model (see typeResolvers.ts). */
const NEEDS: Record<Model, Record<string, readonly string[]>> = {
  article: {
    id: ['id'],
    slug: ['slug'],
    title: ['title'],
    lead: ['lead'],
    // Summaries carry no body: `paragraphsOf` reads it by id either way.
    paragraphs: ['id'],
    text: ['id', 'title'],
    wordCount: ['wordCount'],
    status: ['status'],
    publishedAt: ['publishedAt'],
    isPublic: ['status', 'publishedAt'],
    version: ['version'],
    section: ['section'],
    byline: ['byline'],
    createdAt: ['createdAt'],
    updatedAt: ['updatedAt'],
    sourcePath: ['sourcePath'],
    sourceUrl: ['sourceUrl'],
    quotes: ['id'],
    people: ['id'],
    organizations: ['id'],
    places: ['id'],
    mentions: ['id'],
    revisions: ['id'],
    tags: ['id'],
  },
  entity: {
    id: ['id', 'kind'],
    slug: ['slug'],
    name: ['name'],
    needsReview: ['needsReview'],
    aliases: ['id'],
    roles: ['id'],
    articles: ['id'],
    articleCount: ['id'],
    quotes: ['id'],
    quoteCount: ['id'],
    quotedAbout: ['id'],
    coMentioned: ['id'],
    members: ['id'],
    profile: ['id'],
  },
  quote: {
    id: ['id'],
    text: ['text'],
    kind: ['kind'],
    start: ['start'],
    end: ['end'],
    paragraph: ['paragraph'],
    cue: ['cueText', 'cueStart', 'cueEnd'],
    speaker: ['speakerId', 'speakerDescription', 'speakerAffiliationId'],
    speakerMention: ['speakerText', 'speakerStart', 'speakerEnd'],
    confidence: ['confidence'],
    article: ['articleId'],
    status: ['status'],
    reviewedBy: ['reviewedBy'],
    reviewedAt: ['reviewedAt'],
  },
  mention: {
    id: ['articleId', 'start', 'end'],
    text: ['text'],
    start: ['start'],
    end: ['end'],
    paragraph: ['paragraph'],
    entity: ['entityId'],
    form: ['form'],
    parent: ['articleId', 'parentStart', 'parentEnd'],
    confidence: ['confidence'],
    status: ['status'],
    reviewedBy: ['reviewedBy'],
    reviewedAt: ['reviewedAt'],
  },
  role: {
    id: ['id'],
    title: ['role'],
    person: ['personId'],
    affiliation: ['organizationId'],
    article: ['articleId'],
    // The article's date, or `since` for a role an editor set.
    seenAt: ['articleId', 'since'],
    since: ['since'],
    until: ['until'],
    confidence: ['confidence'],
    status: ['status'],
    reviewedBy: ['reviewedBy'],
    reviewedAt: ['reviewedAt'],
  },
  tag: {
    id: ['id'],
    name: ['name'],
    slug: ['slug'],
    kind: ['kind'],
    articles: ['id'],
    articleCount: ['id'],
  },
};

/** What every row keeps: its key (loaders, child pages; a mention's is its article and span) and an entity's kind (its GraphQL type). */
const ALWAYS: Record<Model, readonly string[]> = {
  article: ['id'],
  entity: ['id', 'kind'],
  quote: ['id'],
  mention: ['articleId', 'start', 'end'],
  role: ['id'],
  tag: ['id'],
};

/** The model of each paged loader's rows, for the loaders whose pages may be pruned. */
export const PAGE_MODEL: Partial<Record<string, Model>> = {
  quotePagesByArticle: 'quote',
  quotePagesBySpeaker: 'quote',
  entityPagesByArticle: 'entity',
  mentionPagesByArticle: 'mention',
  rolePagesByPerson: 'role',
  rolePagesByOrganization: 'role',
  tagPagesByArticle: 'tag',
  articlePagesByEntity: 'article',
  articlePagesByTag: 'article',
};

const cached = new WeakMap<FieldNode, string | undefined>();

/**
 * The columns (comma-separated, sorted) that the rows of the connection selected by
 * `fieldNodes` (one response key) need, or undefined for whole rows: another loader, or a
 * selection with a field not listed. Every fragment and directive counts as selected, so the
 * answer depends on the document alone.
 */
export function pageColumns(loader: string, fieldNodes: readonly FieldNode[], fragments: Record<string, FragmentDefinitionNode>): string | undefined {
  const model = PAGE_MODEL[loader];
  if (!model) return undefined;
  const one = fieldNodes.length === 1 ? fieldNodes[0]! : null;
  if (one && cached.has(one)) return cached.get(one);
  const columns = columnsOf(model, nodeSelections(fieldNodes, fragments), fragments);
  if (one) cached.set(one, columns);
  return columns;
}

const cachedKeyless = new WeakMap<FieldNode, boolean>();

/**
 * Whether the rows of the connection selected by `fieldNodes` may come without their sort keys:
 * its rows are pruned (`pageColumns`) and it reads no cursor (`edges { cursor }`, `pageInfo {
 * startCursor endCursor }`), so the keys would only be turned into JSON and parsed back for
 * nothing (a date key costs PostgreSQL more than the row's other columns). Computed the same way
 * by the statement that primes a page and by the field that reads it.
 */
export function pageKeyless(loader: string, fieldNodes: readonly FieldNode[], fragments: Record<string, FragmentDefinitionNode>): boolean {
  const one = fieldNodes.length === 1 ? fieldNodes[0]! : null;
  if (one && cachedKeyless.has(one)) return cachedKeyless.get(one)!;
  const keyless = pageColumns(loader, fieldNodes, fragments) !== undefined && !readsCursors(fieldNodes, fragments);
  if (one) cachedKeyless.set(one, keyless);
  return keyless;
}

function readsCursors(fieldNodes: readonly FieldNode[], fragments: Record<string, FragmentDefinitionNode>): boolean {
  const sets = fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
  for (const field of fieldsOf(sets, fragments)) {
    if (!field.selectionSet || (field.name.value !== 'edges' && field.name.value !== 'pageInfo')) continue;
    const cursors = field.name.value === 'edges' ? ['cursor'] : ['startCursor', 'endCursor'];
    if (fieldsOf([field.selectionSet], fragments).some((inner) => cursors.includes(inner.name.value))) return true;
  }
  return false;
}

const cachedReferences = new WeakMap<FieldNode, string | undefined>();

/** Fragments on these types never apply to a row of the model (a quote's speaker may be an unnamed one). */
const OTHER_TYPES: Partial<Record<Model, readonly string[]>> = { entity: ['UnnamedSpeaker'] };

/**
 * The columns the row a reference field loads by id (`entityById`, `articleSummaryById`: a
 * quote's speaker and article, a mention's entity, a role's person, affiliation and article)
 * needs for the field's selection, or undefined for the whole row; as `pageColumns`, part of
 * the loader's key (`referenceKey`).
 */
export function referenceColumns(
  model: 'entity' | 'article',
  fieldNodes: readonly FieldNode[],
  fragments: Record<string, FragmentDefinitionNode>,
): string | undefined {
  const one = fieldNodes.length === 1 ? fieldNodes[0]! : null;
  if (one && cachedReferences.has(one)) return cachedReferences.get(one);
  const sets = fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
  const columns = columnsOf(model, sets, fragments, OTHER_TYPES[model] ?? []);
  if (one) cachedReferences.set(one, columns);
  return columns;
}

/** A by-id loader's key for a row with only `columns` (the id alone: the whole row). */
export function referenceKey(id: string, columns: string | undefined): string {
  return columns === undefined ? id : `${id}|${columns}`;
}

/** The id of a by-id loader's key. */
export function idOfReferenceKey(key: string): string {
  const bar = key.indexOf('|');
  return bar < 0 ? key : key.slice(0, bar);
}

/** The selections on a connection's nodes: `nodes { … }` and `edges { node { … } }`, through fragments. */
function nodeSelections(fieldNodes: readonly FieldNode[], fragments: Record<string, FragmentDefinitionNode>): SelectionSetNode[] {
  const sets: SelectionSetNode[] = [];
  for (const node of fieldNodes) {
    if (!node.selectionSet) continue;
    for (const field of fieldsOf([node.selectionSet], fragments)) {
      if (field.name.value === 'nodes' && field.selectionSet) sets.push(field.selectionSet);
      if (field.name.value === 'edges' && field.selectionSet) {
        for (const inner of fieldsOf([field.selectionSet], fragments)) if (inner.name.value === 'node' && inner.selectionSet) sets.push(inner.selectionSet);
      }
    }
  }
  return sets;
}

function columnsOf(
  model: Model,
  sets: readonly SelectionSetNode[],
  fragments: Record<string, FragmentDefinitionNode>,
  otherTypes: readonly string[] = [],
): string | undefined {
  const columns = new Set(ALWAYS[model]);
  for (const field of fieldsOf(sets, fragments, otherTypes)) {
    if (field.name.value === '__typename') continue;
    const needs = NEEDS[model][field.name.value];
    if (!needs) return undefined;
    for (const column of needs) columns.add(column);
  }
  return [...columns].sort().join(',');
}

/** The fields of selection sets, through every inline fragment and fragment spread but those on `otherTypes`. */
function fieldsOf(sets: readonly SelectionSetNode[], fragments: Record<string, FragmentDefinitionNode>, otherTypes: readonly string[] = []): FieldNode[] {
  const fields: FieldNode[] = [];
  const seen = new Set<string>();
  const applies = (type: string | undefined) => type === undefined || !otherTypes.includes(type);
  const visit = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (selection.kind === 'Field') fields.push(selection);
      else if (selection.kind === 'InlineFragment') {
        if (applies(selection.typeCondition?.name.value)) visit(selection.selectionSet);
      } else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = fragments[selection.name.value];
        if (fragment && applies(fragment.typeCondition.name.value)) visit(fragment.selectionSet);
      }
    }
  };
  for (const set of sets) visit(set);
  return fields;
}
