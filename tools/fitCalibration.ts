/**
 * Fits the quote and speaker calibration table (src/extract/quotes/calibration.json) on the
 * PolNeAR train split, never on dev:
 *
 *   npm run fit:calibration -- [train-dir]
 *
 * For each kind of evidence (DIRECT or PARTIAL, cue or not, the speaker's form, the rules' raw
 * score) the table holds the share of train attributions that were right, shrunk toward the raw
 * score by M pseudo-observations. M is chosen by 5-fold cross-validation over train articles
 * (lowest Brier score on the held-out folds), so the table is not fitted to one split.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { runCli } from '../src/cli/runCli.js';
import { CALIBRATION_PATH, setCalibration, type CalibrationTable } from '../src/extract/quotes/calibrate.js';
import { ENTITY_CALIBRATION_PATH, setEntityCalibration } from '../src/extract/entities/calibrateEntity.js';
import { evaluatePipelineConll } from './eval/evalConll.js';
import { evaluatePolnearDetailed } from './eval/evalPolnear.js';
import { reliability, type Judged } from './eval/reliability.js';

const HELP = `Usage: npm run fit:calibration -- [options] [train-dir]

Fits src/extract/quotes/calibration.json on a PolNeAR train split (default
../shared/eval/polnear/train), and src/extract/entities/entityCalibration.json on CoNLL-2003
testa (the one NER split with gold the model was not trained on). Deterministic.

Options:
  --conll FILE   CoNLL file for the entity table (default ../shared/eval/conll2003/eng.testa)

Exit codes: 0 written, 1 failure, 2 usage error.`;

const FOLDS = 5;
const SHRINKAGE = [1, 2, 5, 10, 20, 50];

interface Observation {
  article: number;
  key: string;
  raw: number;
  quoteRight: boolean;
  /** Null for a quote that is not real: no speaker judgement. */
  speakerRight: boolean | null;
}

function fit(obs: readonly Observation[], m: number): CalibrationTable {
  const q = new Map<string, { n: number; ok: number; raw: number }>();
  const s = new Map<string, { n: number; ok: number; raw: number }>();
  for (const o of obs) {
    const a = q.get(o.key) ?? { n: 0, ok: 0, raw: o.raw };
    a.n++;
    if (o.quoteRight) a.ok++;
    q.set(o.key, a);
    if (o.speakerRight === null) continue;
    const b = s.get(o.key) ?? { n: 0, ok: 0, raw: o.raw };
    b.n++;
    if (o.speakerRight) b.ok++;
    s.set(o.key, b);
  }
  const shrink = (c: { n: number; ok: number; raw: number }): number => Math.round(((c.ok + m * c.raw) / (c.n + m)) * 1000) / 1000;
  const sorted = (map: Map<string, { n: number; ok: number; raw: number }>): Record<string, number> =>
    Object.fromEntries([...map].sort((x, y) => (x[0] < y[0] ? -1 : 1)).map(([k, c]) => [k, shrink(c)]));
  return { quote: sorted(q), speaker: sorted(s) };
}

function brier(obs: readonly Observation[], t: CalibrationTable): number {
  let sum = 0;
  let n = 0;
  for (const o of obs) {
    const p = t.quote[o.key] ?? o.raw;
    sum += (p - (o.quoteRight ? 1 : 0)) ** 2;
    n++;
    if (o.speakerRight === null) continue;
    const ps = t.speaker[o.key] ?? o.raw;
    sum += (ps - (o.speakerRight ? 1 : 0)) ** 2;
    n++;
  }
  return sum / Math.max(1, n);
}

