// The editors' desk: sign in with an EDITOR token, then articles, the review queue, merge
// candidates and (ADMIN) webhooks, all through the public GraphQL API.
import './desk.css';
import { ApiError, currentToken, gql, setToken } from './api';
import { h, mount } from './dom';
import { showArticle, showArticles } from './articles';
import { showMerges } from './merges';
import { showReview } from './review';
import { showWebhooks } from './webhooks';

export interface Viewer {
  name: string;
  role: 'READER' | 'EDITOR' | 'ADMIN' | null;
}

/** What each view gets: where to draw, who is signed in, and how to report. */
export interface DeskView {
  root: HTMLElement;
  viewer: Viewer;
  say(message: string, kind?: 'ok' | 'error'): void;
}

const app = document.getElementById('desk')!;
const live = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });

function say(message: string, kind: 'ok' | 'error' = 'ok'): void {
  live.textContent = message;
  live.className = `status ${kind}`;
}

function signIn(problem?: string): void {
  const input = h('input', { id: 'token', name: 'token', type: 'password', autocomplete: 'off', required: true, spellcheck: 'false' });
  const error = h('p', { class: 'error', role: 'alert' }, problem ?? '');
  const form = h(
    'form',
    {
      class: 'sign-in',
      onsubmit: (event: Event) => {
        event.preventDefault();
        void (async () => {
          try {
            const { viewer } = await gql<{ viewer: Viewer }>('{ viewer { name role } }', {}, input.value.trim());
            if (viewer.role !== 'EDITOR' && viewer.role !== 'ADMIN') {
              error.textContent = `This token (${viewer.name}) is ${viewer.role ?? 'anonymous'}: the desk needs an EDITOR or ADMIN token.`;
              return;
            }
            setToken(input.value.trim());
            await route();
          } catch (e) {
            error.textContent =
              e instanceof ApiError && e.code === 'UNAUTHENTICATED' ? 'This token is not valid (unknown, expired or revoked).' : String((e as Error).message);
          }
        })();
      },
    },
    h('h1', {}, 'Sign in to the desk'),
    h(
      'p',
      {},
      'Paste an API token with role EDITOR or ADMIN (',
      h('code', {}, 'npm run token -- create --role EDITOR --name desk'),
      '). It is kept in this tab only.',
    ),
    h('label', { for: 'token' }, 'API token'),
    input,
    h('button', { type: 'submit' }, 'Sign in'),
    error,
  );
  mount(app, form);
  input.focus();
}

const SECTIONS: [string, string, (viewer: Viewer) => boolean][] = [
  ['#/articles', 'Articles', () => true],
  ['#/review', 'Review queue', () => true],
  ['#/merges', 'Merge candidates', () => true],
  ['#/webhooks', 'Webhooks', (viewer) => viewer.role === 'ADMIN'],
];

async function route(): Promise<void> {
  const token = currentToken();
  if (!token) return signIn();
  let viewer: Viewer;
  try {
    viewer = (await gql<{ viewer: Viewer }>('{ viewer { name role } }')).viewer;
  } catch (e) {
    setToken(null);
    return signIn(e instanceof ApiError && e.code === 'UNAUTHENTICATED' ? 'Your token is no longer valid; sign in again.' : String((e as Error).message));
  }
  const hash = location.hash || '#/articles';
  const [path, query = ''] = hash.split('?');
  const current = SECTIONS.find(([href]) => path!.startsWith(href))?.[0] ?? (path!.startsWith('#/article/') ? '#/articles' : '');
  const nav = h(
    'nav',
    { class: 'desk-nav', 'aria-label': 'Desk' },
    SECTIONS.filter(([, , allowed]) => allowed(viewer)).map(([href, label]) => h('a', { href, 'aria-current': href === current ? 'page' : null }, label)),
    h('span', { class: 'who' }, `${viewer.name} · ${viewer.role}`),
    h('button', { type: 'button', class: 'link', onclick: () => (setToken(null), signIn()) }, 'Sign out'),
  );
  const root = h('div', { class: 'view' });
  mount(app, nav, live, root);
  say('');
  const view: DeskView = { root, viewer, say };
  const params = new URLSearchParams(query);
  if (path!.startsWith('#/article/')) return showArticle(view, decodeURIComponent(path!.slice('#/article/'.length)));
  if (path === '#/review') return showReview(view);
  if (path === '#/merges') return showMerges(view);
  if (path === '#/webhooks') return showWebhooks(view);
  return showArticles(view, params);
}

window.addEventListener('hashchange', () => void route());
void route();
