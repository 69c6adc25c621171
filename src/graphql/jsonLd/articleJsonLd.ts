import { articleBody } from '../../content/articleText.js';
import type { Article, Entity, Quote } from '../../generated/prisma/client.js';
import type { Loaders } from '../loaders/createLoaders.js';
import { ENTITY_TYPE_NAME } from '../entityTypeName.js';
import { toGlobalId } from '../globalId.js';

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
 * `spokenByCharacter`. Reads through the request's loaders, so a list of articles stays batched.
 */
export async function articleJsonLd(article: Article, loaders: Loaders, site: JsonLdSite = { publicBaseUrl: null, publisherName: null }): Promise<JsonObject> {
  const [entities, quotes, tags] = await Promise.all([
    loaders.entitiesByArticle.load(article.id),
    loaders.quotesByArticle.load(article.id),
    loaders.tagsByArticle.load(article.id),
  ]);
  const quotations = await Promise.all(quotes.map((quote) => quotation(quote, loaders)));
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
    keywords: tags.map((tag) => tag.name),
    mentions: await Promise.all(
      entities.map(async (entity) => {
        // An editor's Wikidata item ties the entity to the rest of the web.
        const wikidata = await loaders.wikidataByEntity.load(entity.id);
        return wikidata ? { ...thing(entity), sameAs: `https://www.wikidata.org/wiki/${wikidata}` } : thing(entity);
      }),
    ),
    hasPart: quotations,
  });
}

function thing(entity: Entity): JsonObject {
  return { '@type': ENTITY_TYPE_NAME[entity.kind], name: entity.name, identifier: toGlobalId(ENTITY_TYPE_NAME[entity.kind], entity.id) };
}

async function quotation(quote: Quote, loaders: Loaders): Promise<JsonObject> {
  return dropEmpty({ '@type': 'Quotation', text: quote.text, spokenByCharacter: await speakerOf(quote, loaders) });
}

/**
 * schema.org allows only a Person or an Organization to speak: a place that speaks ("Russia
 * threatened …") is its government, and an unnamed speaker is a Person described by the text.
 */
async function speakerOf(quote: Quote, loaders: Loaders): Promise<JsonObject | undefined> {
  if (quote.speakerId) {
    const entity = await loaders.entityById.load(quote.speakerId);
    if (!entity) return undefined;
    return entity.kind === 'PLACE' ? { '@type': 'GovernmentOrganization', name: entity.name, areaServed: thing(entity) } : thing(entity);
  }
  if (!quote.speakerDescription) return undefined;
  const affiliation = quote.speakerAffiliationId ? await loaders.entityById.load(quote.speakerAffiliationId) : null;
  return dropEmpty({ '@type': 'Person', description: quote.speakerDescription, affiliation: affiliation ? thing(affiliation) : undefined });
}

function dropEmpty(object: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0)));
}
