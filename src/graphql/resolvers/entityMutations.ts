import { requireRole } from '../../access/viewer.js';
import { addAlias, removeAlias, renameEntity, setEntityKind } from '../../commands/editEntities.js';
import { mergeEntities } from '../../commands/mergeEntities.js';
import { setRole } from '../../commands/setRole.js';
import { splitEntity } from '../../commands/splitEntity.js';
import { updateProfile } from '../../commands/updateProfile.js';
import { AppError, ErrorCode } from '../../errors.js';
import type { Context } from '../context.js';
import type { MutationResolvers } from '../generated/schemaTypes.js';
import { columns, sql } from '../read/sql.js';
import { asEntity } from '../read/tagRows.js';
import type { EntityRow } from '../rows.js';
import { entityIdOf, factRefOf, reviewedFact } from './reviewResolvers.js';
import { dateOf, idOf } from './writeArgs.js';

/** The entity as stored after a write (read anew; the request's loaders may hold the old row). */
async function writtenEntity(ctx: Context, id: string): Promise<EntityRow> {
  const [row] = await ctx.read<never>(sql`SELECT ${columns.entity('e')} FROM entity e WHERE e.id = ${id}::uuid`);
  if (!row) throw new AppError(ErrorCode.INTERNAL_SERVER_ERROR, 'a written entity is missing');
  return asEntity(row);
}

/** Runs an entity edit for an editor and answers the entity as it is now. */
async function edit(ctx: Context, action: string, work: Parameters<Context['write']>[0]): Promise<EntityRow> {
  requireRole(ctx.viewer, 'EDITOR', action);
  const id = (await ctx.write(work)) as string;
  return writtenEntity(ctx, id);
}

const optionalDate = (value: string | null | undefined, argument: string) =>
  value === undefined ? undefined : value === null ? null : dateOf(value, argument);

/** Entity curation (EDITOR): names, aliases, kinds, roles, merges, splits, profiles. */
export const entityMutationResolvers: Pick<
  MutationResolvers,
  | 'renameEntity'
  | 'addAlias'
  | 'removeAlias'
  | 'setEntityKind'
  | 'setRole'
  | 'mergeEntities'
  | 'splitEntity'
  | 'updatePersonProfile'
  | 'updateOrganizationProfile'
  | 'updatePlaceProfile'
> = {
  renameEntity: (_, args, ctx) => edit(ctx, 'Renaming an entity', (tx) => renameEntity(tx, ctx.viewer, entityIdOf(args.id, 'id'), args.name)),
  addAlias: (_, args, ctx) => edit(ctx, 'Adding an alias', (tx) => addAlias(tx, ctx.viewer, entityIdOf(args.id, 'id'), args.alias)),
  removeAlias: (_, args, ctx) => edit(ctx, 'Removing an alias', (tx) => removeAlias(tx, ctx.viewer, entityIdOf(args.id, 'id'), args.alias)),
  setEntityKind: (_, args, ctx) => edit(ctx, 'Changing an entity’s kind', (tx) => setEntityKind(tx, ctx.viewer, entityIdOf(args.id, 'id'), args.kind)),
  mergeEntities: (_, args, ctx) =>
    edit(ctx, 'Merging entities', (tx) =>
      mergeEntities(
        tx,
        ctx.viewer,
        entityIdOf(args.into, 'into'),
        args.from.map((id, i) => entityIdOf(id, `from[${i}]`)),
      ),
    ),
  splitEntity: (_, args, ctx) => {
    const mentions = args.mentionIds.map((id, i) => {
      const ref = factRefOf(id, `mentionIds[${i}]`);
      if (ref.kind !== 'MENTION')
        throw new AppError(ErrorCode.BAD_USER_INPUT, `mentionIds[${i}]: is not the ID of a mention`, { argument: `mentionIds[${i}]` });
      return ref;
    });
    const quotes = args.quoteIds.map((id, i) => idOf(id, 'Quote', `quoteIds[${i}]`));
    return edit(ctx, 'Splitting an entity', (tx) => splitEntity(tx, ctx.viewer, entityIdOf(args.id, 'id'), args.name, mentions, quotes));
  },
  setRole: async (_, { input }, ctx) => {
    requireRole(ctx.viewer, 'EDITOR', 'Setting a role');
    const id = await ctx.write((tx) =>
      setRole(tx, ctx.viewer, {
        id: input.id ? factRoleId(input.id) : null,
        personId: input.personId ? entityIdOf(input.personId, 'input.personId') : input.personId,
        title: input.title,
        affiliationId: input.affiliationId ? entityIdOf(input.affiliationId, 'input.affiliationId') : input.affiliationId,
        since: optionalDate(input.since, 'input.since'),
        until: optionalDate(input.until, 'input.until'),
      }),
    );
    return reviewedFact(ctx, { kind: 'ROLE', id }) as never;
  },
  updatePersonProfile: (_, args, ctx) =>
    edit(ctx, 'Editing a profile', (tx) => updateProfile(tx, ctx.viewer, idOf(args.id, 'Person', 'id'), 'PERSON', args.input)),
  updateOrganizationProfile: (_, args, ctx) =>
    edit(ctx, 'Editing a profile', (tx) => updateProfile(tx, ctx.viewer, idOf(args.id, 'Organization', 'id'), 'ORGANIZATION', args.input)),
  updatePlaceProfile: (_, args, ctx) =>
    edit(ctx, 'Editing a profile', (tx) => updateProfile(tx, ctx.viewer, idOf(args.id, 'Place', 'id'), 'PLACE', args.input)),
};

function factRoleId(id: string): string {
  const ref = factRefOf(id, 'input.id');
  if (ref.kind !== 'ROLE') throw new AppError(ErrorCode.BAD_USER_INPUT, 'input.id: is not the ID of a role', { argument: 'input.id' });
  return ref.id;
}
