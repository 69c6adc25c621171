/**
 * An audit of what an import of a corpus would store: every article through extractArticle,
 * entities grouped across articles by kind and name (or knowledge-base id), counted by articles.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { HONORIFICS, TITLE_WORDS, isRoleHead } from '../../src/extract/entities/lexicon.js';
import { extractArticle } from '../../src/extract/extractArticle.js';
import type { EntityKind, ExtractInput } from '../../src/extract/types.js';
import { readArticleFile } from '../../src/ingest/readArticleFile.js';

export interface AuditedEntity {
  kind: EntityKind;
  /** The name most articles use. */
  name: string;
  articles: number;
}

export interface EntityAudit {
  articles: number;
  words: number;
  /** Distinct entities per kind. */
  perKind: Record<string, number>;
  /** Distinct person names that contain a title or role word ("Chancellor Gordon Brown", "Mr Blair"). */
  namesWithTitleWord: string[];
  /** Every entity, most articles first. */
  entities: AuditedEntity[];
  inputs: ExtractInput[];
}

/** Reads every *.txt under dir as an article. */
export async function readCorpus(dir: string): Promise<ExtractInput[]> {
  const inputs: ExtractInput[] = [];
  for (const file of listTextFiles(dir)) {
    try {
      const { parsed } = await readArticleFile(file);
      inputs.push({ text: parsed.text, title: parsed.title, paragraphs: parsed.paragraphs, editorTags: parsed.editorTags });
    } catch (error) {
      process.stderr.write(`eval: skipped ${file}: ${(error as Error).message}\n`);
    }
  }
  return inputs;
}

/** True for a word that makes a name a title plus a name ("Chancellor", "Mr", "Exchequer"). */
function isTitleWord(word: string): boolean {
  return (
    HONORIFICS.has(word) ||
    (TITLE_WORDS.has(word) && !/^(?:Chief|Home|National|International|First)$/.test(word)) ||
    (isRoleHead(word) && /^\p{Lu}/u.test(word))
  );
}

/** Extracts every article and groups the entities across articles. */
export async function auditEntities(dir: string): Promise<EntityAudit> {
  const inputs = await readCorpus(dir);
  const groups = new Map<string, { kind: EntityKind; names: Map<string, number>; articles: number }>();
  let words = 0;
  for (const input of inputs) {
    for (const s of [input.title, ...input.paragraphs]) words += s.text.split(/\s+/).filter(Boolean).length;
    const seen = new Set<string>();
    for (const e of extractArticle(input).entities) {
      const key = `${e.type}:${e.known?.id ?? e.name.toLowerCase()}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { kind: e.type, names: new Map(), articles: 0 }));
      g.names.set(e.name, (g.names.get(e.name) ?? 0) + 1);
      if (!seen.has(key)) {
        seen.add(key);
        g.articles++;
      }
    }
  }
  const entities = [...groups.values()]
    .map((g) => ({ kind: g.kind, name: [...g.names].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0], articles: g.articles }))
    .sort((a, b) => b.articles - a.articles || a.name.localeCompare(b.name));
  const perKind: Record<string, number> = {};
  for (const e of entities) perKind[e.kind] = (perKind[e.kind] ?? 0) + 1;
  const namesWithTitleWord = entities.filter((e) => e.kind === 'PERSON' && e.name.split(/\s+/).some(isTitleWord)).map((e) => e.name);
  return { articles: inputs.length, words, perKind, namesWithTitleWord, entities, inputs };
}

function listTextFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listTextFiles(path));
    else if (name.endsWith('.txt')) out.push(path);
  }
  return out;
}
