/** The parsed answer of a GraphQL request plus its HTTP status. */
export interface GraphQLAnswer<T = Record<string, any>> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** Posts a GraphQL operation to a running server over real HTTP. */
export async function gql<T = Record<string, any>>(url: string, query: string, variables?: Record<string, unknown>): Promise<GraphQLAnswer<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLAnswer<T>, 'status'>;
  return { status: response.status, ...body };
}
