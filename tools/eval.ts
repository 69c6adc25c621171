// npm run eval -- [--data DIR] [--json]
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runCli } from '../src/cli/runCli.js';
import { extractArticle } from '../src/extract/extractArticle.js';
import type { ExtractInput } from '../src/extract/types.js';
import { readArticleFile } from '../src/ingest/readArticleFile.js';
import { projectRoot } from '../src/projectRoot.js';
import { evaluateConll } from './eval/evalConll.js';
import { evaluatePolnear } from './eval/evalPolnear.js';

const HELP = `Usage: npm run eval -- [options]

Measures the extraction engine against the shared evaluation data (never copied into the
project): PolNeAR dev (quote recall, precision, speaker accuracy), CoNLL-2003 testa (NER F1 per
type), and the whole extractArticle pipeline's speed on the BBC dev corpus (words/s, one core).
If the data folder is missing, says so and exits 0.

Options:
  --data DIR    evaluation data folder (default: ../shared/eval next to the project)
  --corpus DIR  articles for the speed run (default: ../shared/corpus/dev/bbc)
  --json        print the figures as one JSON object
  -h, --help    show this help

Exit codes: 0 done (whether or not targets are met), 2 usage error.`;

interface Row {
  metric: string;
  value: number;
  target: number;
  unit: '%' | 'words/s' | 'F1';
}

const options = { data: { type: 'string' }, corpus: { type: 'string' }, json: { type: 'boolean' } } as const;

runCli({ name: 'eval', help: HELP, options }, async ({ values }) => {
  const data = resolve(values.data ?? join(projectRoot, '../shared/eval'));
  const corpus = resolve(values.corpus ?? join(projectRoot, '../shared/corpus/dev/bbc'));
  if (!existsSync(data)) {
    process.stdout.write(values.json ? JSON.stringify({ missing: data }) + '\n' : `eval: evaluation data not found at ${data}; nothing to measure\n`);
    return 0;
  }

  const rows: Row[] = [];
  const polnearDir = join(data, 'polnear/dev');
  if (existsSync(polnearDir)) {
    const p = evaluatePolnear(polnearDir);
    rows.push(
      { metric: `PolNeAR dev quote recall (${p.quotes} quotes)`, value: pct(p.recall), target: 99, unit: '%' },
      { metric: `PolNeAR dev quote precision (${p.found} found)`, value: pct(p.precision), target: 97, unit: '%' },
      { metric: 'PolNeAR dev speaker correct', value: pct(p.speakerCorrect), target: 85, unit: '%' },
    );
  } else process.stderr.write(`eval: ${polnearDir} not found, PolNeAR skipped\n`);
  const conllFile = join(data, 'conll2003/eng.testa');
  if (existsSync(conllFile)) {
    const c = evaluateConll(conllFile);
    rows.push(
      { metric: 'CoNLL-2003 testa F1 PER', value: pct(c.PER.f1), target: 88, unit: 'F1' },
      { metric: 'CoNLL-2003 testa F1 ORG', value: pct(c.ORG.f1), target: 75, unit: 'F1' },
      { metric: 'CoNLL-2003 testa F1 LOC', value: pct(c.LOC.f1), target: 85, unit: 'F1' },
    );
  } else process.stderr.write(`eval: ${conllFile} not found, CoNLL skipped\n`);
  if (existsSync(corpus)) {
    const s = await pipelineSpeed(corpus);
    rows.push({ metric: `extractArticle speed (${s.articles} articles, ${s.words} words)`, value: s.wordsPerSecond, target: 60000, unit: 'words/s' });
  } else process.stderr.write(`eval: ${corpus} not found, speed skipped\n`);

  if (values.json) {
    process.stdout.write(JSON.stringify({ data, corpus, results: rows.map((r) => ({ ...r, met: r.value >= r.target })) }) + '\n');
  } else {
    process.stdout.write(table(rows) + '\n');
  }
  return 0;
});

/** Both evaluators report percentages; the table shows one decimal. */
function pct(x: number): number {
  return Math.round(x * 10) / 10;
}

function table(rows: readonly Row[]): string {
  const head = ['Metric', 'Value', 'Target', 'Met'];
  const body = rows.map((r) => [
    r.metric,
    r.unit === 'words/s' ? `${r.value.toLocaleString('en-US')} words/s` : `${r.value.toFixed(1)}${r.unit === '%' ? ' %' : ''}`,
    r.unit === 'words/s' ? `≥ ${r.target.toLocaleString('en-US')}` : `≥ ${r.target}`,
    r.value >= r.target ? 'yes' : 'NO',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

/** Reads every *.txt under dir, then times extractArticle over all of them (best of three passes after a warm-up). */
async function pipelineSpeed(dir: string): Promise<{ articles: number; words: number; wordsPerSecond: number }> {
  const inputs: ExtractInput[] = [];
  for (const file of listTextFiles(dir)) {
    try {
      const { parsed } = await readArticleFile(file);
      inputs.push({ text: parsed.text, title: parsed.title, paragraphs: parsed.paragraphs, editorTags: parsed.editorTags });
    } catch (error) {
      process.stderr.write(`eval: skipped ${file}: ${(error as Error).message}\n`);
    }
  }
  let words = 0;
  for (const input of inputs) for (const s of [input.title, ...input.paragraphs]) words += s.text.split(/\s+/).filter(Boolean).length;
  // The warm-up loads the NER model and lets the JIT settle, so the figure is the steady state.
  for (const input of inputs) extractArticle(input);
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    const t0 = process.hrtime.bigint();
    for (const input of inputs) extractArticle(input);
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
  }
  return { articles: inputs.length, words, wordsPerSecond: Math.round(words / Math.max(best, 1e-9)) };
}

function listTextFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listTextFiles(path));
    else if (name.endsWith('.txt')) out.push(path);
  }
  return out;
}
