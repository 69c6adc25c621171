/** Prints CoNLL-2003 scores of the shipped NER model: tsx scripts/evalConll.ts [file] */
import { resolve } from 'node:path';
import { evaluateConll } from '../src/eval/evalConll.js';

const file = process.argv[2] ?? resolve(import.meta.dirname, '../../shared/eval/conll2003/eng.testa');
const r = evaluateConll(file);
const overall = ['PER', 'ORG', 'LOC', 'MISC'] as const;
for (const t of overall) console.log(`${t.padEnd(5)} P ${r[t].precision.toFixed(2)}  R ${r[t].recall.toFixed(2)}  F1 ${r[t].f1.toFixed(2)}`);
console.log(`documents ${r.documents}  words ${r.words}  words/s ${r.wordsPerSecond}`);
