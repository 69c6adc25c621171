/**
 * Calibrated confidences for quotes and speakers. The rules give each attribution a raw score
 * and a kind of evidence (DIRECT or PARTIAL, with or without a cue, the speaker's form); the
 * shipped table maps that evidence to the share of such attributions that were right on the
 * PolNeAR train split (tools/fitCalibration.ts, `npm run fit:calibration`), so that of quotes
 * given 0.8 about 80 % are right. Evidence the table lacks keeps its raw score.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

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

/** Replaces the loaded table (for the fitting tool, which scores with raw values first). */
export function setCalibration(next: CalibrationTable | null): void {
  table = next;
}
