// What every console route gets: the data it reads, the actions it may take, and helpers for its request.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config/schema.js';
import type { SuppressionList } from '../../feedback/suppressions.js';
import type { LiveState } from '../../queue/sqlite-depth.js';
import type { QueueStore } from '../../queue/store.js';
import type { RouteStore } from '../../routes/store.js';
import type { Db } from '../../store/sqlite.js';
import type { Actions } from '../actions.js';
import type { AuditLog } from '../audit.js';
import type { DecideData } from '../data/decide.js';
import type { Flow } from '../flow.js';
import type { WebhookStore } from '../webhooks/store.js';
import type { SafeHtml } from './html.js';
import type { PageContext } from './layout.js';

export interface ConsoleDeps {
  db: Db;
  config: Config;
  store: QueueStore;
  decide: DecideData;
  audit: AuditLog;
  webhooks: WebhookStore;
  actions: Actions;
  flow: Flow;
  routes: RouteStore;
  suppressions: SuppressionList;
  queueDepth: () => Record<LiveState, number>;
  clock: () => number;
}

/** Set on the request by the session check (server.ts) before any console route runs. */
export function pageContext(req: FastifyRequest): PageContext {
  const ctx = (req as FastifyRequest & { page?: PageContext }).page;
  if (!ctx) throw new Error('console route reached without a session');
  const flash = (req.query as Record<string, unknown>)?.flash;
  return typeof flash === 'string' && flash ? { ...ctx, flash: { text: flash.slice(0, 300), error: (req.query as Record<string, unknown>).error === '1' } } : ctx;
}

export function sendPage(reply: FastifyReply, page: SafeHtml, status = 200): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').send(page.__html);
}

/** Back to a console page with a message (POST, then redirect, then GET: a reload never repeats the change). */
export function redirect(reply: FastifyReply, to: string, flash: string, error = false): FastifyReply {
  const sep = to.includes('?') ? '&' : '?';
  return reply.code(303).header('location', `${to}${sep}flash=${encodeURIComponent(flash)}${error ? '&error=1' : ''}`).send();
}

/** A form field that may be given once or many times (checkboxes), as a list. */
export function many(body: unknown, name: string): string[] {
  const v = (body as Record<string, unknown> | undefined)?.[name];
  return v === undefined ? [] : (Array.isArray(v) ? v : [v]).map(String);
}

export function field(body: unknown, name: string): string {
  const v = (body as Record<string, unknown> | undefined)?.[name];
  return Array.isArray(v) ? String(v[0] ?? '') : v === undefined ? '' : String(v);
}

export type ConsoleRoutes = (app: FastifyInstance, deps: ConsoleDeps) => void;
