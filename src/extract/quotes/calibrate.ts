/**
 * Calibrated confidences for quotes and speakers. The rules give each attribution a raw score
 * and a kind of evidence (DIRECT or PARTIAL, with or without a cue, the speaker's form); the
 * shipped table maps that evidence to the share of such attributions that were right on the
 * PolNeAR train split (tools/fitCalibration.ts, `npm run fit:calibration`), so that of quotes
 * given 0.8 about 80 % are right. Evidence the table lacks keeps its raw score.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SpeakerForm } from './types.js';

export const CALIBRATION_PATH = fileURLToPath(new URL('./calibration.json', import.meta.url));

export interface CalibrationTable {
  /** Evidence key → probability that the attribution is right (a real quote, the right speaker). */
  quote: Record<string, number>;
  /** Evidence key → probability that the speaker is right, given a real quote. */
  speaker: Record<string, number>;
}

let table: CalibrationTable | null = null;

function load(): CalibrationTable {
  try {
    return JSON.parse(readFileSync(CALIBRATION_PATH, 'utf8')) as CalibrationTable;
  } catch {
    return { quote: {}, speaker: {} };
  }
}

/** The evidence key of an attribution: how it was found, and the rules' raw score. */
export function evidenceKey(kind: 'DIRECT' | 'PARTIAL', hasCue: boolean, speakerForm: string | null, raw: number): string {
  return `${kind}|${hasCue ? 'cue' : 'nocue'}|${speakerForm ?? 'none'}|${raw.toFixed(2)}`;
}

/** Calibrated (quote, speaker) confidences for an evidence key; the raw score where the table is silent. */
export function calibrate(key: string, raw: number): { quote: number; speaker: number } {
  const t = (table ??= load());
  return { quote: t.quote[key] ?? raw, speaker: t.speaker[key] ?? raw };
}

/** An attribution's evidence key and calibrated (quote, speaker) confidences. */
export interface CalibratedEvidence {
  evidence: string;
  quote: number;
  speaker: number;
}

/** Each speaker form's place among the slots of a raw score (0 for no speaker). */
const FORM_SLOT: Readonly<Record<SpeakerForm, number>> = { NAME: 1, PRONOUN: 2, DESCRIPTION: 3, GROUP: 4 };
const SLOTS_PER_KIND_AND_CUE = 5;

/**
 * Per raw score, the evidence key and the table's entries for each slot (kind, cue, form). The
 * rules give a handful of raw scores, so each key is built and looked up once rather than for
 * every quote (formatting the score and hashing the key cost more than the rest of a quote's
 * bookkeeping).
 */
let known = new Map<number, ({ evidence: string; quote: number | undefined; speaker: number | undefined } | undefined)[]>();

const MAX_KNOWN_SCORES = 1000;

/** evidenceKey and calibrate in one step, remembering each key's entries. */
export function calibrateEvidence(kind: 'DIRECT' | 'PARTIAL', hasCue: boolean, speakerForm: SpeakerForm | null, raw: number): CalibratedEvidence {
  const slot = ((kind === 'DIRECT' ? 0 : 2) + (hasCue ? 1 : 0)) * SLOTS_PER_KIND_AND_CUE + (speakerForm === null ? 0 : FORM_SLOT[speakerForm]);
  let slots = known.get(raw);
  if (slots === undefined) {
    // (A bound in case a rule ever gives scores that are not a handful of constants.)
    if (known.size >= MAX_KNOWN_SCORES) known.clear();
    known.set(raw, (slots = []));
  }
  let entry = slots[slot];
  if (entry === undefined) {
    const evidence = evidenceKey(kind, hasCue, speakerForm, raw);
    const t = (table ??= load());
    slots[slot] = entry = { evidence, quote: t.quote[evidence], speaker: t.speaker[evidence] };
  }
  return { evidence: entry.evidence, quote: entry.quote ?? raw, speaker: entry.speaker ?? raw };
}

/** Replaces the loaded table (for the fitting tool, which scores with raw values first). */
export function setCalibration(next: CalibrationTable | null): void {
  table = next;
  known = new Map();
}
