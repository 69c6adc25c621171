import { gql } from './api';
import { h, markSpan, mount } from './dom';
import type { DeskView } from './main';
import { typeahead, type Choice } from './typeahead';

interface EntityRef {
  __typename: 'Person' | 'Organization' | 'Place';
  id: string;
  name: string;
  slug: string;
}

type Fact =
  | {
      __typename: 'Quote';
      id: string;
      text: string;
      start: number;
      end: number;
      speaker: (EntityRef | { __typename: 'UnnamedSpeaker'; description: string }) | null;
    }
  | { __typename: 'Mention'; id: string; text: string; start: number; end: number; form: string; entity: EntityRef }
  | { __typename: 'Role'; id: string; title: string | null; person: { name: string }; affiliation: { name: string } | null };

interface ReviewItem {
  id: string;
  kind: 'QUOTE' | 'MENTION' | 'ROLE' | 'ENTITY';
  confidence: number;
  context: string | null;
  contextStart: number | null;
  article: { id: string; title: string; slug: string } | null;
  fact: Fact | null;
  entity: (EntityRef & { aliases: string[] }) | null;
  candidates: EntityRef[];
}

const ENTITY = `__typename id name slug`;
const QUEUE = `query DeskReview($kinds: [ReviewKind!], $article: ID) {
  reviewQueue(kinds: $kinds, article: $article, first: 50) {
    totalCount
    nodes {
      id kind confidence context contextStart
      article { id title slug }
      fact {
        __typename
        ... on Quote { id text start end speaker { __typename ... on Entity { ${ENTITY} } ... on UnnamedSpeaker { description } } }
        ... on Mention { id text start end form entity { ${ENTITY} } }
        ... on Role { id title person { name } affiliation { name } }
      }
      entity { ${ENTITY} aliases }
      candidates { ${ENTITY} }
    }
  }
}`;
const SEARCH = `query DeskSpeakers($q: String!) {
  people(where: { nameContains: $q }, first: 6) { nodes { ${ENTITY} } }
  organizations(where: { nameContains: $q }, first: 6) { nodes { ${ENTITY} } }
}`;
const SEARCH_KIND: Record<EntityRef['__typename'], string> = {
  Person: `query DeskPeople($q: String!) { list: people(where: { nameContains: $q }, first: 8) { nodes { ${ENTITY} } } }`,
  Organization: `query DeskOrganizations($q: String!) { list: organizations(where: { nameContains: $q }, first: 8) { nodes { ${ENTITY} } } }`,
  Place: `query DeskPlaces($q: String!) { list: places(where: { nameContains: $q }, first: 8) { nodes { ${ENTITY} } } }`,
};

const choiceOf = (entity: EntityRef): Choice => ({ id: entity.id, name: entity.name, kind: entity.__typename });

function speakerOf(fact: Extract<Fact, { __typename: 'Quote' }>): string {
  if (!fact.speaker) return 'no speaker';
  return fact.speaker.__typename === 'UnnamedSpeaker' ? fact.speaker.description : fact.speaker.name;
}

/** What an item says, in a line: `Quote by Sergei Lavrov`, `Mention of NATO`. */
function headline(item: ReviewItem): string {
  const fact = item.fact;
  if (item.kind === 'ENTITY') return `Unsure entity: ${item.entity?.name ?? '?'} (${item.entity?.__typename ?? ''})`;
  if (fact?.__typename === 'Quote') return `Quote by ${speakerOf(fact)}`;
  if (fact?.__typename === 'Mention') return `Mention of ${fact.entity.name} (${fact.entity.__typename}, ${fact.form.toLowerCase()})`;
  if (fact?.__typename === 'Role') return `Role: ${fact.person.name}, ${[fact.title, fact.affiliation?.name].filter(Boolean).join(', ')}`;
  return item.kind;
}

/** The fact in its sentence, the fact's words marked. */
function inContext(item: ReviewItem): Node[] {
  if (!item.context) return [];
  const fact = item.fact;
  if (fact && 'start' in fact && item.contextStart !== null)
    return markSpan(item.context, fact.start - item.contextStart, fact.end - item.contextStart, headline(item));
  return [document.createTextNode(item.context)];
}

