import { markup, type HtmlValue, type SafeHtml } from './html.js';
import type { EntityType } from './queries.js';

/** The path of an entity's page. */
export function entityPath(type: EntityType, slug: string): string {
  const folder = type === 'Person' ? 'people' : type === 'Organization' ? 'organizations' : 'places';
  return `/${folder}/${encodeURIComponent(slug)}`;
}

/** The path of a story's page. */
export function storyPath(slug: string): string {
  return `/stories/${encodeURIComponent(slug)}`;
}

/** A date as readers see it (`2 December 2021`), in a `<time>` carrying the ISO value; empty without one. */
export function dateTime(iso: string | null | undefined): SafeHtml | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const shown = date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return markup`<time datetime="${date.toISOString()}">${shown}</time>`;
}

export interface PageOptions {
  title: string;
  /** Extra markup for `<head>` (JSON-LD, a page's stylesheet). */
  head?: HtmlValue;
  /** Scripts of this page, by asset name (`desk.js`). */
  scripts?: string[];
  /** Stylesheets beyond the site's own, by asset name. */
  styles?: string[];
  /** A class on `<body>` (full-width apps). */
  bodyClass?: string;
}

/** The page shell: head, site header with navigation, the page's main content. */
export function layout(options: PageOptions, main: HtmlValue): SafeHtml {
  return markup`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <title>${options.title} · Storygraph</title>
        <link rel="stylesheet" href="/assets/site.css" />
        ${(options.styles ?? []).map((name) => markup`<link rel="stylesheet" href="/assets/${name}" />`)} ${options.head}
        ${(options.scripts ?? []).map((name) => markup`<script type="module" src="/assets/${name}"></script>`)}
      </head>
      <body class="${options.bodyClass ?? ''}">
        <a class="skip" href="#main">Skip to content</a>
        <header class="site">
          <nav aria-label="Site">
            <a class="brand" href="/">Storygraph</a><a href="/desk">Desk</a><a href="/explorer">Explorer</a><a href="/graphql">API</a>
          </nav>
        </header>
        <main id="main">${main}</main>
      </body>
    </html> `;
}
