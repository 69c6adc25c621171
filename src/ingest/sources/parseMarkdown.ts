import { AppError, ErrorCode } from '../../errors.js';
import { slugify } from '../nameKey.js';
import { MAX_HEADLINE_LENGTH } from '../parseArticle.js';
import { buildParsedArticle } from './buildParsedArticle.js';
import { parseFrontMatter, type FrontMatterField } from './parseFrontMatter.js';
import type { JsonLineArticle } from './parseJsonLine.js';
import { describe, FieldProblem, readDate, readLine, readStatus, readTags, readTitle, readUrl } from './sourceFields.js';

/** A Markdown article; `source.sourceKey` is null unless the front matter gives a URL or key. */
export type MarkdownArticle = JsonLineArticle;

interface Block {
  /** 0 for body text, 1–6 for a heading. */
  level: number;
  text: string;
  line: number;
  /** The block was one line of source (a candidate headline when nothing better exists). */
  single: boolean;
}

/** Front matter keys read for each field, first present wins (Hugo, Jekyll, Ghost, Astro, Strapi spellings). */
const DATE_KEYS = ['publishedAt', 'published_at', 'pubDate', 'date'];
const BYLINE_KEYS = ['byline', 'author', 'authors'];

/**
 * Parses Markdown with optional YAML front matter (title, date/publishedAt, tags, url, slug,
 * author/byline, draft/status). The headline is the front matter title, else the first "# "
 * heading, else a one-line first block. Paragraphs are blank-line separated blocks with
 * Markdown markup removed; the article `text` is built from the cleaned headline and
 * paragraphs, so spans index it. Throws INVALID_FRONT_MATTER, INVALID_FIELD, NO_HEADLINE or
 * NO_BODY naming the file and line.
 */
export function parseMarkdown(source: string, file: string): MarkdownArticle {
  const lines = source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  let fields = new Map<string, FrontMatterField>();
  let bodyStart = 0;
  if (lines[0]?.trim() === '+++') {
    throw new AppError(ErrorCode.INVALID_FRONT_MATTER, `${file}:1: front matter: TOML ("+++") is not supported; use YAML between "---" lines`, {
      file,
      line: 1,
    });
  }
  if (lines[0]?.trim() === '---') {
    const close = lines.findIndex((l, k) => k > 0 && (l.trim() === '---' || l.trim() === '...'));
    if (close < 0) throw new AppError(ErrorCode.INVALID_FRONT_MATTER, `${file}:1: front matter: no closing "---" line`, { file, line: 1 });
    fields = parseFrontMatter(lines.slice(1, close), 2, file);
    bodyStart = close + 1;
  }

  const field = <T>(names: string[], read: (v: unknown) => T): T | null => {
    for (const name of names) {
      const entry = fields.get(name);
      if (!entry || entry.value === null) continue;
      const { value, line } = entry;
      if (typeof value === 'object' && !Array.isArray(value)) {
        throw new AppError(
          ErrorCode.INVALID_FRONT_MATTER,
          `${file}:${line}: front matter: field "${name}" ${value.unreadable}, which this reader cannot read`,
          { file, line, field: name },
        );
      }
      try {
        return read(value);
      } catch (error) {
        if (!(error instanceof FieldProblem)) throw error;
        throw new AppError(ErrorCode.INVALID_FIELD, `${file}:${line}: field "${name}" ${error.message}`, { file, line, field: name });
      }
    }
    return null;
  };

  const blocks = readBlocks(lines, bodyStart);
  let title = field(['title'], readTitle);
  let titleLine = fields.get('title')?.line ?? 1;
  if (title !== null) {
    // Many exports repeat the title as the first heading; it is the headline, not a paragraph.
    const first = blocks[0];
    if (first && first.level === 1 && same(first.text, title)) blocks.shift();
  } else {
    const at = blocks.findIndex((b) => b.level === 1);
    const pick = at >= 0 ? at : blocks[0]?.single ? 0 : -1;
    const head = pick >= 0 ? blocks[pick]! : null;
    if (!head) {
      throw new AppError(ErrorCode.NO_HEADLINE, `${file}:${bodyStart + 1}: no headline: no "title" in the front matter and no "# " heading`, {
        file,
        line: bodyStart + 1,
      });
    }
    if (head.text.length > MAX_HEADLINE_LENGTH) {
      throw new AppError(
        ErrorCode.NO_HEADLINE,
        `${file}:${head.line}: no headline: the heading has ${head.text.length} characters (at most ${MAX_HEADLINE_LENGTH})`,
        { file, line: head.line },
      );
    }
    blocks.splice(pick, 1);
    title = head.text;
    titleLine = head.line;
  }
  const paragraphs = blocks.map((b) => b.text);
  if (paragraphs.length === 0) {
    throw new AppError(ErrorCode.NO_BODY, `${file}:${titleLine + 1}: the article has a headline but no paragraphs`, { file, line: titleLine + 1 });
  }

  const url = field(['url'], readLocation);
  const draft = field(['draft'], readBoolean);
  return {
    parsed: buildParsedArticle('markdown', title, paragraphs, field(['tags'], readTags) ?? []),
    source: {
      sourceKey: field(['sourceKey'], readLine) ?? (url ? (url.startsWith('/') ? `path:${url}` : `url:${url}`) : null),
      sourcePath: null,
      sourceUrl: url && !url.startsWith('/') ? url : null,
      byline: field(BYLINE_KEYS, readByline),
      publishedAt: field(DATE_KEYS, readDate),
      // Front matter slugs are written by hand ("My-Post"): slugified rather than rejected.
      slug: field(['slug'], (v) => slugify(readLine(v))),
      status: field(['status'], readStatus) ?? (draft === null ? null : draft ? 'DRAFT' : 'PUBLISHED'),
      section: field(['section', 'category'], readLine),
    },
  };
}

