// npm run eval:conll -- [file]: CoNLL-2003 scores of the shipped NER model.
import { resolve } from 'node:path';
import { runCli } from '../src/cli/runCli.js';
import { evaluateConll } from './eval/evalConll.js';

const HELP = `Usage: npm run eval:conll -- [--lower-case] [file]

Scores the shipped named-entity model on a CoNLL-2003 file (default
../shared/eval/conll2003/eng.testa): precision, recall and F1 per type, and words/s.
--lower-case scores it on the file with every word in lower case (as social-media posts are
often written).

Exit codes: 0 done, 1 failure, 2 usage error.`;

runCli({ name: 'eval:conll', help: HELP, options: { 'lower-case': { type: 'boolean' } }, positionals: { label: 'file' } }, async ({ values, positionals }) => {
  const file = positionals[0] ?? resolve(import.meta.dirname, '../../shared/eval/conll2003/eng.testa');
  const r = evaluateConll(file, { lowerCase: values['lower-case'] ?? false });
  const lines = (['PER', 'ORG', 'LOC', 'MISC'] as const).map(
    (t) => `${t.padEnd(5)} P ${r[t].precision.toFixed(2)}  R ${r[t].recall.toFixed(2)}  F1 ${r[t].f1.toFixed(2)}`,
  );
  lines.push(`documents ${r.documents}  words ${r.words}  words/s ${r.wordsPerSecond}`);
  process.stdout.write(lines.join('\n') + '\n');
  return 0;
});
