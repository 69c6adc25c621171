import { AppError, ErrorCode } from '../errors.js';

export type NodeType = 'Article' | 'Person' | 'Organization' | 'Place' | 'Quote' | 'Tag';
const NODE_TYPES: readonly string[] = ['Article', 'Person', 'Organization', 'Place', 'Quote', 'Tag'];

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
  if (colon < 0 || !NODE_TYPES.includes(type) || !/^[0-9a-f-]{36}$/.test(id)) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `${argument}: ${JSON.stringify(globalId)} is not a Storygraph ID`, { argument });
  }
  return { type: type as NodeType, id };
}
