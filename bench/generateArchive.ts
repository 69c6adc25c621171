// Synthetic archive generator (run by hand; the import tests use generateArchive() too).
//   npx tsx bench/generateArchive.ts [--count N] [--out DIR | --jsonl FILE [--dated]] [--corpus DIR] [--seed S]
// Builds N articles (default 100,000) from the paragraphs of a corpus (default the 927 BBC dev
// articles) with varied people and organizations woven in: a quote by a full name, a later
// surname-only mention, a role and an employer, so identity resolution has work to do at scale.
// --out writes plain-text files (1,000 per folder); --jsonl writes one JSON Lines file, with
// --dated a publication date per article (one every three hours back from 2026-11-01), as an
// archive that lists sort by.
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseBenchArgs } from './parseBenchArgs.js';

const FIRST = [
  'Maria',
  'John',
  'Aisha',
  'Wei',
  'Olga',
  'Pedro',
  'Fatima',
  'Tom',
  'Ingrid',
  'Kofi',
  'Sara',
  'Raj',
  'Elena',
  'Liam',
  'Nadia',
  'Hugo',
  'Chloe',
  'Omar',
  'Greta',
  'Yusuf',
];
// 30 × 30 surnames × 20 given names: thousands of people, many sharing a surname.
const STEMS = [
  'Ok',
  'Lind',
  'Mor',
  'Tan',
  'Nov',
  'Alv',
  'Byr',
  'Had',
  'Kow',
  'Mens',
  'Pet',
  'Quin',
  'Ros',
  'Schm',
  'Var',
  'Whit',
  'Yil',
  'Zhor',
  'Abb',
  'Cast',
  'Dun',
  'Ell',
  'Far',
  'Gall',
  'Holl',
  'Ing',
  'Jess',
  'Kear',
  'Lock',
  'Mars',
];
const ENDINGS = [
  'afor',
  'qvist',
  'eau',
  'aka',
  'ak',
  'arez',
  'ne',
  'dad',
  'ski',
  'ah',
  'rov',
  'ton',
  'si',
  'idt',
  'ga',
  'field',
  'maz',
  'ell',
  'ott',
  'anos',
  'more',
  'ery',
  'rant',
  'agher',
  'is',
  'ram',
  'op',
  'ney',
  'wood',
  'den',
];
const LAST = STEMS.flatMap((stem) => ENDINGS.map((ending) => stem + ending));
const ROLES = ['chief executive', 'spokeswoman', 'finance director', 'union leader', 'council leader', 'chief economist', 'head of research', 'chairman'];
const ORG_WORDS = ['Holdings', 'Group', 'Industries', 'Partners', 'Foundation', 'Trust', 'Institute', 'Union'];
const CITIES = ['Westport', 'Eastham', 'Northby', 'Southwick', 'Upton', 'Kingsbridge', 'Ashford', 'Millbrook'];
const QUOTES = [
  'We expect the next quarter to be difficult but manageable',
  'This decision will shape the industry for a decade',
  'Nobody asked the people who will pay for it',
  'The figures speak for themselves',
  'We are looking at every option on the table',
  'It is too early to say what the effect will be',
];

export interface GenerateOptions {
  count: number;
  /** Paragraphs to build bodies from; the generator adds its own sentences around them. */
  paragraphs: string[];
  titles: string[];
  seed?: number;
}

export interface SyntheticArticle {
  title: string;
  paragraphs: string[];
}

/** Deterministic synthetic articles (same seed, same archive). */
export function* syntheticArticles(options: GenerateOptions): Generator<SyntheticArticle> {
  let state = options.seed ?? 1;
  const random = () => {
    // mulberry32: small, fast, deterministic
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  for (let i = 0; i < options.count; i++) {
    const first = pick(FIRST);
    const last = pick(LAST);
    const org = `${pick(LAST)} ${pick(ORG_WORDS)}`;
    const city = pick(CITIES);
    const body = Array.from({ length: 3 + Math.floor(random() * 4) }, () => pick(options.paragraphs));
    body.splice(1, 0, `"${pick(QUOTES)}," said ${first} ${last}, ${pick(ROLES)} of ${org}, speaking in ${city} on Tuesday.`);
    body.push(`${last} said ${org} would publish its own figures next month.`);
    yield { title: `${pick(options.titles)} (${city} ${i + 1})`, paragraphs: body };
  }
}

/** Writes N synthetic articles as plain-text files under `dir` (1,000 per folder); returns the file paths. */
export async function generateArchive(dir: string, options: GenerateOptions): Promise<string[]> {
  const files: string[] = [];
  let n = 0;
  for (const article of syntheticArticles(options)) {
    const folder = join(dir, String(Math.floor(n / 1000)).padStart(4, '0'));
    if (n % 1000 === 0) await mkdir(folder, { recursive: true });
    const file = join(folder, `${String(n).padStart(7, '0')}.txt`);
    await writeFile(file, `${article.title}\n\n${article.paragraphs.join('\n\n')}\n`);
    files.push(file);
    n++;
  }
  return files;
}

/** The newest date `--dated` gives; each next article is three hours older. */
const DATED_FROM = Date.parse('2026-11-01T12:00:00Z');

async function main() {
  const { values } = parseBenchArgs(
    'Usage: npx tsx bench/generateArchive.ts [--count N] [--out DIR | --jsonl FILE [--dated]] [--corpus DIR] [--seed S]\n' +
      'Builds N synthetic articles (default 100,000) from the paragraphs of a corpus (default the BBC dev set):\n' +
      '--out writes plain-text files, 1,000 per folder; --jsonl writes one JSON Lines file.',
    {
      count: { type: 'string', default: '100000' },
      out: { type: 'string' },
      jsonl: { type: 'string' },
      corpus: { type: 'string' },
      seed: { type: 'string', default: '1' },
      dated: { type: 'boolean', default: false },
    },
  );
  const { readSources } = await import('../src/ingest/sources/readSources.js');
  const { projectRoot } = await import('../src/projectRoot.js');
  const corpus = values.corpus ?? join(projectRoot, '..', 'shared', 'corpus', 'dev', 'bbc');
  const paragraphs: string[] = [];
  const titles: string[] = [];
  for await (const item of readSources([corpus])) {
    if (item.kind !== 'article') continue;
    const { parsed } = item;
    titles.push(parsed.title.text);
    // Paragraphs without quotation marks, so every quote in the archive has a generated speaker.
    paragraphs.push(...parsed.paragraphs.map((p) => p.text).filter((p) => !/["“”]/.test(p)));
  }
  const options = { count: Number(values.count), paragraphs, titles, seed: Number(values.seed) };
  const started = performance.now();
  if (values.jsonl) {
    const out = createWriteStream(values.jsonl);
    let n = 0;
    for (const article of syntheticArticles(options)) {
      const publishedAt = values.dated ? new Date(DATED_FROM - n * 3 * 3600_000).toISOString() : undefined;
      const line = JSON.stringify({ title: article.title, paragraphs: article.paragraphs, url: `https://example.org/synthetic/${n++}`, publishedAt }) + '\n';
      if (!out.write(line)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
    await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
    console.log(`${n} articles in ${values.jsonl} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  } else {
    const dir = values.out ?? 'synthetic-archive';
    const files = await generateArchive(dir, options);
    console.log(`${files.length} articles under ${dir} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  }
}

if (process.argv[1]?.endsWith('generateArchive.ts')) await main();
