import { lookupKnown } from '../knowledge/knowledgeBase.js';
import { isRoleHead } from './lexicon.js';
import { makeMention, type Mention } from './mention.js';
import { isCapitalised, type Word } from './scanWords.js';

/** How many lower-case words a role may take before its head ("chief executive", "finance director"). */
const MAX_ROLE_WORDS = 3;

/**
 * One-word organizations the knowledge base knows (and does not mark ambiguous) just before a
 * lower-case role and a capitalised name: "Nokia chief executive Jorma Ollila", "Tesco boss
 * Terry Leahy". NER, unsure of a sentence's first word, often finds no name there, and the role
 * would then swallow the organization. Only gaps between NER's mentions take these.
 */
export function findOrganizationsBeforeRoles(words: readonly Word[]): Mention[] {
  const out: Mention[] = [];
  for (let i = 0; i + 2 < words.length; i++) {
    const w = words[i]!;
    if (!isCapitalised(w.text) || isCapitalised(words[i + 1]!.text)) continue;
    let head = -1;
    for (let k = i + 1; k <= i + MAX_ROLE_WORDS && k + 1 < words.length; k++) {
      const r = words[k]!;
      if (r.segment !== w.segment || isCapitalised(r.text)) break;
      if (isRoleHead(r.text) && isCapitalised(words[k + 1]!.text)) head = k;
    }
    if (head < 0) continue;
    const known = lookupKnown(w.text).find((m) => m.entry.kind === 'ORGANIZATION' && !m.entry.ambiguous && !m.demonym);
    if (known) out.push(makeMention(w.start, w.end, w.text, 'ORGANIZATION', w.text, 0.9, 'rule', known.entry.id));
  }
  return out;
}
