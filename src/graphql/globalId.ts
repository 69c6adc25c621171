import { AppError, ErrorCode } from '../errors.js';
import type { NodeResolvers } from './generated/schemaTypes.js';

/** The types that implement `Node`, as schema.graphql declares them (generated). */
export type NodeType = NonNullable<Awaited<ReturnType<NodeResolvers['__resolveType']>>>;

// `satisfies` makes a Node type added to the schema a compile error here until it is listed.
const NODE_TYPES = { Article: true, Person: true, Organization: true, Place: true, Quote: true, Tag: true } as const satisfies Record<NodeType, true>;

/** Opaque global ID: base64url of "Type:uuid". Clients must not parse it. */
export function toGlobalId(type: NodeType, id: string): string {
  return Buffer.from(`${type}:${id}`).toString('base64url');
}

/** Decodes a global ID; throws BAD_USER_INPUT naming the argument when it is not one of ours. */
export function fromGlobalId(globalId: string, argument = 'id'): { type: NodeType; id: string } {
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const colon = decoded.indexOf(':');
  const type = decoded.slice(0, colon);
  const id = decoded.slice(colon + 1);
  if (colon < 0 || !Object.hasOwn(NODE_TYPES, type) || !/^[0-9a-f-]{36}$/.test(id)) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `${argument}: ${JSON.stringify(globalId)} is not a Storygraph ID`, { argument });
  }
  return { type: type as NodeType, id };
}
