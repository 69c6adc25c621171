import { coMentionGraph } from './coMentionGraph.js';
import { markup, type SafeHtml } from './html.js';
import { dateTime, entityPath, layout, storyPath } from './layout.js';
import type { EntityData, RoleData } from './queries.js';

const KIND: Record<EntityData['__typename'], string> = { Person: 'Person', Organization: 'Organization', Place: 'Place' };

/** Roles over time, oldest first: a person's roles, or the people with a role at an organization or place. */
function rolesSection(entity: EntityData): SafeHtml | null {
  const person = entity.__typename === 'Person';
  const roles: RoleData[] = [...((person ? entity.roles : entity.members)?.nodes ?? [])].sort((a, b) => (a.seenAt ?? '').localeCompare(b.seenAt ?? ''));
  if (!roles.length) return null;
  return markup`<section class="roles">
    <h2>${person ? 'Roles over time' : 'People and their roles'}</h2>
    <ol class="timeline">
      ${roles.map(
        (role) =>
          markup`<li>
            ${dateTime(role.seenAt) ?? markup`<span class="undated">undated</span>`}
            <span class="role-text"
              >${!person && role.person ? markup`<a href="${entityPath('Person', role.person.slug)}">${role.person.name}</a>${role.title ? ', ' : ''}` : ''}${role.title ?? ''}${
                person && role.affiliation
                  ? markup`${role.title ? ', ' : ''}<a href="${entityPath(role.affiliation.__typename, role.affiliation.slug)}">${role.affiliation.name}</a>`
                  : ''
              }</span
            >${role.article ? markup` <span class="source">in <a href="${storyPath(role.article.slug)}">${role.article.title}</a></span>` : ''}
          </li>`,
      )}
    </ol>
  </section>`;
}

function quotesSection(entity: EntityData, path: string): SafeHtml {
  const { quotes } = entity;
  const pager =
    quotes.pageInfo.hasPreviousPage || quotes.pageInfo.hasNextPage
      ? markup`<nav class="pager" aria-label="Quote pages">
          ${
            quotes.pageInfo.hasPreviousPage && quotes.pageInfo.startCursor
              ? markup`<a rel="prev" href="${path}?before=${encodeURIComponent(quotes.pageInfo.startCursor)}#quotes">← Newer quotes</a>`
              : ''
          }${quotes.pageInfo.hasNextPage && quotes.pageInfo.endCursor ? markup`<a rel="next" href="${path}?after=${encodeURIComponent(quotes.pageInfo.endCursor)}#quotes">Older quotes →</a>` : ''}
        </nav>`
      : null;
  return markup`<section class="quotes" id="quotes">
    <h2>Quotes <span class="count">${quotes.totalCount}</span></h2>
    ${
      quotes.nodes.length
        ? markup`<ol class="quote-list">
            ${quotes.nodes.map(
              (quote) =>
                markup`<li class="quote-card">
                  <blockquote>${quote.text}</blockquote>
                  <p class="said">in <a href="${storyPath(quote.article.slug)}">${quote.article.title}</a> ${dateTime(quote.article.publishedAt)}</p>
                </li>`,
            )}
          </ol>`
        : markup`<p>No quotes.</p>`
    }
    ${pager}
  </section>`;
}

/** An entity's page: names, roles over time, quotes (paged), articles, co-mentioned entities and their graph. */
export function renderEntityPage(entity: EntityData): SafeHtml {
  const path = entityPath(entity.__typename, entity.slug);
  const co = entity.coMentioned.edges;
  const main = markup`<div class="entity-page">
    <header class="entity-head">
      <p class="kind ${entity.__typename.toLowerCase()}">${KIND[entity.__typename]}</p>
      <h1>${entity.name}</h1>
      ${entity.aliases.length ? markup`<p class="aliases">Also written: ${entity.aliases.map((alias, i) => markup`${i ? ', ' : ''}<span>${alias}</span>`)}</p>` : ''}
      <p class="counts">
        ${entity.articleCount} ${entity.articleCount === 1 ? 'article' : 'articles'} · ${entity.quoteCount} ${entity.quoteCount === 1 ? 'quote' : 'quotes'}
      </p>
    </header>
    <div class="entity-body">
      <div class="entity-main">
        ${rolesSection(entity)} ${quotesSection(entity, path)}
        <section class="articles">
          <h2>Articles <span class="count">${entity.articles.totalCount}</span></h2>
          <ul>
            ${entity.articles.nodes.map((article) => markup`<li><a href="${storyPath(article.slug)}">${article.title}</a> ${dateTime(article.publishedAt)}</li>`)}
          </ul>
        </section>
      </div>
      <aside class="entity-side" aria-label="Appears with">
        <section class="co-mentioned">
          <h2>Appears with</h2>
          ${coMentionGraph(entity, co)}
          ${
            co.length
              ? markup`<ul>
                  ${co.map(
                    (edge) =>
                      markup`<li>
                        <a href="${entityPath(edge.node.__typename, edge.node.slug)}">${edge.node.name}</a>
                        <span class="shared">${edge.sharedArticles} shared ${edge.sharedArticles === 1 ? 'article' : 'articles'}</span>
                      </li>`,
                  )}
                </ul>`
              : markup`<p>Nobody else yet.</p>`
          }
        </section>
      </aside>
    </div>
  </div>`;
  return layout({ title: entity.name, head: markup`<link rel="canonical" href="${path}" />`, bodyClass: 'entity' }, main);
}
