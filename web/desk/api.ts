import { TOKEN_KEY } from '../shared/token';

/** An error the API answered, with its stable code (`CONFLICT`, `FORBIDDEN` …) and extensions. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export function currentToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function setToken(token: string | null): void {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

/** Runs a GraphQL operation on this server's public /graphql with the session's token; throws ApiError. */
export async function gql<T>(query: string, variables: Record<string, unknown> = {}, token = currentToken()): Promise<T> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json().catch(() => ({}))) as { data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  const error = body.errors?.[0];
  if (error) throw new ApiError(error.message, String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR'), error.extensions);
  if (!body.data) throw new ApiError(`the API answered HTTP ${response.status}`, 'INTERNAL_SERVER_ERROR');
  return body.data;
}
