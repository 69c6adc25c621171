import { genderOfFirstName } from '../knowledge/firstNames.js';
import type { EntityKind } from '../types.js';
import { nameKey, workKey, type Mention } from './mention.js';
import { COMPANY_NAME_TAILS, CORPORATE_SUFFIXES, HONORIFICS, ORGANIZATION_NAME_HEADS } from './lexicon.js';
import { lookupPlace } from './placeGazetteer.js';

/** Mentions that refer to one entity. */
export interface Cluster {
  type: EntityKind;
  /** In text order. */
  mentions: Mention[];
}

/**
 * Groups mentions into entities (in-article coreference):
 * - one name spelled with different case is one entity ("NATO" / "Nato");
 * - a person's surname alone refers back to the full name ("Lavrov" → "Sergei Lavrov"), to the
 *   nearest preceding full name when several people share it; a first name alone to the one
 *   person named so before it ("Thierry" → "Thierry Henry");
 * - full names one edit apart with the same first name are one person ("Emily Horn(e)");
 * - an acronym introduced in parentheses joins its full name (`links` holds such display pairs);
 * - where NER gave one name different types, the majority type wins.
 */
export function clusterMentions(text: string, mentions: readonly Mention[], links: readonly (readonly [string, string])[]): Cluster[] {
  retypeCompanyShortNames(text, mentions);
  voteTypes(mentions);
  const persons = clusterPersons(
    text,
    mentions.filter((m) => m.type === 'PERSON'),
  );
  const personByKey = new Map<string, Cluster>();
  for (const c of persons)
    for (const m of c.mentions) {
      const key = personKey(m.display);
      personByKey.set(key, c);
      const space = key.lastIndexOf(' ');
      if (space > 0 && !personByKey.has(key.slice(space + 1))) personByKey.set(key.slice(space + 1), c);
      // And the last words of a longer name ("Suu Kyi" of "Aung San Suu Kyi").
      for (let at = key.indexOf(' ') + 1, next = key.indexOf(' ', at); next > 0; at = next + 1, next = key.indexOf(' ', at))
        if (!personByKey.has(key.slice(at))) personByKey.set(key.slice(at), c);
    }

  const groups = new UnionFind();
  const others: Mention[] = [];
  for (const m of mentions) {
    if (m.type === 'PERSON') continue;
    // NER sometimes labels a person's surname (or the last words of their name) as a place or
    // organization; the person wins.
    // (Not a name the sentence said is something else: "Austin is the capital of Texas".)
    let person = m.origin === 'ner' && m.display === m.text && !m.firm ? personByKey.get(personKey(m.text)) : undefined;
    // (A surname, as "Jordan" of "Neil Jordan"; not a name the knowledge base decided that
    // NER took elsewhere for a person's name alone: "Windows" of "Windows 95".)
    if (person && m.known !== undefined && !person.mentions.some((pm) => pm.display.includes(' '))) person = undefined;
    if (person) {
      // Inside a mention of the person's own name, it adds nothing ("Kleinwort Wasserstein" in "Dresdner Kleinwort Wasserstein").
      if (person.mentions.some((pm) => pm.start <= m.start && m.end <= pm.end)) continue;
      m.type = 'PERSON';
      person.mentions.push(m);
      continue;
    }
    others.push(m);
    groups.add(typedKey(m.type, m.display));
  }
  for (const [a, b] of links) {
    for (const type of ['ORGANIZATION', 'PLACE'] as const) {
      const ka = typedKey(type, a);
      const kb = typedKey(type, b);
      if (groups.has(ka) && groups.has(kb)) groups.union(ka, kb);
    }
  }
  // One thing under two names the knowledge base knows ("EU" / "European Union", "Tories" /
  // "Conservative Party"), and "X Party" / "X" ("Labour Party" / "Labour").
  const byKnown = new Map<string, string>();
  for (const m of others) {
    const key = typedKey(m.type, m.display);
    if (m.known !== undefined) {
      const first = byKnown.get(`${m.type}:${m.known}`);
      if (first === undefined) byKnown.set(`${m.type}:${m.known}`, key);
      else groups.union(first, key);
    }
    const party = m.type === 'ORGANIZATION' ? /^(.+?) [Pp]arty$/.exec(m.display) : null;
    if (party) {
      const bare = typedKey('ORGANIZATION', party[1]!);
      if (groups.has(bare)) groups.union(key, bare);
    }
  }
  joinCompanyShortNames(others, groups);
  joinTeamShortNames(others, groups);
  const byRoot = new Map<string, Cluster>();
  for (const m of others) {
    const root = groups.find(typedKey(m.type, m.display));
    let c = byRoot.get(root);
    if (!c) byRoot.set(root, (c = { type: m.type, mentions: [] }));
    c.mentions.push(m);
  }
  // Built by push, like clusterPersons' list: the stages after this one see one array shape.
  const clusters: Cluster[] = [];
  for (const c of persons) clusters.push(c);
  for (const c of byRoot.values()) clusters.push(c);
  for (const c of clusters) c.mentions.sort((a, b) => a.start - b.start);
  return clusters;
}

