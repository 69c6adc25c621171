import { hasRole, requireRole } from '../../access/viewer.js';
import { addMention, addQuote, setQuoteSpan, setQuoteSpeaker, type MentionTarget, type SpeakerChoice } from '../../commands/correctFacts.js';
import { reviewFacts } from '../../commands/reviewFacts.js';
import { articleSegments, articleText } from '../../content/articleText.js';
import { factId, parseFactId, type FactRef } from '../../content/factId.js';
import { AppError, ErrorCode } from '../../errors.js';
import type { Context } from '../context.js';
import type {
  MentionEntityInput,
  MergeCandidateResolvers,
  MutationResolvers,
  QueryResolvers,
  ReviewItemResolvers,
  ReviewKind,
  SpeakerInput,
} from '../generated/schemaTypes.js';
import { offsetPageOf, windowOf } from '../paginate.js';
import { columns, sql } from '../read/sql.js';
import { asEntity, asMention, asQuote, asRole } from '../read/tagRows.js';
import { mergeCandidates } from '../review/mergeCandidates.js';
import { candidatesOf, countQueue, pageQueue, type QueueEntry } from '../review/reviewQueue.js';
import { toGlobalId } from '../globalId.js';
import type { AffiliationRow, EntityRow, MentionRow, QuoteRow, ReviewItemRow } from '../rows.js';
import { idOf } from './writeArgs.js';

const ALL_KINDS: ReviewKind[] = ['QUOTE', 'MENTION', 'ROLE', 'ENTITY'];
const ENTITY_TYPES = ['Person', 'Organization', 'Place'] as const;

/** Any person's, organization's or place's ID → its row id (BAD_USER_INPUT otherwise). */
export function entityIdOf(globalId: string, argument: string): string {
  for (const type of ENTITY_TYPES) {
    try {
      return idOf(globalId, type, argument);
    } catch {
      // try the next type
    }
  }
  throw new AppError(ErrorCode.BAD_USER_INPUT, `${argument}: ${JSON.stringify(globalId)} is not the ID of a person, organization or place`, { argument });
}

/** A fact's ID → what it names (BAD_USER_INPUT naming the argument otherwise). */
export function factRefOf(id: string, argument: string): FactRef {
  const ref = parseFactId(id);
  if (!ref) throw new AppError(ErrorCode.BAD_USER_INPUT, `${argument}: ${JSON.stringify(id)} is not the ID of a quote, mention or role`, { argument });
  return ref;
}

/**
 * A fact as an editor sees it after a review or correction, whatever its status (the public
 * loaders hide rejected facts; the caller is an editor here).
 */
export async function reviewedFact(ctx: Context, ref: FactRef): Promise<QuoteRow | MentionRow | AffiliationRow> {
  const rows =
    ref.kind === 'QUOTE'
      ? (await ctx.read<never>(sql`SELECT ${columns.quote('q')} FROM quote q WHERE q.id = ${ref.id}::uuid`)).map(asQuote)
      : ref.kind === 'ROLE'
        ? (await ctx.read<never>(sql`SELECT ${columns.affiliation('f')} FROM affiliation f WHERE f.id = ${ref.id}::uuid`)).map(asRole)
        : (
            await ctx.read<never>(
              sql`SELECT ${columns.mention('m')} FROM mention m WHERE m."articleId" = ${ref.articleId}::uuid AND m.start = ${ref.start} AND m."end" = ${ref.end}`,
            )
          ).map(asMention);
  if (!rows[0]) throw new AppError(ErrorCode.INTERNAL_SERVER_ERROR, 'a reviewed fact is missing');
  return rows[0];
}

function speakerOf(input: SpeakerInput, argument = 'speaker'): SpeakerChoice {
  if (input.entityId && input.description) throw new AppError(ErrorCode.BAD_USER_INPUT, `${argument}: give entityId or description, not both`, { argument });
  if (input.entityId) return { entityId: entityIdOf(input.entityId, `${argument}.entityId`) };
  if (input.description)
    return { description: input.description, affiliationId: input.affiliationId ? entityIdOf(input.affiliationId, `${argument}.affiliationId`) : null };
  throw new AppError(ErrorCode.BAD_USER_INPUT, `${argument}: give entityId, or description (with affiliationId)`, { argument });
}

