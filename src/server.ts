import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginLandingPageLocalDefault, ApolloServerPluginLandingPageProductionDefault } from '@apollo/server/plugin/landingPage/default';
import type { Viewer } from './access/viewer.js';
import { viewerForToken } from './auth/apiTokens.js';
import type { Config } from './config.js';
import type { PrismaClient } from './db/createPrisma.js';
import { createContext, type Context } from './graphql/context.js';
import { createFormatError } from './graphql/formatError.js';
import { createSchema } from './graphql/schema/createSchema.js';
import { createLimitsPlugin } from './graphql/limits/createLimitsPlugin.js';
import { httpStatusPlugin } from './graphql/httpStatusPlugin.js';
import { DEFAULT_LIMITS, type QueryLimits } from './config/queryLimits.js';
import { loadOperations } from './graphql/loadOperations.js';
import { ErrorCode, isAppError } from './errors.js';
import { authenticate } from './http/authenticate.js';
import { corsHeaders, isPreflight } from './http/cors.js';
import { sqlOf } from './db/sql.js';
import { startDeliveries } from './webhooks/startDeliveries.js';
import type { Logger } from './log.js';

export interface RunningServer {
  url: string;
  port: number;
  http: Server;
  stop(): Promise<void>;
}

/**
 * What the server needs from Config; `limits` defaults to DEFAULT_LIMITS field by field, and
 * `corsOrigins` to any localhost origin outside production.
 */
export type ServerConfig = Pick<Config, 'nodeEnv' | 'port' | 'introspection'> &
  Partial<Pick<Config, 'corsOrigins' | 'publicBaseUrl' | 'publisherName' | 'webhooks' | 'importLimits'>> & { limits?: Partial<QueryLimits> };

/** Largest request body accepted, in bytes. */
const MAX_BODY_BYTES = 1_000_000;

/**
 * Starts the HTTP server: GraphQL at /graphql (Apollo Sandbox on GET in development), liveness
 * at /health/live and readiness (checks the database) at /health/ready. Holds no state beyond
 * the database connection pool, so any number of replicas can run side by side.
 */
export async function startServer(config: ServerConfig, prisma: PrismaClient, log: Logger): Promise<RunningServer> {
  const limits: QueryLimits = { ...DEFAULT_LIMITS, ...config.limits };
  const apollo = new ApolloServer<Context>({
    schema: createSchema(limits),
    introspection: config.introspection,
    includeStacktraceInErrorResponses: false,
    // Refused while parsing, with HTTP 400, before a huge document costs anything.
    parseOptions: { maxTokens: limits.maxTokens },
    formatError: createFormatError(log, { hideSuggestions: !config.introspection }),
    plugins: [
      createLimitsPlugin<Context>(limits),
      httpStatusPlugin<Context>(),
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

  const http = createHttpServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log.error(`request failed: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) send(res, 500, { errors: [{ message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }] });
      else res.end();
    });
  });

  const corsOrigins = config.corsOrigins ?? { kind: 'list', origins: [], localhost: config.nodeEnv !== 'production' };
  // Webhooks are delivered by every process that serves the API (the outbox coordinates them).
  const deliveries = config.webhooks?.deliver ? startDeliveries(sqlOf(prisma), config.webhooks, log) : null;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    // Browser frontends on other origins: preflights are answered here, before anything else.
    const preflight = isPreflight(req.method, req.headers);
    const cors = corsHeaders(corsOrigins, req.headers, preflight);
    if (preflight) {
      res.writeHead(204, cors ?? { vary: 'Origin' }).end();
      return;
    }
    for (const [name, value] of Object.entries(cors ?? {})) res.setHeader(name, value);
    if (url.pathname === '/health/live') return send(res, 200, { status: 'ok' });
    if (url.pathname === '/health/ready') {
      try {
        await prisma.$queryRaw`SELECT 1`;
        return send(res, 200, { status: 'ok', database: 'ok' });
      } catch {
        return send(res, 503, { status: 'unavailable', database: 'unreachable' });
      }
    }
    if (url.pathname === '/') {
      res.writeHead(302, { location: '/graphql' }).end();
      return;
    }
    if (url.pathname !== '/graphql') return send(res, 404, { error: 'not found: GraphQL is served at /graphql' });

    const body = await readBody(req);
    if (body === null)
      return send(res, 413, { errors: [{ message: `request body over ${MAX_BODY_BYTES} bytes`, extensions: { code: ErrorCode.BAD_REQUEST } }] });
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    let parsedBody: unknown = body;
    if (headers.get('content-type')?.includes('application/json') && body.length) {
      try {
        parsedBody = JSON.parse(body);
      } catch {
        return send(res, 400, { errors: [{ message: 'the request body is not valid JSON', extensions: { code: ErrorCode.BAD_REQUEST } }] });
      }
    }
    // Who asks, before anything runs: a bad token is refused whatever the request, so a client
    // never silently reads as anonymous.
    let viewer: Viewer;
    try {
      viewer = await authenticate(req.headers.authorization, (token) => viewerForToken(prisma, token));
    } catch (error) {
      if (!isAppError(error) || error.code !== ErrorCode.UNAUTHENTICATED) throw error;
      res.setHeader('www-authenticate', 'Bearer error="invalid_token"');
      return send(res, 401, { errors: [{ message: error.message, extensions: { code: error.code } }] });
    }
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method?.toUpperCase() ?? 'GET', headers, search: url.search, body: parsedBody },
      context: async () =>
        createContext({
          prisma,
          viewer,
          maxPageSize: limits.maxPageSize,
          publicBaseUrl: config.publicBaseUrl,
          publisherName: config.publisherName,
          importLimits: config.importLimits,
          afterWrite: deliveries?.wake,
        }),
    });
    for (const [name, value] of response.headers) res.setHeader(name, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(config.port, () => resolve());
  });
  const port = (http.address() as AddressInfo).port;
  return {
    url: `http://localhost:${port}/graphql`,
    port,
    http,
    stop: async () => {
      await new Promise<void>((resolve) => {
        http.close(() => resolve());
        http.closeAllConnections();
      });
      await deliveries?.stop();
      await apollo.stop();
    },
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}

/** The body as text, or null when it is larger than allowed. */
async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
