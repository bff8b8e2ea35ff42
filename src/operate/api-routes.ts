// /api/v1: the operator's queue and account views over HTTP, the same data `mailwarden queue` and `accounts` print.
// Authentication is checked before any of this runs (server.ts).
import type { FastifyInstance } from 'fastify';
import { publicView } from '../accounts/public-view.js';
import type { AccountStore } from '../accounts/types.js';
import type { QueueStore } from '../queue/store.js';
import { accountParams, messageParams, openApiDocument, queueListQuery, type QueueListQuery } from './api-schemas.js';

export interface ApiDeps {
  store: QueueStore;
  accounts: AccountStore;
  clock: () => number;
}

const notFound = (what: string) => ({ error: `no ${what}` });

export function registerApiRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const { store, accounts, clock } = deps;

  app.get('/api/v1/openapi.json', async () => openApiDocument);

  app.get<{ Querystring: QueueListQuery }>('/api/v1/queue', { schema: { querystring: queueListQuery } }, async (req) =>
    store.list({ limit: req.query.limit, ...(req.query.state ? { state: req.query.state } : {}) }));

  app.get<{ Params: { id: string } }>('/api/v1/messages/:id', { schema: { params: messageParams } }, async (req, reply) =>
    store.show(req.params.id) ?? reply.code(404).send(notFound(`message ${req.params.id}`)));

  app.post<{ Params: { id: string } }>('/api/v1/messages/:id/retry', { schema: { params: messageParams } }, async (req, reply) => {
    const { id } = req.params;
    if (!store.show(id)) return reply.code(404).send(notFound(`message ${id}`));
    return { id, dueNow: store.retry(id, clock()) };
  });

  app.delete<{ Params: { id: string } }>('/api/v1/messages/:id', { schema: { params: messageParams } }, async (req, reply) => {
    const { id } = req.params;
    return store.remove(id, clock()) ? { id, deleted: true } : reply.code(404).send(notFound(`message ${id}`));
  });

  app.get('/api/v1/accounts', async () => (await accounts.list()).map(publicView));

  app.get<{ Params: { name: string } }>('/api/v1/accounts/:name', { schema: { params: accountParams } }, async (req, reply) => {
    const account = await accounts.get(req.params.name);
    return account ? publicView(account) : reply.code(404).send(notFound(`account ${req.params.name}`));
  });
}
