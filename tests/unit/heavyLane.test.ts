import { RequestBudget } from '../../src/db/requestBudget.js';
import { HeavyLane } from '../../src/graphql/limits/heavyLane.js';

describe('HeavyLane', () => {
  it('lets a bounded number of heavy requests run at once, the rest in turn, each on one connection', async () => {
    const lane = new HeavyLane(1);
    const order: string[] = [];
    const budgets = [new RequestBudget(60_000, 3), new RequestBudget(60_000, 3)];
    const leaveFirst = await lane.enter(budgets[0]);
    const second = lane.enter(budgets[1]).then((leave) => (order.push('second admitted'), leave));
    await new Promise((resolve) => setImmediate(resolve));
    order.push('first leaves');
    leaveFirst();
    (await second)();
    expect(order).toEqual(['first leaves', 'second admitted']);
    // Narrowed to one connection: a second acquisition waits for the first to be released.
    await budgets[0]!.acquire();
    const waiting = budgets[0]!.acquire().then(() => 'acquired');
    expect(await Promise.race([waiting, new Promise((resolve) => setImmediate(() => resolve('waiting')))])).toBe('waiting');
    budgets[0]!.release();
    expect(await waiting).toBe('acquired');
    for (const budget of budgets) budget.finish();
  });

  it('gives up a wait at the request deadline with REQUEST_TIMEOUT, passing no turn away', async () => {
    const lane = new HeavyLane(1);
    const leave = await lane.enter(new RequestBudget(60_000, 3));
    const late = new RequestBudget(50, 3);
    await expect(lane.enter(late)).rejects.toMatchObject({ extensions: { code: 'REQUEST_TIMEOUT' } });
    leave();
    const next = new RequestBudget(60_000, 3);
    const leaveNext = await lane.enter(next);
    leaveNext();
    next.finish();
  });
});
