// /api/v1: everything the CLI does for an operator, over HTTP. Authentication and roles are checked before any of this
// runs (server.ts); every change goes through actions.ts, which writes the audit log.
import { z } from 'zod';
import { ACCOUNT_NAME, DOMAIN_NAME, MIN_PASSWORD_LENGTH } from '../accounts/names.js';
import { publicView } from '../accounts/public-view.js';
import type { AccountStore } from '../accounts/types.js';
import { PHASES } from '../classify/index.js';
import { LIVE_STATES } from '../queue/sqlite-depth.js';
import { searchQueue } from '../queue/sqlite-search.js';
import type { QueueStore } from '../queue/store.js';
import type { QueueState } from '../shared/types.js';
import type { Db } from '../store/sqlite.js';
import { explainReply, type Actions } from './actions.js';
import { HttpError, type Api } from './api-route.js';
import type { AuditLog } from './audit.js';
import type { DecideData } from './data/decide.js';
import { WEBHOOK_EVENTS } from './webhooks/events.js';
import type { WebhookStore } from './webhooks/store.js';

export interface ApiDeps {
  db: Db;
  store: QueueStore;
  accounts: AccountStore;
  decide: DecideData;
  audit: AuditLog;
  webhooks: WebhookStore;
  actions: Actions;
  clock: () => number;
}

export const QUEUE_STATES = [...LIVE_STATES, 'delivered', 'bounced', 'expired', 'deleted'] as const satisfies readonly QueueState[];
/** Longest page of any list, and most ids in one bulk change: every answer is bounded. */
const MAX_LIST = 1000;

const limit = (fallback: number) => z.coerce.number().int().min(1).max(MAX_LIST).default(fallback);
/** A time as epoch milliseconds or an ISO 8601 date. */
const time = z.union([z.coerce.number().int().nonnegative(), z.iso.datetime({ offset: true }).transform((s) => Date.parse(s))]);
const queueId = z.string().regex(/^[0-9A-Za-z]{1,64}$/, 'not a queue id');
const ids = z.object({ ids: z.array(queueId).min(1).max(MAX_LIST) }).strict();
const messageParams = z.object({ id: queueId });
const accountParams = z.object({ name: z.string().min(1).max(128) });
/** Account, or account/sub: sent percent-encoded in the path (`web-01%2Falice`). */
const senderParams = z.object({ identity: z.string().min(1).max(320) });
const oneLine = (max: number) => z.string().max(max).transform((s) => s.replace(/[\x00-\x1f\x7f]+/g, ' ').trim());

export const queueSearchQuery = z.object({
  id: queueId.optional(),
  sender: z.string().max(320).optional(),
  recipient: z.string().max(320).optional(),
  account: z.string().max(128).optional(),
  messageId: z.string().max(998).optional(),
  state: z.enum(QUEUE_STATES).optional(),
  from: time.optional(),
  to: time.optional(),
  limit: limit(50),
}).strict();

