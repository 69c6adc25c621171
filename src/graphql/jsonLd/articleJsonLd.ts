import { articleBody } from '../../content/articleText.js';
import type { Article } from '../../generated/prisma/client.js';
import type { Loaders } from '../loaders/createLoaders.js';
import { loadPrimed } from '../loaders/primedValues.js';
import { ENTITY_TYPE_NAME } from '../entityTypeName.js';
import { toGlobalId } from '../globalId.js';
import type { JsonLdEntity, JsonLdFacts } from './jsonLdFacts.js';

type JsonObject = Record<string, unknown>;

/** What the page's JSON-LD knows beyond the article: where public stories live and who publishes them. */
export interface JsonLdSite {
  /** `PUBLIC_BASE_URL`: an article's `url` is `<base>/stories/<slug>`; without it, the source URL. */
  publicBaseUrl: string | null;
  /** `PUBLISHER_NAME`, given as the `publisher` organization. */
  publisherName: string | null;
}

/**
 * The article as a schema.org `NewsArticle` for a page's `<script type="application/ld+json">`:
 * its people, organizations and places as `mentions`, and its quotes as `Quotation` parts with
 * `spokenByCharacter`. The facts come from one batched statement (`jsonLdFactsByArticle`), so a
 * list of articles stays one read.
 */
export async function articleJsonLd(article: Article, loaders: Loaders, site: JsonLdSite = { publicBaseUrl: null, publisherName: null }): Promise<JsonObject> {
  const facts = await loadPrimed(loaders.jsonLdFactsByArticle, article.id);
  return dropEmpty({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    identifier: toGlobalId('Article', article.id),
    headline: article.title,
    description: article.lead,
    articleBody: articleBody(article.paragraphs),
    wordCount: article.wordCount,
    datePublished: article.publishedAt?.toISOString(),
    dateCreated: article.createdAt.toISOString(),
    dateModified: article.updatedAt.toISOString(),
    url: site.publicBaseUrl ? `${site.publicBaseUrl}/stories/${article.slug}` : (article.sourceUrl ?? undefined),
    articleSection: article.section ?? undefined,
    author: article.byline ? { '@type': 'Person', name: article.byline } : undefined,
    publisher: site.publisherName ? { '@type': 'Organization', name: site.publisherName, url: site.publicBaseUrl ?? undefined } : undefined,
    keywords: facts?.keywords ?? [],
    // An editor's Wikidata item ties the entity to the rest of the web.
    mentions: (facts?.mentions ?? []).map((entity) =>
      entity.wikidataId ? { ...thing(entity), sameAs: `https://www.wikidata.org/wiki/${entity.wikidataId}` } : thing(entity),
    ),
    hasPart: (facts?.quotes ?? []).map((quote) => dropEmpty({ '@type': 'Quotation', text: quote.text, spokenByCharacter: speakerOf(quote) })),
  });
}

function thing(entity: JsonLdEntity): JsonObject {
  return { '@type': ENTITY_TYPE_NAME[entity.kind], name: entity.name, identifier: toGlobalId(ENTITY_TYPE_NAME[entity.kind], entity.id) };
}

/**
 * schema.org allows only a Person or an Organization to speak: a place that speaks ("Russia
 * threatened …") is its government, and an unnamed speaker is a Person described by the text.
 */
function speakerOf(quote: JsonLdFacts['quotes'][number]): JsonObject | undefined {
  if (quote.speakerId) {
    const entity = quote.speaker;
    if (!entity) return undefined;
    return entity.kind === 'PLACE' ? { '@type': 'GovernmentOrganization', name: entity.name, areaServed: thing(entity) } : thing(entity);
  }
  if (!quote.description) return undefined;
  return dropEmpty({ '@type': 'Person', description: quote.description, affiliation: quote.affiliation ? thing(quote.affiliation) : undefined });
}

function dropEmpty(object: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0)));
}
