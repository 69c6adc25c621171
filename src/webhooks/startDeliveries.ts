import type { WebhookSettings } from '../config.js';
import type { SqlDatabase } from '../db/sql.js';
import type { Logger } from '../log.js';
import { deliverNext } from './deliverDue.js';

/** A running delivery loop. */
export interface Deliveries {
  /** Looks for due deliveries now (after a write), instead of at the next poll. */
  wake(): void;
  /** Stops polling and waits for the delivery in progress, if any. */
  stop(): Promise<void>;
}

/**
 * Delivers the webhook outbox from this process: every `pollMs`, and at once when woken, it
 * sends due deliveries one after another until none is due. Any number of processes may run
 * it on one database; the outbox rows coordinate them (see `deliverNext`).
 */
export function startDeliveries(db: SqlDatabase, settings: WebhookSettings, log: Logger): Deliveries {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;

  const run = async () => {
    try {
      while (!stopped && (await deliverNext(db, settings, log)));
    } catch (error) {
      // The database may be away for a moment; the next poll tries again.
      if (!stopped) log.error(`webhook: delivery loop: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const tick = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    if (timer) clearTimeout(timer);
    running = run().finally(() => {
      running = null;
      if (again) {
        again = false;
        tick();
      } else schedule();
    });
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(tick, settings.pollMs);
    timer.unref();
  };
  schedule();
  return {
    wake: () => tick(),
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
