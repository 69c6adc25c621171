/** Prints PolNeAR quote-attribution figures: tsx scripts/evalPolnear.ts [dir] [--errors] [--capnames] */
import { resolve } from 'node:path';
import { evaluatePolnearDetailed } from '../src/eval/evalPolnear.js';
import { findCapitalisedNames } from '../src/extract/quotes/findCapitalisedNames.js';

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--')) ?? resolve(import.meta.dirname, '../../shared/eval/polnear/dev');
const { scores, results } = args.includes('--capnames') ? evaluatePolnearDetailed(dir, (t) => findCapitalisedNames(t)) : evaluatePolnearDetailed(dir);

if (args.includes('--errors')) {
  const show = (t: string, s: number, e: number): string => t.slice(Math.max(0, s - 100), Math.min(t.length, e + 60)).replace(/\s+/g, ' ');
  for (const r of results) {
    const t = r.article.text;
    r.article.quotes.forEach((aq, i) => {
      const v = r.verdicts[i]!;
      if (v.matched && v.speakerOk) return;
      const [s, e] = aq.content[0]!;
      const src = aq.source ? aq.source.map(([a, b]) => t.slice(a, b)).join('|') : '-';
      const q = r.found.filter((f) => aq.content.some(([a, b]) => f.start < b && a < f.end));
      const ours = q.map((f) => `${f.kind}:${f.speaker ? f.speaker.form + ':' + f.speaker.mention.text : 'null'}(${f.cue?.text ?? '-'})`).join(' ; ');
      console.log(`${v.matched ? 'SPK' : 'MISS'} ${r.article.name} src[${src}] ours[${ours}]\n    ${show(t, s, Math.min(e, s + 200))}`);
    });
    r.found.forEach((f, i) => {
      if (r.correct[i]) return;
      console.log(
        `FP ${r.article.name} c=${f.confidence} cue=${f.cue?.text ?? '-'} ${f.kind}:${f.speaker?.mention.text ?? 'null'} «${f.text.slice(0, 80)}»\n    ${show(t, f.start, f.end)}`,
      );
    });
  }
}
console.log(JSON.stringify(scores));