export function registerApiRoutes(api: Api, deps: ApiDeps): void {
  const { db, store, accounts, decide, audit, webhooks, actions, clock } = deps;
  const notFound = (what: string) => new HttpError(404, `no ${what}`);

  // The queue.
  api.route({
    method: 'GET', path: '/queue', summary: 'Search messages, newest first (every filter optional)', query: queueSearchQuery,
    handle: ({ query }) => searchQueue(db, query),
  });
  api.route({
    method: 'GET', path: '/messages/:id', summary: 'A message with its recipients and timeline', params: messageParams,
    handle: ({ params }) => store.show(params.id) ?? Promise.reject(notFound(`message ${params.id}`)),
  });
  api.route({
    method: 'POST', path: '/messages/:id/retry', summary: "Make the message's pending recipients due now", params: messageParams,
    handle: ({ params, operator }) => {
      const [r] = actions.retryMessages(operator.name, [params.id]);
      if (!r!.ok) throw notFound(`message ${params.id}`);
      return { id: params.id, dueNow: store.show(params.id)!.pending };
    },
  });
  api.route({
    method: 'DELETE', path: '/messages/:id', summary: 'Drop the message without delivering or bouncing it (its timeline is kept)', params: messageParams,
    handle: ({ params, operator }) => {
      if (!actions.deleteMessages(operator.name, [params.id])[0]!.ok) throw notFound(`message ${params.id}`);
      return { id: params.id, deleted: true };
    },
  });
  api.route({
    method: 'POST', path: '/messages/retry', summary: 'Retry many messages now; the result says which ids were found', body: ids,
    handle: ({ body, operator }) => ({ results: actions.retryMessages(operator.name, body.ids) }),
  });
  api.route({
    method: 'POST', path: '/messages/delete', summary: 'Delete many messages; the result says which ids were found', body: ids,
    handle: ({ body, operator }) => ({ results: actions.deleteMessages(operator.name, body.ids) }),
  });

  // Accounts.
  api.route({ method: 'GET', path: '/accounts', summary: 'Accounts (never password hashes)', handle: async () => (await accounts.list()).map(publicView) });
  api.route({
    method: 'GET', path: '/accounts/:name', summary: 'One account', params: accountParams,
    handle: async ({ params }) => {
      const a = await accounts.get(params.name);
      if (!a) throw notFound(`account ${params.name}`);
      return publicView(a);
    },
  });
  api.route({
    method: 'POST', path: '/accounts', summary: 'Add an account; without a password one is generated and returned once',
    body: z.object({
      name: z.string().regex(ACCOUNT_NAME, 'use 1-128 letters, digits and . _ @ + -'),
      password: z.string().min(MIN_PASSWORD_LENGTH).max(1024).optional(),
      login: z.boolean().default(true),
      domains: z.array(z.string().toLowerCase().regex(DOMAIN_NAME, 'not a domain name')).max(1000).default([]),
      enforceDomains: z.boolean().default(false),
    }).strict()
      .refine((a) => a.login || a.password === undefined, { message: 'an account without login takes no password', path: ['password'] })
      .refine((a) => !a.enforceDomains || a.domains.length > 0, { message: 'enforceDomains needs domains', path: ['domains'] }),
    handle: async ({ body, operator, reply }) => {
      const password = await actions.addAccount(operator.name, body);
      return reply.code(201).send({ ...publicView((await accounts.get(body.name))!), ...(password ? { password } : {}) });
    },
  });
  api.route({
    method: 'PUT', path: '/accounts/:name/password', summary: 'Change the password of an account', params: accountParams,
    body: z.object({ password: z.string().min(MIN_PASSWORD_LENGTH).max(1024) }).strict(),
    handle: async ({ params, body, operator }) => {
      if (!(await actions.setPassword(operator.name, params.name, body.password))) throw notFound(`account ${params.name}`);
      return { name: params.name, passwordChanged: true };
    },
  });
  api.route({
    method: 'POST', path: '/accounts/:name/suspend', summary: 'Suspend an account: its logins fail and none of its mail is accepted', params: accountParams,
    body: z.object({ reason: oneLine(500).pipe(z.string().min(1, 'must not be empty')) }).strict(),
    handle: async ({ params, body, operator }) => {
      if (!(await actions.suspendAccount(operator.name, params.name, body.reason))) throw notFound(`account ${params.name}`);
      return { name: params.name, suspended: true };
    },
  });
  api.route({
    method: 'POST', path: '/accounts/:name/reinstate', summary: 'Lift the suspension of an account', params: accountParams,
    handle: async ({ params, operator }) => {
      if (!(await actions.reinstateAccount(operator.name, params.name))) throw notFound(`account ${params.name}`);
      return { name: params.name, suspended: false };
    },
  });
  api.route({
    method: 'DELETE', path: '/accounts/:name', summary: 'Delete an account (its queued mail stays)', params: accountParams,
    handle: async ({ params, operator }) => {
      if (!(await actions.deleteAccount(operator.name, params.name))) throw notFound(`account ${params.name}`);
      return { name: params.name, deleted: true };
    },
  });

  // Sender identities.
  api.route({
    method: 'GET', path: '/senders', summary: 'Sender identities with risk, trust, counters and suspension', query: z.object({ limit: limit(200) }).strict(),
    handle: ({ query }) => {
      const now = clock();
      return decide.senderKeys().slice(0, query.limit).map((k) => decide.sender(k, now) ?? { identity: k });
    },
  });
  api.route({
    method: 'GET', path: '/senders/:identity', summary: 'One sender identity (account or account%2Fsub)', params: senderParams,
    handle: ({ params }) => decide.sender(params.identity, clock()) ?? Promise.reject(notFound(`sender identity ${params.identity}`)),
  });
  api.route({
    method: 'POST', path: '/senders/:identity/suspend', summary: 'Refuse every message of the identity until reinstated or the period ends', params: senderParams,
    body: z.object({ minutes: z.number().int().min(0).default(0), reason: oneLine(500).default('suspended by an operator') }).strict(),
    handle: ({ params, body, operator }) => {
      actions.suspendSender(operator.name, params.identity, body.minutes, body.reason || 'suspended by an operator');
      return { identity: params.identity, suspended: true };
    },
  });
  api.route({
    method: 'POST', path: '/senders/:identity/reinstate', summary: 'Lift the suspension of an identity', params: senderParams,
    handle: ({ params, operator }) => {
      if (!actions.reinstateSender(operator.name, params.identity)) throw notFound(`suspension of ${params.identity}`);
      return { identity: params.identity, suspended: false };
    },
  });

  // Quarantine.
  api.route({
    method: 'GET', path: '/quarantine', summary: 'Held messages, oldest first, with the evidence that held them', query: z.object({ limit: limit(100) }).strict(),
    handle: ({ query }) => decide.heldMessages(query.limit),
  });
  api.route({
    method: 'GET', path: '/quarantine/:id', summary: 'A held message: headers, recipients, evidence, timeline and its readable text (never markup)', params: messageParams,
    handle: ({ params }) => {
      const m = decide.heldMessage(params.id);
      if (!m) throw notFound(`held message ${params.id}`);
      return { ...m, text: decide.heldText(params.id) ?? '' };
    },
  });
  api.route({
    method: 'POST', path: '/quarantine/release', summary: 'Hand held messages to delivery now', body: ids,
    handle: ({ body, operator }) => ({ results: actions.releaseHeld(operator.name, body.ids) }),
  });
  api.route({
    method: 'POST', path: '/quarantine/delete', summary: 'Drop held messages (their timeline is kept); with "spam": true they are confirmed as spam and the local content model learns them',
    body: ids.extend({ spam: z.boolean().optional() }),
    handle: ({ body, operator }) => ({ results: actions.deleteHeld(operator.name, body.ids, body.spam === true) }),
  });

  // Explain, audit, webhooks.
  api.route({
    method: 'POST', path: '/explain', summary: 'Classify one remote SMTP reply: reason, blame, fix, what the relay does',
    body: z.object({ reply: z.string().min(1).max(64 * 1024), phase: z.enum(PHASES).optional(), mx: z.string().max(255).optional() }).strict(),
    handle: ({ body }) => explainReply(body.reply, body.phase, body.mx),
  });
  api.route({
    method: 'GET', path: '/audit', summary: 'The audit log: who changed what and when, newest first',
    query: z.object({ limit: limit(100), action: z.string().max(64).optional(), before: z.coerce.number().int().positive().optional() }).strict(),
    handle: ({ query }) => audit.list(query),
  });
  api.route({
    method: 'GET', path: '/webhooks', summary: 'Registered webhooks (never their secrets)',
    handle: () => webhooks.list().map(({ secret: _secret, ...rest }) => rest),
  });
  api.route({
    method: 'POST', path: '/webhooks', summary: 'Register a URL for event types; the signing secret is returned once',
    body: z.object({ url: z.url({ protocol: /^https?$/ }).max(2048), events: z.array(z.enum(WEBHOOK_EVENTS)).min(1) }).strict(),
    handle: ({ body, operator, reply }) => reply.code(201).send(actions.addWebhook(operator.name, body.url, [...new Set(body.events)])),
  });
  api.route({
    method: 'DELETE', path: '/webhooks/:id', summary: 'Remove a webhook and its deliveries', params: z.object({ id: z.coerce.number().int().positive() }),
    handle: ({ params, operator }) => {
      if (!actions.removeWebhook(operator.name, params.id)) throw notFound(`webhook ${params.id}`);
      return { id: params.id, deleted: true };
    },
  });
  api.route({
    method: 'GET', path: '/webhooks/deliveries', summary: 'Webhook deliveries, newest first: failures show their last error',
    query: z.object({ state: z.enum(['pending', 'delivered', 'failed']).optional(), webhookId: z.coerce.number().int().positive().optional(), limit: limit(100) }).strict(),
    handle: ({ query }) => webhooks.deliveries(query),
  });
}
