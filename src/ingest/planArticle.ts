import { createHash } from 'node:crypto';
import type { EntityKind, EntityType, ExtractedEntity, Extraction, MentionForm, Span } from '../extract/types.js';
import { articleSegments, articleText } from '../content/articleText.js';
import { dedupeBy } from './dedupeBy.js';
import { nameKey, slugify } from './nameKey.js';
import type { ParsedArticle } from './parseArticle.js';

/** Where an article came from and what the source says about it beyond its text. */
export interface ArticleSource {
  /** Stable identity: the seed format's path line, a URL, or the file's absolute path. */
  sourceKey: string;
  sourcePath: string | null;
  sourceUrl: string | null;
  byline: string | null;
  publishedAt: Date | null;
  /** Slug the source asks for (JSON Lines "slug", front matter "slug"); unset = derived from the title. */
  slug?: string | null;
  /** Status the source states (JSON Lines "status", front matter "draft"); unset = PUBLISHED for a new article, unchanged on update. */
  status?: 'DRAFT' | 'PUBLISHED' | null;
  /** The desk the article belongs to, as the source states it (JSON Lines and front matter "section"); unset = unchanged on update. */
  section?: string | null;
  /**
   * For a plain-text story without metadata: the folder it sits in below the directory
   * imported, its section when none is stated. Not content: the same file reached from another
   * directory is the same article, so it does not change the content hash.
   */
  folder?: string | null;
}

/** The section an article is stored with: the one its source states, else the folder it was filed in. */
export function sectionOf(source: ArticleSource): string | null {
  return source.section ?? source.folder ?? null;
}

export interface PlannedMention {
  start: number;
  end: number;
  text: string;
  paragraph: number;
  /** How it refers to the entity (a name, an acronym, a demonym, a pronoun, a description). */
  form: MentionForm;
  /** Offsets of the mention it lies inside, or null. */
  parent: { start: number; end: number } | null;
}

export interface PlannedEntity {
  /** `${kind}:${nameKey}`, the entity's natural key. */
  key: string;
  kind: EntityType;
  name: string;
  nameKey: string;
  slug: string;
  aliases: { name: string; nameKey: string }[];
  mentions: PlannedMention[];
  confidence: number;
}

export interface PlannedQuote {
  text: string;
  kind: 'DIRECT' | 'PARTIAL';
  start: number;
  end: number;
  paragraph: number;
  cue: Span | null;
  speakerKey: string | null;
  speakerDescription: string | null;
  speakerAffiliationKey: string | null;
  speakerMention: Span | null;
  confidence: number;
}

export interface PlannedAffiliation {
  personKey: string;
  organizationKey: string | null;
  role: string;
  /** How sure extraction is of the person it was read for. */
  confidence: number;
}

/** Everything one article will store, with offsets into its stored text. Built without I/O. */
export interface ArticlePlan {
  source: ArticleSource;
  title: string;
  slug: string;
  lead: string;
  paragraphs: string[];
  contentHash: string;
  extractorVersion: string;
  wordCount: number;
  entities: PlannedEntity[];
  quotes: PlannedQuote[];
  tags: { name: string; slug: string; kind: 'EDITOR' | 'TOPIC' }[];
  affiliations: PlannedAffiliation[];
}

