// Part of `npm run build`: copies the data files the compiled code reads next to itself
// (src/**/*.json and *.gz: the NER model, the knowledge base, calibration tables) into dist/src.
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { projectRoot } from '../src/projectRoot.js';

const DATA = /\.(json|gz)$/;

function* dataFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* dataFiles(path);
    else if (DATA.test(entry.name)) yield path;
  }
}

let copied = 0;
for (const file of dataFiles(join(projectRoot, 'src'))) {
  const target = join(projectRoot, 'dist', relative(projectRoot, file));
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(file, target);
  copied++;
}
process.stderr.write(`build: copied ${copied} data file(s) to dist/src\n`);
