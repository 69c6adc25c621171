import { decodeGlobalId, encodeGlobalId } from '../content/globalId.js';
import { AppError, ErrorCode } from '../errors.js';
import type { NodeResolvers } from './generated/schemaTypes.js';

/** The types that implement `Node`, as schema.graphql declares them (generated). */
export type NodeType = NonNullable<Awaited<ReturnType<NodeResolvers['__resolveType']>>>;

// `satisfies` makes a Node type added to the schema a compile error here until it is listed.
const NODE_TYPES = { Article: true, Person: true, Organization: true, Place: true, Quote: true, Tag: true, Webhook: true } as const satisfies Record<
  NodeType,
  true
>;

/** A global ID for a row of a Node type (see src/content/globalId.ts). */
export function toGlobalId(type: NodeType, id: string): string {
  return encodeGlobalId(type, id);
}

/** Decodes a global ID; throws BAD_USER_INPUT naming the argument when it is not one of ours. */
export function fromGlobalId(globalId: string, argument = 'id'): { type: NodeType; id: string } {
  const decoded = decodeGlobalId(globalId);
  if (!decoded || !Object.hasOwn(NODE_TYPES, decoded.type)) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `${argument}: ${JSON.stringify(globalId)} is not a Storygraph ID`, { argument });
  }
  return { type: decoded.type as NodeType, id: decoded.id };
}
