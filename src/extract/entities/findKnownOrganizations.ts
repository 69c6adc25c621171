import { lookupKnown } from '../knowledge/knowledgeBase.js';
import { isRoleHead } from './lexicon.js';
import { makeMention, type Mention } from './mention.js';
import { isCapitalised, stripPossessive, type Word } from './scanWords.js';

/** How many lower-case words a role may take before its head ("chief executive", "finance director"). */
const MAX_ROLE_WORDS = 3;

/** Kinds of organization whose names are seldom common words: a company's or a broadcaster's. */
const NAME_ONLY_SUBKINDS = new Set(['company', 'media']);

/**
 * One-word organizations the knowledge base knows (and does not mark ambiguous) where NER found
 * no name: a company or broadcaster anywhere ("Google shares rose", "Sony's PSP": NER is unsure
 * of a sentence's first word and of a possessive), any other organization just before a
 * lower-case role and a capitalised name ("Treasury chief Ann Lee", "Nokia chief executive
 * Jorma Ollila", where the role would otherwise swallow it). Only gaps between NER's mentions
 * take these.
 */
export function findKnownOrganizations(words: readonly Word[]): Mention[] {
  const out: Mention[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (!isCapitalised(w.text)) continue;
    const name = stripPossessive(w.text);
    // Part of a longer name ("Toyota Corolla", "Airbus A340", "BP Amoco"): NER's business.
    const next = words[i + 1];
    if (name === w.text && next !== undefined && next.segment === w.segment && (isCapitalised(next.text) || /\d/.test(next.text))) continue;
    // Initials after a figure are a unit or an abbreviation ("+20 BP" basis points, "1ST GM").
    if (/^\p{Lu}+$/u.test(name) && i > 0 && /\d/.test(words[i - 1]!.text)) continue;
    const known = lookupKnown(name).find((m) => m.entry.kind === 'ORGANIZATION' && !m.entry.ambiguous && !m.demonym);
    if (!known) continue;
    if (NAME_ONLY_SUBKINDS.has(known.entry.subkind) || beforeRoleAndName(words, i))
      out.push(makeMention(w.start, w.start + name.length, name, 'ORGANIZATION', name, 0.85, 'rule', known.entry.id));
  }
  return out;
}

/** Whether a lower-case role ending in a role head, then a capitalised word, follows word `i`. */
function beforeRoleAndName(words: readonly Word[], i: number): boolean {
  for (let k = i + 1; k <= i + MAX_ROLE_WORDS && k + 1 < words.length; k++) {
    const r = words[k]!;
    if (r.segment !== words[i]!.segment || isCapitalised(r.text)) return false;
    if (isRoleHead(r.text) && isCapitalised(words[k + 1]!.text)) return true;
  }
  return false;
}
