import { EXTRACTOR_VERSION, extractArticle } from '../extract/extractArticle.js';
import { buildParsedArticle } from '../ingest/sources/buildParsedArticle.js';

/** What the store holds about an article's tags. */
export interface StoredTags {
  title: string;
  paragraphs: string[];
  extractorVersion: string;
  /** Every tag linked to the article, with the kind of the shared tag row. */
  tags: { name: string; kind: 'EDITOR' | 'TOPIC' }[];
}

/**
 * The tags an editor gave the article. A tag row's kind is set by whichever article created it,
 * so an editor's "Russia" may link to a row an earlier article created as a derived topic. The
 * store does not record which links came from the editor; since derived topics depend only on
 * the text, a TOPIC-kind tag that extraction does not derive from this text must be the
 * editor's. (Under another extractor version the derivation cannot be replayed, and only
 * EDITOR-kind tags are returned.)
 */
export function editorTagsOf(article: StoredTags): string[] {
  const editor = article.tags.filter((t) => t.kind === 'EDITOR').map((t) => t.name);
  const topics = article.tags.filter((t) => t.kind === 'TOPIC').map((t) => t.name);
  if (topics.length > 0 && article.extractorVersion === EXTRACTOR_VERSION) {
    const parsed = buildParsedArticle('jsonl', article.title, article.paragraphs, []);
    const derived = new Set(
      extractArticle({ text: parsed.text, title: parsed.title, paragraphs: parsed.paragraphs, editorTags: [] })
        .tags.filter((t) => t.kind === 'TOPIC')
        .map((t) => t.name.toLowerCase()),
    );
    editor.push(...topics.filter((name) => !derived.has(name.toLowerCase())));
  }
  return editor.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
