/** Escapes LIKE/ILIKE wildcards (and the escape character) so the text matches literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
