import { AppError, ErrorCode } from '../../errors.js';

/** A value this reader could not make sense of; an error only if the field is used. */
export interface Unreadable {
  unreadable: string;
}

export type FrontMatterValue = string | boolean | null | string[] | Unreadable;

/** A front matter field: its value and the 1-based line of its key in the file. */
export interface FrontMatterField {
  value: FrontMatterValue;
  line: number;
}

/**
 * Reads the YAML subset that CMS exports put in front matter: `key: value` lines with plain,
 * 'single' or "double" quoted scalars, booleans, null, `[a, b]` and `- a` lists, and `|` / `>`
 * block text. Values it cannot read (nested mappings, anchors, tags) are kept as Unreadable, so
 * a field Storygraph ignores never fails an import; a line that is not `key: value` at all
 * throws INVALID_FRONT_MATTER naming the file and line.
 */
export function parseFrontMatter(lines: readonly string[], firstLine: number, file: string): Map<string, FrontMatterField> {
  const fields = new Map<string, FrontMatterField>();
  let i = 0;
  while (i < lines.length) {
    const raw = lines[i]!;
    const lineNo = firstLine + i;
    i++;
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) continue;
    const fail = (why: string): never => {
      throw new AppError(ErrorCode.INVALID_FRONT_MATTER, `${file}:${lineNo}: front matter: ${why}`, { file, line: lineNo });
    };
    if (/^\s/.test(raw)) fail('unexpected indented line (expected "key: value")');
    const m = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s"'#:][^:]*?)\s*:(?:[ \t]+(.*))?$/.exec(raw.trimEnd());
    if (!m) fail(`cannot read "${raw.length > 60 ? raw.slice(0, 57) + '…' : raw}" (expected "key: value")`);
    const key = unquoteKey(m![1]!);
    if (fields.has(key)) fail(`key "${key}" appears twice`);
    const inline = stripComment(m![2] ?? '');

    // Lines that belong to this key: indented ones, and "- item" lines (YAML lets a list sit at
    // the key's own indentation).
    const nested: string[] = [];
    while (i < lines.length) {
      const next = lines[i]!;
      if (next.trim() !== '' && !/^\s/.test(next) && !/^-(\s|$)/.test(next)) break;
      nested.push(next);
      i++;
    }
    while (nested.length && nested[nested.length - 1]!.trim() === '') nested.pop();
    fields.set(key, { value: readValue(inline, nested), line: lineNo });
  }
  return fields;
}

function readValue(inline: string, nested: string[]): FrontMatterValue {
  if (/^[|>][+-]?\d?$/.test(inline)) {
    const body = dedent(nested);
    return inline.startsWith('|') ? body.join('\n').trim() : foldLines(body);
  }
  if (inline === '') {
    const items = nested.filter((l) => l.trim() !== '');
    if (items.length === 0) return null;
    if (!items.every((l) => /^\s*-(\s|$)/.test(l))) return { unreadable: 'is a nested mapping' };
    const list: string[] = [];
    for (const item of items) {
      const value = readScalar(stripComment(item.replace(/^\s*-\s*/, '')));
      if (typeof value === 'string') list.push(value);
      else if (typeof value === 'boolean') list.push(String(value));
      else if (value !== null) return value;
    }
    return list;
  }
  if (nested.some((l) => l.trim() !== '')) {
    // A plain scalar continued on indented lines is one string, lines joined by spaces.
    if (/^["'[{]/.test(inline)) return { unreadable: 'is a quoted or bracketed value over several lines' };
    return foldLines([inline, ...nested.map((l) => l.trim())]);
  }
  if (inline.startsWith('[')) return readFlowList(inline);
  return readScalar(inline);
}

function readScalar(text: string): string | boolean | null | Unreadable {
  if (text === '' || text === '~' || /^null$/i.test(text)) return null;
  if (/^true$/i.test(text)) return true;
  if (/^false$/i.test(text)) return false;
  if (text.startsWith('"')) {
    if (!/^"(?:[^"\\]|\\.)*"$/.test(text)) return { unreadable: 'has an unclosed or malformed "double-quoted" string' };
    try {
      return JSON.parse(text) as string;
    } catch {
      return { unreadable: 'has an escape sequence this reader does not know' };
    }
  }
  if (text.startsWith("'")) {
    if (!/^'(?:[^']|'')*'$/.test(text)) return { unreadable: "has an unclosed or malformed 'single-quoted' string" };
    return text.slice(1, -1).replace(/''/g, "'");
  }
  if (text.startsWith('{')) return { unreadable: 'is an inline mapping' };
  if (/^[&*!]/.test(text)) return { unreadable: 'uses a YAML anchor, alias or tag' };
  if (text.startsWith('[')) return { unreadable: 'is a nested list' };
  return text;
}

function readFlowList(text: string): string[] | Unreadable {
  if (!text.endsWith(']')) return { unreadable: 'has a "[" list without its closing "]"' };
  const inner = text.slice(1, -1);
  const parts: string[] = [];
  let current = '';
  let quote: string | null = null;
  for (let k = 0; k < inner.length; k++) {
    const c = inner[k]!;
    if (quote) {
      current += c;
      if (c === '\\' && quote === '"') current += inner[++k] ?? '';
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") {
      quote = c;
      current += c;
    } else if (c === ',') {
      parts.push(current.trim());
      current = '';
    } else current += c;
  }
  if (quote) return { unreadable: 'has an unclosed quoted string in a "[" list' };
  if (current.trim() !== '' || parts.length > 0) parts.push(current.trim());
  const list: string[] = [];
  for (const part of parts) {
    if (part === '') continue;
    const value = readScalar(part);
    if (typeof value === 'string') list.push(value);
    else if (typeof value === 'boolean') list.push(String(value));
    else if (value !== null) return value;
  }
  return list;
}

/** Drops a " # comment" after a plain value; a "#" inside quotes or a word is kept. */
function stripComment(text: string): string {
  const trimmed = text.trim();
  if (trimmed.startsWith('"') || trimmed.startsWith("'")) {
    const close = trimmed.startsWith('"') ? /^"(?:[^"\\]|\\.)*"/.exec(trimmed) : /^'(?:[^']|'')*'/.exec(trimmed);
    if (close && /^\s*(#.*)?$/.test(trimmed.slice(close[0].length))) return close[0];
    return trimmed;
  }
  const at = trimmed.search(/\s#/);
  return (at >= 0 ? trimmed.slice(0, at) : trimmed).trim();
}

function unquoteKey(key: string): string {
  const value = readScalar(key);
  return typeof value === 'string' ? value : key;
}

function dedent(lines: string[]): string[] {
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^\s*/.exec(l)![0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut).trimEnd());
}

/** YAML folding: lines joined by spaces, a blank line kept as a line break. */
function foldLines(lines: string[]): string {
  return lines
    .join('\n')
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean)
    .join('\n')
    .trim();
}
