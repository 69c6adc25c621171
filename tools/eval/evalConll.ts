/**
 * CoNLL-2003 evaluation of recognizeEntities, per the project's rule: each document is rebuilt as
 * one sentence per paragraph with tokens joined by single spaces, every sentence is a segment,
 * and predicted character spans are scored against gold spans by exact match per type.
 */
import { TYPES, iob1ToSpans } from '../../src/extract/ner/labels.js';
import { readConll, type ConllDocument } from '../../src/extract/ner/readConll.js';
import { recognizeEntities } from '../../src/extract/ner/recognizeEntities.js';
import { extractArticle } from '../../src/extract/extractArticle.js';
import type { EntityKind, MentionForm } from '../../src/extract/types.js';
import { entityEvidence } from '../../src/extract/entities/calibrateEntity.js';
import type { Judged } from './reliability.js';

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

export interface ConllScores {
  PER: Prf;
  ORG: Prf;
  LOC: Prf;
  MISC: Prf;
  documents: number;
  words: number;
  wordsPerSecond: number;
}

interface Rebuilt {
  text: string;
  segments: { start: number; end: number }[];
  /** "start:end:TYPE" keys of gold mentions. */
  gold: string[];
  words: number;
}

function rebuild(doc: ConllDocument): Rebuilt {
  const parts: string[] = [];
  const segments: { start: number; end: number }[] = [];
  const gold: string[] = [];
  let offset = 0;
  let words = 0;
  for (const sent of doc.sentences) {
    if (parts.length > 0) {
      parts.push('\n\n');
      offset += 2;
    }
    const starts: number[] = [];
    const ends: number[] = [];
    for (let i = 0; i < sent.words.length; i++) {
      if (i > 0) {
        parts.push(' ');
        offset += 1;
      }
      const w = sent.words[i]!;
      starts.push(offset);
      parts.push(w);
      offset += w.length;
      ends.push(offset);
    }
    segments.push({ start: starts[0]!, end: offset });
    for (const s of iob1ToSpans(sent.tags)) gold.push(`${starts[s.start]!}:${ends[s.end - 1]!}:${TYPES[s.type]!}`);
    words += sent.words.length;
  }
  return { text: parts.join(''), segments, gold, words };
}

const WARM_UP_WORDS = 5000;

function prf(tp: number, fp: number, fn: number): Prf {
  const precision = tp + fp === 0 ? 0 : (100 * tp) / (tp + fp);
  const recall = tp + fn === 0 ? 0 : (100 * tp) / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const r = (x: number): number => Math.round(x * 100) / 100;
  return { precision: r(precision), recall: r(recall), f1: r(f1) };
}

