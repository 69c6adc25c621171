import { makeMention, nameKey, type Mention } from './mention.js';
import type { Cluster } from './clusterMentions.js';
import { lookupPlace } from './placeGazetteer.js';

/**
 * Hyphenated names contain other entities: "Nato-Russia Council" also mentions NATO and Russia.
 * Adds those inner mentions to the organization or place they name (creating a place known to the
 * gazetteer if the article had no other mention of it).
 */
export function addNestedMentions(text: string, clusters: Cluster[]): void {
  const byKey = new Map<string, Cluster>();
  for (const c of clusters) {
    if (c.type === 'PERSON') continue;
    for (const m of c.mentions) {
      byKey.set(nameKey(m.display), c);
      byKey.set(nameKey(m.text), c);
    }
  }
  const added: [Cluster, Mention][] = [];
  for (const c of clusters) {
    for (const m of c.mentions) {
      if (m.origin === 'nested' || !/\p{L}[-‐]\p{Lu}/u.test(m.text)) continue;
      const re = /[\p{L}\p{N}.’']+/gu;
      for (let p = re.exec(m.text); p; p = re.exec(m.text)) {
        const part = p[0];
        if (part === m.text || !/^\p{Lu}/u.test(part)) continue;
        const start = m.start + p.index;
        const place = lookupPlace(part);
        let target = byKey.get(nameKey(part));
        if (!target && place && !place.ambiguous && !place.demonym) {
          target = byKey.get(nameKey(place.place));
          if (!target) {
            target = { type: 'PLACE', mentions: [] };
            clusters.push(target);
            byKey.set(nameKey(place.place), target);
          }
        }
        if (!target || target === c) continue;
        const display = place && target.type === 'PLACE' ? place.place : part;
        added.push([
          target,
          makeMention(
            start,
            start + part.length,
            text.slice(start, start + part.length),
            target.type,
            display,
            0.7,
            'nested',
            place && target.type === 'PLACE' ? place.id : undefined,
          ),
        ]);
      }
    }
  }
  for (const [c, m] of added) c.mentions.push(m);
  for (const c of clusters) c.mentions.sort((a, b) => a.start - b.start);
}
