/**
 * Trains the NER model on CoNLL-2003 eng.train and writes src/extract/ner/model/ner.bin.gz.
 *
 *   npm run train:ner -- [train-file] [--dev eng.testa] [--epochs 8] [--seeds 1,2,3,4,5]
 *
 * Deterministic: documents are shuffled with a seeded generator, hashing is fixed. One model is
 * trained per seed and the shipped weights are their mean (averageWeights.ts).
 */
import { writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { buildKnownNames, type KnownNames } from '../src/extract/ner/buildKnownNames.js';
import { LexiconBuilder, type LexiconArrays } from '../src/extract/ner/buildLexicon.js';
import type { Lexicon } from '../src/extract/ner/sentenceAtoms.js';
import { IntTable } from '../src/extract/ner/intTable.js';
import { charClass, LOWER } from '../src/extract/ner/charClass.js';
import { NUM_LABELS, iob1ToSpans, spansToBilou } from '../src/extract/ner/labels.js';
import { MODEL_PATH, setModel } from '../src/extract/ner/loadModel.js';
import { decodeModel, encodeModel } from '../src/extract/ner/model.js';
import { averageWeights, type Weights } from '../src/extract/ner/averageWeights.js';
import { AveragedPerceptron } from '../src/extract/ner/perceptron.js';
import { readConll } from '../src/extract/ner/readConll.js';
import { tagDocument } from '../src/extract/ner/tagDocument.js';
import { runCli, UsageError } from '../src/cli/runCli.js';
import { evaluateConll } from './eval/evalConll.js';

const HELP = `Usage: npm run train:ner -- [options] [train-file]

Trains the named-entity model on CoNLL-2003 (default ../shared/eval/conll2003/eng.train) and
writes src/extract/ner/model/ner.bin.gz: the mean of one model per seed. Deterministic for
given seeds.

Options:
  --dev FILE          score this CoNLL file every second epoch (e.g. eng.testa)
  --epochs N          passes over the training data (default 8)
  --seeds LIST        shuffling seeds, comma-separated: one model each, averaged
                      (default 1,2,3,4,5; one seed trains one model)
  --min-weight X      drop weights below X in the shipped mean (default 0.3: keeps the
                      weight table of ordinary text under 2^17 features, 4 MB)
  -h, --help          show this help

Exit codes: 0 trained, 1 failure, 2 usage error.`;

const root = resolve(import.meta.dirname, '..');
let epochs = 8;
let seeds = [1, 2, 3, 4, 5];
let dev = '';
let minWeight = 0.3;
let trainFile = '';
const FOLDS = 5;
const TITLE_CASE_RATE = 0.5;
/** Share of documents an epoch sees again in lower case, so the model learns names where case says nothing (social-media posts). */
const LOWER_CASE_RATE = 0.2;
/** The lower-case passes draw from a generator of their own, seeded this far from the main one. */
const LOWER_CASE_SEED_OFFSET = 7919;

/** mulberry32: small seeded generator so that shuffles are reproducible. */
function rng(s: number): () => number {
  let a = s >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const log = (msg: string): void => {
  process.stderr.write(`[trainNer] ${msg}\n`);
};

interface TrainDoc {
  sentences: string[][];
  /** Title Case rewrite of ALL CAPS sentences (null when the sentence is not ALL CAPS). */
  titled: (string[] | null)[];
  gold: Uint8Array[];
  fold: number;
}

const SMALL = new Set([
  'a',
  'an',
  'the',
  'of',
  'in',
  'on',
  'at',
  'to',
  'for',
  'and',
  'or',
  'but',
  'by',
  'with',
  'from',
  'as',
  'vs',
  'vs.',
  "'s",
  'is',
  'after',
  'over',
  'into',
]);

function hasLower(w: string): boolean {
  for (let k = 0; k < w.length; k++) if (charClass(w.charCodeAt(k)) === LOWER) return true;
  return false;
}

/**
 * Rewrites an ALL CAPS wire headline the way modern sites write headlines (Title Case), keeping
 * words the document's body writes in capitals (acronyms). Teaches the model Title Case headlines,
 * which CoNLL lacks.
 */
function titleCase(words: string[], acronyms: Set<string>): string[] {
  return words.map((w, i) => {
    if (!/[A-Z]/.test(w) || hasLower(w) || acronyms.has(w)) return w;
    const lower = w.toLowerCase();
    if (i > 0 && SMALL.has(lower)) return lower;
    return lower.replace(/(^|[-/'])(\p{L})/gu, (_m, p: string, c: string) => p + c.toUpperCase());
  });
}

function prepare(): { docs: TrainDoc[]; builder: LexiconBuilder } {
  const raw = readConll(trainFile);
  const builder = new LexiconBuilder(FOLDS);
  const docs: TrainDoc[] = [];
  raw.forEach((doc, d) => {
    const fold = d % FOLDS;
    const acronyms = new Set<string>();
    const capsSentence = doc.sentences.map((s) => {
      const letters = s.words.filter((w) => /\p{L}{2}/u.test(w));
      return letters.length >= 2 && letters.every((w) => !hasLower(w));
    });
    doc.sentences.forEach((s, k) => {
      if (capsSentence[k]) return;
      for (const w of s.words) if (w.length >= 2 && /\p{L}/u.test(w) && !hasLower(w)) acronyms.add(w);
    });
    const gold = doc.sentences.map((s) => {
      const spans = iob1ToSpans(s.tags);
      builder.add(s.words, spans, fold);
      const g = new Uint8Array(s.words.length);
      spansToBilou(spans, g);
      return g;
    });
    docs.push({
      sentences: doc.sentences.map((s) => s.words),
      titled: doc.sentences.map((s, k) => (capsSentence[k] ? titleCase(s.words, acronyms) : null)),
      gold,
      fold,
    });
  });
  return { docs, builder };
}

function save({ keys, weights, spaces }: Weights, lex: LexiconArrays, known: KnownNames): Buffer {
  return encodeModel(
    {
      keys,
      weights,
      spaces,
      wordKeys: lex.wordKeys,
      wordVals: lex.wordVals,
      gazKeys: lex.gazKeys,
      gazVals: lex.gazVals,
      knownKeys: known.keys,
      knownVals: known.vals,
      trainedOn: `CoNLL-2003 ${basename(trainFile)}, ${epochs} epochs, ${seeds.length === 1 ? `seed ${seeds[0]}` : `mean of seeds ${seeds.join(', ')}`}`,
      knownNames: known.source,
    },
    minWeight,
  );
}

/** Trains one model, its documents shuffled by `seed`; returns its averaged weights. */
function trainOne(seed: number, docs: readonly TrainDoc[], foldLex: readonly Lexicon[], fullLex: LexiconArrays, known: KnownNames, t0: number): Weights {
  const p = new AveragedPerceptron();
  const random = rng(seed);
  const lowerRandom = rng(seed + LOWER_CASE_SEED_OFFSET);
  const order = docs.map((_, i) => i);
  for (let e = 1; e <= epochs; e++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    p.tokens = 0;
    p.errors = 0;
    for (const d of order) {
      const doc = docs[d]!;
      const sentences = doc.sentences.map((s, k) => {
        const t = doc.titled[k];
        return t !== null && t !== undefined && random() < TITLE_CASE_RATE ? t : s;
      });
      tagDocument(sentences, foldLex[doc.fold]!, p, doc.gold, p);
      // Some documents a second time, in lower case (their own generator, so that the ordinary
      // passes see the same order and headlines as without them).
      if (lowerRandom() < LOWER_CASE_RATE)
        tagDocument(
          doc.sentences.map((s) => s.map((w) => w.toLowerCase())),
          foldLex[doc.fold]!,
          p,
          doc.gold,
          p,
        );
    }
    let msg = `seed ${seed}, epoch ${e}: token error ${((100 * p.errors) / p.tokens).toFixed(2)}%, ${p.size} features, ${((Date.now() - t0) / 1000).toFixed(0)}s`;
    if (dev !== '' && (e === epochs || e % 2 === 0)) {
      setModel(decodeModel(save(p.averaged(), fullLex, known)));
      const r = evaluateConll(resolve(root, dev));
      msg += ` | dev F1 PER ${r.PER.f1} ORG ${r.ORG.f1} LOC ${r.LOC.f1} MISC ${r.MISC.f1} (${r.wordsPerSecond} w/s)`;
    }
    log(msg);
  }
  return p.averaged();
}

function train(): void {
  const t0 = Date.now();
  const { docs, builder } = prepare();
  const known = buildKnownNames();
  const knownTable = new IntTable(known.keys, known.vals);
  const foldLex = Array.from({ length: FOLDS }, (_, f) => builder.build(f, knownTable).lexicon);
  const fullLex = builder.build(-1, knownTable);
  log(`${docs.length} documents, ${docs.reduce((n, d) => n + d.sentences.length, 0)} sentences, ${NUM_LABELS} labels`);
  const models = seeds.map((seed) => trainOne(seed, docs, foldLex, fullLex, known, t0));
  const weights = models.length === 1 ? models[0]! : averageWeights(models);
  const buf = save(weights, fullLex, known);
  if (dev !== '' && models.length > 1) {
    setModel(decodeModel(buf));
    const r = evaluateConll(resolve(root, dev));
    log(`mean of ${models.length} models | dev F1 PER ${r.PER.f1} ORG ${r.ORG.f1} LOC ${r.LOC.f1} MISC ${r.MISC.f1}`);
  }
  writeFileSync(MODEL_PATH, buf);
  log(`wrote ${MODEL_PATH} (${(buf.length / 1e6).toFixed(2)} MB) in ${((Date.now() - t0) / 1000).toFixed(0)}s`);
}

runCli(
  {
    name: 'train:ner',
    help: HELP,
    options: { dev: { type: 'string' }, epochs: { type: 'string' }, seeds: { type: 'string' }, 'min-weight': { type: 'string' } },
    positionals: { label: 'training file' },
  },
  async ({ values, positionals }) => {
    const number = (name: string, raw: string | undefined, fallback: number): number => {
      const value = raw === undefined ? fallback : Number(raw);
      if (!Number.isFinite(value) || value < 0) throw new UsageError(`--${name} must be a non-negative number (got ${raw})`);
      return value;
    };
    epochs = number('epochs', values.epochs, 8);
    if (values.seeds !== undefined) {
      const items = values.seeds.split(',').map((raw) => raw.trim());
      seeds = items.map(Number);
      if (items.some((raw) => !/^\d+$/.test(raw)) || new Set(seeds).size !== seeds.length) {
        throw new UsageError(`--seeds must be distinct whole numbers, comma-separated (got ${values.seeds})`);
      }
    }
    minWeight = number('min-weight', values['min-weight'], minWeight);
    dev = values.dev ?? '';
    trainFile = resolve(root, positionals[0] ?? '../shared/eval/conll2003/eng.train');
    train();
    return 0;
  },
);
