/**
 * Calibrated entity confidences. The rules' raw score (the best mention's, raised by further
 * mentions) is mapped, by kind, by whether the knowledge base knows the entity, by how often it
 * is named and by the raw score, to the share of such entities' mentions that were right on
 * CoNLL-2003 testa (tools/fitCalibration.ts). Evidence the table lacks keeps its raw score.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ENTITY_CALIBRATION_PATH = fileURLToPath(new URL('./entityCalibration.json', import.meta.url));

let table: Record<string, number> | null = null;

function load(): Record<string, number> {
  try {
    return (JSON.parse(readFileSync(ENTITY_CALIBRATION_PATH, 'utf8')) as { entity: Record<string, number> }).entity;
  } catch {
    return {};
  }
}

/**
 * The evidence key of an entity: kind, known or not, how often it is named (top-level names and
 * acronyms: 1, 2, 3 or more) and the raw score in steps of 0.05.
 */
export function entityEvidence(kind: string, known: boolean, mentions: readonly { form: string; parent: unknown }[], raw: number): string {
  let names = 0;
  for (const m of mentions) if (m.parent === null && (m.form === 'NAME' || m.form === 'ACRONYM')) names++;
  const step = Math.floor(raw * 20);
  return `${kind}|${known ? 'kb' : 'text'}|${Math.min(3, names)}|${STEP_LABELS[step] ?? (step / 20).toFixed(2)}`;
}

/** "0.00", "0.05" … "1.00": the raw score's step as the table writes it. */
const STEP_LABELS = Array.from({ length: 21 }, (_, step) => (step / 20).toFixed(2));

/** The calibrated confidence for an evidence key; the raw score where the table is silent. */
export function calibrateEntity(key: string, raw: number): number {
  return (table ??= load())[key] ?? raw;
}

/** Replaces the loaded table (for the fitting tool, which needs the raw scores). */
export function setEntityCalibration(next: Record<string, number> | null): void {
  table = next;
}
