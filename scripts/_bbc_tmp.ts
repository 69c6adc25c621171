import { readFileSync } from 'node:fs';
import { recognizeEntities } from '/work/main/src/extract/ner/recognizeEntities.js';
for (const f of process.argv.slice(2)) {
  const text = readFileSync(f, 'utf8');
  const segs: { start: number; end: number }[] = [];
  const re = /[^\n]+(?:\n[^\n]+)*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m[0].startsWith('/') || m[0].startsWith('TAGS:')) continue;
    segs.push({ start: m.index, end: m.index + m[0].length });
  }
  const ms = recognizeEntities(text, segs);
  console.log('== ' + f);
  console.log(ms.map((x) => `${x.type}:${x.text}(${x.confidence})`).join(' | '));
}
