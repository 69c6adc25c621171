// Benchmark (run by hand, never in `npm test`): extraction speed and memory over a corpus.
//   npx tsx bench/extract.ts [corpus-dir] [--passes N]
// Reads every *.txt once, then runs extractArticle over all of them N times on one core,
// printing words/s per pass and the process RSS after each pass (flat RSS = no growth per article).
import { join } from 'node:path';
import { extractArticle } from '../src/extract/extractArticle.js';
import type { ExtractInput } from '../src/extract/types.js';
import { readSources } from '../src/ingest/sources/readSources.js';
import { projectRoot } from '../src/projectRoot.js';
import { parseBenchArgs } from './parseBenchArgs.js';

const { values, positionals } = parseBenchArgs(
  'Usage: npx tsx bench/extract.ts [corpus-dir] [--passes N]\n' +
    'Runs extractArticle over every article of the corpus (default the BBC dev set) N times (default 5), printing words/s and RSS per pass.',
  { passes: { type: 'string', default: '5' } },
);
const corpus = positionals[0] ?? join(projectRoot, '..', 'shared', 'corpus', 'dev', 'bbc');
const inputs: ExtractInput[] = [];
for await (const item of readSources([corpus])) {
  if (item.kind !== 'article') continue;
  const { parsed } = item;
  inputs.push({ text: parsed.text, title: parsed.title, paragraphs: parsed.paragraphs, editorTags: parsed.editorTags });
}
const words = inputs.reduce((sum, input) => sum + (input.text.match(/\S+/g)?.length ?? 0), 0);
extractArticle(inputs[0]!); // load the model outside the timing
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
console.log(`corpus: ${corpus}: ${inputs.length} articles, ${words} words`);
for (let pass = 1; pass <= Number(values.passes); pass++) {
  const started = performance.now();
  for (const input of inputs) extractArticle(input);
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `pass ${pass}: ${seconds.toFixed(2)} s, ${Math.round(words / seconds).toLocaleString('en')} words/s, ${(inputs.length / seconds).toFixed(0)} articles/s, RSS ${mb(process.memoryUsage().rss)} MB`,
  );
}
