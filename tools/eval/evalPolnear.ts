/**
 * PolNeAR evaluation of quote attribution: of the quote stage (attributeQuotes, with NER's names),
 * and of the whole pipeline as `npm run extract` runs it (evaluatePolnearPipeline).
 *
 * Data: `<dir>/text/<article>.txt` and `<dir>/attributions/<article>_<annotator>.ann` (BRAT
 * standoff). One annotation file per article is used: the first by file name. An annotated
 * quote is an attribution (E line) whose Content contains a double quotation mark (" “ ” „ « »);
 * Content and Source may be discontinuous ("s e;s e") and may continue in numbered arguments
 * (Content2, Source2), which belong to the same attribution.
 *
 * Matching (all by character overlap, half-open spans, at least one shared character):
 * - recall: share of annotated quotes whose Content overlaps at least one quote we found;
 * - precision: share of the quotes we found that overlap the Content of some annotated
 *   attribution (a quote inside text the annotators marked as someone's words is a real quote;
 *   one in the writer's own words, a title or a scare quote, is not). A found quote in text the
 *   annotators set aside as Discard (sign-up boxes, link digests) and outside every Content is
 *   not judged: nobody annotated that text, so it counts neither way;
 * - speakerCorrect: share of all annotated quotes where, among the found quotes overlapping the
 *   Content, the one with the largest overlap has a speaker mention overlapping the annotated
 *   Source (an annotation without a Source counts as correct only if we give no speaker).
 * Paragraphs are the non-empty lines after the first (the headline). Names come from the
 * project's NER (recognizeEntities) unless another name finder is passed.
 * wordsPerSecond times attributeQuotes alone (NER excluded) over the whole split, fastest of three
 * passes; words are white-space separated.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { extractArticle } from '../../src/extract/extractArticle.js';
import { recognizeEntities } from '../../src/extract/ner/recognizeEntities.js';
import { attributeQuotes } from '../../src/extract/quotes/attributeQuotes.js';
import { findCapitalisedNames } from '../../src/extract/quotes/findCapitalisedNames.js';
import type { AttributedQuote, NameSpan } from '../../src/extract/quotes/types.js';
import type { Span } from '../../src/extract/types.js';
import { parseArticle } from '../../src/ingest/parseArticle.js';
import type { Judged } from './reliability.js';

export interface PolnearScores {
  quotes: number;
  found: number;
  /** Found quotes in Discard text, left out of precision. */
  unjudged: number;
  recall: number;
  precision: number;
  speakerCorrect: number;
  wordsPerSecond: number;
}

type Ranges = [number, number][];

interface AnnotatedQuote {
  content: Ranges;
  source: Ranges | null;
}

export interface PolnearArticle {
  name: string;
  text: string;
  paragraphs: { start: number; end: number }[];
  quotes: AnnotatedQuote[];
  /** Content ranges of every attribution, quoted or not. */
  allContent: Ranges[];
  /** The Source ranges of each of allContent (null when the attribution has none). */
  allSources: (Ranges | null)[];
  /** Text the annotators set aside unannotated (BRAT label Discard). */
  discarded: Ranges;
}

export type NameFinder = (text: string, paragraphs: { start: number; end: number }[]) => NameSpan[];

