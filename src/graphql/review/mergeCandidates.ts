import type { EntityKind } from '../generated/schemaTypes.js';
import type { MergeCandidateRow } from '../rows.js';
import { sql, type Reader } from '../read/sql.js';

interface Named {
  id: string;
  kind: EntityKind;
  nameKey: string;
  articles: number;
}

/** Words an acronym skips: "Organisation of the Petroleum Exporting Countries" → OPEC. */
const SKIP = new Set(['of', 'the', 'and', 'for', 'de', 'la', 'le', 'des', 'du', 'del', 'in', 'on', 'to', 'a', 'an']);

/** The initials of a name of two words or more ("european union" → "eu"), or null. */
export function initialsOf(nameKey: string): string | null {
  const words = nameKey.split(' ').filter((w) => w && !SKIP.has(w));
  return words.length >= 2 ? words.map((w) => w[0]).join('') : null;
}

/** What a company's name may end with beside its short name: "Altria Group" is Altria. */
const DESIGNATOR = /^(group|plc|inc|corp|corporation|company|co|holdings|ltd|limited|llc|ag|sa|gmbh|bank|airlines|motors)$/;

/**
 * How strongly "short inside long" suggests one thing, by where it sits: before a company
 * designator (Altria / Altria Group) nearly always; as the head before "of …" (Bank / Bank of
 * England, House / House of Commons) often, the short form in running text; before other
 * words (BBC / BBC Radio) sometimes, a part of the whole; after a qualifier (Africa / South
 * Africa, Labour Party / Parliamentary Labour Party) seldom, a part or another thing. A person's
 * surname is the usual short form; a first name alone is weak.
 */
function containment(short: Named, long: Named): { reason: string; base: number; cap: number } {
  const rest = long.nameKey.startsWith(`${short.nameKey} `) ? long.nameKey.slice(short.nameKey.length + 1) : null;
  if (short.kind === 'PERSON') {
    if (long.nameKey.endsWith(` ${short.nameKey}`)) return { reason: 'same surname', base: 0.35, cap: 0.85 };
    return { reason: 'contained name', base: 0.2, cap: 0.5 };
  }
  if (rest !== null && rest.split(' ').length <= 2 && DESIGNATOR.test(rest.split(' ').pop()!)) return { reason: 'contained name', base: 0.5, cap: 0.95 };
  if (rest !== null && rest.startsWith('of ')) return { reason: 'contained name', base: 0.35, cap: 0.85 };
  if (rest !== null) return { reason: 'contained name', base: 0.3, cap: 0.6 };
  return { reason: 'contained name', base: 0.15, cap: 0.45 };
}

/** Party names: "labour party" and "labour" are one party. */
const PARTY = /^(.+) party$/;

/**
 * Likely duplicates among entities, most likely first: an acronym and its expansion (EU /
 * European Union, by the expansion's initials), "X Party" and "X", and a name contained in a
 * longer one of the same kind in an article that mentions both (Bush / George W Bush, Commons /
 * House of Commons). Each pair comes with the number of articles mentioning both. Two
 * statements: the entities with their article counts, and the co-mentioned contained names.
 */
