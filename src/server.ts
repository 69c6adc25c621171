import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { GraphQLError, Kind, parse } from 'graphql';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault, ApolloServerPluginLandingPageProductionDefault } from '@apollo/server/plugin/landingPage/default';
import type { Config } from './config.js';
import { viewerForToken } from './auth/apiTokens.js';
import type { PrismaClient } from './db/createPrisma.js';
import { toAppError } from './db/prismaErrors.js';
import { sqlOf } from './db/sql.js';
import { RequestBudget, withBudget } from './db/requestBudget.js';
import { openReadReplicas } from './db/readReplicas.js';
import { laterLsn, parseLsn, type Lsn } from './db/walLsn.js';
import { CONSISTENCY_HEADER, replicaReadsPlugin } from './graphql/replicaReadsPlugin.js';
import { createContext, type Context } from './graphql/context.js';
import { createFormatError } from './graphql/formatError.js';
import { createSchema } from './graphql/schema/createSchema.js';
import { compiledGateway } from './graphql/compiledExecutor.js';
import { createLimitsPlugin, type ChargeCost } from './graphql/limits/createLimitsPlugin.js';
import { KnownOperationTypesRule } from './graphql/limits/knownOperationTypes.js';
import { httpStatusPlugin } from './graphql/httpStatusPlugin.js';
import { observePlugin } from './graphql/observePlugin.js';
import { traceResolvers, tracingPlugin } from './graphql/tracingPlugin.js';
import { context as traceContext, endSpan, SpanKind, trace, tracer, tracingOn } from './tracing/tracer.js';
import { propagation } from '@opentelemetry/api';
import { retryLaterPlugin } from './graphql/limits/retryLaterPlugin.js';
import { DEFAULT_LIMITS, type QueryLimits } from './config/queryLimits.js';
import { loadOperations } from './graphql/loadOperations.js';
import { poolOf } from './db/createPrisma.js';
import { serveMetrics } from './http/metricsEndpoint.js';
import { startMetricsServer } from './http/startMetricsServer.js';
import { countError, observePool, recordHttpRequest, recordOperation } from './metrics/metrics.js';
import { OperationNames } from './metrics/operationNames.js';
import { AppError, ERROR_CODES, ErrorCode, isAppError } from './errors.js';
import { authenticate } from './http/authenticate.js';
import { corsHeaders, isPreflight } from './http/cors.js';
import { portInUse } from './http/assertPortFree.js';
import { clientKeyOf } from './http/clientKey.js';
import { handleGraphQL, type GraphQLEndpoint, type RequestUsage } from './http/graphqlEndpoint.js';
import { createRateLimit } from './http/rateLimit.js';
import { redisQueryCache } from './http/redisQueryCache.js';
import type { TokenBuckets } from './http/tokenBucket.js';
import { requestIdOf } from './http/requestId.js';
import { sendError, sendJson } from './http/respond.js';
import type { Logger } from './log.js';
import { startDeliveries } from './webhooks/startDeliveries.js';
import { currentRequest, withRequestScope, type RequestScope } from './requestScope.js';
import { nextScheduledPublication } from './articles/nextScheduledPublication.js';
import { readerCachePlugin } from './graphql/readerCachePlugin.js';
import { readerMaxAge } from './http/readerCaching.js';
import { memoryResponseCache, redisResponseCache } from './http/responseCache.js';
import { ANONYMOUS } from './access/viewer.js';
import { createPageApi } from './http/pageApi.js';
import { handlePages, isPagePath, type PagesOptions } from './pages/handlePages.js';

export interface RunningServer {
  url: string;
  port: number;
  http: Server;
  /** Where Prometheus scrapes this process: `/metrics` on the API port, on `METRICS_PORT`, or nowhere. */
  metricsUrl: string | null;
  /**
   * Stops gracefully: readiness fails and no new connection is accepted from the first moment;
   * requests already accepted get `graceMs` (default: their own deadline plus 2 s) to finish,
   * then the remaining connections are closed, webhook delivery stops and Redis is let go.
   * Resolves with the number of requests that had to be cut off.
   */
  stop(graceMs?: number): Promise<number>;
}