function mentionTargetOf(input: MentionEntityInput): MentionTarget {
  if (input.entityId) return { entityId: entityIdOf(input.entityId, 'entity.entityId') };
  if (input.kind && input.name) return { kind: input.kind, name: input.name };
  throw new AppError(ErrorCode.BAD_USER_INPUT, 'entity: give entityId, or kind and name', { argument: 'entity' });
}

/** Loads a queue entry's row: the fact with its article, or the entity. */
async function itemOf(ctx: Context, entry: QueueEntry): Promise<ReviewItemRow | null> {
  if (entry.kind === 'ENTITY') {
    const entity = await ctx.loaders.entityById.load(entry.id);
    return entity ? { kind: 'ENTITY', entity, confidence: entry.confidence, candidateIds: [] } : null;
  }
  const ref: FactRef =
    entry.kind === 'MENTION' ? { kind: 'MENTION', articleId: entry.id, start: entry.start!, end: entry.end! } : { kind: entry.kind, id: entry.id };
  const fact = await reviewedFact(ctx, ref).catch(() => null);
  if (!fact) return null;
  const articleId = fact.articleId;
  const article = articleId ? await ctx.loaders.articleById.load(articleId) : null;
  let context: string | null = null;
  let contextStart: number | null = null;
  if (article && 'paragraph' in fact) {
    const segment = articleSegments(article.title, article.paragraphs)[fact.paragraph];
    if (segment) {
      context = articleText(article.title, article.paragraphs).slice(segment.start, segment.end);
      contextStart = segment.start;
    }
  }
  return { kind: entry.kind, fact, articleId, confidence: entry.confidence, context, contextStart };
}

export const reviewQueryResolvers: Pick<QueryResolvers, 'reviewQueue' | 'mergeCandidates'> = {
  reviewQueue: async (_, args, ctx) => {
    requireRole(ctx.viewer, 'EDITOR', 'The review queue');
    const filter = {
      kinds: args.kinds?.length ? args.kinds : ALL_KINDS,
      articleId: args.article ? idOf(args.article, 'Article', 'article') : null,
      minConfidence: args.minConfidence ?? null,
      maxConfidence: args.maxConfidence ?? null,
    };
    const connection = await offsetPageOf(
      'reviewQueue',
      windowOf(args, ctx.maxPageSize),
      () => countQueue(ctx.read, filter),
      async (skip, take) =>
        (await Promise.all((await pageQueue(ctx.read, filter, skip, take)).map((entry) => itemOf(ctx, entry)))).filter((item) => item !== null),
    );
    return connection;
  },
  mergeCandidates: async (_, args, ctx) => {
    requireRole(ctx.viewer, 'EDITOR', 'Merge candidates');
    const all = await mergeCandidates(ctx.read, args.kind ?? null);
    return offsetPageOf(
      'mergeCandidates',
      windowOf(args, ctx.maxPageSize),
      async () => all.length,
      async (skip, take) => all.slice(skip, skip + take),
    );
  },
};

export const reviewItemResolvers: ReviewItemResolvers = {
  id: (item) => (item.kind === 'ENTITY' ? entityGlobalId(item.entity) : factGlobalId(item.fact)),
  fact: (item) => (item.kind === 'ENTITY' ? null : item.fact),
  entity: (item) => (item.kind === 'ENTITY' ? item.entity : null),
  candidates: async (item, _, ctx) => (item.kind === 'ENTITY' ? (await candidatesOf(ctx.read, item.entity.id)).map(asEntity) : []),
  article: (item, _, ctx) => (item.kind !== 'ENTITY' && item.articleId ? ctx.loaders.articleById.load(item.articleId) : null),
  context: (item) => (item.kind === 'ENTITY' ? null : item.context),
  contextStart: (item) => (item.kind === 'ENTITY' ? null : item.contextStart),
};

export const mergeCandidateResolvers: MergeCandidateResolvers = {
  entities: async (candidate, _, ctx) => (await Promise.all(candidate.ids.map((id) => ctx.loaders.entityById.load(id)))).filter((e) => e !== null),
};

/** The review and correction mutations (EDITOR). */
export const reviewMutationResolvers: Pick<
  MutationResolvers,
  'verifyFacts' | 'rejectFacts' | 'setQuoteSpeaker' | 'setQuoteSpan' | 'addQuote' | 'addMention' | 'removeMention'
