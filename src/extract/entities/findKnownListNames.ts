import { knownListNames } from '../knowledge/knowledgeBase.js';
import { makeMention, type Mention } from './mention.js';

/**
 * Organizations the knowledge base knows by a name that lists words ("Department for Culture,
 * Media and Sport", "Department of Trade and Industry"), where the text writes them out: NER
 * often cuts such a name at its comma or its "and" into two organizations. These mentions
 * replace NER's within them (see buildEntities).
 */
export function findKnownListNames(text: string): Mention[] {
  const out: Mention[] = [];
  for (const { form, entry } of knownListNames()) {
    for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + form.length)) {
      if (isWordChar(text.charCodeAt(at - 1)) || isWordChar(text.charCodeAt(at + form.length))) continue;
      out.push(makeMention(at, at + form.length, form, 'ORGANIZATION', form, 0.9, 'rule', entry.id));
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 127;
}
