/** Which browser origins may call the API (`CORS_ORIGINS`). */
export type CorsOrigins = { kind: 'any' } | { kind: 'list'; origins: readonly string[]; localhost: boolean };

/**
 * Reads `CORS_ORIGINS`: `*`, or a comma-separated list of origins (`https://news.example.com`).
 * Unset: any localhost origin in development and tests, none in production. Returns an error
 * message for an entry that is not an origin.
 */
export function parseCorsOrigins(raw: string | undefined, production: boolean): CorsOrigins | string {
  const value = raw?.trim();
  if (!value) return { kind: 'list', origins: [], localhost: !production };
  if (value === '*') return { kind: 'any' };
  const origins: string[] = [];
  for (const entry of value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    let url: URL;
    try {
      url = new URL(entry);
    } catch {
      return `${JSON.stringify(entry)} is not an origin such as https://news.example.com`;
    }
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== entry.replace(/\/$/, '')) {
      return `${JSON.stringify(entry)} is not an origin such as https://news.example.com (scheme, host and port only)`;
    }
    origins.push(url.origin);
  }
  return { kind: 'list', origins, localhost: false };
}
