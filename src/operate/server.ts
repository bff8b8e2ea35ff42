// The admin listener: health, Prometheus metrics, the /api/v1 JSON API, the web console under /console and the end
// user's page under /u/, on its own port (loopback by default), never on an SMTP port. Deny by default: health,
// metrics, the OpenAPI document, the console's login and assets and the end-user page answer without credentials;
// the API needs a bearer token (a viewer's only for GET), the console a session cookie (and a CSRF token on forms).
import Fastify, { LogController, type FastifyBaseLogger, type FastifyReply, type FastifyRequest } from 'fastify';
import type { AccountStore } from '../accounts/types.js';
import type { Intake } from '../feedback/intake.js';
import { CONTENT_SECURITY_POLICY } from './console/assets.js';
import type { ConsoleDeps } from './console/context.js';
import { registerLogin } from './console/login.js';
import { miscRoutes } from './console/misc.js';
import { overviewRoutes } from './console/overview.js';
import { quarantineRoutes } from './console/quarantine.js';
import { queueRoutes } from './console/queue.js';
import { routingRoutes } from './console/routes.js';
import { senderRoutes } from './console/senders.js';
import { cookieValue, createSessions, csrfMatches, SESSION_COOKIE } from './console/session.js';
import type { Logger } from '../shared/logger.js';
import { createApi } from './api-route.js';
import { registerApiRoutes } from './api-routes.js';
import { registerRoutingApi } from './api-routes-routing.js';
import { registerFeedbackRoute } from './feedback-route.js';
import type { Notices } from './enduser/notices.js';
import { registerEndUserPage } from './enduser/page.js';
import type { Metrics } from './metrics.js';
import type { Operator, TokenStore } from './tokens.js';

export interface AdminServerOptions extends ConsoleDeps {
  accounts: AccountStore;
  tokens: TokenStore;
  metrics: Metrics;
  /** Throws when the queue database does not answer. */
  probeQueue: () => void;
  /** The end-user page's notices; null when that page is off. */
  notices: Notices | null;
  logger: Logger;
  /** Takes reports posted to /api/v1/feedback. */
  feedback?: Intake;
}

export interface AdminServer {
  port: number;
  close(): Promise<void>;
}

/** Routes that answer without credentials: they reveal no message, account or setting. */
const PUBLIC_ROUTES: ReadonlySet<string> = new Set([
  '/healthz', '/metrics', '/api/v1/openapi.json',
  '/console/login', '/console/assets/console.css', '/console/assets/console.js', '/u/:token', '/u/:token/review', '/u/:token/reinstate',
]);
const READ_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD']);

/** RFC 6750 §2.1: `Authorization: Bearer <token>`; the scheme name is case-insensitive (RFC 7235 §2.1). */
function bearerToken(header: string | undefined): string | null {
  const m = /^Bearer +(\S+) *$/i.exec(header ?? '');
  return m ? m[1]! : null;
}

/** `a=1&b=2&b=3` as { a: '1', b: ['2', '3'] }: the console's forms post this, checkboxes repeat their name. */
function parseForm(body: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of new URLSearchParams(body)) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

type Authed = FastifyRequest & { operator?: Operator; page?: { who: string; role: Operator['role']; csrf: string; path: string } };

export async function startAdminServer(opts: AdminServerOptions): Promise<AdminServer> {
  const { tokens, metrics, logger } = opts;
  // No line per request (a Prometheus scrape every few seconds would drown the relay's log); errors are logged below.
  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 256 * 1024, // the largest body is a bulk list of ids or a pasted reply
  });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => done(null, parseForm(body as string)));
  const sessions = createSessions(opts.clock);

  // Decided on the matched route, never on the raw URL: `/%61pi/v1/queue` routes to /api/v1/queue but does not start
  // with "/api/". Unknown paths need a token too, so a stranger learns nothing, not even which paths exist.
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const req = request as Authed;
    const route = req.routeOptions.url ?? '';
    if (route.startsWith('/console') || route.startsWith('/u/')) reply.header('content-security-policy', CONTENT_SECURITY_POLICY).header('x-frame-options', 'DENY');
    if (PUBLIC_ROUTES.has(route)) return;
    if (route.startsWith('/console')) {
      const session = sessions.get(cookieValue(req.headers.cookie, SESSION_COOKIE));
      const operator = session ? tokens.verify(session.token) : null; // a revoked token ends its sessions at once
      if (!session || !operator) {
        if (READ_METHODS.has(req.method)) return reply.code(303).header('location', '/console/login').send();
        return reply.code(401).send({ error: 'log in first' });
      }
      req.page = { who: operator.name, role: operator.role, csrf: session.csrf, path: req.url.split('?')[0]! };
      return; // forms are checked once their body is parsed (preHandler below)
    }
    const operator = tokens.verify(bearerToken(req.headers.authorization) ?? '');
    if (!operator) {
      // RFC 6750 §3: a 401 names the scheme the client should use.
      return reply.code(401).header('www-authenticate', 'Bearer realm="mailwarden"').send({ error: 'a valid bearer token is required' });
    }
    if (!READ_METHODS.has(req.method) && operator.role !== 'admin') return reply.code(403).send({ error: `token "${operator.name}" is a viewer: it may only read` });
    req.operator = operator;
  });

  // Console forms: the CSRF token posted with the form must be the session's, and only an admin may change things.
  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    const req = request as Authed;
    if (!req.page || READ_METHODS.has(req.method)) return;
    const session = sessions.get(cookieValue(req.headers.cookie, SESSION_COOKIE))!;
    if (!csrfMatches(session, (req.body as Record<string, unknown> | undefined)?._csrf)) return reply.code(403).send({ error: 'form expired or forged (CSRF token does not match): reload the page' });
    if (req.page.role !== 'admin' && req.routeOptions.url !== '/console/logout') return reply.code(403).send({ error: 'a viewer may only read' });
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

  const api = createApi(app);
  registerApiRoutes(api, { ...opts });
  registerRoutingApi(api, opts);
  app.get('/api/v1/openapi.json', async () => api.document());
  if (opts.feedback) registerFeedbackRoute(app, opts.feedback);

  registerLogin(app, tokens, sessions);
  for (const routes of [overviewRoutes, queueRoutes, quarantineRoutes, senderRoutes, routingRoutes, miscRoutes]) routes(app, opts);
  if (opts.notices) registerEndUserPage(app, { notices: opts.notices, actions: opts.actions, maxRequestsPerMinute: opts.config.enduser.maxRequestsPerMinute, clock: opts.clock });

  const admin = opts.config.admin;
  await app.listen({ host: admin.host, port: admin.port });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('admin server has no TCP address');
  logger.info({ event: 'listening', listener: 'admin', host: admin.host, port: address.port }, 'listening');
  return { port: address.port, close: () => app.close() };
}