let keyHandler: ((event: KeyboardEvent) => void) | null = null;

/**
 * The review queue as a keyboard flow: j/k move, v verifies, r rejects, s gives a quote another
 * speaker (type-ahead over people and organizations), m merges an entity into another. Each
 * fact is shown in its sentence; a decided item leaves the list.
 */
export async function showReview(view: DeskView): Promise<void> {
  const params = new URLSearchParams(location.hash.split('?')[1] ?? '');
  const kinds = params.get('kind');
  const article = params.get('article');
  mount(view.root, h('h1', {}, 'Review queue'), h('p', {}, 'Loading…'));
  let items: ReviewItem[];
  let total: number;
  try {
    const queue = (await gql<{ reviewQueue: { totalCount: number; nodes: ReviewItem[] } }>(QUEUE, { kinds: kinds ? [kinds] : null, article })).reviewQueue;
    items = queue.nodes;
    total = queue.totalCount;
  } catch (e) {
    view.say((e as Error).message, 'error');
    return;
  }
  let current = 0;
  let panel: HTMLElement | null = null;
  const list = h('ol', { class: 'queue', 'aria-label': 'Facts to review' });

  const done = (message: string) => {
    items.splice(current, 1);
    total -= 1;
    current = Math.min(current, items.length - 1);
    panel = null;
    view.say(message);
    draw();
  };
  const act = async (work: () => Promise<string>) => {
    try {
      done(await work());
    } catch (e) {
      view.say((e as Error).message, 'error');
    }
  };
  const verify = (item: ReviewItem) =>
    act(async () => (await gql(`mutation ($ids: [ID!]!) { verifyFacts(ids: $ids) { __typename } }`, { ids: [item.id] }), `Verified: ${headline(item)}`));
  const reject = (item: ReviewItem) =>
    act(async () => (await gql(`mutation ($ids: [ID!]!) { rejectFacts(ids: $ids) { __typename } }`, { ids: [item.id] }), `Rejected: ${headline(item)}`));
  const changeSpeaker = (item: ReviewItem) => {
    if (item.fact?.__typename !== 'Quote') return view.say('s changes the speaker of a quote: this item is not one.', 'error');
    panel = typeahead({
      label: 'New speaker (person or organization)',
      search: async (q) => {
        const found = await gql<{ people: { nodes: EntityRef[] }; organizations: { nodes: EntityRef[] } }>(SEARCH, { q });
        return [...found.people.nodes, ...found.organizations.nodes].map(choiceOf);
      },
      onPick: (choice) =>
        void act(
          async () => (
            await gql(`mutation ($id: ID!, $speaker: SpeakerInput!) { setQuoteSpeaker(quoteId: $id, speaker: $speaker) { id } }`, {
              id: item.fact!.id,
              speaker: { entityId: choice.id },
            }),
            `Speaker set to ${choice.name}`
          ),
        ),
      onCancel: () => ((panel = null), draw()),
    });
    draw();
  };
  const merge = (item: ReviewItem) => {
    const entity = item.entity ?? (item.fact?.__typename === 'Mention' ? item.fact.entity : null);
    if (!entity) return view.say('m merges an entity: this item has none.', 'error');
    panel = typeahead({
      label: `Merge ${entity.name} into`,
      initial: item.candidates.map(choiceOf),
      search: async (q) =>
        (await gql<{ list: { nodes: EntityRef[] } }>(SEARCH_KIND[entity.__typename], { q })).list.nodes.filter((e) => e.id !== entity.id).map(choiceOf),
      onPick: (choice) =>
        void act(
          async () => (
            await gql(`mutation ($into: ID!, $from: [ID!]!) { mergeEntities(into: $into, from: $from) { id } }`, { into: choice.id, from: [entity.id] }),
            `Merged ${entity.name} into ${choice.name}`
          ),
        ),
      onCancel: () => ((panel = null), draw()),
    });
    draw();
  };

  function draw(): void {
    mount(
      list,
      items.map((item, i) =>
        h(
          'li',
          {
            class: `item ${i === current ? 'current' : ''}`,
            'aria-current': i === current ? 'true' : null,
            'data-kind': item.kind,
            'data-id': item.id,
            'data-article': item.article?.slug ?? null,
            onclick: () => ((current = i), (panel = null), draw()),
          },
          h(
            'p',
            { class: 'what' },
            h('span', { class: 'kind' }, item.kind.toLowerCase()),
            ' ',
            headline(item),
            h('span', { class: 'confidence' }, ` ${Math.round(item.confidence * 100)} %`),
          ),
          item.context ? h('p', { class: 'context' }, inContext(item)) : null,
          item.kind === 'ENTITY' && item.candidates.length
            ? h('p', { class: 'candidates' }, `Maybe the same as: ${item.candidates.map((c) => c.name).join(', ')}`)
            : null,
          item.article ? h('p', { class: 'source' }, 'in ', h('a', { href: `#/article/${encodeURIComponent(item.article.id)}` }, item.article.title)) : null,
          i === current
            ? h(
                'div',
                { class: 'actions' },
                h('button', { type: 'button', onclick: () => void verify(item) }, h('kbd', {}, 'v'), ' Verify'),
                h('button', { type: 'button', onclick: () => void reject(item) }, h('kbd', {}, 'r'), ' Reject'),
                item.kind === 'QUOTE' ? h('button', { type: 'button', onclick: () => changeSpeaker(item) }, h('kbd', {}, 's'), ' Speaker') : null,
                item.entity || item.fact?.__typename === 'Mention'
                  ? h('button', { type: 'button', onclick: () => merge(item) }, h('kbd', {}, 'm'), ' Merge')
                  : null,
              )
            : null,
          i === current ? panel : null,
        ),
      ),
    );
    heading.textContent = `Review queue (${total})`;
    list.querySelector('li.current')?.scrollIntoView({ block: 'nearest' });
  }

  const heading = h('h1', {}, 'Review queue');
  const filter = h(
    'nav',
    { class: 'kinds', 'aria-label': 'Kinds' },
    ['', 'QUOTE', 'MENTION', 'ROLE', 'ENTITY'].map((kind) =>
      h(
        'a',
        {
          href: `#/review?${new URLSearchParams({ ...(kind ? { kind } : {}), ...(article ? { article } : {}) })}`,
          'aria-current': (kinds ?? '') === kind ? 'page' : null,
        },
        kind ? { QUOTE: 'quotes', MENTION: 'mentions', ROLE: 'roles', ENTITY: 'entities' }[kind] : 'all',
      ),
    ),
  );
  mount(
    view.root,
    heading,
    article
      ? h(
          'p',
          {},
          'Facts of one article · ',
          h('a', { href: `#/article/${encodeURIComponent(article)}` }, 'open the article'),
          ' · ',
          h('a', { href: '#/review' }, 'all articles'),
        )
      : null,
    filter,
    h(
      'p',
      { class: 'keys' },
      h('kbd', {}, 'j'),
      '/',
      h('kbd', {}, 'k'),
      ' move · ',
      h('kbd', {}, 'v'),
      ' verify · ',
      h('kbd', {}, 'r'),
      ' reject · ',
      h('kbd', {}, 's'),
      ' change speaker · ',
      h('kbd', {}, 'm'),
      ' merge',
    ),
    items.length ? list : h('p', {}, 'Nothing to review.'),
  );
  draw();

  if (keyHandler) document.removeEventListener('keydown', keyHandler);
  keyHandler = (event: KeyboardEvent) => {
    if (!list.isConnected) return;
    const target = event.target as HTMLElement;
    if (event.ctrlKey || event.metaKey || event.altKey || target.closest('input, textarea, select')) return;
    const item = items[current];
    const keys: Record<string, () => void> = {
      j: () => ((current = Math.min(current + 1, items.length - 1)), (panel = null), draw()),
      k: () => ((current = Math.max(current - 1, 0)), (panel = null), draw()),
      v: () => item && void verify(item),
      r: () => item && void reject(item),
      s: () => item && changeSpeaker(item),
      m: () => item && merge(item),
    };
    const run = keys[event.key];
    if (!run) return;
    event.preventDefault();
    run();
  };
  document.addEventListener('keydown', keyHandler);
}
