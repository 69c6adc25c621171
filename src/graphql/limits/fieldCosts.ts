/**
 * What each field makes the database do, in cost points, on top of the 1 every selected field
 * costs. The charge is per parent row, whatever the page size asked, because the SQL behind
 * these fields reads every row of the relation (nested pages are cut from a window over the
 * whole relation; `coMentioned` groups every shared article before paging).
 *
 * Calibrated on the 8,927-article archive of `bench/hostileLoad.ts` (PostgreSQL 15, 2 cores):
 * one point is about 10 µs of database time. `operations/articlePage.graphql` estimates about
 * 9,000 and takes about 60 ms; one `textContains` scan of every article's text takes 280 ms;
 * `coMentioned` takes about 5 ms for a typical entity and up to 40 ms for the most mentioned
 * (a self-join over every article it shares): entity fields are charged for a typical entity,
 * and the request's deadline and connection share bound the rest. Re-measure when an index
 * changes what a filter costs (a trigram index would make `textContains` cheap).
 *
 * `INPUT_COSTS` charges filter fields by what they scan, once per field evaluation, wherever
 * they sit in the filter (`OR`, `AND`, `NOT`): two article text scans fit under the default
 * limit of 50,000, three do not.
 */
export const FIELD_COSTS: Readonly<Record<string, number>> = {
  // Root lists: one page query and one count over the filtered table.
  'Query.articles': 300,
  'Query.people': 100,
  'Query.organizations': 100,
  'Query.places': 100,
  'Query.quotes': 300,
  'Query.tags': 100,
  // Full-text and trigram search over five tables, ranked, then snippets for the page.
  'Query.search': 3000,
  // Facet counts group every matching article's entities and tags.
  'Query.articleFacets': 5000,
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
  'Entity.articles': 50,
  'Person.articles': 50,
  'Organization.articles': 50,
  'Place.articles': 50,
  'Tag.articles': 50,
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
  'Entity.quotedAbout': 200,
  'Person.quotedAbout': 200,
  'Organization.quotedAbout': 200,
  'Place.quotedAbout': 200,
  // A self-join of article_entity over every article the entity shares, grouped and counted,
  // whatever `first` says (the probe: 4 × places(first: 100) { coMentioned } ran 10 s).
  'Entity.coMentioned': 500,
  'Person.coMentioned': 500,
  'Organization.coMentioned': 500,
  'Place.coMentioned': 500,
};

/** Filter fields charged by what they scan, per occurrence in an argument. */
export const INPUT_COSTS: Readonly<Record<string, number>> = {
  // A case-insensitive substring scan over the title and paragraphs of every article (280 ms).
  'ArticleWhereInput.textContains': 20_000,
  // A substring scan over every quote's text (50 ms).
  'QuoteWhereInput.textContains': 5000,
  // A substring scan over the names and aliases of every entity (or tag).
  'EntityWhereInput.nameContains': 5000,
  'PersonWhereInput.nameContains': 5000,
  'OrganizationWhereInput.nameContains': 5000,
  'PlaceWhereInput.nameContains': 5000,
  'TagWhereInput.nameContains': 500,
  // A semi-join over the article_entity and article_tag links.
  'ArticleWhereInput.mentions': 200,
  'ArticleWhereInput.tags': 100,
};
