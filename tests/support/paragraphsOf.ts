/** Paragraph bounds of a test text: its non-empty lines (a line's closing `\r` is not part of it). */
export function paragraphsOf(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let pos = 0;
  for (const line of text.split('\n')) {
    const len = line.endsWith('\r') ? line.length - 1 : line.length;
    if (line.trim() !== '') out.push({ start: pos, end: pos + len });
    pos += line.length + 1;
  }
  return out;
}
