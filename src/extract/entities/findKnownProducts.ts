import { lookupKnown } from '../knowledge/knowledgeBase.js';
import { makeMention, type Mention } from './mention.js';
import { isCapitalised, stripPossessive, type Word } from './scanWords.js';

/** A product the knowledge base knows is the evidence, as for a company found the same way. */
const KNOWN_PRODUCT_CONFIDENCE = 0.85;

/** A name with its capital after a lower-case first letter, as products are written ("iPod", "eBay"). */
const INNER_CAPITAL = /^\p{Ll}\p{Lu}/u;

/**
 * One-word products the knowledge base knows (and does not mark ambiguous) where NER found no
 * name: NER rarely tags a product, least of all one written "iPod". A plural ("iPods") is the
 * product too; a word followed by another capitalised word or a number is part of a longer name
 * ("iPod Shuffle", "Xbox 360"), which is NER's business. Only gaps between other mentions take
 * these.
 */
export function findKnownProducts(words: readonly Word[]): Mention[] {
  const out: Mention[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (!isCapitalised(w.text) && !INNER_CAPITAL.test(w.text)) continue;
    const next = words[i + 1];
    if (next !== undefined && next.segment === w.segment && (isCapitalised(next.text) || /\d/.test(next.text))) continue;
    const name = stripPossessive(w.text);
    const known = productNamed(name) ?? (name.endsWith('s') ? productNamed(name.slice(0, -1)) : undefined);
    if (known) out.push(makeMention(w.start, w.start + name.length, name, 'PRODUCT', known.name, KNOWN_PRODUCT_CONFIDENCE, 'rule', known.id));
  }
  return out;
}

function productNamed(name: string): { id: string; name: string } | undefined {
  const found = lookupKnown(name).find((m) => m.entry.kind === 'PRODUCT' && !m.entry.ambiguous && !m.demonym);
  return found ? { id: found.entry.id, name: found.entry.name } : undefined;
}