function typedKey(type: EntityKind, display: string): string {
  // "Grammy Awards", "Grammy Award", "Grammys" and "Grammy" name one award.
  if (type === 'AWARD')
    return `${type}:${nameKey(display)
      .replace(/ awards?$/, '')
      .replace(/(?<=\w{4})s$/, '')}`;
  const key = type === 'WORK' ? workKey(display) : nameKey(display);
  // "Liberal Democrats" and "Liberal Democrat (spokeswoman)" name one party.
  return `${type}:${type === 'ORGANIZATION' && key.length > 5 && / \S+[^s]s$/.test(key) ? key.slice(0, -1) : key}`;
}

/**
 * "Faulding said" after "Faulding Inc said": a company's name without its suffix, which NER may
 * take for a person's surname, is the company's, unless the article names a person so ("John
 * Faulding") or a title says it is a person ("Lord Sainsbury").
 */
function retypeCompanyShortNames(text: string, mentions: readonly Mention[]): void {
  let leads: Set<string> | null = null;
  for (const m of mentions) {
    if (m.type !== 'ORGANIZATION') continue;
    const space = m.display.lastIndexOf(' ');
    if (space > 0 && CORPORATE_SUFFIXES.has(m.display.slice(space + 1))) (leads ??= new Set()).add(nameKey(m.display.slice(0, space)));
  }
  if (leads === null) return;
  const surnames = new Set<string>();
  for (const m of mentions) {
    if (m.type !== 'PERSON' || leads.has(nameKey(m.display))) continue;
    const space = m.display.lastIndexOf(' ');
    if (space > 0) surnames.add(nameKey(m.display.slice(space + 1)));
  }
  for (const m of mentions) {
    // (The title may stand outside the mention: "Mr Dyson said" after "Dyson Ltd".)
    if (
      m.type !== 'PERSON' ||
      m.origin !== 'ner' ||
      m.title ||
      m.known !== undefined ||
      HONORIFICS.has(TITLE_BEFORE.exec(text.slice(Math.max(0, m.start - 12), m.start))?.[1] ?? '')
    )
      continue;
    const key = nameKey(m.display);
    if (!leads.has(key) || surnames.has(key)) continue;
    m.type = 'ORGANIZATION';
    m.display = m.text;
  }
}

/** The word just before a name, which may be a courtesy or a peer's title (HONORIFICS). */
const TITLE_BEFORE = /(?<![\p{L}])(\p{Lu}\p{L}*\.?) $/u;

/** Mentions NER is at least this sure of keep their type in the vote. */
const VOTE_BELOW = 0.75;

/** Gives every unsure mention of a name the type most of its mentions (weighted by confidence) have. */
function voteTypes(mentions: readonly Mention[]): void {
  const votes = new Map<string, Map<EntityKind, number>>();
  for (const m of mentions) {
    if (m.origin !== 'ner') continue;
    const key = nameKey(m.text);
    let v = votes.get(key);
    if (!v) votes.set(key, (v = new Map()));
    v.set(m.type, (v.get(m.type) ?? 0) + m.confidence);
  }
  for (const m of mentions) {
    // A confident label stands ("New York" the team and the city can both be right); the
    // knowledge base's kind stands too, and so does a person a title names ("Lord Sainsbury"
    // beside the shop's "Sainsbury's").
    if (m.origin !== 'ner' || m.confidence >= VOTE_BELOW || m.known !== undefined || m.title) continue;
    const v = votes.get(nameKey(m.text));
    if (!v || v.size < 2) continue;
    let best: EntityKind = m.type;
    let bestScore = -1;
    for (const [type, score] of v) if (score > bestScore) [best, bestScore] = [type, score];
    if (best !== m.type) {
      m.type = best;
      m.display = m.text;
    }
  }
}

