/**
 * Greedy left-to-right BILOU decoding of one document, shared by training and inference so that
 * both see exactly the same features. Document-level state (case evidence, earlier decisions for
 * the same word) lives only for the duration of the call: memory stays flat across documents.
 */
import { B, I, L, NUM_LABELS, START, labelPos, labelType, makeLabel } from './labels.js';
import {
  CAP_ALL,
  CAP_LOWER,
  CAP_NONE,
  CAP_TITLE,
  MODE_LOWER,
  MODE_NORMAL,
  Atoms,
  computeMode,
  fillLexicon,
  fillWord,
  hasNoCapital,
  type Lexicon,
} from './sentenceAtoms.js';
import {
  DOC_ACRONYM,
  DOC_LOWER,
  DOC_TITLE_INSIDE,
  MAX_FEATURES,
  contextFeatures,
  decisionContextFeatures,
  dynamicFeatures,
  staticFeatures,
} from './features.js';
import { LocalScoreCache } from './localScoreCache.js';
import type { Scorer, Trainer } from './scorer.js';

export interface TaggedDocument {
  /** BILOU labels per sentence. */
  labels: Uint8Array[];
  /** Probability of each chosen label (softmax over allowed labels); empty when training. */
  probs: Float32Array[];
  /** Sentence modes (MODE_NORMAL, MODE_CAPS, MODE_TITLE, MODE_LOWER). */
  modes: Uint8Array;
  /** 1 for a sentence without one capitalised word (see hasNoCapital). */
  caseless: Uint8Array;
}

/** Softmax temperature for confidences: perceptron margins are large; 10 was best calibrated on testa. */
const TEMPERATURE = 10;
const atoms = new Atoms();
/** The word atoms of the whole document, kept from pass 1 so pass 2 does not hash every word again. */
let docAtoms = new Atoms();
/** Buffers for more tokens than this are dropped after the document, not kept for the process's life. */
const MAX_KEPT_TOKENS = 1 << 16;
const localScores = new LocalScoreCache();
const feats = new Int32Array(MAX_FEATURES);
const scores = new Float64Array(NUM_LABELS);

const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'mr.', 'mrs.', 'ms.', 'dr.', 'prof.']);

/**
 * Reuters 1996 copy almost never uses honorifics (Mr./Mrs./Dr. occur 11 times in eng.train), so
 * the model cannot learn them; it knows "President" before names well (110 times). Features read
 * an honorific as that word. Only the features change: the token and its offsets stay as written.
 */
function featureForm(word: string): string {
  if (word.length < 2 || word.length > 5) return word;
  const c = word.charCodeAt(0) | 0x20;
  if ((c !== 0x6d && c !== 0x64 && c !== 0x70) || !HONORIFICS.has(word.toLowerCase())) return word;
  return 'President';
}

/**
 * Whether token i, after a token outside a name, stays outside one without asking the model: in
 * an ordinary sentence with a capital (`caseless` false, see hasNoCapital), a word with no
 * capital that training never saw in a name and that no gazetteer or known name covers. Such
 * words are 30-44 % of the tokens of news, and scoring them was about a third of NER's time, yet
 * the model opens a name on none of them: 0 of 427,000 in CoNLL-2003 train and testa, PolNeAR
 * train and dev and the written sets, 0 of 178,000 in the BBC set (the single model of 2.14.0
 * opened one there, "le cost killer", which no later stage kept). A sentence without a capital
 * is left out: its names are in lower case too ("germany 2 france 1"). Inference only: training
 * scores every token, as it learns from all.
 */
export function staysOutside(a: Atoms, i: number, prev: number, caseless: boolean): boolean {
  return (
    (prev === 0 || prev === START) && a.mode === MODE_NORMAL && !caseless && a.uncapitalised[i] === 1 && a.lex[i]! < 0 && a.gaz[i] === 0 && a.known[i] === 0
  );
}

function isInitial(a: Atoms, i: number): number {
  return i === 0 || (i === 1 && a.cap[0] === CAP_NONE) ? 1 : 0;
}

