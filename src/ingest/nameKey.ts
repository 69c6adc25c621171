/**
 * The matching key of a name: lower case, accents removed, punctuation folded to single spaces.
 * "NATO" and "Nato" share a key, as do "Zoë" and "Zoe".
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A URL-safe slug: "Russia and NATO Agree…" → "russia-and-nato-agree". Never empty. */
export function slugify(text: string, maxLength = 80): string {
  const slug = nameKey(text).replace(/ /g, '-');
  if (!slug) return 'untitled';
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  return cut.includes('-') ? cut.slice(0, cut.lastIndexOf('-')) : cut;
}
