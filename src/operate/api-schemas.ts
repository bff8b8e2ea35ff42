// The admin API's request schemas, written once: fastify validates requests with them (Ajv) and the OpenAPI document
// quotes them, so the document cannot drift from what the server accepts.
import { LIVE_STATES } from '../queue/sqlite-depth.js';
import type { QueueState } from '../shared/types.js';

const QUEUE_STATES: readonly QueueState[] = [...LIVE_STATES, 'delivered', 'bounced', 'expired', 'deleted'];
/** Longest page of `GET /queue`: every list is bounded. */
const MAX_LIST_LIMIT = 1000;

export const queueListQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    state: { type: 'string', enum: QUEUE_STATES },
    limit: { type: 'integer', minimum: 1, maximum: MAX_LIST_LIMIT, default: 50 },
  },
} as const;

export const messageParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', pattern: '^[0-9A-Za-z]{1,64}$' } },
} as const;

export const accountParams = {
  type: 'object',
  required: ['name'],
  properties: { name: { type: 'string', minLength: 1, maxLength: 128 } },
} as const;

export interface QueueListQuery {
  state?: QueueState;
  limit: number;
}

const error = { description: 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
const json = (description: string) => ({ description, content: { 'application/json': { schema: { type: 'object' } } } });
const asParameters = (schema: { properties: Record<string, object>; required?: readonly string[] }, where: 'path' | 'query') =>
  Object.entries(schema.properties).map(([name, s]) => ({ name, in: where, required: schema.required?.includes(name) ?? false, schema: s }));
const messageId = asParameters(messageParams, 'path');
const authErrors = { 401: error };

/** OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json. */
export const openApiDocument = {
  openapi: '3.1.0',
  info: { title: 'mailwarden admin API', version: '1' },
  servers: [{ url: '/api/v1' }],
  security: [{ bearer: [] }],
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'created with `mailwarden tokens create NAME`' } },
    schemas: { Error: { type: 'object', required: ['error'], properties: { error: { type: 'string' } } } },
  },
  paths: {
    '/queue': {
      get: { summary: 'Messages, newest first', parameters: asParameters(queueListQuery, 'query'), responses: { 200: json('Message summaries'), 400: error, ...authErrors } },
    },
    '/messages/{id}': {
      get: { summary: 'A message with its recipients and timeline', parameters: messageId, responses: { 200: json('Message detail'), 404: error, ...authErrors } },
      delete: { summary: 'Drop the message without delivering or bouncing it (its timeline is kept)', parameters: messageId, responses: { 200: json('Deleted'), 404: error, ...authErrors } },
    },
    '/messages/{id}/retry': {
      post: { summary: "Make the message's pending recipients due now", parameters: messageId, responses: { 200: json('How many recipients are due'), 404: error, ...authErrors } },
    },
    '/accounts': { get: { summary: 'Accounts (never password hashes)', responses: { 200: json('Accounts'), ...authErrors } } },
    '/accounts/{name}': {
      get: { summary: 'One account', parameters: asParameters(accountParams, 'path'), responses: { 200: json('Account'), 404: error, ...authErrors } },
    },
    '/feedback': {
      post: {
        summary: 'A complaint (ARF) or bounce, traced and acted upon as if it had arrived by SMTP (one result per message of an mbox)',
        requestBody: { required: true, content: { 'message/rfc822': { schema: { type: 'string' } }, 'application/mbox': { schema: { type: 'string' } } } },
        responses: { 200: json('Results per report'), 413: error, 415: error, 422: json('No usable report, with the reason'), ...authErrors },
      },
    },
    '/openapi.json': { get: { summary: 'This document', responses: { 200: json('OpenAPI document'), ...authErrors } } },
  },
} as const;
