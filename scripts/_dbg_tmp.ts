import { recognizeEntities } from '../src/extract/ner/recognizeEntities.js';
for (const t of process.argv.slice(2)) console.log(recognizeEntities(t, [{ start: 0, end: t.length }]).map((m) => `${m.type}:${m.text}`).join(' | '));
