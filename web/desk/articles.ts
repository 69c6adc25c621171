import { ApiError, gql } from './api';
import { h, mount, when } from './dom';
import type { DeskView } from './main';

const PAGE = 20;

interface ArticleRow {
  id: string;
  slug: string;
  title: string;
  status: 'DRAFT' | 'PUBLISHED';
  isPublic: boolean;
  section: string | null;
  publishedAt: string | null;
  updatedAt: string;
  version: number;
}

interface Page<T> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  nodes: T[];
}

const LIST = `query DeskArticles($where: ArticleWhereInput, $first: Int, $after: String, $last: Int, $before: String) {
  articles(where: $where, first: $first, after: $after, last: $last, before: $before, orderBy: [{ createdAt: DESC }]) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    nodes { id slug title status isPublic section publishedAt updatedAt version }
  }
}`;

function statusLabel(article: Pick<ArticleRow, 'status' | 'isPublic'>): string {
  if (article.status === 'DRAFT') return 'Draft';
  return article.isPublic ? 'Published' : 'Scheduled';
}

/** The article list: search, filters (status, section, dates) and paging, kept in the address. */
export async function showArticles(view: DeskView, params: URLSearchParams): Promise<void> {
  const q = params.get('q') ?? '';
  const status = params.get('status') ?? '';
  const section = params.get('section') ?? '';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const where: Record<string, unknown> = {};
  if (q) where.textContains = q;
  if (status) where.status = status;
  if (section) where.section = section;
  if (from || to) where.publishedAt = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
  const paging = params.get('before') ? { last: PAGE, before: params.get('before') } : { first: PAGE, after: params.get('after') };
  const field = (name: string, label: string, input: HTMLElement) => h('div', { class: 'field' }, h('label', { for: `f-${name}` }, label), input);
  const form = h(
    'form',
    {
      class: 'filters',
      role: 'search',
      onsubmit: (event: Event) => {
        event.preventDefault();
        const data = new FormData(event.target as HTMLFormElement);
        const next = new URLSearchParams();
        for (const [key, value] of data) if (String(value).trim()) next.set(key, String(value).trim());
        location.hash = `#/articles?${next}`;
      },
    },
    field('q', 'Search', h('input', { id: 'f-q', name: 'q', type: 'search', value: q })),
    field(
      'status',
      'Status',
      h(
        'select',
        { id: 'f-status', name: 'status' },
        [
          ['', 'Any'],
          ['DRAFT', 'Draft'],
          ['PUBLISHED', 'Published or scheduled'],
        ].map(([value, label]) => h('option', { value: value!, selected: value === status }, label!)),
      ),
    ),
    field('section', 'Section', h('input', { id: 'f-section', name: 'section', value: section })),
    field('from', 'Published from', h('input', { id: 'f-from', name: 'from', type: 'date', value: from })),
    field('to', 'until', h('input', { id: 'f-to', name: 'to', type: 'date', value: to })),
    h('button', { type: 'submit' }, 'Filter'),
  );
  mount(view.root, h('h1', {}, 'Articles'), form, h('p', {}, 'Loading…'));
  let page: Page<ArticleRow>;
  try {
    page = (await gql<{ articles: Page<ArticleRow> }>(LIST, { where, ...paging })).articles;
  } catch (e) {
    view.say((e as Error).message, 'error');
    return;
  }
  const link = (key: 'after' | 'before', cursor: string | null, label: string) => {
    const next = new URLSearchParams(params);
    next.delete('after');
    next.delete('before');
    next.set(key, cursor ?? '');
    return h('a', { href: `#/articles?${next}`, rel: key === 'after' ? 'next' : 'prev' }, label);
  };
  const table = h(
    'table',
    { class: 'list' },
    h('caption', { class: 'visually-hidden' }, 'Articles'),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ['Headline', 'Status', 'Section', 'Published', 'Updated'].map((label) => h('th', { scope: 'col' }, label)),
      ),
    ),
    h(
      'tbody',
      {},
      page.nodes.map((article) =>
        h(
          'tr',
          {},
          h('td', {}, h('a', { href: `#/article/${encodeURIComponent(article.id)}` }, article.title)),
          h('td', {}, h('span', { class: `badge ${statusLabel(article).toLowerCase()}` }, statusLabel(article))),
          h('td', {}, article.section ?? '—'),
          h('td', {}, when(article.publishedAt)),
          h('td', {}, when(article.updatedAt)),
        ),
      ),
    ),
  );
  mount(
    view.root,
    h('h1', {}, 'Articles ', h('span', { class: 'count' }, String(page.totalCount))),
    form,
    page.nodes.length ? table : h('p', {}, 'No articles match.'),
    h(
      'nav',
      { class: 'pager', 'aria-label': 'Pages' },
      page.pageInfo.hasPreviousPage ? link('before', page.pageInfo.startCursor, '← Previous') : null,
      page.pageInfo.hasNextPage ? link('after', page.pageInfo.endCursor, 'Next →') : null,
    ),
  );
}

