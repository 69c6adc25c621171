import { markup, type SafeHtml } from './html.js';
import type { EntityLink } from './queries.js';

/** One entity appearing with the page's entity, and in how many articles. */
export interface CoMention {
  node: EntityLink;
  sharedArticles: number;
}

const SIZE = 360;
const CENTER = SIZE / 2;
const RING = 130;

/**
 * A picture of who appears with whom: the entity in the middle, the co-mentioned ones on a ring
 * around it, each line as thick as the number of shared articles. An image (its list of links
 * sits beside it on the page), described by its title for screen readers.
 */
export function coMentionGraph(center: EntityLink, coMentions: readonly CoMention[]): SafeHtml | null {
  if (!coMentions.length) return null;
  const most = Math.max(...coMentions.map((c) => c.sharedArticles));
  const nodes = coMentions.map((c, i) => {
    const angle = (2 * Math.PI * i) / coMentions.length - Math.PI / 2;
    return { ...c, x: CENTER + RING * Math.cos(angle), y: CENTER + RING * Math.sin(angle), right: Math.cos(angle) >= 0 };
  });
  const round = (n: number) => Math.round(n * 10) / 10;
  const description = `${center.name} appears with ${coMentions.map((c) => `${c.node.name} (${c.sharedArticles})`).join(', ')}`;
  return markup`<svg class="graph" viewBox="-120 0 ${SIZE + 240} ${SIZE}" role="img" aria-labelledby="graph-title">
    <title id="graph-title">${description}</title>
    ${nodes.map(
      (n) =>
        markup`<line
          x1="${CENTER}"
          y1="${CENTER}"
          x2="${round(n.x)}"
          y2="${round(n.y)}"
          class="edge"
          stroke-width="${round(1 + (4 * n.sharedArticles) / most)}"
        />`,
    )}
    ${nodes.map(
      (n) =>
        markup`<circle cx="${round(n.x)}" cy="${round(n.y)}" r="7" class="node ${n.node.__typename.toLowerCase()}" /><text
            x="${round(n.x + (n.right ? 11 : -11))}"
            y="${round(n.y + 4)}"
            text-anchor="${n.right ? 'start' : 'end'}"
            >${n.node.name}</text
          >`,
    )}
    <circle cx="${CENTER}" cy="${CENTER}" r="12" class="node center ${center.__typename.toLowerCase()}" />
    <text x="${CENTER}" y="${CENTER + 28}" text-anchor="middle" class="center-label">${center.name}</text>
  </svg>`;
}
