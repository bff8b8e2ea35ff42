// /api/v1: the operator's queue and account views over HTTP, the same data `mailwarden queue` and `accounts` print.
// Authentication is checked before any of this runs (server.ts).
import type { FastifyInstance } from 'fastify';
import { publicView } from '../accounts/public-view.js';
import type { AccountStore } from '../accounts/types.js';
import type { Intake } from '../feedback/intake.js';
import type { QueueStore } from '../queue/store.js';
import { accountParams, messageParams, openApiDocument, queueListQuery, type QueueListQuery } from './api-schemas.js';

export interface ApiDeps {
  store: QueueStore;
  accounts: AccountStore;
  clock: () => number;
  feedback?: Intake;
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

  const { feedback } = deps;
  if (feedback) {
    // A report as the raw message (message/rfc822, or an mbox as application/mbox); the feedback stage answers per
    // message. Its own body limit: reports are larger than the other endpoints' JSON, and bounded all the same.
    const bodyLimit = 16 * 1024 * 1024;
    app.addContentTypeParser(['message/rfc822', 'application/mbox', 'application/octet-stream'], { parseAs: 'buffer', bodyLimit }, (_req, body, done) => done(null, body));
    app.post('/api/v1/feedback', { bodyLimit }, async (req, reply) => {
      if (!Buffer.isBuffer(req.body)) return reply.code(415).send({ error: 'send the report as message/rfc822 (or application/mbox)' });
      const results = feedback.process(req.body, { source: 'http' });
      const rejected = results.every((r) => r.status === 'rejected');
      return reply.code(rejected ? 422 : 200).send({ results });
    });
  }

  app.get('/api/v1/accounts', async () => (await accounts.list()).map(publicView));

  app.get<{ Params: { name: string } }>('/api/v1/accounts/:name', { schema: { params: accountParams } }, async (req, reply) => {
    const account = await accounts.get(req.params.name);
    return account ? publicView(account) : reply.code(404).send(notFound(`account ${req.params.name}`));
  });
}
