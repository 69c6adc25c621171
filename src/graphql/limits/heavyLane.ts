import { GraphQLError } from 'graphql';
import type { RequestBudget } from '../../db/requestBudget.js';
import { ErrorCode } from '../../errors.js';

/**
 * A process-wide turnstile for heavy requests (estimated cost at or over `GRAPHQL_HEAVY_COST`):
 * at most `size` run at once, each on one database connection, so however many clients send
 * expensive queries, they share a bounded part of the database and the rest of it stays free
 * for ordinary requests. A request waits for its turn until its deadline.
 */
export class HeavyLane {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly size: number) {}

  /** Waits for a turn; returns the function that ends it. Throws REQUEST_TIMEOUT when the budget expires first. */
  async enter(budget: RequestBudget | undefined): Promise<() => void> {
    budget?.narrow(1);
    if (this.running < this.size) {
      this.running++;
      return this.leaver();
    }
    let admit!: () => void;
    const turn = new Promise<void>((resolve) => (admit = resolve));
    this.waiting.push(admit);
    const expired = budget?.whenExpired().then(() => 'expired' as const);
    const outcome = await Promise.race([turn.then(() => 'admitted' as const), ...(expired ? [expired] : [])]);
    if (outcome === 'expired') {
      const index = this.waiting.indexOf(admit);
      if (index >= 0) this.waiting.splice(index, 1);
      else this.leaver()(); // admitted at the same moment: pass the turn on
      throw new GraphQLError(`The request waited for its turn among heavy requests past its deadline of ${budget!.timeoutMs} ms`, {
        extensions: { code: ErrorCode.REQUEST_TIMEOUT, http: { status: 503 } },
      });
    }
    return this.leaver();
  }

  private leaver(): () => void {
    let left = false;
    return () => {
      if (left) return;
      left = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    };
  }
}
