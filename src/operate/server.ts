// The admin listener: health, Prometheus metrics and the /api/v1 JSON API on its own port (loopback by default),
// never on an SMTP port (DESIGN.md §1). Everything but health and metrics needs a bearer token; there is no default one.
import Fastify, { LogController, type FastifyBaseLogger, type FastifyReply, type FastifyRequest } from 'fastify';
import type { AccountStore } from '../accounts/types.js';
import type { Config } from '../config/schema.js';
import type { Intake } from '../feedback/intake.js';
import type { QueueStore } from '../queue/store.js';
import type { Logger } from '../shared/logger.js';
import { registerApiRoutes } from './api-routes.js';
import type { Metrics } from './metrics.js';
import type { TokenStore } from './tokens.js';

export interface AdminServerOptions {
  config: Config['admin'];
  store: QueueStore;
  accounts: AccountStore;
  tokens: TokenStore;
  metrics: Metrics;
  /** Throws when the queue database does not answer. */
  probeQueue: () => void;
  logger: Logger;
  clock?: () => number;
  /** Takes reports posted to /api/v1/feedback. */
  feedback?: Intake;
}

export interface AdminServer {
  port: number;
  close(): Promise<void>;
}

/** Routes that answer without a token: they bind loopback by default and reveal no message or account. */
const PUBLIC_ROUTES: ReadonlySet<string> = new Set(['/healthz', '/metrics']);

/** RFC 6750 §2.1: `Authorization: Bearer <token>`; the scheme name is case-insensitive (RFC 7235 §2.1). */
function bearerToken(header: string | undefined): string | null {
  const m = /^Bearer +(\S+) *$/i.exec(header ?? '');
  return m ? m[1]! : null;
}

export async function startAdminServer(opts: AdminServerOptions): Promise<AdminServer> {
  const { tokens, metrics, logger } = opts;
  // No line per request (a Prometheus scrape every few seconds would drown the relay's log); errors are logged below.
  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 64 * 1024, // no endpoint takes a body yet
  });

  // Deny by default: every route but the public ones needs a token, unknown paths too (a stranger learns nothing, not
  // even which paths exist). Decided on the matched route, never on the raw URL: `/%61pi/v1/queue` routes to
  // /api/v1/queue but does not start with "/api/".
  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    if (PUBLIC_ROUTES.has(req.routeOptions.url ?? '')) return;
    const token = bearerToken(req.headers.authorization);
    if (token === null || tokens.verify(token) === null) {
      // RFC 6750 §3: a 401 names the scheme the client should use.
      return reply.code(401).header('www-authenticate', 'Bearer realm="mailwarden"').send({ error: 'a valid bearer token is required' });
    }
  });

  app.setErrorHandler((err: { statusCode?: number; validation?: unknown; message: string }, req, reply) => {
    if (err.validation || (err.statusCode !== undefined && err.statusCode < 500)) {
      return reply.code(err.statusCode ?? 400).send({ error: err.message });
    }
    req.log.error({ event: 'admin-error', err, url: req.url }, 'admin request failed');
    return reply.code(500).send({ error: 'internal error' }); // internal details stay in the log
  });
  app.setNotFoundHandler((req, reply) => reply.code(404).send({ error: `no route ${req.method} ${req.url.split('?')[0]}` }));

  app.get('/healthz', async (_req, reply) => {
    try {
      opts.probeQueue();
    } catch (err) {
      logger.error({ event: 'health-failed', err }, 'queue database does not answer');
      return reply.code(503).send({ status: 'error', queue: 'unavailable' });
    }
    // Readable is not enough: a full disk answers reads while every commit fails, and then no 250 goes out and
    // delivery outcomes wait in memory. A load balancer should send mail elsewhere.
    const write = opts.store.writeHealth();
    if (!write.writable) {
      return reply.code(503).send({
        status: 'degraded', queue: 'cannot-write', reason: write.reason, since: new Date(write.since).toISOString(), keptWrites: write.keptWrites,
      });
    }
    return { status: 'ok', queue: 'ok' };
  });

  app.get('/metrics', async (_req, reply) => {
    const text = await metrics.registry.metrics();
    return reply.type(metrics.registry.contentType).send(text);
  });

  registerApiRoutes(app, { store: opts.store, accounts: opts.accounts, clock: opts.clock ?? Date.now, ...(opts.feedback ? { feedback: opts.feedback } : {}) });

  await app.listen({ host: opts.config.host, port: opts.config.port });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('admin server has no TCP address');
  logger.info({ event: 'listening', listener: 'admin', host: opts.config.host, port: address.port }, 'listening');
  return { port: address.port, close: () => app.close() };
}
