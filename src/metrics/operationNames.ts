/** A GraphQL name: what a client may send as an operation name and still be a label. */
const NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;

/**
 * Keeps the operation-name label bounded: names are client input, and every distinct value is a
 * new time series in Prometheus. The known names (the example operations) and the first `cap`
 * other valid names seen by this process are kept; anything after that, or not a valid GraphQL
 * name, is "other", and an operation without a name is "anonymous".
 */
export class OperationNames {
  private readonly seen = new Set<string>();

  constructor(
    private readonly known: ReadonlySet<string>,
    private readonly cap: number,
  ) {}

  /** The label for an operation name. */
  label(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (this.known.has(name) || this.seen.has(name)) return name;
    if (!NAME.test(name) || this.seen.size >= this.cap) return 'other';
    this.seen.add(name);
    return name;
  }
}
