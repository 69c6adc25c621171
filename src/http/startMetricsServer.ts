import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { portInUse } from './assertPortFree.js';
import { serveMetrics } from './metricsEndpoint.js';
import { sendJson } from './respond.js';

/** A health probe: true when the process is fine (200), false when not (503). */
export type Probe = () => boolean | Promise<boolean>;

export interface MetricsServer {
  /** Where Prometheus scrapes it: `http://localhost:<port>/metrics`. */
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Listens on a port of its own for Prometheus (the API's `METRICS_PORT`, the worker's
 * `WORKER_METRICS_PORT`): `/metrics` through `serveMetrics`, so `METRICS_TOKEN` is asked the
 * same way everywhere, and the given health probes (`/health/live`…), which never ask for it:
 * an orchestrator's probe carries no token. Anything else is 404. Throws PORT_IN_USE naming
 * `variable` when the port is taken.
 */
export async function startMetricsServer(port: number, token: string | null, variable: string, probes: Record<string, Probe> = {}): Promise<MetricsServer> {
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (path === '/metrics') return serveMetrics(req, res, token);
    const probe = probes[path];
    if (probe) return (await probe()) ? sendJson(res, 200, { status: 'ok' }) : sendJson(res, 503, { status: 'unavailable' });
    return sendJson(res, 404, { error: 'not found: metrics are served at /metrics' });
  };
  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'EADDRINUSE' ? portInUse(port, variable) : error));
    server.listen(port, () => resolve());
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://localhost:${bound}/metrics`,
    port: bound,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
