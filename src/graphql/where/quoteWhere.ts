import type { Prisma, QuoteKind } from '../../generated/prisma/client.js';

/** `QuoteWhereInput` as resolvers receive it. */
export interface QuoteWhereArgs {
  speaker?: string | null;
  article?: string | null;
  kind?: QuoteKind | null;
  textContains?: string | null;
}

/** Translates `QuoteWhereInput` into Prisma's where; rejected quotes never show. */
export function quoteWhere(input: QuoteWhereArgs | null | undefined): Prisma.QuoteWhereInput {
  const text = input?.textContains?.trim();
  return {
    status: { not: 'REJECTED' },
    ...(input?.speaker ? { speaker: { slug: input.speaker } } : {}),
    ...(input?.article ? { article: { slug: input.article } } : {}),
    ...(input?.kind ? { kind: input.kind } : {}),
    ...(text ? { text: { contains: text, mode: 'insensitive' as const } } : {}),
  };
}
