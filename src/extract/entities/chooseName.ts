import type { Cluster } from './clusterMentions.js';
import { nameKey, type Mention } from './mention.js';

/**
 * Picks an entity's canonical name: the fullest form (most words), then the most frequent, then
 * the first. Nested and propagated mentions only repeat forms, so they do not vote.
 */
export function chooseName(cluster: Cluster): string {
  const counts = new Map<string, { n: number; first: number; words: number }>();
  const voters = cluster.mentions.filter((m) => m.origin !== 'nested');
  for (const m of voters.length > 0 ? voters : cluster.mentions) {
    const c = counts.get(m.display);
    if (c) c.n++;
    else counts.set(m.display, { n: 1, first: m.start, words: m.display.split(/[\s]+/).length });
  }
  let best = '';
  let bestScore: [number, number, number] = [-1, -1, 0];
  for (const [display, c] of counts) {
    const score: [number, number, number] = [c.words, c.n, -c.first];
    if (score[0] > bestScore[0] || (score[0] === bestScore[0] && (score[1] > bestScore[1] || (score[1] === bestScore[1] && score[2] > bestScore[2])))) {
      best = display;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Rewrites the parts of a compound name in the case the article uses for them on their own:
 * "Nato-Russia Council" becomes "NATO-Russia Council" when NATO is the canonical form.
 */
export function alignCompoundCase(name: string, canonicalByKey: ReadonlyMap<string, string>): string {
  if (!/[\s-]/.test(name)) return name;
  return name.replace(/[\p{L}\p{N}.]+/gu, (part) => {
    const canonical = canonicalByKey.get(nameKey(part));
    return canonical && canonical !== part && canonical.toLowerCase() === part.toLowerCase() ? canonical : part;
  });
}

/** Distinct surface forms other than the canonical name, in order of first use. */
export function aliasesOf(mentions: readonly Mention[], name: string): string[] {
  const seen = new Set<string>([name]);
  const out: string[] = [];
  for (const m of mentions) {
    if (!seen.has(m.text)) {
      seen.add(m.text);
      out.push(m.text);
    }
  }
  return out;
}
