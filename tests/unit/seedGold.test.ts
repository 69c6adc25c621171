import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extractArticle } from '../../src/extract/extractArticle.js';
import type { EntityType, Extraction } from '../../src/extract/types.js';
import { readArticleFile } from '../../src/ingest/readArticleFile.js';

const FIXTURE = fileURLToPath(new URL('../../fixtures/seed/000_95a61b1d8e8c3e78.txt', import.meta.url));
const GOLD_FILE = fileURLToPath(new URL('../../fixtures/seed/000_95a61b1d8e8c3e78.gold.json', import.meta.url));

interface GoldEntity {
  name: string;
  aliases: string[];
  role?: string | null;
  affiliation?: string | null;
}
interface GoldQuote {
  text: string;
  speaker: string;
  speakerKind: 'person' | 'place' | 'organization' | 'unnamed';
  kind: 'direct' | 'partial';
  cue: string;
}
interface Gold {
  people: GoldEntity[];
  organizations: GoldEntity[];
  places: GoldEntity[];
  unnamedSpeakers: { description: string; affiliation: string }[];
  quotes: GoldQuote[];
}

const gold = JSON.parse(readFileSync(GOLD_FILE, 'utf8')) as Gold;
let text = '';
let x: Extraction;

beforeAll(async () => {
  const { parsed } = await readArticleFile(FIXTURE);
  text = parsed.text;
  x = extractArticle({ text: parsed.text, title: parsed.title, paragraphs: parsed.paragraphs, editorTags: parsed.editorTags });
});

const sorted = (a: readonly string[]): string[] => [...a].sort();
const ofType = (type: EntityType) => x.entities.filter((e) => e.type === type);

describe('seed article against its hand-made gold annotation', () => {
  it('finds exactly the five people, with aliases and roles', () => {
    expect(
      ofType('PERSON')
        .map((e) => ({ name: e.name, aliases: sorted(e.aliases), role: e.role }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    ).toEqual(gold.people.map((p) => ({ name: p.name, aliases: sorted(p.aliases), role: p.role ?? null })).sort((a, b) => a.name.localeCompare(b.name)));
  });

  it('gives the affiliations the article itself states', () => {
    const byName = new Map(x.entities.map((e) => [e.name, e]));
    expect(byName.get('Sergei Lavrov')?.affiliation).toBe('Russia');
    expect(byName.get('Emily Horne')?.affiliation).toBe('National Security Council');
  });

  it('finds exactly the five organizations, with aliases', () => {
    expect(
      ofType('ORGANIZATION')
        .map((e) => ({ name: e.name, aliases: sorted(e.aliases) }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    ).toEqual(gold.organizations.map((o) => ({ name: o.name, aliases: sorted(o.aliases) })).sort((a, b) => a.name.localeCompare(b.name)));
  });

  it('finds exactly the four places, with aliases', () => {
    expect(
      ofType('PLACE')
        .map((e) => ({ name: e.name, aliases: sorted(e.aliases) }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    ).toEqual(gold.places.map((p) => ({ name: p.name, aliases: sorted(p.aliases) })).sort((a, b) => a.name.localeCompare(b.name)));
  });

  it('finds the seven quotes with their kind, speaker and cue', () => {
    const got = x.quotes.map((q) => ({
      text: q.text,
      kind: q.kind.toLowerCase(),
      speaker: q.speaker?.name ?? q.speaker?.description ?? null,
      speakerKind: q.speaker?.type.toLowerCase().replace('organization', 'organization') ?? null,
      // The gold cue is the verb phrase; ours may also take its auxiliary ("was quoted stating").
      cue:
        q.cue && gold.quotes.some((g) => g.text === q.text && q.cue!.text.endsWith(g.cue))
          ? gold.quotes.find((g) => g.text === q.text)!.cue
          : (q.cue?.text ?? null),
    }));
    expect(got).toEqual(gold.quotes.map((g) => ({ text: g.text, kind: g.kind, speaker: g.speaker, speakerKind: g.speakerKind, cue: g.cue })));
  });

  it('describes the unnamed speaker and its affiliation', () => {
    const unnamed = x.quotes.flatMap((q) =>
      q.speaker?.type === 'UNNAMED' ? [{ description: q.speaker.description, affiliation: q.speaker.affiliation }] : [],
    );
    expect(unnamed).toEqual(gold.unnamedSpeakers);
  });

  it('never lets two mentions overlap unless one is nested in the other, with its parent named', () => {
    const all = x.entities.flatMap((e) => e.mentions).sort((a, b) => a.start - b.start || b.end - a.end);
    for (let i = 0; i < all.length; i++)
      for (let j = i + 1; j < all.length && all[j]!.start < all[i]!.end; j++) {
        const inner = all[j]!;
        expect(inner.end <= all[i]!.end && inner.parent).toEqual({ start: all[i]!.start, end: all[i]!.end });
      }
    const council = x.entities.find((e) => e.name === 'NATO-Russia Council')!.mentions[0]!;
    const nested = x.entities.flatMap((e) => e.mentions.filter((m) => m.parent !== null).map((m) => [e.name, m.text, m.form, m.parent]));
    expect(nested).toEqual([
      ['Russia', 'Russia', 'NAME', { start: council.start, end: council.end }],
      ['NATO', 'Nato', 'ACRONYM', { start: council.start, end: council.end }],
    ]);
  });

  it('marks nationality words as demonyms of their country', () => {
    const demonyms = x.entities.flatMap((e) => e.mentions.filter((m) => m.form === 'DEMONYM').map((m) => `${m.text} → ${e.name}`));
    expect(demonyms).toEqual(['Russians → Russia', 'Ukrainians → Ukraine', 'European → Europe', 'Europeans → Europe']);
  });

  it('keeps every offset true to the text', () => {
    const spans = [
      ...x.entities.flatMap((e) => e.mentions),
      ...x.quotes.flatMap((q) => [q, ...(q.cue ? [q.cue] : []), ...(q.speaker ? [q.speaker.mention] : [])]),
    ];
    for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});