/** Hash of what the source says; an equal hash means re-importing changes nothing. */
export function contentHashOf(parsed: Pick<ParsedArticle, 'title' | 'paragraphs' | 'editorTags'>, source: ArticleSource): string {
  const content = {
    title: parsed.title.text,
    paragraphs: parsed.paragraphs.map((p) => p.text),
    // The store keeps tags as a set, so their order in the source is not content.
    tags: [...parsed.editorTags].sort(),
    byline: source.byline,
    publishedAt: source.publishedAt?.toISOString() ?? null,
    url: source.sourceUrl,
    // A draft flag changes the hash; PUBLISHED is what an unstated status means, so it does not
    // (re-importing an export into its own database then writes nothing). The slug is left
    // out: a stored article keeps its slug.
    ...(source.status === 'DRAFT' ? { status: source.status } : {}),
    // Stated sections are content; an article without one hashes as it did before sections existed.
    ...(source.section ? { section: source.section } : {}),
  };
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

/**
 * Turns a parsed article and its extraction into what will be stored: offsets moved from the
 * file's text to the stored article text, natural keys for entities and tags, paragraph
 * numbers for every fact. Facts whose offsets fall outside the headline and paragraphs
 * (e.g. in a TAGS: line) are dropped. `contentHash` may be passed when already computed.
 */
export function planArticle(
  parsed: ParsedArticle,
  extraction: Extraction,
  source: ArticleSource,
  extractorVersion: string,
  contentHash = contentHashOf(parsed, source),
): ArticlePlan {
  const paragraphs = parsed.paragraphs.map((p) => p.text);
  const title = parsed.title.text;
  const stored = articleText(title, paragraphs);
  const segments = [parsed.title, ...parsed.paragraphs];
  const starts = articleSegments(title, paragraphs).map((segment) => segment.start);

  /** The segment a file offset lies in, or -1; `isEnd` lets an end sit on a segment's end. */
  const segmentOf = (offset: number, isEnd: boolean): number => {
    for (let i = 0; i < segments.length; i++) {
      const seg = segments[i]!;
      if (offset >= seg.start && (offset < seg.end || (isEnd && offset === seg.end))) return i;
    }
    return -1;
  };
  /** A file span's stored offsets and paragraph, or null when it leaves the headline and paragraphs or is empty there. */
  const moveOffsets = (start: number, end: number): { start: number; end: number; paragraph: number } | null => {
    const from = segmentOf(start, false);
    const to = segmentOf(end, true);
    if (from < 0 || to < 0) return null;
    const storedStart = start - segments[from]!.start + starts[from]!;
    const storedEnd = end - segments[to]!.start + starts[to]!;
    return storedEnd <= storedStart ? null : { start: storedStart, end: storedEnd, paragraph: from };
  };
  const move = (span: Span): (Span & { paragraph: number }) | null => {
    const at = moveOffsets(span.start, span.end);
    return at && { start: at.start, end: at.end, text: stored.slice(at.start, at.end), paragraph: at.paragraph };
  };

  const keyOf = (kind: EntityType, name: string) => `${kind}:${nameKey(name)}`;
  const byName = new Map<string, string>();
  const entities: PlannedEntity[] = [];
  const seenKeys = new Map<string, PlannedEntity>();
  for (const entity of extraction.entities) {
    // Works, events, products and awards have no kind in the store yet: they are not stored, and
    // a quote they would speak keeps no speaker (see the speaker lookup below).
    if (!isStorable(entity)) continue;
    const key = nameKey(entity.name);
    if (!key) continue;
    const fullKey = `${entity.type}:${key}`;
    // A plain loop that builds each mention as one object: flatMap with a spread made an array
    // and three objects per mention, and a batch has thousands of mentions.
    const mentions: PlannedMention[] = [];
    for (const m of entity.mentions) {
      const at = moveOffsets(m.start, m.end);
      if (!at) continue;
      const parent = m.parent ? moveOffsets(m.parent.start, m.parent.end) : null;
      mentions.push({
        start: at.start,
        end: at.end,
        text: stored.slice(at.start, at.end),
        paragraph: at.paragraph,
        form: m.form,
        parent: parent ? { start: parent.start, end: parent.end } : null,
      });
    }
    const aliases = entity.aliases.map((name) => ({ name, nameKey: nameKey(name) })).filter((a) => a.nameKey && a.nameKey !== key);
    const existing = seenKeys.get(fullKey);
    if (existing) {
      // Two extracted entities with one natural key are one entity in the store.
      existing.mentions.push(...mentions);
      existing.aliases.push(...aliases.filter((a) => !existing.aliases.some((b) => b.nameKey === a.nameKey)));
      continue;
    }
    const planned: PlannedEntity = {
      key: fullKey,
      kind: entity.type,
      name: entity.name,
      nameKey: key,
      slug: slugify(entity.name),
      aliases: dedupe(aliases),
      mentions,
      confidence: entity.confidence,
    };
    seenKeys.set(fullKey, planned);
    entities.push(planned);
    byName.set(`${entity.type}:${entity.name}`, fullKey);
    byName.set(entity.name, byName.get(entity.name) ?? fullKey);
  }
  for (const entity of entities) entity.mentions = dedupeMentions(entity.mentions);

  const findKey = (name: string | null, type?: string): string | null => {
    if (!name) return null;
    return byName.get(`${type}:${name}`) ?? byName.get(name) ?? null;
  };

  const quotes: PlannedQuote[] = [];
  for (const quote of extraction.quotes) {
    const at = move({ start: quote.start, end: quote.end, text: quote.text });
    if (!at) continue;
    const speaker = quote.speaker;
    const named = speaker && speaker.type !== 'UNNAMED' ? (findKey(speaker.name, speaker.type) ?? keyOf(speaker.type, speaker.name ?? '')) : null;
    quotes.push({
      text: at.text,
      kind: quote.kind,
      start: at.start,
      end: at.end,
      paragraph: at.paragraph,
      cue: quote.cue ? move(quote.cue) : null,
      speakerKey: named && seenKeys.has(named) ? named : null,
      speakerDescription: speaker && speaker.type === 'UNNAMED' ? (speaker.description ?? speaker.mention.text) : null,
      speakerAffiliationKey: speaker?.type === 'UNNAMED' ? findKey(speaker.affiliation) : null,
      speakerMention: speaker ? move(speaker.mention) : null,
      confidence: clamp(quote.confidence),
    });
  }

  const affiliations: PlannedAffiliation[] = [];
  for (const entity of extraction.entities) {
    if (entity.type !== 'PERSON' || (!entity.role && !entity.affiliation)) continue;
    const personKey = findKey(entity.name, 'PERSON');
    if (!personKey) continue;
    affiliations.push({ personKey, organizationKey: findKey(entity.affiliation), role: entity.role ?? '', confidence: clamp(entity.confidence) });
  }

  const tags = dedupeBy(
    extraction.tags.map((tag) => ({ name: tag.name, slug: slugify(tag.name), kind: tag.kind })),
    (tag) => tag.slug,
  );

  return {
    source,
    title,
    slug: source.slug || slugify(title),
    lead: paragraphs[0] ?? '',
    paragraphs,
    contentHash,
    extractorVersion,
    wordCount: countWords(stored),
    entities,
    quotes: dedupeBy(quotes, (q) => `${q.start}:${q.end}`),
    tags,
    affiliations: dedupeBy(affiliations, (a) => `${a.personKey}|${a.organizationKey}|${a.role}`),
  };
}

/** The kinds the store has a kind for. */
const STORABLE_KINDS: ReadonlySet<EntityKind> = new Set<EntityKind>(['PERSON', 'ORGANIZATION', 'PLACE']);

function isStorable(entity: ExtractedEntity): entity is ExtractedEntity & { type: EntityType } {
  return STORABLE_KINDS.has(entity.type);
}

/**
 * The number of words: runs of letters and digits, with letters after an apostrophe kept in the
 * word ("don't", "Blair’s"), as many as the matches of `[\p{L}\p{N}]+(?:['’]\p{L}+)*` (flags
 * `gu`). Counted in one pass over the characters, without building the array of matched
 * strings `match` would.
 */
function countWords(text: string): number {
  let count = 0;
  let inWord = false;
  let afterApostrophe = false; // in the letters after an apostrophe, where a digit starts a new word
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let kind: number;
    if (c < 128) kind = ASCII_KINDS[c]!;
    else {
      const codePoint = text.codePointAt(i)!;
      kind = kindOf(codePoint);
      if (codePoint > 0xffff) i++; // the rest of a surrogate pair
    }
    if (kind === OTHER) {
      if (inWord && (c === 0x27 || c === 0x2019) && kindAt(text, i + 1) === LETTER) afterApostrophe = true;
      else inWord = false;
    } else if (!inWord || (afterApostrophe && kind === DIGIT)) {
      count++;
      inWord = true;
      afterApostrophe = false;
    }
  }
  return count;
}

