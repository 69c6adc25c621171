/**
 * A batch lost a race on a unique key (a row it meant to insert or find was not there after
 * `ON CONFLICT DO NOTHING`). The whole batch transaction is rolled back and retried.
 */
export class BatchConflict extends Error {
  constructor(what: string) {
    super(`import batch conflicted with a concurrent write (${what}); retrying`);
    this.name = 'BatchConflict';
  }
}