/** Scores already-read documents (see evaluateConll). */
export function evaluateConllDocuments(docs: readonly ConllDocument[]): ConllScores {
  const counts = new Map<string, { tp: number; fp: number; fn: number }>(TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  const rebuilt = docs.map(rebuild);
  // Warm-up outside the timing: load the model and let the JIT compile the hot loops on the first
  // few thousand words, so that words/s reflects the steady state of a long-running pipeline.
  let warm = 0;
  for (const doc of rebuilt) {
    if (warm >= WARM_UP_WORDS) break;
    recognizeEntities(doc.text, doc.segments);
    warm += doc.words;
  }
  let elapsed = 0;
  let words = 0;
  for (const doc of rebuilt) {
    const t0 = process.hrtime.bigint();
    const mentions = recognizeEntities(doc.text, doc.segments);
    elapsed += Number(process.hrtime.bigint() - t0) / 1e9;
    words += doc.words;
    const gold = new Set(doc.gold);
    const predicted = new Set(mentions.map((m) => `${m.start}:${m.end}:${m.type}`));
    for (const key of predicted) {
      const c = counts.get(key.slice(key.lastIndexOf(':') + 1))!;
      if (gold.has(key)) c.tp++;
      else c.fp++;
    }
    for (const key of gold) if (!predicted.has(key)) counts.get(key.slice(key.lastIndexOf(':') + 1))!.fn++;
  }
  const get = (t: string): Prf => {
    const c = counts.get(t)!;
    return prf(c.tp, c.fp, c.fn);
  };
  return {
    PER: get('PER'),
    ORG: get('ORG'),
    LOC: get('LOC'),
    MISC: get('MISC'),
    documents: rebuilt.length,
    words,
    wordsPerSecond: Math.round(words / Math.max(elapsed, 1e-9)),
  };
}

/** Evaluates recognizeEntities on a CoNLL-2003 file (exact span match per type, P/R/F1 in percent). */
export function evaluateConll(file: string, options: { lowerCase?: boolean } = {}): ConllScores {
  const docs = readConll(file);
  return evaluateConllDocuments(options.lowerCase ? docs.map(lowerCased) : docs);
}

/** The document with every word in lower case, as much social-media text is written. */
export function lowerCased(doc: ConllDocument): ConllDocument {
  return { ...doc, sentences: doc.sentences.map((s) => ({ ...s, words: s.words.map((w) => w.toLowerCase()) })) };
}

/** CoNLL type of a pipeline mention: names of people, organizations and places; the rest is MISC. */
function conllTypeOf(kind: EntityKind, form: MentionForm): string | null {
  if (form === 'PRONOUN' || form === 'DESCRIPTION') return null;
  if (form === 'DEMONYM') return 'MISC';
  if (kind === 'PERSON') return 'PER';
  if (kind === 'ORGANIZATION') return 'ORG';
  if (kind === 'PLACE') return 'LOC';
  return 'MISC';
}

export interface PipelineConllScores extends ConllScores {
  /** Every scored mention with its entity's confidence, for the reliability table. */
  judged: (Judged & { evidence: string; document: number })[];
}

/**
 * Scores the whole extractArticle pipeline the same way: each document's first sentence is the
 * headline, the others are paragraphs; top-level NAME and ACRONYM mentions of people,
 * organizations and places are scored as PER, ORG, LOC (demonyms and other kinds count as MISC,
 * pronouns and descriptions are not scored). With `lowerCase`, on the documents written in lower
 * case (lowerCased).
 */
export function evaluatePipelineConll(file: string, options: { lowerCase?: boolean } = {}): PipelineConllScores {
  const docs = options.lowerCase ? readConll(file).map(lowerCased) : readConll(file);
  const counts = new Map<string, { tp: number; fp: number; fn: number }>(TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  const judged: (Judged & { evidence: string; document: number })[] = [];
  let words = 0;
  let elapsed = 0;
  let document = -1;
  for (const doc of docs.map(rebuild)) {
    document++;
    const [title, ...paragraphs] = doc.segments.map((s) => ({ ...s, text: doc.text.slice(s.start, s.end) }));
    if (title === undefined) continue;
    const t0 = process.hrtime.bigint();
    const x = extractArticle({ text: doc.text, title, paragraphs, editorTags: [] });
    elapsed += Number(process.hrtime.bigint() - t0) / 1e9;
    words += doc.words;
    const gold = new Set(doc.gold);
    const predicted = new Map<string, { confidence: number; evidence: string }>();
    for (const e of x.entities) {
      // The key the calibration table uses (equal to the engine's when its table is empty).
      const evidence = entityEvidence(e.type, e.known !== null, e.mentions, e.confidence);
      for (const m of e.mentions) {
        const type = m.parent === null ? conllTypeOf(e.type, m.form) : null;
        if (type !== null) predicted.set(`${m.start}:${m.end}:${type}`, { confidence: e.confidence, evidence });
      }
    }
    for (const [key, { confidence, evidence }] of predicted) {
      const c = counts.get(key.slice(key.lastIndexOf(':') + 1))!;
      const ok = gold.has(key);
      if (ok) c.tp++;
      else c.fp++;
      if (!key.endsWith('MISC')) judged.push({ confidence, correct: ok, evidence, document });
    }
    for (const key of gold) if (!predicted.has(key)) counts.get(key.slice(key.lastIndexOf(':') + 1))!.fn++;
  }
  const get = (t: string): Prf => {
    const c = counts.get(t)!;
    return prf(c.tp, c.fp, c.fn);
  };
  return {
    PER: get('PER'),
    ORG: get('ORG'),
    LOC: get('LOC'),
    MISC: get('MISC'),
    documents: docs.length,
    words,
    wordsPerSecond: Math.round(words / Math.max(elapsed, 1e-9)),
    judged,
  };
}
