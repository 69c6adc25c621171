import type { ExtractedTag } from '../types.js';
import { findTopics } from './findTopics.js';

/**
 * The article's tags: the editor's own (kind EDITOR, case-insensitive duplicates removed), then
 * the topics the text is about (kind TOPIC: "Diplomacy", "Elections", "Economy"…, from keyword
 * lists; see findTopics, over the article's `words`). Entity names are not tags: they are the
 * article's entities already.
 */
export function deriveTags(editorTags: readonly string[], words: readonly { text: string; segment: number }[]): ExtractedTag[] {
  const tags: ExtractedTag[] = [];
  const seen = new Set<string>();
  const add = (name: string, kind: ExtractedTag['kind']): void => {
    const key = name.toLowerCase();
    if (!seen.has(key)) {
      seen.add(key);
      tags.push({ name, kind });
    }
  };
  for (const t of editorTags) add(t, 'EDITOR');
  for (const t of findTopics(words)) add(t, 'TOPIC');
  return tags;
}
