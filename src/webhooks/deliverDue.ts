import type { WebhookSettings } from '../config.js';
import type { Sql, SqlDatabase } from '../db/sql.js';
import type { Logger } from '../log.js';
import { countWebhookDelivery } from '../metrics/metrics.js';
import { signBody } from './signBody.js';

interface Due {
  id: string;
  event: string;
  body: string;
  attempts: number;
  url: string;
  secret: string;
  /** The primary's WAL position now, past the commit that wrote the event. */
  lsn: string;
}

/** How an attempt ended: the receiver's status, or the network error. */
type Outcome = { ok: true; status: number } | { ok: false; status: number | null; error: string };

/**
 * Claims the next due delivery and sends it, inside one transaction that holds the row's lock
 * while the receiver answers: another process skips a locked row (`SKIP LOCKED`), so two
 * replicas never send the same delivery at once, and a crash before commit leaves it pending
 * (delivered at least once). A delivery waits while an earlier one of the same webhook and
 * article is pending and due or being retried, so one article's events arrive in order.
 * Returns false when nothing was due.
 */
export async function deliverNext(db: SqlDatabase, settings: WebhookSettings, log: Logger): Promise<boolean> {
  return db.transaction(async (sql) => {
    const [due] = await sql.rows<Due>(
      `SELECT d.id::text AS id, d.event, d.payload::text AS body, d.attempts, w.url, w.secret, pg_current_wal_lsn()::text AS lsn
       FROM webhook_delivery d JOIN webhook w ON w.id = d."webhookId"
       WHERE d.status = 'PENDING' AND d."nextAttemptAt" <= now() AT TIME ZONE 'UTC'
         AND NOT EXISTS (
           SELECT 1 FROM webhook_delivery e
           WHERE e."webhookId" = d."webhookId" AND e."orderKey" = d."orderKey" AND e.status = 'PENDING' AND e.seq < d.seq
             AND (e.attempts > 0 OR e."nextAttemptAt" <= now() AT TIME ZONE 'UTC'))
       ORDER BY d.seq
       LIMIT 1
       FOR UPDATE OF d SKIP LOCKED`,
    );
    if (!due) return false;
    const outcome = await send(due, settings.timeoutMs);
    await record(sql, due, outcome, settings);
    countWebhookDelivery(outcome.ok ? 'delivered' : due.attempts + 1 >= settings.maxAttempts ? 'failed' : 'retry');
    if (!outcome.ok) log.warn(`webhook: ${due.event} to ${due.url} failed (attempt ${due.attempts + 1}): ${outcome.error}`);
    return true;
  });
}

async function send(due: Due, timeoutMs: number): Promise<Outcome> {
  try {
    const response = await fetch(due.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Storygraph-Webhooks/1',
        'storygraph-event': due.event,
        'storygraph-delivery': due.id,
        'storygraph-signature': signBody(due.secret, due.body),
        // A receiver that reads the article back sends this on: a read replica answers only once it has the change.
        'storygraph-consistency': due.lsn,
      },
      body: due.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel();
    if (response.status >= 200 && response.status < 300) return { ok: true, status: response.status };
    return { ok: false, status: response.status, error: `the receiver answered HTTP ${response.status}` };
  } catch (error) {
    const reason = error instanceof Error ? (error.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : error.message) : String(error);
    return { ok: false, status: null, error: reason };
  }
}

/** Marks the delivery delivered, or schedules the next attempt (exponential backoff) or gives up. */
async function record(sql: Sql, due: Due, outcome: Outcome, settings: WebhookSettings): Promise<void> {
  const attempts = due.attempts + 1;
  if (outcome.ok) {
    await sql.run(
      `UPDATE webhook_delivery SET status = 'DELIVERED', attempts = $2, "lastStatus" = $3, "lastError" = NULL, "deliveredAt" = now() AT TIME ZONE 'UTC' WHERE id = $1::uuid`,
      due.id,
      attempts,
      outcome.status,
    );
    return;
  }
  const delayMs = Math.min(settings.retryBaseMs * 2 ** (attempts - 1), 3_600_000);
  await sql.run(
    `UPDATE webhook_delivery SET attempts = $2::int, "lastStatus" = $3, "lastError" = $4,
       status = CASE WHEN $2::int >= $5::int THEN 'FAILED'::"DeliveryStatus" ELSE 'PENDING'::"DeliveryStatus" END,
       "nextAttemptAt" = clock_timestamp() AT TIME ZONE 'UTC' + make_interval(secs => $6::float8 / 1000)
     WHERE id = $1::uuid`,
    due.id,
    attempts,
    outcome.status,
    outcome.error.slice(0, 1000),
    settings.maxAttempts,
    delayMs,
  );
}