const QUOTE_MARK = /["“”„«»]/;

function parseRanges(s: string): Ranges {
  return s.split(';').map((r) => {
    const [a, b] = r.trim().split(' ').map(Number);
    return [a ?? 0, b ?? 0] as [number, number];
  });
}

function overlap(a: Ranges, s: number, e: number): number {
  let n = 0;
  for (const [x, y] of a) n += Math.max(0, Math.min(y, e) - Math.max(x, s));
  return n;
}

/** Reads one split: texts, body paragraphs and the annotated quotes of one annotator per article. */
export function readPolnear(dir: string): PolnearArticle[] {
  const annFiles = readdirSync(join(dir, 'attributions'))
    .filter((f) => f.endsWith('.ann'))
    .sort();
  const out: PolnearArticle[] = [];
  for (const file of readdirSync(join(dir, 'text'))
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    const base = file.slice(0, -4);
    const ann = annFiles.find((f) => f.startsWith(base + '_') && f.length === base.length + 9);
    if (ann === undefined) continue;
    const text = readFileSync(join(dir, 'text', file), 'utf8');
    const spans = new Map<string, { label: string; ranges: Ranges; text: string }>();
    const events: string[] = [];
    const discarded: Ranges = [];
    for (const line of readFileSync(join(dir, 'attributions', ann), 'utf8').split('\n')) {
      const cols = line.split('\t');
      if (line.startsWith('T') && cols.length >= 3) {
        const head = cols[1]!;
        const sp = head.indexOf(' ');
        spans.set(cols[0]!, { label: head.slice(0, sp), ranges: parseRanges(head.slice(sp + 1)), text: cols[2]! });
        if (head.slice(0, sp) === 'Discard') discarded.push(...parseRanges(head.slice(sp + 1)));
      } else if (line.startsWith('E') && cols.length >= 2) events.push(cols[1]!);
    }
    const quotes: AnnotatedQuote[] = [];
    const allContent: Ranges[] = [];
    const allSources: (Ranges | null)[] = [];
    for (const ev of events) {
      let content: Ranges | null = null;
      let contentText = '';
      let source: Ranges | null = null;
      for (const arg of ev.split(' ')) {
        const [role, id] = arg.split(':');
        const t = spans.get(id ?? '');
        if (t === undefined) continue;
        // BRAT numbers further arguments of one role: Content2 is the rest of the same words
        // ("“…,” he said. “…”" annotated as one attribution).
        if (/^Content\d*$/.test(role ?? '')) {
          content = [...(content ?? []), ...t.ranges];
          contentText += ' ' + t.ranges.map(([a, b]) => text.slice(a, b)).join(' ');
        } else if (/^Source\d*$/.test(role ?? '')) source = [...(source ?? []), ...t.ranges];
      }
      if (content === null) continue;
      allContent.push(content);
      allSources.push(source);
      if (QUOTE_MARK.test(contentText)) quotes.push({ content, source });
    }
    // Body paragraphs: non-empty lines after the headline.
    const paragraphs: { start: number; end: number }[] = [];
    let pos = 0;
    let first = true;
    for (const line of text.split('\n')) {
      const end = pos + line.length;
      if (line.trim() !== '') {
        if (first) first = false;
        else paragraphs.push({ start: pos, end: line.endsWith('\r') ? end - 1 : end });
      }
      pos = end + 1;
    }
    out.push({ name: base, text, paragraphs, quotes, allContent, allSources, discarded });
  }
  return out;
}

let nerBroken = false;

/** Names from the project's NER; while its model cannot load, the crude stand-in (with a warning). */
function nerNames(text: string, paragraphs: { start: number; end: number }[]): NameSpan[] {
  if (!nerBroken) {
    try {
      return recognizeEntities(text, paragraphs).map((m) => ({ start: m.start, end: m.end, text: m.text, type: m.type }));
    } catch (err) {
      nerBroken = true;
      console.warn(`evalPolnear: NER unavailable (${(err as Error).message}); using capitalised-word names`);
    }
  }
  return findCapitalisedNames(text);
}

/** What scoring reads of a found quote: the quote stage's, or the whole pipeline's as `extract` prints it. */
export type ScoredQuote = Pick<AttributedQuote, 'start' | 'end' | 'confidence' | 'speakerConfidence'> & { speaker: { mention: Span } | null };

export interface ArticleResult<Q extends ScoredQuote = AttributedQuote> {
  article: PolnearArticle;
  found: Q[];
  /** Per annotated quote: matched, speaker correct. */
  verdicts: { matched: boolean; speakerOk: boolean }[];
  /** Per found quote: overlaps some annotated content. */
  correct: boolean[];
  /** Per found quote: false when it lies in Discard text and outside every Content. */
  judged: boolean[];
  /**
   * Per found quote that is correct: whether its speaker mention overlaps the Source of the
   * attribution it overlaps most (or is null when that has no Source); null for wrong quotes.
   */
  speakerRight: (boolean | null)[];
}

/** Scores one article (exported for the dev script's error listing). */
export function scoreArticle<Q extends ScoredQuote>(article: PolnearArticle, found: Q[]): ArticleResult<Q> {
  const verdicts = article.quotes.map((aq) => {
    let best: Q | null = null;
    let bestOverlap = 0;
    for (const q of found) {
      const o = overlap(aq.content, q.start, q.end);
      if (o > bestOverlap) {
        best = q;
        bestOverlap = o;
      }
    }
    if (best === null) return { matched: false, speakerOk: false };
    const sp = best.speaker;
    const speakerOk = aq.source === null ? sp === null : sp !== null && overlap(aq.source, sp.mention.start, sp.mention.end) > 0;
    return { matched: true, speakerOk };
  });
  const correct = found.map((q) => article.allContent.some((c) => overlap(c, q.start, q.end) > 0));
  const judged = found.map((q, i) => correct[i]! || overlap(article.discarded, q.start, q.end) === 0);
  const speakerRight = found.map((q, i) => {
    if (!correct[i]) return null;
    let best = -1;
    let bestOverlap = 0;
    article.allContent.forEach((c, k) => {
      const o = overlap(c, q.start, q.end);
      if (o > bestOverlap) [best, bestOverlap] = [k, o];
    });
    const source = article.allSources[best] ?? null;
    const sp = q.speaker;
    return source === null ? sp === null : sp !== null && overlap(source, sp.mention.start, sp.mention.end) > 0;
  });
  return { article, found, verdicts, correct, judged, speakerRight };
}

/** Runs the stage over a PolNeAR split and returns the figures in percent. */
export function evaluatePolnear(dir: string, findNames: NameFinder = nerNames): PolnearScores {
  return evaluatePolnearDetailed(dir, findNames).scores;
}

/** As evaluatePolnear, with per-article results for error analysis. */
export function evaluatePolnearDetailed(
  dir: string,
  findNames: NameFinder = nerNames,
): { scores: PolnearScores; results: ArticleResult[]; quotesJudged: Judged[]; speakersJudged: Judged[] } {
  const articles = readPolnear(dir);
  const names = articles.map((a) => findNames(a.text, a.paragraphs));
  let words = 0;
  for (const a of articles) words += a.text.split(/\s+/).filter((w) => w !== '').length;
  // The split is small (tens of thousands of words), so time a few passes and keep the fastest
  // to damp noise from other processes on a shared machine.
  let outputs: AttributedQuote[][] = [];
  let seconds = Infinity;
  for (let pass = 0; pass < 3; pass++) {
    const t0 = process.hrtime.bigint();
    outputs = articles.map((a, i) => attributeQuotes(a.text, a.paragraphs, names[i]!));
    seconds = Math.min(seconds, Number(process.hrtime.bigint() - t0) / 1e9);
  }
  const results = articles.map((a, i) => scoreArticle(a, outputs[i]!));
  return { ...tally(results, words, seconds), results };
}

/**
 * The figures of the whole pipeline, as `npm run extract` prints them for the article's file: the
 * text read as an article (headline, paragraphs), entities found first, quotes attributed to
 * their mentions (a speaker's mention is the one `extract` reports). wordsPerSecond times
 * extractArticle, one pass.
 */
export function evaluatePolnearPipeline(dir: string): PolnearScores {
  const articles = readPolnear(dir);
  let words = 0;
  for (const a of articles) words += a.text.split(/\s+/).filter((w) => w !== '').length;
  const t0 = process.hrtime.bigint();
  const outputs = articles.map((a) => {
    const parsed = parseArticle(a.text, `${a.name}.txt`);
    return extractArticle({ text: parsed.text, title: parsed.title, paragraphs: parsed.paragraphs, editorTags: [] }).quotes;
  });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  // Scored on what the user sees: the quote's span and its speaker's mention.
  const results = articles.map((a, i) =>
    scoreArticle(
      a,
      outputs[i]!.map((q) => ({ start: q.start, end: q.end, confidence: q.confidence, speakerConfidence: q.speaker?.confidence ?? 0, speaker: q.speaker })),
    ),
  );
  return tally(results, words, seconds).scores;
}

/** Counts and percentages over scored articles, and the judged confidences for the reliability tables. */
function tally(
  results: readonly ArticleResult<ScoredQuote>[],
  words: number,
  seconds: number,
): { scores: PolnearScores; quotesJudged: Judged[]; speakersJudged: Judged[] } {
  let quotes = 0;
  let matched = 0;
  let speakerOk = 0;
  let found = 0;
  let unjudged = 0;
  let correct = 0;
  for (const r of results) {
    quotes += r.verdicts.length;
    matched += r.verdicts.filter((v) => v.matched).length;
    speakerOk += r.verdicts.filter((v) => v.speakerOk).length;
    found += r.found.length;
    unjudged += r.judged.filter((j) => !j).length;
    correct += r.correct.filter(Boolean).length;
  }
  // Two decimals, so a target is judged on the figure itself: 549 of 624 is 87.98, not 88.0.
  const pct = (a: number, b: number): number => (b === 0 ? 0 : Math.round((10000 * a) / b) / 100);
  // A quote's confidence is that of the whole attribution (real, and the right speaker); a
  // speaker's is that of the speaker given a real quote.
  const quotesJudged: Judged[] = [];
  const speakersJudged: Judged[] = [];
  for (const r of results)
    r.found.forEach((q, i) => {
      if (!r.judged[i]) return;
      quotesJudged.push({ confidence: q.confidence, correct: r.correct[i]! && r.speakerRight[i]! });
      if (r.correct[i]) speakersJudged.push({ confidence: q.speakerConfidence, correct: r.speakerRight[i]! });
    });
  return {
    quotesJudged,
    speakersJudged,
    scores: {
      quotes,
      found,
      unjudged,
      recall: pct(matched, quotes),
      precision: pct(correct, found - unjudged),
      speakerCorrect: pct(speakerOk, quotes),
      wordsPerSecond: Math.round(words / Math.max(seconds, 1e-9)),
    },
  };
}