/**
 * What the server needs from Config. `limits` defaults to DEFAULT_LIMITS field by field, except
 * that rate limiting is off under `nodeEnv: 'test'` unless a test asks for it; `corsOrigins` to
 * any localhost origin outside production.
 */
export type ServerConfig = Pick<Config, 'nodeEnv' | 'port' | 'introspection'> &
  Partial<
    Pick<
      Config,
      | 'corsOrigins'
      | 'publicBaseUrl'
      | 'publisherName'
      | 'webhooks'
      | 'importLimits'
      | 'redisUrl'
      | 'trustProxyHops'
      | 'metrics'
      | 'databaseReplicaUrls'
      | 'responseCacheSeconds'
      | 'explorer'
    >
  > & {
    limits?: Partial<QueryLimits>;
    /** Redis key prefix of the rate-limit buckets (tests keep theirs apart). */
    rateLimitPrefix?: string;
    /** Redis key prefix of the shared response cache (tests keep theirs apart). */
    responseCachePrefix?: string;
  };

export interface ServerHooks {
  /** False while the database is known to be down (the embedded one restarting): readiness fails. */
  databaseUp?: () => boolean;
}

/** Longest the readiness check waits for the database. */
const READY_TIMEOUT_MS = 2000;

/**
 * Starts the HTTP server: GraphQL at /graphql (Apollo Sandbox on GET in development), liveness
 * at /health/live and readiness (checks the database) at /health/ready. Every response carries
 * an `X-Request-Id`. Holds no state beyond the database pool and, without `REDIS_URL`, the
 * rate-limit buckets. Throws PORT_IN_USE when the port is taken.
 */
