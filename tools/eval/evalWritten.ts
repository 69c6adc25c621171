import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractArticle } from '../../src/extract/extractArticle.js';
import type { EntityKind, MentionForm, Span } from '../../src/extract/types.js';

/** Precision, recall and F1 in per cent. */
export interface WrittenScores {
  documents: number;
  /** PER, ORG and LOC together (micro-averaged), then each. */
  micro: { precision: number; recall: number; f1: number };
  perType: Record<'PER' | 'ORG' | 'LOC', { precision: number; recall: number; f1: number }>;
}

interface GoldSpan {
  start: number;
  end: number;
  text: string;
  type: 'PER' | 'ORG' | 'LOC' | 'MISC';
}

const TYPES = ['PER', 'ORG', 'LOC'] as const;

/**
 * Scores the whole extractArticle pipeline on a folder of the project's written test texts
 * (`tools/eval/written/<split>`: `NN.txt` beside `NN.json` with gold spans): each text has no
 * headline, its paragraphs are separated by blank lines. As for CoNLL, top-level NAME and
 * ACRONYM mentions of people, organizations and places are scored as PER, ORG, LOC by exact span
 * and type; the gold's MISC names (works, events, products, languages …) are not scored, so a
 * mention of one read as a person, a body or a place is a false positive.
 */
export function evaluateWritten(dir: string): WrittenScores {
  const counts = new Map(TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  for (const file of files) {
    const text = readFileSync(join(dir, file), 'utf8');
    const gold = JSON.parse(readFileSync(join(dir, file.replace(/\.txt$/, '.json')), 'utf8')) as { entities: GoldSpan[] };
    const x = extractArticle({ text, title: { start: 0, end: 0, text: '' }, paragraphs: paragraphsOf(text), editorTags: [] });
    const predicted = new Set<string>();
    for (const e of x.entities)
      for (const m of e.mentions) {
        const type = m.parent === null ? scoredType(e.type, m.form) : null;
        if (type !== null) predicted.add(`${m.start}:${m.end}:${type}`);
      }
    const wanted = new Set(gold.entities.filter((g) => g.type !== 'MISC').map((g) => `${g.start}:${g.end}:${g.type}`));
    for (const key of predicted) {
      const c = counts.get(key.slice(key.lastIndexOf(':') + 1) as (typeof TYPES)[number])!;
      if (wanted.has(key)) c.tp++;
      else c.fp++;
    }
    for (const key of wanted) if (!predicted.has(key)) counts.get(key.slice(key.lastIndexOf(':') + 1) as (typeof TYPES)[number])!.fn++;
  }
  const all = { tp: 0, fp: 0, fn: 0 };
  for (const c of counts.values()) {
    all.tp += c.tp;
    all.fp += c.fp;
    all.fn += c.fn;
  }
  const perType = Object.fromEntries(TYPES.map((t) => [t, prf(counts.get(t)!)])) as WrittenScores['perType'];
  return { documents: files.length, micro: prf(all), perType };
}

/** The paragraphs of a text: runs of non-empty lines. */
function paragraphsOf(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(/[^\n]+(?:\n[^\n]+)*/g)) out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  return out;
}

function scoredType(kind: EntityKind, form: MentionForm): 'PER' | 'ORG' | 'LOC' | null {
  if (form !== 'NAME' && form !== 'ACRONYM') return null;
  return kind === 'PERSON' ? 'PER' : kind === 'ORGANIZATION' ? 'ORG' : kind === 'PLACE' ? 'LOC' : null;
}

function prf(c: { tp: number; fp: number; fn: number }): { precision: number; recall: number; f1: number } {
  const precision = c.tp + c.fp === 0 ? 0 : (100 * c.tp) / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 0 : (100 * c.tp) / (c.tp + c.fn);
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}
