// npm run eval:polnear -- [dir] [--errors] [--capnames]: PolNeAR quote-attribution figures.
import { resolve } from 'node:path';
import { runCli } from '../src/cli/runCli.js';
import { findCapitalisedNames } from '../src/extract/quotes/findCapitalisedNames.js';
import { evaluatePolnearDetailed } from './eval/evalPolnear.js';

const HELP = `Usage: npm run eval:polnear -- [options] [dir]

Scores quote finding and attribution on a PolNeAR split (default ../shared/eval/polnear/dev)
and prints the scores as JSON.

Options:
  --errors     also list every missed quote, wrong speaker and false positive with context
  --capnames   find names by capitalisation instead of the NER model (a baseline)
  -h, --help   show this help

Exit codes: 0 done, 1 failure, 2 usage error.`;

runCli(
  { name: 'eval:polnear', help: HELP, options: { errors: { type: 'boolean' }, capnames: { type: 'boolean' } }, positionals: { label: 'dir' } },
  async ({ values, positionals }) => {
    const dir = positionals[0] ?? resolve(import.meta.dirname, '../../shared/eval/polnear/dev');
    const { scores, results } = values.capnames ? evaluatePolnearDetailed(dir, (t) => findCapitalisedNames(t)) : evaluatePolnearDetailed(dir);
    const out: string[] = [];

    if (values.errors) {
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
          out.push(`${v.matched ? 'SPK' : 'MISS'} ${r.article.name} src[${src}] ours[${ours}]\n    ${show(t, s, Math.min(e, s + 200))}`);
        });
        r.found.forEach((f, i) => {
          if (r.correct[i] || !r.judged[i]) return;
          out.push(
            `FP ${r.article.name} c=${f.confidence} cue=${f.cue?.text ?? '-'} ${f.kind}:${f.speaker?.mention.text ?? 'null'} «${f.text.slice(0, 80)}»\n    ${show(t, f.start, f.end)}`,
          );
        });
      }
    }
    out.push(JSON.stringify(scores));
    process.stdout.write(out.join('\n') + '\n');
    return 0;
  },
);
