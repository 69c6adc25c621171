import { loadConfig } from '../../src/config.js';
import { parseDatabaseUrl, redactDatabaseUrl } from '../../src/config/databaseUrl.js';

describe('loadConfig', () => {
  it('defaults to the embedded database on port 4000 in development', () => {
    expect(loadConfig({})).toMatchObject({
      nodeEnv: 'development',
      port: 4000,
      databaseUrl: null,
      introspection: true,
      seedOnEmpty: true,
      statementTimeoutMs: 10000,
    });
  });

  it('turns introspection off in production unless asked', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).introspection).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' }).introspection).toBe(true);
  });

  it('serves the explorer except in production unless asked', () => {
    expect(loadConfig({}).explorer).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }).explorer).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', EXPLORER: 'true' }).explorer).toBe(true);
    expect(loadConfig({ EXPLORER: 'off' }).explorer).toBe(false);
    expect(() => loadConfig({ EXPLORER: 'maybe' })).toThrow('EXPLORER="maybe" is invalid: expected true or false');
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(
      expect.objectContaining({ code: 'INVALID_CONFIG', message: 'PORT="eighty" is invalid: expected an integer from 0 to 65535' }),
    );
    expect(() => loadConfig({ NODE_ENV: 'staging' })).toThrow(expect.objectContaining({ code: 'INVALID_CONFIG' }));
    expect(() => loadConfig({ DATABASE_URL: 'not a url' })).toThrow(expect.objectContaining({ code: 'INVALID_DATABASE_URL' }));
  });
});

describe('parseDatabaseUrl', () => {
  it('splits a URL into the fields pg needs', () => {
    expect(parseDatabaseUrl('postgresql://app:s%40cret@db.internal:6543/news?sslmode=require')).toEqual({
      host: 'db.internal',
      port: 6543,
      user: 'app',
      password: 's@cret',
      database: 'news',
      params: { sslmode: 'require' },
    });
  });

  it('rejects other schemes and missing parts, and never logs a password', () => {
    expect(() => parseDatabaseUrl('postgresql://localhost')).toThrow(expect.objectContaining({ code: 'INVALID_DATABASE_URL' }));
    expect(redactDatabaseUrl('postgresql://app:secret@db/news')).toBe('postgresql://app:***@db/news');
  });
});
