import { randomUUID } from 'node:crypto';
import type { Sql } from '../db/sql.js';
import type { WebhookEvent } from './webhookEvents.js';

/** What a webhook receives, as JSON: the event, its id (the same for every webhook) and its data. */
export interface EventBody {
  id: string;
  event: WebhookEvent;
  occurredAt: string;
  [data: string]: unknown;
}

/**
 * Writes one delivery per webhook subscribed to `event` into the outbox, inside the caller's
 * transaction: committed with the change or not at all, so a crash between commit and delivery
 * loses nothing (the delivery loop of any process picks the rows up). `orderKey` (an article's
 * id) keeps one article's deliveries in order; `notBefore` holds them until a moment (a
 * scheduled publication). Returns the number of deliveries written.
 */
export async function enqueueEvent(
  sql: Sql,
  event: WebhookEvent,
  orderKey: string,
  data: Record<string, unknown>,
  notBefore: Date | null = null,
): Promise<number> {
  const body: EventBody = { id: randomUUID(), event, occurredAt: (notBefore ?? new Date()).toISOString(), ...data };
  return sql.run(
    `INSERT INTO webhook_delivery (id, "webhookId", event, "orderKey", payload, "nextAttemptAt")
     SELECT gen_random_uuid(), w.id, $1, $2, $3::jsonb, COALESCE($4::timestamptz AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC')
     FROM webhook w WHERE $1 = ANY(w.events)`,
    event,
    orderKey,
    JSON.stringify(body),
    notBefore?.toISOString() ?? null,
  );
}

/** Withdraws deliveries of `event` for `orderKey` that are not due yet (a scheduled publication cancelled or moved). */
export function cancelScheduled(sql: Sql, event: WebhookEvent, orderKey: string): Promise<number> {
  return sql.run(
    `UPDATE webhook_delivery SET status = 'CANCELLED'
     WHERE status = 'PENDING' AND event = $1 AND "orderKey" = $2 AND attempts = 0 AND "nextAttemptAt" > now() AT TIME ZONE 'UTC'`,
    event,
    orderKey,
  );
}
