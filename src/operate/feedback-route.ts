// POST /api/v1/feedback: a report saved elsewhere (an ARF complaint, a late bounce; one message as message/rfc822, or
// an mbox) handed to the feedback stage's intake as if it had arrived by SMTP. It sits behind the API's token check
// like every /api/v1 route; it is registered on its own because its body is a raw message, not JSON.
import type { FastifyInstance } from 'fastify';
import type { Intake } from '../feedback/intake.js';

/** Reports are larger than the other endpoints' JSON, and bounded all the same. */
const REPORT_BODY_LIMIT = 16 * 1024 * 1024;

export function registerFeedbackRoute(app: FastifyInstance, intake: Intake): void {
  app.addContentTypeParser(['message/rfc822', 'application/mbox', 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: REPORT_BODY_LIMIT }, (_req, body, done) => done(null, body));
  app.post('/api/v1/feedback', { bodyLimit: REPORT_BODY_LIMIT }, async (req, reply) => {
    if (!Buffer.isBuffer(req.body)) return reply.code(415).send({ error: 'send the report as message/rfc822 (or application/mbox)' });
    const results = intake.process(req.body, { source: 'http' });
    const rejected = results.every((r) => r.status === 'rejected');
    return reply.code(rejected ? 422 : 200).send({ results });
  });
}
