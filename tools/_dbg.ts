import { recognizeEntities } from '../src/extract/ner/recognizeEntities.js';
import { buildEntities } from '../src/extract/entities/index.js';
const text = process.argv[2]!;
const seg = [{ start: 0, end: text.indexOf('\n') > 0 ? text.indexOf('\n') : 0 }, { start: text.indexOf('\n') + 1, end: text.length }];
const ner = recognizeEntities(text, seg);
console.log(ner.map((m) => `${m.type}:${m.text}:${m.confidence}`).join(' | '));
for (const e of buildEntities(text, seg, ner).entities) console.log(e.type, e.name, e.role, e.affiliation, e.mentions.map((m) => `${m.text}/${m.form}`).join(','));
