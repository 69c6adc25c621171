import { readConll } from '../src/extract/ner/readConll.js';
import { recognizeEntities } from '../src/extract/ner/recognizeEntities.js';
import { TYPES, iob1ToSpans } from '../src/extract/ner/labels.js';
const docs = readConll('../shared/eval/conll2003/eng.testa');
let brier = 0, n = 0; const bins = new Array(10).fill(0).map(() => [0, 0]);
for (const doc of docs) {
  let text = ''; const segs: { start: number; end: number }[] = []; const gold = new Set<string>();
  for (const s of doc.sentences) {
    if (text) text += '\n\n';
    const st: number[] = [], en: number[] = [];
    s.words.forEach((w, i) => { if (i) text += ' '; st.push(text.length); text += w; en.push(text.length); });
    segs.push({ start: st[0]!, end: text.length });
    for (const sp of iob1ToSpans(s.tags)) gold.add(`${st[sp.start]}:${en[sp.end - 1]}:${TYPES[sp.type]}`);
  }
  for (const m of recognizeEntities(text, segs)) {
    const ok = gold.has(`${m.start}:${m.end}:${m.type}`) ? 1 : 0;
    brier += (m.confidence - ok) ** 2; n++;
    const b = bins[Math.min(9, Math.floor(m.confidence * 10))]!; b[0]++; b[1] += ok;
  }
}
console.log(process.env.NER_T, 'brier', (brier / n).toFixed(4), bins.map((b, i) => `${i / 10}:${b[0]}/${b[0] ? (b[1] / b[0]).toFixed(2) : '-'}`).join(' '));
