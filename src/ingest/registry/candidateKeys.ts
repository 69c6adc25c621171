import type { ArticlePlan } from '../planArticle.js';
import type { EntityIndex } from './entityIndex.js';
import { acronymOf, isSingleWord, surnameKeyOf } from './nameParts.js';

/**
 * Every name key the resolution of these articles may look up: names, aliases, a person's
 * surname, an organization's acronym, and the full names behind an acronym the run knows.
 */
export function candidateKeys(plans: readonly ArticlePlan[], index: Pick<EntityIndex, 'byAcronym'>): string[] {
  const keys = new Set<string>();
  for (const plan of plans) {
    for (const entity of plan.entities) {
      keys.add(entity.nameKey);
      for (const alias of entity.aliases) keys.add(alias.nameKey);
      if (entity.kind === 'PERSON') {
        const surname = surnameKeyOf(entity.nameKey);
        if (surname) keys.add(surname);
      }
      if (entity.kind === 'ORGANIZATION') {
        const acronym = acronymOf(entity.nameKey);
        if (acronym) keys.add(acronym);
        if (isSingleWord(entity.nameKey)) {
          for (const natural of index.byAcronym.get(entity.nameKey) ?? []) keys.add(natural.slice(natural.indexOf(':') + 1));
        }
      }
    }
  }
  return [...keys].sort();
}
