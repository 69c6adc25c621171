import { gql } from './api';
import { h, mount } from './dom';
import type { DeskView } from './main';

interface Candidate {
  entities: { __typename: string; id: string; name: string; slug: string; articleCount: number; aliases: string[] }[];
  reason: string;
  score: number;
  sharedArticles: number;
}

const CANDIDATES = `query DeskMerges { mergeCandidates(first: 30) { totalCount nodes {
  reason score sharedArticles entities { __typename id name slug articleCount aliases }
} } }`;

const PATH: Record<string, string> = { Person: 'people', Organization: 'organizations', Place: 'places' };

/** Likely duplicates, most likely first; merge either way round. */
export async function showMerges(view: DeskView): Promise<void> {
  mount(view.root, h('h1', {}, 'Merge candidates'), h('p', {}, 'Loading…'));
  let data: { totalCount: number; nodes: Candidate[] };
  try {
    data = (await gql<{ mergeCandidates: typeof data }>(CANDIDATES)).mergeCandidates;
  } catch (e) {
    view.say((e as Error).message, 'error');
    return;
  }
  const merge = async (into: Candidate['entities'][number], from: Candidate['entities'][number]) => {
    try {
      await gql(`mutation ($into: ID!, $from: [ID!]!) { mergeEntities(into: $into, from: $from) { id } }`, { into: into.id, from: [from.id] });
      await showMerges(view);
      view.say(`Merged ${from.name} into ${into.name}.`);
    } catch (e) {
      view.say((e as Error).message, 'error');
    }
  };
  const who = (e: Candidate['entities'][number]) =>
    h(
      'span',
      { class: 'entity' },
      h('a', { href: `/${PATH[e.__typename] ?? 'people'}/${encodeURIComponent(e.slug)}` }, e.name),
      ` (${e.__typename}, ${e.articleCount} articles)`,
    );
  mount(
    view.root,
    h('h1', {}, 'Merge candidates ', h('span', { class: 'count' }, String(data.totalCount))),
    data.nodes.length
      ? h(
          'ol',
          { class: 'merges' },
          data.nodes.map((candidate) => {
            const [a, b] = candidate.entities;
            if (!a || !b) return null;
            return h(
              'li',
              {},
              h('p', {}, who(a), ' and ', who(b)),
              h('p', { class: 'meta' }, `${candidate.reason} · score ${candidate.score.toFixed(2)} · ${candidate.sharedArticles} shared articles`),
              h('button', { type: 'button', onclick: () => void merge(a, b) }, `Merge ${b.name} into ${a.name}`),
              h('button', { type: 'button', onclick: () => void merge(b, a) }, `Merge ${a.name} into ${b.name}`),
            );
          }),
        )
      : h('p', {}, 'No likely duplicates.'),
  );
}