/** Body blocks with markup removed: headings on their own, code, HTML comments and rules dropped. */
function readBlocks(lines: readonly string[], from: number): Block[] {
  const blocks: Block[] = [];
  let current: { lines: string[]; line: number } | null = null;
  const flush = () => {
    if (current) {
      for (const item of splitListItems(current.lines)) {
        const text = cleanInline(item.join(' '));
        if (text) blocks.push({ level: 0, text, line: current.line, single: current.lines.length === 1 });
      }
    }
    current = null;
  };
  let fence: string | null = null;
  let inComment = false;
  for (let k = from; k < lines.length; k++) {
    const line = lines[k]!;
    const trimmed = line.trim();
    if (fence) {
      if (trimmed.startsWith(fence)) fence = null;
      continue;
    }
    if (inComment) {
      if (trimmed.includes('-->')) inComment = false;
      continue;
    }
    const opening = /^(`{3,}|~{3,})/.exec(trimmed);
    if (opening) {
      flush();
      fence = opening[1]!;
      continue;
    }
    if (trimmed.startsWith('<!--')) {
      flush();
      if (!trimmed.includes('-->')) inComment = true;
      continue;
    }
    // Blockquote markers go; a news quote in a blockquote is still the writer's text.
    const text = trimmed.replace(/^(>\s?)+/, '').trim();
    if (text === '') {
      flush();
      continue;
    }
    const heading = /^(#{1,6})\s+(.*?)(?:\s+#+)?$/.exec(text);
    if (heading) {
      flush();
      const cleaned = cleanInline(heading[2]!);
      if (cleaned) blocks.push({ level: heading[1]!.length, text: cleaned, line: k + 1, single: true });
      continue;
    }
    // Setext headings: a line of "=" (or "-") under text.
    const c: { lines: string[]; line: number } | null = current;
    if (c && /^(=+|-+)$/.test(text)) {
      const underlined = c.lines.pop()!;
      const level = text.startsWith('=') ? 1 : 2;
      const startLine = c.line + c.lines.length;
      flush();
      const cleaned = cleanInline(underlined);
      if (cleaned) blocks.push({ level, text: cleaned, line: startLine, single: true });
      continue;
    }
    if (/^([-*_])(\s*\1){2,}$/.test(text)) {
      flush();
      continue;
    }
    if (!current) current = { lines: [], line: k + 1 };
    (current as { lines: string[] }).lines.push(text);
  }
  flush();
  return blocks;
}

/** A block whose lines start with list markers becomes one paragraph per item. */
function splitListItems(lines: string[]): string[][] {
  const marker = /^(?:[-*+]|\d{1,9}[.)])\s+/;
  if (!lines.some((l) => marker.test(l))) return [lines];
  const items: string[][] = [];
  for (const line of lines) {
    if (marker.test(line) || items.length === 0) items.push([line.replace(marker, '')]);
    else items[items.length - 1]!.push(line);
  }
  return items;
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
};

/** Inline Markdown to plain text: links keep their words, images and HTML tags go, emphasis markers go. */
export function cleanInline(text: string): string {
  // Escaped punctuation is parked in the private-use area so emphasis rules do not see it.
  let out = text.replace(/\\([\\`*_{}[\]()#+\-.!>~|])/g, (_, c: string) => String.fromCharCode(0xe000 + c.charCodeAt(0)));
  out = out
    .replace(/(?:\s{2,}|\\)$/gm, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/<(https?:\/\/[^>\s]+)>/g, '$1')
    .replace(/<\/?[A-Za-z][^>]*>/g, '')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/~~(?=\S)(.+?)(?<=\S)~~/g, '$1')
    .replace(/(?<![\p{L}\p{N}*])\*(?=\S)(.+?)(?<=\S)\*(?![\p{L}\p{N}*])/gu, '$1')
    .replace(/(?<![\p{L}\p{N}_])_(?=\S)(.+?)(?<=\S)_(?![\p{L}\p{N}_])/gu, '$1')
    .replace(/&(#\d+|#x[\da-f]+|[a-z]+);/gi, (whole, name: string) => {
      if (name.startsWith('#')) {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    });
  out = out.replace(/[\ue000-\ue07f]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xe000));
  return out.replace(/\s+/g, ' ').trim();
}

/** An absolute http(s) URL, or a site path such as Hugo's `url: /news/ferry/`. */
function readLocation(value: unknown): string {
  if (typeof value === 'string' && value.trim().startsWith('/')) return value.trim();
  return readUrl(value);
}

/** `author: Jane Doe`, or a list of names joined by commas. */
function readByline(value: unknown): string {
  if (Array.isArray(value)) return readLine(value.join(', '));
  return readLine(value);
}

function readBoolean(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === 'true';
  throw new FieldProblem(`must be true or false, not ${describe(value)}`);
}

function same(a: string, b: string): boolean {
  return a.replace(/\s+/g, ' ').trim().toLowerCase() === b.replace(/\s+/g, ' ').trim().toLowerCase();
}
