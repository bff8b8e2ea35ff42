// One way to declare an /api/v1 route: its Zod schemas validate the request (a failure is a 400 naming the field)
// and the same schemas write the route's entry in the OpenAPI document, so the document cannot drift from what the
// server accepts.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ConflictError } from './actions.js';
import type { Operator } from './tokens.js';

export const API_PREFIX = '/api/v1';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface RouteInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  operator: Operator;
  reply: FastifyReply;
}

export interface RouteSpec<P, Q, B> {
  method: Method;
  /** Below /api/v1, in fastify's syntax (`/messages/:id`). */
  path: string;
  summary: string;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  handle(input: RouteInput<P, Q, B>): Promise<unknown> | unknown;
}

/** A request the server understood but refuses: the error handler sends `{"error": message}` with this status. */
export class HttpError extends Error {
  constructor(readonly statusCode: number, message: string) {
    super(message);
  }
}

export function parseInput<T>(schema: z.ZodType<T> | undefined, value: unknown, where: string): T {
  if (!schema) return undefined as T;
  const r = schema.safeParse(value ?? {});
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const field = issue.path.length ? issue.path.join('.') : where;
  throw new HttpError(400, `${where} ${field}: ${issue.message}`);
}

/** The operator the authentication hook (server.ts) found for this request. */
export function operatorOf(req: FastifyRequest): Operator {
  const op = (req as FastifyRequest & { operator?: Operator }).operator;
  if (!op) throw new Error('route reached without an authenticated operator');
  return op;
}

const error = { description: 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
const json = (description: string) => ({ description, content: { 'application/json': { schema: { type: 'object' } } } });
const jsonSchema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, object>; required?: string[] };

function parameters(schema: z.ZodType | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  const s = jsonSchema(schema);
  return Object.entries(s.properties ?? {}).map(([name, p]) => ({ name, in: where, required: where === 'path' || (s.required ?? []).includes(name), schema: p }));
}

export function createApi(app: FastifyInstance) {
  const paths: Record<string, Record<string, object>> = {};

  function route<P = undefined, Q = undefined, B = undefined>(spec: RouteSpec<P, Q, B>): void {
    app.route({
      method: spec.method,
      url: API_PREFIX + spec.path,
      handler: async (req, reply) => {
        try {
          return await spec.handle({
            params: parseInput(spec.params, req.params, 'path'),
            query: parseInput(spec.query, req.query, 'query'),
            body: parseInput(spec.body, req.body, 'body'),
            operator: operatorOf(req),
            reply,
          });
        } catch (err) {
          if (err instanceof ConflictError) throw new HttpError(409, err.message);
          throw err;
        }
      },
    });
    const responses: Record<number, object> = { 200: json('OK'), 401: error };
    if (spec.params || spec.query || spec.body) responses[400] = error;
    if (spec.method !== 'GET') Object.assign(responses, { 403: error, 409: error });
    if (spec.params) responses[404] = error;
    const docPath = spec.path.replace(/:(\w+)/g, '{$1}');
    (paths[docPath] ??= {})[spec.method.toLowerCase()] = {
      summary: spec.summary,
      parameters: [...parameters(spec.params, 'path'), ...parameters(spec.query, 'query')],
      ...(spec.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(spec.body) } } } } : {}),
      responses,
    };
  }

  /** OpenAPI 3.1 description of every route declared so far. */
  function document() {
    return {
      openapi: '3.1.0',
      info: { title: 'mailwarden admin API', version: '1' },
      servers: [{ url: API_PREFIX }],
      security: [{ bearer: [] }],
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'created with `mailwarden tokens create NAME [--role admin|viewer]`; a viewer may only GET' },
        },
        schemas: { Error: { type: 'object', required: ['error'], properties: { error: { type: 'string' } } } },
      },
      paths: { ...paths, '/openapi.json': { get: { summary: 'This document (no token needed)', security: [], responses: { 200: json('OpenAPI document') } } } },
    };
  }

  return { route, document };
}

export type Api = ReturnType<typeof createApi>;