export async function startServer(config: ServerConfig, prisma: PrismaClient, log: Logger, hooks: ServerHooks = {}): Promise<RunningServer> {
  const limits: QueryLimits = {
    ...DEFAULT_LIMITS,
    ...(config.nodeEnv === 'test' ? { rateLimitPerSecond: 0 } : {}),
    ...config.limits,
  };
  const rateLimit = await createRateLimit(
    { perSecond: limits.rateLimitPerSecond, burst: limits.rateLimitBurst, redisUrl: config.redisUrl ?? null, prefix: config.rateLimitPrefix },
    log,
  );
  const chargeCost = rateLimit ? costCharger(rateLimit, limits) : undefined;
  // Persisted queries registered with one process are known to every process sharing Redis.
  const queryCache = config.redisUrl ? await redisQueryCache(config.redisUrl, log) : null;
  // Readers' answers: ETags always; with RESPONSE_CACHE_SECONDS a shared cache, emptied by every mutation.
  const cacheSeconds = config.responseCacheSeconds ?? 0;
  const responseCache =
    cacheSeconds > 0 ? (config.redisUrl ? await redisResponseCache(config.redisUrl, log, config.responseCachePrefix) : memoryResponseCache()) : null;
  const maxAge = readerMaxAge(cacheSeconds, () => nextScheduledPublication(prisma));
  const schema = createSchema(limits);
  // Tracing starts before the server (src/index.ts); without it resolvers stay unwrapped.
  if (tracingOn()) traceResolvers(schema);
  const apollo = new ApolloServer<Context>({
    ...(queryCache ? { cache: queryCache } : {}),
    gateway: compiledGateway(schema),
    introspection: config.introspection,
    includeStacktraceInErrorResponses: false,
    // The process handles SIGINT and SIGTERM itself (src/index.ts), draining requests in order;
    // Apollo's own handlers would stop it concurrently and re-raise the signal.
    stopOnTerminationSignals: false,
    // Refused while parsing, with HTTP 400, before a huge document costs anything.
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: [KnownOperationTypesRule],
    formatError: createFormatError(log, { hideSuggestions: !config.introspection }),
    plugins: [
      observePlugin<Context>(),
      tracingPlugin<Context>(),
      createLimitsPlugin<Context>(limits, chargeCost),
      httpStatusPlugin<Context>(),
      retryLaterPlugin<Context>(),
      replicaReadsPlugin(),
      // Apollo's cache-control plugin wraps every field's resolver to gather hints nobody sets;
      // readers' caching is decided per response (readerCachePlugin, http/readerCaching.ts).
      ApolloServerPluginCacheControlDisabled(),
      readerCachePlugin(async (lsn) => {
        maxAge.forget();
        await responseCache?.bump(lsn);
      }),
      config.nodeEnv === 'production'
        ? ApolloServerPluginLandingPageProductionDefault({ footer: false })
        : // Sandbox opens with the example operations of operations/ loaded, ready to run.
          ApolloServerPluginLandingPageLocalDefault({
            footer: false,
            embed: true,
            document: loadOperations()
              .map((operation) => operation.source)
              .join('\n'),
          }),
    ],
  });
  await apollo.start();
  const corsOrigins = config.corsOrigins ?? { kind: 'list', origins: [], localhost: config.nodeEnv !== 'production' };
  // Webhooks are delivered by every process that serves the API (the outbox coordinates them).
  const deliveries = config.webhooks?.deliver ? startDeliveries(sqlOf(prisma), config.webhooks, log) : null;
  const replicas = config.databaseReplicaUrls?.length
    ? openReadReplicas(
        config.databaseReplicaUrls,
        prisma,
        { statementTimeoutMs: limits.statementTimeoutMs, poolSize: limits.poolSize, queryTimeoutMs: limits.queryTimeoutMs },
        log,
      )
    : null;
  const endpoint: GraphQLEndpoint = {
    apollo,
    limits,
    caching: { cache: responseCache, maxAge: maxAge.maxAge },
    prepare: async (req) => {
      // Who asks, before anything runs: a bad token is refused whatever the request, so a client
      // never silently reads as anonymous.
      try {
        const after = consistencyOf(req.headers[CONSISTENCY_HEADER]);
        const viewer = await authenticate(req.headers.authorization, (token) => viewerForToken(prisma, token));
        const context = async (atLeast: Lsn | null = null) =>
          createContext({
            prisma,
            viewer,
            maxPageSize: limits.maxPageSize,
            publicBaseUrl: config.publicBaseUrl,
            publisherName: config.publisherName,
            importLimits: config.importLimits,
            afterWrite: deliveries?.wake,
            replicas,
            after: laterLsn(after, atLeast),
          });
        return { context, viewer };
      } catch (error) {
        const known = toAppError(error);
        if (!isAppError(known)) throw error;
        const status = ERROR_CODES[known.code].http ?? 500;
        const headers: Record<string, string> =
          known.code === ErrorCode.UNAUTHENTICATED ? { 'www-authenticate': 'Bearer error="invalid_token"' } : status === 503 ? { 'retry-after': '1' } : {};
        return { refusal: { status, code: known.code, message: known.message, headers } };
      }
    },
  };
  // The browser pages read through the public API as an anonymous caller (see pages/), from
  // the read replicas when there are any, like every other anonymous query.
  const pages: PagesOptions = {
    explorer: config.explorer ?? config.nodeEnv !== 'production',
    operations: loadOperations,
    api: createPageApi(
      apollo,
      () =>
        createContext({
          prisma,
          viewer: ANONYMOUS,
          maxPageSize: limits.maxPageSize,
          publicBaseUrl: config.publicBaseUrl,
          publisherName: config.publisherName,
          replicas,
        }),
      limits,
    ),
  };
  let stopping = false;
  const inFlight = new Set<Promise<void>>();

  const ready = async (): Promise<boolean> => {
    if (stopping || hooks.databaseUp?.() === false) return false;
    const budget = new RequestBudget(READY_TIMEOUT_MS, 1);
    try {
      await withBudget(budget, () => Promise.race([prisma.$queryRaw`SELECT 1`, budget.whenExpired().then(() => Promise.reject(new Error('timeout')))]));
      return true;
    } catch {
      return false;
    } finally {
      budget.finish();
    }
  };

  /** Answers one request; returns what a GraphQL request used (nothing for the other paths). */
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<RequestUsage | void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    // Browser frontends on other origins: preflights are answered here, before anything else.
    const preflight = isPreflight(req.method, req.headers);
    const cors = corsHeaders(corsOrigins, req.headers, preflight);
    if (preflight) {
      res.writeHead(204, cors ?? { vary: 'Origin' }).end();
      return;
    }
    for (const [name, value] of Object.entries(cors ?? {})) res.setHeader(name, value);
    if (url.pathname === '/health/live') return sendJson(res, 200, { status: 'ok' });
    if (url.pathname === '/metrics' && metricsOnApiPort) return serveMetrics(req, res, metrics.token);
    if (url.pathname === '/health/ready') {
      return (await ready()) ? sendJson(res, 200, { status: 'ok', database: 'ok' }) : sendJson(res, 503, { status: 'unavailable', database: 'unreachable' });
    }
    if (url.pathname === '/') {
      res.writeHead(302, { location: '/graphql' }).end();
      return;
    }
    const page = url.pathname !== '/graphql';
    if (page && !isPagePath(url.pathname)) return sendJson(res, 404, { error: 'not found: GraphQL is served at /graphql' });
    if (rateLimit) {
      const key = clientKeyOf(req, config.trustProxyHops ?? 0);
      const scope = currentRequest();
      if (scope) scope.clientKey = key;
      const decision = await rateLimit.take(key);
      if (!decision.allowed) {
        const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
        return sendError(res, 429, ErrorCode.RATE_LIMITED, `too many requests; retry in ${seconds} s`, { 'retry-after': String(seconds) });
      }
    }
    if (page) {
      await handlePages(req, res, url, pages);
      return;
    }
    return handleGraphQL(req, res, url, endpoint);
  }

  const metrics = config.metrics ?? { token: null, port: null, open: config.nodeEnv !== 'production', maxOperationNames: 100 };
  // In production /metrics needs a token or a port of its own: it says how busy the service is.
  const metricsOnApiPort = metrics.port === null && (metrics.token !== null || metrics.open);
  if (metrics.port === null && !metricsOnApiPort) log.warn('metrics are off: set METRICS_TOKEN or METRICS_PORT to serve /metrics in production');
  // The example operations' names are always labels of their own.
  const exampleNames = loadOperations().flatMap(({ source }) =>
    parse(source).definitions.flatMap((definition) => (definition.kind === Kind.OPERATION_DEFINITION && definition.name ? [definition.name.value] : [])),
  );
  const operationNames = new OperationNames(new Set(exampleNames), metrics.maxOperationNames);
  const pool = poolOf(prisma);
  const unobservePool = pool ? observePool('primary', pool) : undefined;
  const record = (req: IncomingMessage, res: ServerResponse, scope: RequestScope, usage: RequestUsage | void, ms: number) => {
    logRequest(log, req, res, scope, usage, ms);
    const path = (req.url ?? '/').split('?')[0]!;
    recordHttpRequest(path, req.method, res.statusCode, ms / 1000);
    if (scope.operation)
      recordOperation(operationNames.label(scope.operation.name), scope.operation.type, res.statusCode, ms / 1000, usage ? usage.statements : null);
    for (const code of scope.errorCodes) countError(code);
  };

  const http = createHttpServer((req, res) => {
    const id = requestIdOf(req.headers['x-request-id']);
    res.setHeader('x-request-id', id);
    const started = performance.now();
    const span = tracingOn() ? startRequestSpan(req) : null;
    const serve = () =>
      withRequestScope(id, async () => {
        let usage: RequestUsage | void = undefined;
        let failure: unknown;
        try {
          usage = await handle(req, res);
        } catch (error) {
          failure = error;
          log.error(`[${id}] request failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
          if (!res.headersSent) sendError(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error');
          else res.end();
        }
        const scope = currentRequest()!;
        record(req, res, scope, usage, performance.now() - started);
        if (span) {
          span.setAttributes({ 'http.response.status_code': res.statusCode, 'storygraph.request_id': id, 'db.statement_count': usage ? usage.statements : 0 });
          if (scope.operation?.name) span.setAttribute('graphql.operation.name', scope.operation.name);
          endSpan(span, failure);
        }
      });
    const done = (span ? traceContext.with(trace.setSpan(traceContext.active(), span), serve) : serve()).finally(() => inFlight.delete(done));
    inFlight.add(done);
  });

  await new Promise<void>((resolve, reject) => {
    http.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'EADDRINUSE' ? portInUse(config.port) : error));
    http.listen(config.port, () => resolve());
  });
  const port = (http.address() as AddressInfo).port;
  const metricsServer = metrics.port === null ? null : await startMetricsServer(metrics.port, metrics.token, 'METRICS_PORT');
  return {
    url: `http://localhost:${port}/graphql`,
    metricsUrl: metricsServer ? metricsServer.url : metricsOnApiPort ? `http://localhost:${port}/metrics` : null,
    port,
    http,
    stop: async (graceMs = limits.requestTimeoutMs + 2000) => {
      // Readiness fails from now on (a probe on a connection already open is answered 503), the
      // listener closes (a balancer sees a refused connection and picks another replica) and
      // requests already accepted get their grace to finish.
      stopping = true;
      const closed = new Promise<void>((resolve) => http.close(() => resolve()));
      http.closeIdleConnections();
      const drained = await Promise.race([Promise.allSettled([...inFlight]).then(() => true), delay(graceMs).then(() => false)]);
      const cut = drained ? 0 : inFlight.size;
      http.closeAllConnections();
      await closed;
      await deliveries?.stop();
      await apollo.stop();
      await rateLimit?.close();
      await replicas?.close();
      await queryCache?.close();
      await responseCache?.close();
      // Scrapes keep working while requests drain; the metrics port closes last.
      await metricsServer?.close();
      unobservePool?.();
      return cut;
    },
  };
}

/** The commit position a client carries (`Storygraph-Consistency`), or null; BAD_REQUEST when it is not one. */
function consistencyOf(header: string | string[] | undefined) {
  if (header === undefined || header === '') return null;
  const lsn = typeof header === 'string' ? parseLsn(header) : null;
  if (lsn === null) throw new AppError(ErrorCode.BAD_REQUEST, `Storygraph-Consistency must be a WAL position as a response gave it (e.g. 0/16B3748)`);
  return lsn;
}

/** Takes one more token per `rateLimitCostPerToken` of estimated cost from the request's client. */
function costCharger(rateLimit: TokenBuckets, limits: QueryLimits): ChargeCost {
  return async (cost, refused) => {
    const key = currentRequest()?.clientKey;
    const tokens = Math.min(Math.floor(cost / limits.rateLimitCostPerToken), limits.rateLimitBurst);
    if (!key || tokens <= 0) return;
    const decision = await rateLimit.take(key, tokens, refused);
    if (decision.allowed || refused) return;
    const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
    throw new GraphQLError(`this query's estimated cost (${cost}) is more than your rate limit has left; retry in ${seconds} s`, {
      extensions: { code: ErrorCode.RATE_LIMITED, http: { status: 429, headers: new HeaderMap([['retry-after', String(seconds)]]) } },
    });
  };
}

/** Probes and scrapes come every few seconds: their lines are debug, every other request's info. */
const QUIET_PATHS = new Set(['/health/live', '/health/ready', '/metrics']);

/** The request's one log line: what it asked, how it ended, how long it took and the SQL it cost. */
function logRequest(log: Logger, req: IncomingMessage, res: ServerResponse, scope: RequestScope, usage: RequestUsage | void, ms: number): void {
  const path = (req.url ?? '/').split('?')[0]!;
  const operation = scope.operation?.name ?? null;
  const fields = {
    method: req.method,
    path,
    status: res.statusCode,
    durationMs: Math.round(ms * 10) / 10,
    ...(scope.operation ? { operation, operationType: scope.operation.type } : {}),
    ...(usage ? { sqlStatements: usage.statements, connections: usage.connections, peakConnections: usage.peakConnections, timedOut: usage.timedOut } : {}),
    ...(scope.errorCodes.length ? { errorCodes: [...new Set(scope.errorCodes)] } : {}),
  };
  const message = `${req.method} ${path}${scope.operation ? ` ${operation ?? '(anonymous)'}` : ''} ${res.statusCode} ${fields.durationMs} ms${usage ? `, ${usage.statements} SQL` : ''}`;
  if (QUIET_PATHS.has(path)) log.debug(message, fields);
  else log.info(message, fields);
}

/** The request's span: a child of the caller's trace when it sent a `traceparent` header. */
function startRequestSpan(req: IncomingMessage) {
  const parent = propagation.extract(traceContext.active(), req.headers);
  const path = (req.url ?? '/').split('?')[0]!;
  return tracer().startSpan(
    `${req.method} ${path}`,
    { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method ?? '', 'url.path': path } },
    parent,
  );
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
