/**
 * First names with their usual gender (English names of the gender-detection-from-name package,
 * MIT), for resolving "he" and "she" to a compatible person. Loaded once per process.
 */
import { readFileSync } from 'node:fs';
import { FIRST_NAMES_PATH } from './knowledgeBaseFile.js';

export type Gender = 'female' | 'male';

let genders: Map<string, Gender> | null = null;

function load(): Map<string, Gender> {
  const file = JSON.parse(readFileSync(FIRST_NAMES_PATH, 'utf8')) as { female: string; male: string };
  const out = new Map<string, Gender>();
  for (const n of file.female.split(' ')) out.set(n, 'female');
  for (const n of file.male.split(' ')) out.set(n, 'male');
  return out;
}

/** The usual gender of a first name ("Maria" → female), or null when unknown. */
export function genderOfFirstName(name: string): Gender | null {
  return (genders ??= load()).get(name.toLowerCase()) ?? null;
}
