/**
 * What each field makes the database do, in cost points, on top of the 1 every selected field
 * costs. The charge is per parent row, whatever the page size asked, because the SQL behind
 * these fields reads every row of the relation (nested pages are cut from a window over the
 * whole relation; `coMentioned` groups every shared article before paging). Calibrated on the
 * 8,927-article archive: one point is roughly a microsecond-scale index probe, 500 a grouped
 * self-join over an entity's articles.
 *
 * `INPUT_COSTS` charges filter fields by what they scan, once per field evaluation: a
 * `textContains` reads the text of every article, so `OR: [20 × { textContains }]` costs 20
 * scans. Fields and inputs not listed cost only their 1 point.
 */
export const FIELD_COSTS: Readonly<Record<string, number>> = {
  // Root lists: one page query and one count over the filtered table.
  'Query.articles': 20,
  'Query.people': 10,
  'Query.organizations': 10,
  'Query.places': 10,
  'Query.quotes': 20,
  'Query.tags': 10,
  // Full-text and trigram search over five tables, ranked, then snippets for the page.
  'Query.search': 1000,
  // Facet counts group every matching article's entities and tags.
  'Query.articleFacets': 1000,
  // An article's relations: small windows over one article's rows.
  'Article.quotes': 5,
  'Article.people': 5,
  'Article.organizations': 5,
  'Article.places': 5,
  'Article.mentions': 5,
  'Article.tags': 5,
  // Reads the article's quotes and entities.
  'Article.jsonLd': 10,
  // An entity's relations: windows over every article that mentions it (thousands for a country).
  'Entity.articles': 20,
  'Person.articles': 20,
  'Organization.articles': 20,
  'Place.articles': 20,
  'Tag.articles': 20,
  'Entity.quotes': 10,
  'Person.quotes': 10,
  'Organization.quotes': 10,
  'Place.quotes': 10,
  'Entity.articleCount': 5,
  'Person.articleCount': 5,
  'Organization.articleCount': 5,
  'Place.articleCount': 5,
  'Tag.articleCount': 5,
  'Entity.quoteCount': 5,
  'Person.quoteCount': 5,
  'Organization.quoteCount': 5,
  'Place.quoteCount': 5,
  'Person.roles': 5,
  'Organization.members': 10,
  'Place.members': 10,
  // Every quote of every article that mentions the entity, filtered.
  'Entity.quotedAbout': 100,
  'Person.quotedAbout': 100,
  'Organization.quotedAbout': 100,
  'Place.quotedAbout': 100,
  // A self-join of article_entity over every article the entity shares, grouped and counted,
  // whatever `first` says (the probe: 4 × places(first: 100) { coMentioned } ran 10 s).
  'Entity.coMentioned': 500,
  'Person.coMentioned': 500,
  'Organization.coMentioned': 500,
  'Place.coMentioned': 500,
};

/** Filter fields charged by what they scan, per occurrence in an argument. */
export const INPUT_COSTS: Readonly<Record<string, number>> = {
  // A case-insensitive substring scan over the title and paragraphs of every article.
  'ArticleWhereInput.textContains': 1000,
  // A substring scan over every quote's text.
  'QuoteWhereInput.textContains': 200,
  // A substring scan over the names and aliases of every entity (or tag).
  'EntityWhereInput.nameContains': 50,
  'PersonWhereInput.nameContains': 50,
  'OrganizationWhereInput.nameContains': 50,
  'PlaceWhereInput.nameContains': 50,
  'TagWhereInput.nameContains': 20,
  // A semi-join over the article_entity and article_tag links.
  'ArticleWhereInput.mentions': 20,
  'ArticleWhereInput.tags': 10,
};