> = {
  verifyFacts: async (_, { ids }, ctx) => review(ctx, ids, 'VERIFIED'),
  rejectFacts: async (_, { ids }, ctx) => review(ctx, ids, 'REJECTED'),
  setQuoteSpeaker: async (_, args, ctx) => {
    requireRole(ctx.viewer, 'EDITOR', 'Correcting a quote');
    const id = idOf(args.quoteId, 'Quote', 'quoteId');
    const speaker = speakerOf(args.speaker);
    await ctx.write((tx) => setQuoteSpeaker(tx, ctx.viewer, id, speaker));
    return reviewedFact(ctx, { kind: 'QUOTE', id }) as Promise<QuoteRow>;
  },
  setQuoteSpan: async (_, args, ctx) => {
    requireRole(ctx.viewer, 'EDITOR', 'Correcting a quote');
    const id = idOf(args.quoteId, 'Quote', 'quoteId');
    await ctx.write((tx) => setQuoteSpan(tx, ctx.viewer, id, args.start, args.end));
    return reviewedFact(ctx, { kind: 'QUOTE', id }) as Promise<QuoteRow>;
  },
  addQuote: async (_, args, ctx) => {
    requireRole(ctx.viewer, 'EDITOR', 'Adding a quote');
    const articleId = idOf(args.articleId, 'Article', 'articleId');
    const speaker = speakerOf(args.speaker);
    const id = await ctx.write((tx) => addQuote(tx, ctx.viewer, articleId, args.start, args.end, speaker));
    return reviewedFact(ctx, { kind: 'QUOTE', id }) as Promise<QuoteRow>;
  },
  addMention: async (_, args, ctx) => {
    requireRole(ctx.viewer, 'EDITOR', 'Adding a mention');
    const articleId = idOf(args.articleId, 'Article', 'articleId');
    const target = mentionTargetOf(args.entity);
    const ref = await ctx.write((tx) => addMention(tx, ctx.viewer, articleId, args.start, args.end, target));
    return reviewedFact(ctx, ref) as Promise<MentionRow>;
  },
  removeMention: async (_, { id }, ctx) => {
    requireRole(ctx.viewer, 'EDITOR', 'Removing a mention');
    const ref = factRefOf(id, 'id');
    if (ref.kind !== 'MENTION') throw new AppError(ErrorCode.BAD_USER_INPUT, 'id: is not the ID of a mention', { argument: 'id' });
    await ctx.write((tx) => reviewFacts(tx, ctx.viewer, [ref], 'REJECTED'));
    return reviewedFact(ctx, ref) as Promise<MentionRow>;
  },
};

async function review(ctx: Context, ids: readonly string[], status: 'VERIFIED' | 'REJECTED') {
  requireRole(ctx.viewer, 'EDITOR', status === 'VERIFIED' ? 'Verifying facts' : 'Rejecting facts');
  if (ids.length > ctx.maxPageSize) throw new AppError(ErrorCode.BAD_USER_INPUT, `ids: at most ${ctx.maxPageSize} facts at once`, { argument: 'ids' });
  const refs = ids.map((id, i) => factRefOf(id, `ids[${i}]`));
  await ctx.write((tx) => reviewFacts(tx, ctx.viewer, refs, status));
  return Promise.all(refs.map((ref) => reviewedFact(ctx, ref)));
}

/** Review metadata (status, reviewer, time) is editors' business: null for other callers. */
export function forEditors<T>(ctx: Context, value: T): T | null {
  return hasRole(ctx.viewer, 'EDITOR') ? value : null;
}

function entityGlobalId(entity: EntityRow): string {
  return toGlobalId(entity.__typename, entity.id);
}

/** The fact ID of a row (see src/content/factId.ts). */
export function factGlobalId(fact: QuoteRow | MentionRow | AffiliationRow): string {
  if (fact.__typename === 'Mention') return factId({ kind: 'MENTION', articleId: fact.articleId, start: fact.start, end: fact.end });
  return factId(fact.__typename === 'Quote' ? { kind: 'QUOTE', id: fact.id } : { kind: 'ROLE', id: fact.id });
}
