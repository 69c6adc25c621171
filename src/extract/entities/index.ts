/** The entity stage's public face. */
export { buildEntities, type BuiltEntities } from './buildEntities.js';
export type { NerMention } from './mention.js';
