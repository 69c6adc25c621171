import { loadConfig } from '../../src/config.js';
import { OPERATIONS_SETTINGS } from '../../src/config/operationsSettings.js';

// A value for each documented variable that differs from its default in development.
const VALUES: Record<string, string> = {
  LOG_FORMAT: 'json',
  LOG_LEVEL: 'debug',
  METRICS_TOKEN: 'scrape-secret',
  METRICS_PORT: '9464',
  WORKER_METRICS_PORT: '9465',
  METRICS_MAX_OPERATION_NAMES: '5',
  OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
  OTEL_SERVICE_NAME: 'storygraph-eu',
  MIGRATE_ON_START: 'false',
  SEED_ON_EMPTY: 'false',
  SHUTDOWN_TIMEOUT_MS: '9000',
};

describe('the operations settings (README table)', () => {
  // The service name only matters with an endpoint; both are set for every variable.
  const base = { NODE_ENV: 'development', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' };

  it.each(OPERATIONS_SETTINGS.map((setting) => setting.variable))('%s is read by loadConfig', (variable) => {
    expect(VALUES[variable]).toBeDefined();
    const env = variable === 'OTEL_EXPORTER_OTLP_ENDPOINT' ? { NODE_ENV: 'development' } : base;
    expect(loadConfig({ ...env, [variable]: VALUES[variable] })).not.toEqual(loadConfig(env));
  });

  it('turns migrations at start and the demo story off in production, and closes /metrics', () => {
    expect(loadConfig({ NODE_ENV: 'production' })).toMatchObject({
      migrateOnStart: false,
      seedOnEmpty: false,
      logFormat: 'json',
      metrics: { token: null, port: null, open: false },
      tracing: null,
    });
    expect(loadConfig({ NODE_ENV: 'development' })).toMatchObject({ migrateOnStart: true, seedOnEmpty: true, logFormat: 'pretty', metrics: { open: true } });
  });
});