/** Fits the entity table on CoNLL judged mentions; reports the 2-fold cross-fitted ECE. */
async function fitEntities(file: string): Promise<void> {
  setEntityCalibration({});
  const judged = evaluatePipelineConll(file).judged;
  const table = (part: readonly (typeof judged)[number][], m: number): Record<string, number> => {
    const groups = new Map<string, { n: number; ok: number; raw: number }>();
    for (const j of part) {
      const g = groups.get(j.evidence) ?? { n: 0, ok: 0, raw: 0 };
      g.n++;
      g.raw += j.confidence;
      if (j.correct) g.ok++;
      groups.set(j.evidence, g);
    }
    return Object.fromEntries(
      [...groups].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([k, g]) => [k, Math.round(((g.ok + (m * g.raw) / g.n) / (g.n + m)) * 1000) / 1000]),
    );
  };
  let best = SHRINKAGE[0]!;
  let bestScore = Infinity;
  for (const m of SHRINKAGE) {
    let score = 0;
    const held: Judged[] = [];
    for (let f = 0; f < 2; f++) {
      const t = table(
        judged.filter((j) => j.document % 2 !== f),
        m,
      );
      for (const j of judged.filter((x) => x.document % 2 === f)) {
        const p = t[j.evidence] ?? j.confidence;
        score += (p - (j.correct ? 1 : 0)) ** 2;
        held.push({ confidence: p, correct: j.correct });
      }
    }
    process.stderr.write(
      `fit:calibration: entities M=${m} 2-fold Brier ${(score / judged.length).toFixed(4)}, held-out ECE ${reliability(held).ece.toFixed(3)}\n`,
    );
    if (score < bestScore) [best, bestScore] = [m, score];
  }
  const options = (await resolveConfig(ENTITY_CALIBRATION_PATH)) ?? {};
  const entity = table(judged, best);
  writeFileSync(
    ENTITY_CALIBRATION_PATH,
    await format(JSON.stringify({ fittedOn: 'CoNLL-2003 eng.testa', shrinkage: best, entity }), { ...options, filepath: ENTITY_CALIBRATION_PATH }),
  );
  process.stderr.write(`fit:calibration: entities M=${best}, ${Object.keys(entity).length} kinds of evidence → ${ENTITY_CALIBRATION_PATH}\n`);
}

runCli(
  { name: 'fit:calibration', help: HELP, options: { conll: { type: 'string' } }, positionals: { label: 'train-dir' } },
  async ({ positionals, values }) => {
    const dir = resolve(positionals[0] ?? resolve(import.meta.dirname, '../../shared/eval/polnear/train'));
    // Score with the rules' raw values: an empty table calibrates nothing.
    setCalibration({ quote: {}, speaker: {} });
    const { results } = evaluatePolnearDetailed(dir);
    const obs: Observation[] = [];
    // Quotes in Discard text were not judged by the annotators: they teach the table nothing.
    results.forEach((r, article) =>
      r.found.forEach((q, i) => {
        if (!r.judged[i]) return;
        obs.push({
          article,
          key: q.evidence,
          raw: Number(q.evidence.slice(q.evidence.lastIndexOf('|') + 1)),
          quoteRight: r.correct[i]! && r.speakerRight[i]!,
          speakerRight: r.correct[i] ? r.speakerRight[i]! : null,
        });
      }),
    );
    let best = SHRINKAGE[0]!;
    let bestScore = Infinity;
    for (const m of SHRINKAGE) {
      let score = 0;
      for (let f = 0; f < FOLDS; f++)
        score += brier(
          obs.filter((o) => o.article % FOLDS === f),
          fit(
            obs.filter((o) => o.article % FOLDS !== f),
            m,
          ),
        );
      process.stderr.write(`fit:calibration: M=${m} cross-validated Brier ${(score / FOLDS).toFixed(4)}\n`);
      if (score < bestScore) [best, bestScore] = [m, score];
    }
    // The cross-fitted ECE on train: each fold scored with the table fitted on the other four.
    const heldQuotes: Judged[] = [];
    const heldSpeakers: Judged[] = [];
    for (let f = 0; f < FOLDS; f++) {
      const t = fit(
        obs.filter((o) => o.article % FOLDS !== f),
        best,
      );
      for (const o of obs.filter((x) => x.article % FOLDS === f)) {
        heldQuotes.push({ confidence: t.quote[o.key] ?? o.raw, correct: o.quoteRight });
        if (o.speakerRight !== null) heldSpeakers.push({ confidence: t.speaker[o.key] ?? o.raw, correct: o.speakerRight });
      }
    }
    process.stderr.write(
      `fit:calibration: ${FOLDS}-fold cross-fitted ECE on train: quotes ${reliability(heldQuotes).ece.toFixed(3)}, speakers ${reliability(heldSpeakers).ece.toFixed(3)}\n`,
    );
    const table = fit(obs, best);
    const options = (await resolveConfig(CALIBRATION_PATH)) ?? {};
    writeFileSync(
      CALIBRATION_PATH,
      await format(JSON.stringify({ fittedOn: 'PolNeAR v1.0.0 train', shrinkage: best, ...table }), { ...options, filepath: CALIBRATION_PATH }),
    );
    process.stderr.write(`fit:calibration: M=${best}, ${Object.keys(table.quote).length} kinds of evidence → ${CALIBRATION_PATH}\n`);
    await fitEntities(resolve(values.conll ?? resolve(import.meta.dirname, '../../shared/eval/conll2003/eng.testa')));
    return 0;
  },
);
