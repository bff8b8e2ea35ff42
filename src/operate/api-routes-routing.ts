// /api/v1 for delivery control: the route matrix (source IP x provider, its state, why, and the reply that caused
// it) with pause and resume and the route changes no reply caused, and the suppression list with search, add and remove. Changes go through actions.ts
// (route-actions.ts), which writes the audit log.
import { z } from 'zod';
import type { Config } from '../config/schema.js';
import { GLOBAL, SUPPRESSION_REASONS, type SuppressionList } from '../feedback/suppressions.js';
import type { RouteStore } from '../routes/store.js';
import { DEFAULT_SOURCE, EVERY_PROVIDER } from '../routes/types.js';
import type { Actions } from './actions.js';
import { HttpError, type Api } from './api-route.js';
import { routeViews } from './data/routes.js';
import { ROUTE_EVENT_TYPES } from '../queue/events.js';
import { eventsWithoutMessage } from '../queue/sqlite-search.js';
import type { Db } from '../store/sqlite.js';

export interface RoutingApiDeps {
  config: Config;
  db: Db;
  routes: RouteStore;
  suppressions: SuppressionList;
  actions: Actions;
  clock: () => number;
}

const MAX_LIST = 1000;

/** A source address as routes store it: an IP address, or 'default' (the system picks the address). */
export const routeSource = z.union([z.ipv4(), z.ipv6(), z.literal(DEFAULT_SOURCE)], { error: `an IP address or '${DEFAULT_SOURCE}'` });
/** A provider name (google, microsoft-365 ...), a recipient domain, or '*' for every destination. */
export const routeProvider = z.string().regex(/^(\*|[a-z0-9][a-z0-9.-]{0,252})$/, `a provider name, a domain or '${EVERY_PROVIDER}'`);
export const suppressionAccount = z.string().min(1).max(128);
export const suppressionRecipient = z.string().max(320).regex(/^[^@\s,]+@[^@\s,]+$/, 'not an address');
const oneLine = (max: number) => z.string().max(max).transform((s) => s.replace(/[\x00-\x1f\x7f]+/g, ' ').trim());

export const suppressionQuery = z.object({
  account: suppressionAccount.optional(),
  /** Substring of the recipient, case-insensitive. */
  q: z.string().max(320).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_LIST).default(200),
}).strict();

/** The suppressions matching a search, newest first, with whether each is still in force. */
export function searchSuppressions(list: SuppressionList, q: z.infer<typeof suppressionQuery>, now: number) {
  const needle = q.q?.trim().toLowerCase() ?? '';
  return list.list(q.account ? { account: q.account } : {})
    .filter((s) => !needle || s.recipient.includes(needle))
    .sort((a, b) => b.createdAt - a.createdAt)
    .slice(0, q.limit)
    .map((s) => ({ ...s, inForce: s.expiresAt === 0 || s.expiresAt > now }));
}

export function registerRoutingApi(api: Api, { config, db, routes, suppressions, actions, clock }: RoutingApiDeps): void {
  api.route({
    method: 'GET', path: '/routes', summary: 'Source IP x provider: ok, slowed or paused, why, by whom, and the remote reply that caused it',
    handle: () => routeViews(routes.all(), config, clock()),
  });
  api.route({
    method: 'GET', path: '/routes/changes',
    summary: "The latest route changes no reply caused (an operator's, a pause run out, a recovery, a blocklist listing or delisting), newest first",
    query: z.object({ limit: z.coerce.number().int().min(1).max(MAX_LIST).default(50) }).strict(),
    handle: ({ query }) => eventsWithoutMessage(db, ROUTE_EVENT_TYPES, query.limit).map((e) => ({ at: e.at, event: e.type, ...e.data })),
  });
  api.route({
    method: 'POST', path: '/routes/pause', summary: "Stop sending from a source IP to a provider ('*' = every destination); the relay reads it within a second",
    body: z.object({
      source: routeSource, provider: routeProvider,
      minutes: z.number().int().min(0).max(525_600).default(0),
      reason: oneLine(500).default('paused by an operator'),
    }).strict(),
    handle: ({ body, operator }) => {
      actions.pauseRoute(operator.name, body.source, body.provider, body.minutes, body.reason || 'paused by an operator');
      return { source: body.source, provider: body.provider, paused: true };
    },
  });
  api.route({
    method: 'POST', path: '/routes/resume', summary: 'Lift the pause or slowdown of a source IP toward a provider (or toward every provider when none is given)',
    body: z.object({ source: routeSource, provider: routeProvider.optional() }).strict(),
    handle: ({ body, operator }) => {
      const n = actions.resumeRoute(operator.name, body.source, body.provider);
      if (n === 0) throw new HttpError(404, `${body.source}${body.provider ? ` toward ${body.provider}` : ''} is neither paused nor slowed`);
      return { source: body.source, provider: body.provider ?? null, resumed: n };
    },
  });

  api.route({
    method: 'GET', path: '/suppressions', summary: "Suppressed recipients, newest first: by account ('*' = every account) and recipient substring",
    query: suppressionQuery,
    handle: ({ query }) => searchSuppressions(suppressions, query, clock()),
  });
  api.route({
    method: 'POST', path: '/suppressions', summary: 'Refuse mail to a recipient at RCPT TO, for one account or every account',
    body: z.object({
      recipient: suppressionRecipient,
      account: suppressionAccount.default(GLOBAL),
      reason: z.enum(SUPPRESSION_REASONS).default('manual'),
      days: z.number().int().min(0).max(36_500).default(0),
    }).strict(),
    handle: ({ body, operator, reply }) => {
      const expiresAt = body.days === 0 ? 0 : clock() + body.days * 86_400_000;
      actions.addSuppression(operator.name, { account: body.account, recipient: body.recipient, reason: body.reason, expiresAt });
      return reply.code(201).send(suppressions.isSuppressed(body.account, body.recipient, clock()));
    },
  });
  api.route({
    method: 'DELETE', path: '/suppressions/:account/:recipient', summary: "Allow mail to a recipient again (account '*' = the global entry)",
    params: z.object({ account: suppressionAccount, recipient: suppressionRecipient }),
    handle: ({ params, operator }) => {
      if (!actions.removeSuppression(operator.name, params.account, params.recipient)) throw new HttpError(404, `no suppression of ${params.recipient} for ${params.account}`);
      return { account: params.account, recipient: params.recipient.toLowerCase(), deleted: true };
    },
  });
}
