// The GraphQL the public pages ask, as an anonymous caller of the public API, and the shapes
// of the answers the render functions take.

const ENTITY_LINK = `__typename name slug`;

/** Everything the story page shows; mentions past the first page come from STORY_MENTIONS_QUERY. */
export const STORY_QUERY = `query StoryPage($slug: String!) {
  article(slug: $slug) {
    id slug title text byline section publishedAt updatedAt
    quotes(first: 100) { nodes {
      id text kind start end
      cue { text start end }
      speakerMention { text start end }
      speaker {
        __typename
        ... on Entity { name slug }
        ... on UnnamedSpeaker { description affiliation { ${ENTITY_LINK} } }
      }
    } }
    people(first: 100) { nodes { name slug roles(first: 3) { nodes { title seenAt affiliation { ${ENTITY_LINK} } } } } }
    organizations(first: 100) { nodes { name slug } }
    places(first: 100) { nodes { name slug } }
    mentions(first: 100) { pageInfo { hasNextPage endCursor } nodes { id text start end form entity { ${ENTITY_LINK} } } }
    tags(first: 100) { nodes { name slug kind } }
    jsonLd
  }
}`;

/** The next page of an article's mentions. */
export const STORY_MENTIONS_QUERY = `query StoryMentions($slug: String!, $after: String) {
  article(slug: $slug) {
    mentions(first: 100, after: $after) { pageInfo { hasNextPage endCursor } nodes { id text start end form entity { ${ENTITY_LINK} } } }
  }
}`;

/** How many quotes an entity page shows at once. */
export const QUOTES_PAGE_SIZE = 10;

/** An entity page, for `person`, `organization` or `place` (the root field is filled in). */
export function entityQuery(field: 'person' | 'organization' | 'place'): string {
  const affiliations =
    field === 'person'
      ? `roles(first: 50) { nodes { title seenAt affiliation { ${ENTITY_LINK} } article { title slug } person { ${ENTITY_LINK} } } }`
      : `members(first: 50) { nodes { title seenAt affiliation { ${ENTITY_LINK} } article { title slug } person { ${ENTITY_LINK} } } }`;
  return `query EntityPage($slug: String!, $first: Int, $after: String, $last: Int, $before: String) {
  entity: ${field}(slug: $slug) {
    __typename name slug aliases articleCount quoteCount
    redirectedFrom { slug name }
    ${affiliations}
    quotes(first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      nodes { id text kind article { title slug publishedAt } }
    }
    articles(first: 20) { totalCount nodes { title slug publishedAt } }
    coMentioned(first: 12) { totalCount edges { sharedArticles node { ${ENTITY_LINK} } } }
  }
}`;
}

/** The GraphQL type of an entity, as `__typename` gives it. */
export type EntityType = 'Person' | 'Organization' | 'Place';

/** A link to an entity. */
export interface EntityLink {
  __typename: EntityType;
  name: string;
  slug: string;
}

export interface RoleData {
  title: string | null;
  seenAt: string | null;
  affiliation: EntityLink | null;
  article?: { title: string; slug: string } | null;
  person?: EntityLink;
}

export interface SpanData {
  text: string;
  start: number;
  end: number;
}

export type SpeakerData =
  (EntityLink & { roles?: { nodes: RoleData[] } }) | { __typename: 'UnnamedSpeaker'; description: string; affiliation: EntityLink | null };

export interface StoryQuote {
  id: string;
  text: string;
  kind: 'DIRECT' | 'PARTIAL';
  start: number;
  end: number;
  cue: SpanData | null;
  speakerMention: SpanData | null;
  speaker: SpeakerData | null;
}

export interface MentionData {
  id: string;
  text: string;
  start: number;
  end: number;
  form: string;
  entity: EntityLink;
}

/** The story page's article. */
export interface StoryData {
  id: string;
  slug: string;
  title: string;
  text: string;
  byline: string | null;
  section: string | null;
  publishedAt: string | null;
  updatedAt: string;
  quotes: { nodes: StoryQuote[] };
  people: { nodes: (EntityLink & { roles: { nodes: RoleData[] } })[] };
  organizations: { nodes: { name: string; slug: string }[] };
  places: { nodes: { name: string; slug: string }[] };
  mentions: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: MentionData[] };
  tags: { nodes: { name: string; slug: string; kind: string }[] };
  jsonLd: unknown;
}

/** An entity page's entity. */
export interface EntityData extends EntityLink {
  aliases: string[];
  articleCount: number;
  quoteCount: number;
  redirectedFrom: { slug: string; name: string } | null;
  roles?: { nodes: RoleData[] };
  members?: { nodes: RoleData[] };
  quotes: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
    nodes: { id: string; text: string; kind: string; article: { title: string; slug: string; publishedAt: string | null } }[];
  };
  articles: { totalCount: number; nodes: { title: string; slug: string; publishedAt: string | null }[] };
  coMentioned: { totalCount: number; edges: { sharedArticles: number; node: EntityLink }[] };
}
