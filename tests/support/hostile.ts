import type { GraphQLAnswer } from './graphqlClient.js';

/** A normal reader's query (the seed article's page, in short) and what it must return. */
export const NORMAL_QUERY = `{ article(slug: "russia-and-nato-agree-to-begin-negotiations-this-winter") { title quotes(first: 3) { nodes { text } } } }`;
export const NORMAL_TITLE = 'Russia and NATO Agree to Begin Negotiations This Winter';

/** An HTTP answer with its status, headers and parsed JSON body. */
export interface Answer<T = Record<string, any>> extends GraphQLAnswer<T> {
  headers: Headers;
}

/** Posts a GraphQL request body as a client would. */
export async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: Omit<GraphQLAnswer, 'status'>;
  try {
    parsed = JSON.parse(text) as Omit<GraphQLAnswer, 'status'>;
  } catch {
    parsed = { errors: [{ message: text }] };
  }
  return { status: response.status, headers: response.headers, ...parsed };
}

/** What happened around a hostile request: its answer, the bystanders' answers and the order they finished in. */
export interface ProbeResult {
  hostile: Answer;
  live: number;
  normal: Answer;
  /** 'hostile', 'live' and 'normal' in the order their answers arrived. */
  order: string[];
}

/**
 * Sends a hostile request and, while it is in flight, a `/health/live` check and a normal
 * reader's query, as other clients would: the bystanders must be answered whatever the hostile
 * request does. Records the order the three answers arrived in (never their times).
 */
export async function probe(url: string, body: unknown, headers: Record<string, string> = {}): Promise<ProbeResult> {
  const order: string[] = [];
  const hostile = post(url, body, headers).then((answer) => (order.push('hostile'), answer));
  // Let the hostile request reach the server first.
  await new Promise((resolve) => setTimeout(resolve, 20));
  const live = fetch(url.replace(/\/graphql$/, '/health/live')).then((response) => (order.push('live'), response.status));
  const normal = post(url, { query: NORMAL_QUERY }).then((answer) => (order.push('normal'), answer));
  return { hostile: await hostile, live: await live, normal: await normal, order };
}

/** The bystanders of a probe were served: liveness 200, the normal query's data and no error. */
export function expectBystandersServed(result: ProbeResult): void {
  expect(result.live).toBe(200);
  expect(result.normal.status).toBe(200);
  expect(result.normal.errors).toBeUndefined();
  expect(result.normal.data?.article.title).toBe(NORMAL_TITLE);
}

/** A 1 KB document whose fragments each spread the next one twice, ending in `__typename` (cost 2^levels). */
export function fragmentBomb(levels: number): string {
  let document = 'query{...F0}';
  for (let i = 0; i < levels; i++) document += ` fragment F${i} on Query{...F${i + 1} ...F${i + 1}}`;
  return `${document} fragment F${levels} on Query{__typename}`;
}
