import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { ApolloServerPluginLandingPageLocalDefault, ApolloServerPluginLandingPageProductionDefault } from '@apollo/server/plugin/landingPage/default';
import type { Config } from './config.js';
import { viewerForToken } from './auth/apiTokens.js';
import type { PrismaClient } from './db/createPrisma.js';
import { toAppError } from './db/prismaErrors.js';
import { sqlOf } from './db/sql.js';
import { RequestBudget, withBudget } from './db/requestBudget.js';
import { createContext, type Context } from './graphql/context.js';
import { createFormatError } from './graphql/formatError.js';
import { createSchema } from './graphql/schema/createSchema.js';
import { createLimitsPlugin, type ChargeCost } from './graphql/limits/createLimitsPlugin.js';
import { KnownOperationTypesRule } from './graphql/limits/knownOperationTypes.js';
import { httpStatusPlugin } from './graphql/httpStatusPlugin.js';
import { retryLaterPlugin } from './graphql/limits/retryLaterPlugin.js';
import { DEFAULT_LIMITS, type QueryLimits } from './config/queryLimits.js';
import { loadOperations } from './graphql/loadOperations.js';
import { ERROR_CODES, ErrorCode, isAppError } from './errors.js';
import { authenticate } from './http/authenticate.js';
import { corsHeaders, isPreflight } from './http/cors.js';
import { portInUse } from './http/assertPortFree.js';
import { clientKeyOf } from './http/clientKey.js';
import { handleGraphQL, type GraphQLEndpoint } from './http/graphqlEndpoint.js';
import { createRateLimit } from './http/rateLimit.js';
import type { TokenBuckets } from './http/tokenBucket.js';
import { requestIdOf } from './http/requestId.js';
import { sendError, sendJson } from './http/respond.js';
import type { Logger } from './log.js';
import { startDeliveries } from './webhooks/startDeliveries.js';
import { currentRequest, withRequestScope } from './requestScope.js';
import { ANONYMOUS } from './access/viewer.js';
import { createPageApi } from './http/pageApi.js';
import { handlePages, isPagePath, type PagesOptions } from './pages/handlePages.js';

export interface RunningServer {
  url: string;
  port: number;
  http: Server;
  stop(): Promise<void>;
}

/**
 * What the server needs from Config. `limits` defaults to DEFAULT_LIMITS field by field, except
 * that rate limiting is off under `nodeEnv: 'test'` unless a test asks for it; `corsOrigins` to
 * any localhost origin outside production.
 */
export type ServerConfig = Pick<Config, 'nodeEnv' | 'port' | 'introspection'> &
  Partial<Pick<Config, 'corsOrigins' | 'publicBaseUrl' | 'publisherName' | 'webhooks' | 'importLimits' | 'redisUrl' | 'trustProxyHops' | 'explorer'>> & {
    limits?: Partial<QueryLimits>;
    /** Redis key prefix of the rate-limit buckets (tests keep theirs apart). */
    rateLimitPrefix?: string;
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
  const apollo = new ApolloServer<Context>({
    schema: createSchema(limits),
    introspection: config.introspection,
    includeStacktraceInErrorResponses: false,
    // Refused while parsing, with HTTP 400, before a huge document costs anything.
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: [KnownOperationTypesRule],
    formatError: createFormatError(log, { hideSuggestions: !config.introspection }),
    plugins: [
      createLimitsPlugin<Context>(limits, chargeCost),
      httpStatusPlugin<Context>(),
      retryLaterPlugin<Context>(),
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
  const endpoint: GraphQLEndpoint = {
    apollo,
    limits,
    prepare: async (req) => {
      // Who asks, before anything runs: a bad token is refused whatever the request, so a client
      // never silently reads as anonymous.
      try {
        const viewer = await authenticate(req.headers.authorization, (token) => viewerForToken(prisma, token));
        const context = async () =>
          createContext({
            prisma,
            viewer,
            maxPageSize: limits.maxPageSize,
            publicBaseUrl: config.publicBaseUrl,
            publisherName: config.publisherName,
            importLimits: config.importLimits,
            afterWrite: deliveries?.wake,
          });
        return { context };
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
  // The browser pages read through the public API as an anonymous caller (see pages/).
  const pages: PagesOptions = {
    explorer: config.explorer ?? config.nodeEnv !== 'production',
    operations: loadOperations,
    api: createPageApi(
      apollo,
      () =>
        createContext({ prisma, viewer: ANONYMOUS, maxPageSize: limits.maxPageSize, publicBaseUrl: config.publicBaseUrl, publisherName: config.publisherName }),
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

  async function handle(req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
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
    const started = Date.now();
    const usage = await handleGraphQL(req, res, url, endpoint);
    log.debug(
      `[${id}] ${req.method} /graphql ${usage.status} ${Date.now() - started} ms, ${usage.connections} connection(s), at most ${usage.peakConnections} at once${usage.timedOut ? ', timed out' : ''}`,
    );
  }

  const http = createHttpServer((req, res) => {
    const id = requestIdOf(req.headers['x-request-id']);
    res.setHeader('x-request-id', id);
    const done = withRequestScope(id, () => handle(req, res, id))
      .catch((error: unknown) => {
        log.error(`[${id}] request failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        if (!res.headersSent) sendError(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error');
        else res.end();
      })
      .finally(() => inFlight.delete(done));
    inFlight.add(done);
  });

  await new Promise<void>((resolve, reject) => {
    http.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'EADDRINUSE' ? portInUse(config.port) : error));
    http.listen(config.port, () => resolve());
  });
  const port = (http.address() as AddressInfo).port;
  return {
    url: `http://localhost:${port}/graphql`,
    port,
    http,
    stop: async () => {
      // Readiness fails from now on; requests already accepted get their deadline to finish.
      stopping = true;
      const closed = new Promise<void>((resolve) => http.close(() => resolve()));
      http.closeIdleConnections();
      await Promise.race([Promise.allSettled([...inFlight]), delay(limits.requestTimeoutMs + 2000)]);
      http.closeAllConnections();
      await closed;
      await deliveries?.stop();
      await apollo.stop();
      await rateLimit?.close();
    },
  };
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

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