// What a character is to countWords.
const OTHER = 0;
const LETTER = 1;
const DIGIT = 2;

/** Kinds of the characters of the Basic Multilingual Plane met so far, plus one (0: not yet seen). A fixed 64 KB. */
const bmpKinds = new Uint8Array(0x10000);
/** The same for ASCII, filled at once. */
const ASCII_KINDS = Uint8Array.from({ length: 128 }, (_, c) => kindOf(c));

function kindOf(codePoint: number): number {
  if (codePoint > 0xffff) return classify(codePoint);
  const known = bmpKinds[codePoint]!;
  if (known !== 0) return known - 1;
  const kind = classify(codePoint);
  bmpKinds[codePoint] = kind + 1;
  return kind;
}

function classify(codePoint: number): number {
  const char = String.fromCodePoint(codePoint);
  return /\p{L}/u.test(char) ? LETTER : /\p{N}/u.test(char) ? DIGIT : OTHER;
}

function kindAt(text: string, i: number): number {
  return i < text.length ? kindOf(text.codePointAt(i)!) : OTHER;
}

function clamp(value: number): number {
  return Math.min(1, Math.max(0, Number.isFinite(value) ? value : 0));
}

function dedupe(aliases: { name: string; nameKey: string }[]) {
  // Most entities have one alias or none: nothing to compare, so no Set to build.
  return aliases.length < 2 ? aliases : dedupeBy(aliases, (a) => a.nameKey);
}

/**
 * The first mention of each span, by start (ties in their order). Sorted first (stably), so
 * the mentions of one span sit in one run of equal starts and only that run is searched.
 */
function dedupeMentions(mentions: PlannedMention[]): PlannedMention[] {
  // Extraction lists an entity's mentions in text order: most need no sort (a stable sort
  // would leave them as they are).
  const sorted = isSortedByStart(mentions) ? mentions : mentions.slice().sort((a, b) => a.start - b.start);
  const out: PlannedMention[] = [];
  let run = 0; // where the run of out's mentions with the current start begins
  for (const m of sorted) {
    if (out.length === 0 || out[out.length - 1]!.start !== m.start) run = out.length;
    let seen = false;
    for (let i = run; i < out.length; i++) if (out[i]!.end === m.end) seen = true;
    if (!seen) out.push(m);
  }
  return out;
}

function isSortedByStart(mentions: readonly PlannedMention[]): boolean {
  for (let i = 1; i < mentions.length; i++) if (mentions[i - 1]!.start > mentions[i]!.start) return false;
  return true;
}