/** Full names first (merging one-edit spellings), then single words attached to them. */
function clusterPersons(text: string, mentions: readonly Mention[]): Cluster[] {
  const full: { cluster: Cluster; keys: string[] }[] = [];
  const singles: Mention[] = [];
  for (const m of mentions) {
    const key = personKey(m.display);
    if (!key.includes(' ')) {
      singles.push(m);
      continue;
    }
    const first = key.slice(0, key.indexOf(' '));
    const found =
      full.find((f) => f.keys.includes(key)) ??
      full.find((f) => f.keys.some((k) => k.length >= 6 && k.startsWith(first + ' ') && withinOneEdit(k, key))) ??
      onlyOne(full.filter((f) => f.keys.some((k) => sameFirstAndSurname(k, key))));
    if (found) {
      found.cluster.mentions.push(m);
      if (!found.keys.includes(key)) found.keys.push(key);
    } else {
      full.push({ cluster: { type: 'PERSON', mentions: [m] }, keys: [key] });
    }
  }
  mergeTrailingNames(full);
  const alone = new Map<string, Cluster>();
  for (const m of singles) {
    const key = personKey(m.display);
    // "Lavrov" for "Sergei Lavrov"; "Kilroy" or "Kilroy-Silk" for "Robert Kilroy-Silk".
    const candidates = full.filter((f) =>
      f.keys.some((k) => {
        const surname = k.slice(k.lastIndexOf(' ') + 1);
        return surname === key || (surname.includes('-') && surname.slice(0, surname.indexOf('-')) === key);
      }),
    );
    if (candidates.length > 0) {
      // With two people of one surname, the one named last before this mention is meant.
      let best = candidates[0]!;
      let bestAt = -1;
      for (const f of candidates) {
        for (const fm of f.cluster.mentions) if (fm.start < m.start && fm.start > bestAt && fm.display.includes(' ')) [best, bestAt] = [f, fm.start];
      }
      best.cluster.mentions.push(m);
      continue;
    }
    // "Thierry" (in a quote) for "Thierry Henry" named before it, and "Sir Alan" for "Sir Alan
    // Budd": a first name alone is the one person of the article named so, when there is exactly
    // one. After "Mr", "Dr" or a role ("Mr Howard", "King Michael") the name is a surname or
    // someone else's.
    if (genderOfFirstName(m.display) !== null && firstNameAlone(text, m)) {
      const named = full.filter((f) => f.keys.some((k) => k.startsWith(`${key} `)) && f.cluster.mentions.some((fm) => fm.start < m.start));
      if (named.length === 1) {
        named[0]!.cluster.mentions.push(m);
        continue;
      }
    }
    // "Lula" for "Luiz Inacio Lula da Silva": a word inside exactly one full name, where no name ends with it.
    const inside = full.filter((f) => f.keys.some((k) => k.includes(` ${key} `)));
    if (inside.length === 1) {
      inside[0]!.cluster.mentions.push(m);
      continue;
    }
    let c = alone.get(key);
    if (!c) alone.set(key, (c = { type: 'PERSON', mentions: [] }));
    c.mentions.push(m);
  }
  // By push, not spread or map: optimised and unoptimised code would make arrays of different
  // shapes, and the functions reading them would be deoptimised by the other one.
  const out: Cluster[] = [];
  for (const f of full) out.push(f.cluster);
  for (const c of alone.values()) out.push(c);
  return out;
}

/**
 * "Suu Kyi" for "Aung San Suu Kyi", "Duncan Smith" for "Iain Duncan Smith": a name of several
 * words that ends the name of exactly one other person in the article is that person, in
 * whichever order the two are written (a headline often has the short one first).
 */
