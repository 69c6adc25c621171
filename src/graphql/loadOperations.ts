import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../projectRoot.js';

/** The folder of named example operations at the project root. */
export const operationsDir = join(projectRoot, 'operations');

/** One example operation file. */
export interface ExampleOperation {
  /** File name without `.graphql`, e.g. `articlePage`. */
  name: string;
  source: string;
}

/** The example operations of `operations/`, by file name; none if the folder is missing. */
export function loadOperations(dir = operationsDir): ExampleOperation[] {
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((file) => file.endsWith('.graphql'))
      .sort();
  } catch {
    return [];
  }
  return files.map((file) => ({ name: file.replace(/\.graphql$/, ''), source: readFileSync(join(dir, file), 'utf8') }));
}
