import { requireRole } from '../../access/viewer.js';
import { createWebhook, deleteWebhook, listWebhooks } from '../../webhooks/manageWebhooks.js';
import type { DeliveryStatus, MutationResolvers, QueryResolvers, WebhookDeliveryResolvers, WebhookResolvers } from '../generated/schemaTypes.js';
import { toGlobalId } from '../globalId.js';
import { windowOf } from '../paginate.js';
import { listPage } from '../read/listPage.js';
import { sortKey } from '../paging/sortKey.js';
import { and, sql } from '../read/sql.js';
import type { WebhookDeliveryRow, WebhookRow } from '../rows.js';
import { idOf } from './writeArgs.js';

const asWebhook = <W extends object>(webhook: W): W & { __typename: 'Webhook' } => ({ ...webhook, __typename: 'Webhook' });

/** Query.webhooks and Query.webhookDeliveries (ADMIN). */
export const webhookQueryResolvers: Pick<QueryResolvers, 'webhooks' | 'webhookDeliveries'> = {
  webhooks: async (_, __, ctx) => {
    requireRole(ctx.viewer, 'ADMIN', 'Listing webhooks');
    return (await listWebhooks(ctx.prisma)).map(asWebhook);
  },
  webhookDeliveries: (_, args, ctx) => {
    requireRole(ctx.viewer, 'ADMIN', 'Listing webhook deliveries');
    const conditions = [];
    if (args.webhook) conditions.push(sql`d."webhookId" = ${idOf(args.webhook, 'Webhook', 'webhook')}::uuid`);
    if (args.status) conditions.push(sql`d.status = ${args.status}::"DeliveryStatus"`);
    return listPage(ctx, windowOf(args, ctx.maxPageSize), {
      select: sql`d.id::text AS id, d.seq, d."webhookId"::text AS "webhookId", d.event, d."orderKey", d.payload, d.status::text AS status, d.attempts,
                  d."nextAttemptAt", d."lastStatus", d."lastError", d."createdAt", d."deliveredAt"`,
      from: sql`webhook_delivery d`,
      where: and(conditions),
      ordering: { connection: 'webhookDeliveries', keys: [sortKey('seq', 'd.seq', 'bigint', 'DESC')] },
      map: (row: WebhookDeliveryRow) => row,
    });
  },
};

/** Mutation.createWebhook and Mutation.deleteWebhook (ADMIN). */
export const webhookMutationResolvers: Pick<MutationResolvers, 'createWebhook' | 'deleteWebhook'> = {
  createWebhook: async (_, { input }, ctx) => {
    requireRole(ctx.viewer, 'ADMIN', 'Registering a webhook');
    const { webhook, secret } = await createWebhook(ctx.prisma, { ...input, createdBy: ctx.viewer.name });
    return { webhook: asWebhook(webhook), secret };
  },
  deleteWebhook: async (_, { id }, ctx) => {
    requireRole(ctx.viewer, 'ADMIN', 'Removing a webhook');
    return asWebhook(await deleteWebhook(ctx.prisma, idOf(id, 'Webhook', 'id')));
  },
};

export const webhookResolvers: WebhookResolvers = {
  id: (webhook) => toGlobalId('Webhook', webhook.id),
  createdAt: (webhook) => webhook.createdAt.toISOString(),
};

export const webhookDeliveryResolvers: WebhookDeliveryResolvers = {
  webhook: async (delivery, _, ctx) =>
    asWebhook((await ctx.prisma.webhook.findUniqueOrThrow({ where: { id: delivery.webhookId }, omit: { secret: true } })) as Omit<WebhookRow, '__typename'>),
  status: (delivery) => delivery.status as DeliveryStatus,
  createdAt: (delivery) => delivery.createdAt.toISOString(),
  nextAttemptAt: (delivery) => delivery.nextAttemptAt.toISOString(),
  deliveredAt: (delivery) => delivery.deliveredAt?.toISOString() ?? null,
};