function mergeTrailingNames(full: { cluster: Cluster; keys: string[] }[]): void {
  if (full.length < 2) return;
  // Each key's last words (after its first space) to the names ending with them.
  const endings = new Map<string, { cluster: Cluster; keys: string[] }[]>();
  for (const f of full)
    for (const k of f.keys)
      for (let at = k.indexOf(' '); at > 0; at = k.indexOf(' ', at + 1)) {
        const list = endings.get(k.slice(at + 1));
        if (!list) endings.set(k.slice(at + 1), [f]);
        else if (!list.includes(f)) list.push(f);
      }
  const merged = new Set<{ cluster: Cluster; keys: string[] }>();
  for (let i = full.length - 1; i >= 0; i--) {
    const short = full[i]!;
    let into: { cluster: Cluster; keys: string[] } | undefined;
    let several = false;
    for (const key of short.keys)
      for (const f of endings.get(key) ?? []) {
        if (f === short || f === into || merged.has(f)) continue;
        if (into) several = true;
        into = f;
      }
    if (!into || several) continue;
    for (const m of short.cluster.mentions) into.cluster.mentions.push(m);
    into.cluster.mentions.sort((a, b) => a.start - b.start);
    for (const key of short.keys) into.keys.push(key);
    merged.add(short);
    full.splice(i, 1);
  }
}

/**
 * "Angela Merkel" and "Angela Dorothea Merkel", "Marie Curie" and "Marie Salomea
 * Skłodowska-Curie": one name with the middle names left out, or one part of a double surname.
 */
function sameFirstAndSurname(a: string, b: string): boolean {
  const wa = a.split(' ');
  const wb = b.split(' ');
  if (wa.length === wb.length || wa[0] !== wb[0]) return false;
  const [short, long] = wa.length < wb.length ? [wa, wb] : [wb, wa];
  const surname = long.at(-1)!;
  return short.at(-1) === surname || surname.split('-').includes(short.at(-1)!);
}

function onlyOne<T>(list: readonly T[]): T | undefined {
  return list.length === 1 ? list[0] : undefined;
}

