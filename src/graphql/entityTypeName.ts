import type { EntityKind } from '../generated/prisma/client.js';

/** The GraphQL type (and schema.org type) of an entity of each kind. */
export const ENTITY_TYPE_NAME: Record<EntityKind, 'Person' | 'Organization' | 'Place'> = { PERSON: 'Person', ORGANIZATION: 'Organization', PLACE: 'Place' };