interface Revision {
  version: number;
  action: string;
  actor: string;
  createdAt: string;
  textDiff: string | null;
  changes: Record<string, unknown>;
}

interface ArticleDetail extends ArticleRow {
  title: string;
  paragraphs: string[];
  byline: string | null;
  revisions: { nodes: Revision[] };
}

const ARTICLE_FIELDS = `id slug title paragraphs byline section status isPublic publishedAt updatedAt version
  revisions(first: 20) { nodes { version action actor createdAt textDiff changes } }`;
const ARTICLE = `query DeskArticle($id: ID!) { node(id: $id) { ... on Article { ${ARTICLE_FIELDS} } } }`;
const UPDATE = `mutation DeskSave($id: ID!, $version: Int!, $input: UpdateArticleInput!) { updateArticle(id: $id, version: $version, input: $input) { ${ARTICLE_FIELDS} } }`;
const PUBLISH = `mutation DeskPublish($id: ID!, $version: Int!, $at: String) { publishArticle(id: $id, version: $version, at: $at) { ${ARTICLE_FIELDS} } }`;
const UNPUBLISH = `mutation DeskUnpublish($id: ID!, $version: Int!) { unpublishArticle(id: $id, version: $version) { ${ARTICLE_FIELDS} } }`;
const RESTORE = `mutation DeskRestore($id: ID!, $revision: Int!, $version: Int!) { restoreRevision(articleId: $id, revision: $revision, version: $version) { ${ARTICLE_FIELDS} } }`;

/** `2021-12-02T09:00` for a datetime-local input, in UTC. */
function localValue(iso: string | null): string {
  return iso ? new Date(iso).toISOString().slice(0, 16) : '';
}

/**
 * The article editor: headline, text, section, byline; publish now, schedule or unpublish;
 * revisions with restore. Every write names the version it was made on: when someone else
 * saved first, the API answers CONFLICT and the editor offers their version or to apply the
 * change again on top of it.
 */
export async function showArticle(view: DeskView, id: string): Promise<void> {
  mount(view.root, h('p', {}, 'Loading…'));
  let article: ArticleDetail | null;
  try {
    article = (await gql<{ node: ArticleDetail | null }>(ARTICLE, { id })).node;
  } catch (e) {
    view.say((e as Error).message, 'error');
    return;
  }
  if (!article) {
    mount(view.root, h('h1', {}, 'Not found'), h('p', {}, 'No article with this ID.'));
    return;
  }
  render(view, article);
}