/** Titles used with a first name alone ("Sir Alan", "Dame Judi"). */
const FIRST_NAME_TITLES = new Set(['Sir', 'Dame']);
/** The capitalised word just before a mention, with a full stop if one follows it ("Mr.", or a sentence's end). */
const WORD_BEFORE = /(\p{Lu}[\p{L}'’-]*)(\.?)\s+$/u;
/** Abbreviated titles written with a full stop ("Mr. Howard"). */
const DOTTED_TITLES = new Set(['Mr', 'Mrs', 'Ms', 'Dr', 'Prof', 'Rev', 'St', 'Gen', 'Sen', 'Rep', 'Gov']);

/** True when the mention is a first name used alone: nothing capitalised before it but "Sir" or "Dame". */
function firstNameAlone(text: string, m: Mention): boolean {
  if (m.title) return FIRST_NAME_TITLES.has(m.title.text);
  const before = WORD_BEFORE.exec(text.slice(Math.max(0, m.start - 24), m.start));
  // "… his brother Mukesh. Anil, 45, …": a full stop after anything but a title ends a sentence.
  if (!before || (before[2] && !DOTTED_TITLES.has(before[1]!))) return true;
  return FIRST_NAME_TITLES.has(before[1]!);
}

/**
 * "Jupiter" for "Jupiter Research", "Nissan" for "Nissan Motor": an organization's name without
 * the last words that say it is a company, when exactly one company of the article has a longer
 * name starting with it and the knowledge base does not know it as something of its own.
 */
function joinCompanyShortNames(others: readonly Mention[], groups: UnionFind): void {
  const longerByLead = new Map<string, string[]>();
  const known = new Set<string>();
  for (const m of others) {
    if (m.type !== 'ORGANIZATION') continue;
    const key = typedKey(m.type, m.display);
    if (m.known !== undefined) known.add(key);
    const words = m.display.split(' ');
    let k = words.length;
    while (k > 1 && COMPANY_NAME_TAILS.has(words[k - 1]!)) k--;
    for (let j = k; j < words.length; j++) {
      const lead = typedKey('ORGANIZATION', words.slice(0, j).join(' '));
      const list = longerByLead.get(lead);
      if (!list) longerByLead.set(lead, [key]);
      else if (!list.includes(key)) list.push(key);
    }
  }
  for (const [lead, longer] of longerByLead) {
    if (!groups.has(lead) || known.has(lead)) continue;
    // Several longer names are one company when each starts the longest ("Fox Entertainment",
    // "Fox Entertainment Group"); not "Reliance Industries" and "Reliance Energy".
    const longest = longer.reduce((a, b) => (b.length > a.length ? b : a));
    if (longer.every((key) => key === longest || longest.startsWith(`${key} `))) for (const key of longer) groups.union(key, lead);
  }
}

/**
 * "Lakers" for "Los Angeles Lakers", "Golden State" for "Golden State Warriors": a team is called
 * by its nickname (a plural) or by its home. A name of a home, then a plural word, joins the
 * article's one organization named by that word alone, and its home's name when that is an
 * organization here; the home is a place the gazetteer knows or is itself such an organization
 * ("Liberal Democrats" has no home, so "Democrats" stays apart), and no body's name (a
 * headline's "Harbour Development Agency Backs …" is its verb).
 */
function joinTeamShortNames(others: readonly Mention[], groups: UnionFind): void {
  const byTail = new Map<string, string[]>();
  const homes: [string, string][] = [];
  const known = new Set<string>();
  for (const m of others) {
    if (m.type !== 'ORGANIZATION') continue;
    if (m.known !== undefined) known.add(typedKey(m.type, m.display));
    const space = m.display.lastIndexOf(' ');
    const tail = m.display.slice(space + 1);
    if (space < 0 || !NICKNAME.test(tail) || NOT_NICKNAMES.has(tail) || ORGANIZATION_NAME_HEADS.has(tail) || COMPANY_NAME_TAILS.has(tail)) continue;
    const home = m.display.slice(0, space);
    const homeKey = typedKey('ORGANIZATION', home);
    if ((!groups.has(homeKey) && !lookupPlace(home)) || ORGANIZATION_NAME_HEADS.has(home.slice(home.lastIndexOf(' ') + 1))) continue;
    const key = typedKey(m.type, m.display);
    const list = byTail.get(typedKey('ORGANIZATION', tail));
    if (!list) byTail.set(typedKey('ORGANIZATION', tail), [key]);
    else if (!list.includes(key)) list.push(key);
    if (groups.has(homeKey)) homes.push([key, homeKey]);
  }
  for (const [tail, teams] of byTail) if (teams.length === 1 && groups.has(tail)) groups.union(teams[0]!, tail);
  const teamsByHome = new Map<string, number>();
  for (const [, home] of homes) teamsByHome.set(home, (teamsByHome.get(home) ?? 0) + 1);
  // (Not a body the knowledge base knows: "BBC News" is a part of the BBC.)
  for (const [team, home] of homes) if (teamsByHome.get(home) === 1 && !known.has(home)) groups.union(team, home);
}

/** A team's nickname: one capitalised plural word ("Lakers", "Warriors"). */
const NICKNAME = /^\p{Lu}\p{Ll}+s$/u;
/** Plural words that end other names: a paper's, a broadcaster's part, a contest. */
const NOT_NICKNAMES = new Set(['News', 'Times', 'Games', 'Series', 'Sports', 'Affairs', 'Nations', 'Islands', 'States']);

/** Like nameKey, but a hyphenated surname stays one word ("Kilroy-Silk"). */
function personKey(name: string): string {
  return name.toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, ' ').replace(/\.$/, '');
}

/** True if a and b differ by at most one insertion, deletion or substitution. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Union-find over string keys. */
class UnionFind {
  private readonly parent = new Map<string, string>();
  add(key: string): void {
    if (!this.parent.has(key)) this.parent.set(key, key);
  }
  has(key: string): boolean {
    return this.parent.has(key);
  }
  find(key: string): string {
    if (!this.parent.has(key)) return key;
    let root = key;
    while (this.parent.get(root) !== root) root = this.parent.get(root) ?? root;
    this.parent.set(key, root);
    return root;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(rb, ra);
  }
}