/** Tags a document given as sentences of token strings; with gold + trainer, trains on it. */
export function tagDocument(
  sentences: readonly (readonly string[])[],
  lexicon: Lexicon,
  scorer: Scorer,
  gold?: readonly Uint8Array[],
  trainer?: Trainer,
): TaggedDocument {
  const ns = sentences.length;
  const modes = new Uint8Array(ns);
  const caseless = new Uint8Array(ns);
  const evidence = new Map<number, number>();
  const firstToken = new Int32Array(ns);
  let tokens = 0;
  for (let s = 0; s < ns; s++) {
    firstToken[s] = tokens;
    tokens += sentences[s]!.length;
  }
  docAtoms.reset(tokens);
  // Pass 1: sentence modes and case evidence from ordinary (not headline-cased) sentences.
  for (let s = 0; s < ns; s++) {
    const words = sentences[s]!;
    atoms.reset(words.length);
    for (let i = 0; i < words.length; i++) fillWord(atoms, i, featureForm(words[i]!));
    docAtoms.copyWords(atoms, 0, firstToken[s]!, words.length);
    const mode = computeMode(atoms);
    modes[s] = mode;
    if (hasNoCapital(atoms)) caseless[s] = 1;
    if (mode !== MODE_NORMAL) continue;
    for (let i = 0; i < words.length; i++) {
      const cap = atoms.cap[i]!;
      let bit = 0;
      if (cap === CAP_LOWER) bit = DOC_LOWER;
      else if (cap === CAP_TITLE && isInitial(atoms, i) === 0) bit = DOC_TITLE_INSIDE;
      else if (cap === CAP_ALL && atoms.letters[i]! >= 2) bit = DOC_ACRONYM;
      if (bit !== 0) {
        const w = atoms.lw[i]!;
        evidence.set(w, (evidence.get(w) ?? 0) | bit);
      }
    }
  }
  // Ordinary sentences first, headline-cased ones last, so that the latter can use what the
  // body said about the same words.
  const order: number[] = [];
  for (let s = 0; s < ns; s++) if (modes[s] === MODE_NORMAL) order.push(s);
  for (let s = 0; s < ns; s++) if (modes[s] !== MODE_NORMAL) order.push(s);

  const history = new Map<number, number>();
  const labels: Uint8Array[] = new Array<Uint8Array>(ns);
  const probs: Float32Array[] = new Array<Float32Array>(ns);
  const training = trainer !== undefined;
  const wantProbs = !training;
  for (const s of order) {
    const words = sentences[s]!;
    const n = words.length;
    atoms.reset(n);
    atoms.copyWords(docAtoms, firstToken[s]!, 0, n);
    atoms.mode = modes[s]!;
    const lowerCase = atoms.mode === MODE_LOWER;
    const noCapital = caseless[s] === 1;
    fillLexicon(atoms, lexicon);
    const out = new Uint8Array(n);
    const pr = wantProbs ? new Float32Array(n) : new Float32Array(0);
    const g = gold?.[s];
    let prev = START;
    let prev2 = START;
    for (let i = 0; i < n; i++) {
      if (!training && staysOutside(atoms, i, prev, noCapital)) {
        prev2 = prev;
        prev = 0;
        continue;
      }
      const w = atoms.lw[i]!;
      const cap = atoms.cap[i]!;
      const named = cap === CAP_TITLE || cap === CAP_ALL;
      const initial = isInitial(atoms, i);
      const docBits = evidence.get(w) ?? 0;
      const hist = named ? (history.get(w) ?? -1) : -1;
      let k: number;
      if (training) {
        // The trainer updates every feature, so it needs them all in feats.
        k = dynamicFeatures(atoms, i, prev, prev2, hist, feats, staticFeatures(atoms, i, initial, docBits, feats));
        scores.fill(0);
      } else {
        localScores.load(scores, words[i]!, atoms, i, initial, docBits, prev, prev2, hist, scorer, lexicon);
        k = decisionContextFeatures(atoms, i, prev, feats, contextFeatures(atoms, i, feats, 0));
      }
      scorer.score(feats, k, scores, lowerCase);
      // Mostly unconstrained argmax: forcing valid BILOU transitions greedily drags spans over
      // lowercase words ("Liberal Democrat spokeswoman ..."), so O may end an open span and
      // spans are read leniently. Only a change of type inside an open span is refused
      // ("Liberal Democrats" ORG + MISC): the open type continues instead. Training runs without
      // this repair (it scored better on testa that way: the model learns from its raw errors).
      let best = 0;
      let bestScore = -Infinity;
      for (let l = 0; l < NUM_LABELS; l++) {
        if (scores[l]! > bestScore) {
          bestScore = scores[l]!;
          best = l;
        }
      }
      if (!training && best !== 0 && prev !== START && prev !== 0 && labelType(best) !== labelType(prev) && (labelPos(prev) === B || labelPos(prev) === I)) {
        const iLabel = makeLabel(labelType(prev), I);
        const lLabel = makeLabel(labelType(prev), L);
        best = i + 1 < n && scores[iLabel]! > scores[lLabel]! ? iLabel : lLabel;
        bestScore = scores[best]!;
      }
      if (g !== undefined && trainer !== undefined) {
        trainer.update(feats, k, g[i]!, best, lowerCase);
      }
      // Only entity tokens make mentions, so only they need a probability.
      if (wantProbs && best !== 0) {
        let z = 0;
        for (let l = 0; l < NUM_LABELS; l++) {
          z += Math.exp((scores[l]! - bestScore) / TEMPERATURE);
        }
        pr[i] = 1 / z;
      }
      out[i] = best;
      if (named) history.set(w, best === 0 ? 4 : labelType(best));
      prev2 = prev;
      prev = best;
    }
    labels[s] = out;
    probs[s] = pr;
  }
  if (docAtoms.capacity > MAX_KEPT_TOKENS) docAtoms = new Atoms();
  return { labels, probs, modes, caseless };
}