function render(view: DeskView, article: ArticleDetail, draft?: { title: string; text: string; section: string; byline: string }): void {
  const title = h('input', { id: 'e-title', name: 'title', value: draft?.title ?? article.title, required: true });
  const text = h('textarea', { id: 'e-text', name: 'text', rows: 16 });
  text.value = draft?.text ?? article.paragraphs.join('\n\n');
  const section = h('input', { id: 'e-section', name: 'section', value: draft?.section ?? article.section ?? '' });
  const byline = h('input', { id: 'e-byline', name: 'byline', value: draft?.byline ?? article.byline ?? '' });
  const at = h('input', { id: 'e-at', name: 'at', type: 'datetime-local', value: localValue(article.publishedAt) });
  const conflict = h('div', { class: 'conflict', role: 'alert' });
  const current = () => ({ title: title.value, text: text.value, section: section.value, byline: byline.value });
  const fieldsOf = (a: ArticleDetail) => ({ title: a.title, text: a.paragraphs.join('\n\n'), section: a.section ?? '', byline: a.byline ?? '' });
  // What the editor started from: on a conflict, only the fields changed since then are theirs to keep.
  const base = fieldsOf(article);

  /** Runs a versioned write; on CONFLICT shows what happened and the ways on. */
  const write = async (label: string, query: string, variables: Record<string, unknown>, key: string) => {
    try {
      const result = await gql<Record<string, ArticleDetail>>(query, { id: article.id, version: article.version, ...variables });
      render(view, result[key]!);
      view.say(`${label}: now at version ${result[key]!.version}.`);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'CONFLICT') {
        const mine = current();
        const theirs = (await gql<{ node: ArticleDetail }>(ARTICLE, { id: article.id })).node;
        // A three-way merge: my changed fields over their version; fields both changed are named.
        const their = fieldsOf(theirs);
        const keys = Object.keys(mine) as (keyof typeof mine)[];
        const merged = Object.fromEntries(keys.map((key) => [key, mine[key] !== base[key] ? mine[key] : their[key]])) as typeof mine;
        const both = keys.filter((key) => mine[key] !== base[key] && their[key] !== base[key] && their[key] !== mine[key]);
        mount(
          conflict,
          h('h2', {}, 'Someone else saved this article first'),
          h(
            'p',
            {},
            `You edited version ${article.version}; it is now at version ${theirs.version} (by ${theirs.revisions.nodes[0]?.actor ?? 'someone'}). Your change was not saved.`,
          ),
          h(
            'button',
            { type: 'button', onclick: () => (render(view, theirs), view.say(`Loaded version ${theirs.version}.`)) },
            'Load their version (discard mine)',
          ),
          both.length ? h('p', {}, `You both changed: ${both.join(', ')}. Keeping your text keeps yours there.`) : null,
          h(
            'button',
            {
              type: 'button',
              onclick: () => (render(view, theirs, merged), view.say(`Your changes are on version ${theirs.version}: review them and save again.`)),
            },
            'Keep my text on their version',
          ),
        );
        view.say(`Conflict: the article is at version ${theirs.version}.`, 'error');
        return;
      }
      view.say((e as Error).message, 'error');
    }
  };
  const save = (event: Event) => {
    event.preventDefault();
    const paragraphs = text.value
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean);
    void write(
      'Saved',
      UPDATE,
      { input: { title: title.value.trim(), paragraphs, section: section.value.trim() || null, byline: byline.value.trim() || null } },
      'updateArticle',
    );
  };
  const field = (label: string, input: HTMLElement) => h('div', { class: 'field' }, h('label', { for: input.id }, label), input);
  const status = article.status === 'DRAFT' ? 'Draft' : article.isPublic ? 'Published' : 'Scheduled';
  mount(
    view.root,
    h('p', {}, h('a', { href: '#/articles' }, '← Articles')),
    h('h1', {}, article.title),
    h(
      'p',
      { class: 'meta' },
      h('span', { class: `badge ${status.toLowerCase()}` }, status),
      ` version ${article.version} · updated ${when(article.updatedAt)} · `,
      article.isPublic ? h('a', { href: `/stories/${encodeURIComponent(article.slug)}` }, 'public page') : 'not public',
      ' · ',
      h('a', { href: `#/review?article=${encodeURIComponent(article.id)}` }, 'review its facts'),
    ),
    conflict,
    h(
      'form',
      { class: 'editor', onsubmit: save },
      field('Headline', title),
      field('Text (paragraphs separated by a blank line)', text),
      h('div', { class: 'row' }, field('Section', section), field('Byline', byline)),
      h('button', { type: 'submit', class: 'primary' }, 'Save'),
    ),
    h(
      'section',
      { class: 'publication' },
      h('h2', {}, 'Publication'),
      h(
        'div',
        { class: 'row' },
        field('Publish at (UTC; a future time schedules it)', at),
        h(
          'button',
          { type: 'button', onclick: () => void write('Published', PUBLISH, { at: at.value ? `${at.value}:00Z` : null }, 'publishArticle') },
          at.value ? 'Publish / schedule' : 'Publish now',
        ),
        article.status === 'PUBLISHED'
          ? h('button', { type: 'button', onclick: () => void write('Unpublished', UNPUBLISH, {}, 'unpublishArticle') }, 'Unpublish')
          : null,
      ),
    ),
    h(
      'section',
      { class: 'revisions' },
      h('h2', {}, 'Revisions'),
      h(
        'ol',
        {},
        article.revisions.nodes.map((revision) =>
          h(
            'li',
            {},
            h('strong', {}, `v${revision.version} ${revision.action.toLowerCase()}`),
            ` by ${revision.actor}, ${when(revision.createdAt)} `,
            revision.version !== article.version
              ? h(
                  'button',
                  {
                    type: 'button',
                    class: 'small',
                    onclick: () => void write(`Restored version ${revision.version}`, RESTORE, { revision: revision.version }, 'restoreRevision'),
                  },
                  `Restore v${revision.version}`,
                )
              : h('span', { class: 'current' }, '(current)'),
            revision.textDiff ? h('details', {}, h('summary', {}, 'Text changes'), h('pre', { class: 'diff' }, revision.textDiff)) : null,
          ),
        ),
      ),
    ),
  );
}
