/**
 * The shipped knowledge base's file format, shared by the build script (tools/buildKnowledgeBase.ts)
 * and the loader. Built files live beside this one, so the engine needs no build step.
 */
import { fileURLToPath } from 'node:url';

/** Bumped when the file format or the curated list changes what the engine may output. */
export const KNOWLEDGE_BASE_VERSION = 'kb-2026.12';

export const KNOWLEDGE_BASE_PATH = fileURLToPath(new URL('./knowledgeBase.json', import.meta.url));
export const FIRST_NAMES_PATH = fileURLToPath(new URL('./firstNames.json', import.meta.url));

/** What a knowledge-base entry is; OFFICE and COMMON are never entities of their own. */
export type KbKind = 'PERSON' | 'ORGANIZATION' | 'PLACE' | 'WORK' | 'EVENT' | 'PRODUCT' | 'AWARD' | 'OFFICE' | 'COMMON';

/** One entry: [id, kind, subkind, name, other names, demonyms, country (ISO 3166-1 alpha-2 or ""), ambiguous]. */
export type KbRow = [string, KbKind, string, string, string[], string[], string, boolean];

export interface KbFile {
  version: string;
  sources: string[];
  entries: KbRow[];
}
