import type { IncomingMessage, ServerResponse } from 'node:http';
import { renderDeskShell, renderExplorerShell, type ExplorerOperation } from './appShells.js';
import { renderEntityPage } from './entityPage.js';
import type { SafeHtml } from './html.js';
import { entityPath } from './layout.js';
import { renderMessagePage } from './messagePage.js';
import { entityQuery, QUOTES_PAGE_SIZE, STORY_MENTIONS_QUERY, STORY_QUERY, type EntityData, type MentionData, type StoryData } from './queries.js';
import { serveAsset } from './serveAsset.js';
import { renderStoryPage } from './storyPage.js';

/** A GraphQL answer. */
export interface PageAnswer<T> {
  data?: T | null;
  errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
}

/** How pages read: the public GraphQL API as an anonymous caller, so its access rules apply as they do to anyone. */
export interface PageApi {
  query<T>(document: string, variables: Record<string, unknown>): Promise<PageAnswer<T>>;
}

export interface PagesOptions {
  api: PageApi;
  /** Serve GraphiQL at /explorer. */
  explorer: boolean;
  /** The example operations the explorer opens with. */
  operations: () => readonly ExplorerOperation[];
}

/**
 * Self only: every script, style, font and request of these pages comes from this server, and
 * no page can be framed. Fonts and images may also be inline `data:` URLs (GraphiQL's fonts).
 */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const ENTITY_FIELDS = { people: 'person', organizations: 'organization', places: 'place' } as const;

/** Thrown to answer with a message page. */
class PageError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    message: string,
  ) {
    super(message);
  }
}

function sendPage(res: ServerResponse, status: number, page: SafeHtml, headers: Record<string, string> = {}, head = false): void {
  res
    .writeHead(status, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': PAGE_CSP,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'same-origin',
      'cache-control': 'no-store',
      ...headers,
    })
    .end(head ? undefined : page.value);
}

/** The answer's data, or a PageError for its first error (a client's mistake is 400, the rest 503). */
function dataOf<T>(answer: PageAnswer<T>): T {
  const error = answer.errors?.[0];
  if (error || !answer.data) {
    const code = String(error?.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
    if (code === 'BAD_USER_INPUT') throw new PageError(400, 'Bad request', error?.message ?? code);
    throw new PageError(503, 'Not available', `The API could not answer (${code}). Try again in a moment.`);
  }
  return answer.data;
}

async function loadStory(api: PageApi, slug: string): Promise<StoryData | null> {
  const { article } = dataOf(await api.query<{ article: StoryData | null }>(STORY_QUERY, { slug }));
  if (!article) return null;
  // Long articles have more mentions than one page holds: read them all, page by page.
  let page = article.mentions;
  const mentions: MentionData[] = [...page.nodes];
  while (page.pageInfo.hasNextPage) {
    const next = dataOf(
      await api.query<{ article: { mentions: StoryData['mentions'] } | null }>(STORY_MENTIONS_QUERY, { slug, after: page.pageInfo.endCursor }),
    );
    if (!next.article) break;
    page = next.article.mentions;
    mentions.push(...page.nodes);
  }
  return { ...article, mentions: { ...page, nodes: mentions } };
}

const SECTIONS = new Set(['stories', 'desk', 'explorer', 'assets', ...Object.keys(ENTITY_FIELDS)]);

/** True for the paths of the browser pages: /stories/…, /people/…, /organizations/…, /places/…, /desk, /explorer, /assets/…. */
export function isPagePath(pathname: string): boolean {
  return SECTIONS.has(pathname.split('/')[1] ?? '');
}

/**
 * Answers a browser page (see isPagePath): /stories/<slug>, /people|organizations|places/<slug>,
 * /desk, /explorer and the bundles at /assets/<file>; a message page for anything else under them.
 */
export async function handlePages(req: IncomingMessage, res: ServerResponse, url: URL, options: PagesOptions): Promise<void> {
  const [section, name, ...rest] = url.pathname.split('/').filter(Boolean);
  const head = req.method === 'HEAD';
  if (req.method !== 'GET' && !head) {
    sendPage(res, 405, renderMessagePage('Method not allowed', 'These pages answer GET only.'), { allow: 'GET, HEAD' }, head);
    return;
  }
  const started = performance.now();
  try {
    if (section === 'assets') {
      if (name && !rest.length && (await serveAsset(req, res, name))) return;
      throw new PageError(404, 'Not found', 'No such file.');
    }
    if (section === 'desk' && !name) {
      sendPage(res, 200, renderDeskShell(), {}, head);
      return;
    }
    if (section === 'explorer' && !name) {
      if (!options.explorer) throw new PageError(404, 'Not found', 'The explorer is turned off on this server (EXPLORER=false).');
      sendPage(res, 200, renderExplorerShell(options.operations()), {}, head);
      return;
    }
    if (!name || rest.length) throw new PageError(404, 'Not found', 'No page here.');
    const slug = decodeURIComponent(name);
    if (section === 'stories') {
      const story = await loadStory(options.api, slug);
      if (!story) throw new PageError(404, 'Story not found', 'There is no published story at this address.');
      const api = performance.now();
      const page = renderStoryPage(story);
      sendPage(res, 200, page, { 'server-timing': timing(started, api) }, head);
      return;
    }
    const field = ENTITY_FIELDS[section as keyof typeof ENTITY_FIELDS];
    const after = url.searchParams.get('after');
    const before = url.searchParams.get('before');
    const paging = before ? { last: QUOTES_PAGE_SIZE, before } : { first: QUOTES_PAGE_SIZE, after };
    const { entity } = dataOf(await options.api.query<{ entity: EntityData | null }>(entityQuery(field), { slug, ...paging }));
    if (!entity) throw new PageError(404, 'Not found', `There is no ${field} at this address.`);
    if (entity.slug !== slug) {
      // Merged away: the survivor answers for the old slug; send readers (and search engines) there for good.
      const location = entityPath(entity.__typename, entity.slug) + url.search;
      res.writeHead(301, { location, 'cache-control': 'no-store' }).end();
      return;
    }
    const api = performance.now();
    sendPage(res, 200, renderEntityPage(entity), { 'server-timing': timing(started, api) }, head);
    return;
  } catch (error) {
    if (!(error instanceof PageError)) throw error;
    sendPage(res, error.status, renderMessagePage(error.title, error.message), error.status === 503 ? { 'retry-after': '1' } : {}, head);
    return;
  }
}

/** `Server-Timing`: time spent asking the API and rendering, for the browser's network panel and the benchmark. */
function timing(started: number, api: number): string {
  const now = performance.now();
  return `api;dur=${(api - started).toFixed(1)}, render;dur=${(now - api).toFixed(1)}, total;dur=${(now - started).toFixed(1)}`;
}