export async function mergeCandidates(read: Reader, kind: EntityKind | null): Promise<MergeCandidateRow[]> {
  const entities = await read<Named>(sql`
    SELECT e.id::text AS id, e.kind::text AS kind, e."nameKey", count(ae."articleId")::int AS articles
    FROM entity e LEFT JOIN article_entity ae ON ae."entityId" = e.id
    WHERE ${kind ? sql`e.kind = ${kind}::"EntityKind"` : sql`TRUE`}
    GROUP BY e.id`);
  const contained = await read<{ short: string; long: string; shared: number }>(sql`
    SELECT s.id::text AS short, l.id::text AS long, count(*)::int AS shared
    FROM article_entity xs JOIN entity s ON s.id = xs."entityId"
    JOIN article_entity xl ON xl."articleId" = xs."articleId" AND xl."entityId" <> xs."entityId"
    JOIN entity l ON l.id = xl."entityId" AND l.kind = s.kind
    WHERE ${kind ? sql`s.kind = ${kind}::"EntityKind" AND` : sql``} length(l."nameKey") > length(s."nameKey")
      AND (' ' || l."nameKey" || ' ') LIKE ('% ' || replace(replace(s."nameKey", '%', ''), '_', '') || ' %')
    GROUP BY s.id, l.id`);
  const byId = new Map(entities.map((e) => [e.id, e]));
  const byKey = new Map<string, Named[]>();
  for (const e of entities) byKey.set(`${e.kind}:${e.nameKey}`, [...(byKey.get(`${e.kind}:${e.nameKey}`) ?? []), e]);
  const sharedOf = new Map(contained.map((c) => [`${c.short}|${c.long}`, c.shared]));
  const pairs = new Map<string, MergeCandidateRow>();
  const add = (survivor: Named, other: Named, reason: string, score: number) => {
    if (survivor.id === other.id) return;
    const key = [survivor.id, other.id].sort().join('|');
    const shared = sharedOf.get(`${other.id}|${survivor.id}`) ?? sharedOf.get(`${survivor.id}|${other.id}`) ?? 0;
    const existing = pairs.get(key);
    if (existing && existing.score >= score) return;
    pairs.set(key, { ids: [survivor.id, other.id], reason, score, sharedArticles: shared });
  };
  // Evidence grows with the articles both appear in ("the European Union (EU)"): each adds 0.1.
  const withShared = (base: number, short: Named, long: Named, cap = 0.95) => Math.min(cap, base + 0.1 * (sharedOf.get(`${short.id}|${long.id}`) ?? 0));
  const surnames = new Map<string, Named[]>();
  for (const e of entities) {
    if (e.kind === 'PERSON' && e.nameKey.includes(' ')) {
      const last = e.nameKey.slice(e.nameKey.lastIndexOf(' ') + 1);
      surnames.set(last, [...(surnames.get(last) ?? []), e]);
    }
  }
  for (const long of entities) {
    if (long.kind === 'PERSON') continue;
    const initials = initialsOf(long.nameKey);
    // Two-letter initials fit many names by chance; three or more rarely do.
    for (const short of initials ? (byKey.get(`${long.kind}:${initials}`) ?? []) : [])
      add(long, short, 'acronym', withShared(initials!.length >= 3 ? 0.75 : 0.4, short, long));
    const party = PARTY.exec(long.nameKey);
    // "Conservative" beside "Conservative Party" in one article is the party; with no shared
    // article it may be another ("Congress" and India's "Congress Party").
    for (const short of party ? (byKey.get(`${long.kind}:${party[1]}`) ?? []) : []) add(long, short, 'party name', withShared(0.6, short, long));
  }
  for (const short of entities) {
    // A surname alone and the one full name with that surname, across articles.
    const full = short.kind === 'PERSON' && !short.nameKey.includes(' ') ? (surnames.get(short.nameKey) ?? []) : [];
    if (full.length === 1) add(full[0]!, short, 'same surname', withShared(0.55, short, full[0]!, 0.9));
  }
  for (const c of contained) {
    const short = byId.get(c.short);
    const long = byId.get(c.long);
    if (!short || !long) continue;
    // A name inside a longer one is the same thing more often the more articles share them;
    // how it sits inside sets how far that evidence can go.
    const { reason, base, cap } = containment(short, long);
    add(long, short, reason, withShared(base, short, long, cap));
  }
  return [...pairs.values()].sort(
    (a, b) =>
      b.score - a.score ||
      b.sharedArticles - a.sharedArticles ||
      (byId.get(b.ids[0])?.articles ?? 0) + (byId.get(b.ids[1])?.articles ?? 0) - ((byId.get(a.ids[0])?.articles ?? 0) + (byId.get(a.ids[1])?.articles ?? 0)) ||
      a.ids.join().localeCompare(b.ids.join()),
  );
}
