import { AsyncLocalStorage } from 'node:async_hooks';

/** What every layer may know about the request it works for. */
export interface RequestScope {
  /** Sent back as `X-Request-Id` and written on every log line about the request. */
  readonly id: string;
  /** Errors already logged for this request, so one fault shared by many fields is logged once. */
  readonly loggedErrors: WeakSet<object>;
  /** Whom the request counts against for rate limiting (set by the HTTP layer). */
  clientKey?: string;
  /** The GraphQL operation's name and type once known (for the request log, metrics and traces). */
  operation?: { name: string | null; type: string | null };
  /** Error codes the response carried (GraphQL errors or an HTTP refusal). */
  errorCodes: string[];
}

const storage = new AsyncLocalStorage<RequestScope>();

/** Runs `work` (and everything it starts) as part of the request `id`. */
export function withRequestScope<T>(id: string, work: () => T): T {
  return storage.run({ id, loggedErrors: new WeakSet(), errorCodes: [] }, work);
}

/** The request this code runs for, if any. */
export function currentRequest(): RequestScope | undefined {
  return storage.getStore();
}
