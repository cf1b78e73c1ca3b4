import type { FastifyInstance, RouteOptions } from 'fastify';
import { z } from 'zod';
import { scopeFor } from '../../domain/access/api-tokens.ts';
import type { RoutePolicy } from './policy.ts';
import { exampleOf } from './route-schema.ts';

/** What an API route says about itself in the OpenAPI document, read from its Zod route schema. */
export interface RouteDoc {
  summary: string;
  tags?: string[];
  query?: z.ZodType;
  body?: z.ZodType;
  /** Path parameters, by name. */
  params?: z.ZodType;
  /** Non-default success status and content type (e.g. 201, text/calendar). */
  success?: { status?: number; contentType?: string; description?: string; example?: unknown };
}

interface Collected {
  method: string;
  url: string;
  doc: RouteDoc | undefined;
  policy: RoutePolicy | undefined;
}

/** The route's documentation, from its Zod route schema (src/platform/http/route-schema.ts), the one source. */
function docOf(route: RouteOptions): RouteDoc | undefined {
  const schema = route.schema;
  if (!schema) return undefined;
  const zod = (v: unknown) => (v !== undefined ? (v as z.ZodType) : undefined);
  const doc: RouteDoc = {
    summary: schema.summary ?? `${String(route.method)} ${route.url}`,
  };
  const tags = schema.tags;
  if (tags) doc.tags = tags;
  const params = zod(schema.params);
  const query = zod(schema.querystring);
  const body = zod(schema.body);
  if (params) doc.params = params;
  if (query) doc.query = query;
  if (body) doc.body = body;
  const success = schema.success;
  if (success) doc.success = success;
  return doc;
}

const collected = new WeakMap<FastifyInstance, Collected[]>();

/** Collects every `/api/` route with its documentation; call before routes are registered. */
export function collectApiRoutes(app: FastifyInstance): void {
  const routes: Collected[] = [];
  collected.set(app, routes);
  app.addHook('onRoute', (route: RouteOptions) => {
    if (!route.url.startsWith('/api/')) return;
    const config = (route.config ?? {}) as { policy?: RoutePolicy };
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      routes.push({ method, url: route.url, doc: docOf(route), policy: config.policy });
    }
  });
}

export function apiRoutes(app: FastifyInstance): readonly Collected[] {
  return collected.get(app) ?? [];
}

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}

function parameters(where: 'query' | 'path', schema: z.ZodType | undefined) {
  if (!schema) return [];
  const s = jsonSchema(schema) as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(s.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || (s.required ?? []).includes(name),
    schema: property,
  }));
}

/** The path's parameters: from the route schema, and any other `{name}` of the path as a string. */
function pathParameters(path: string, schema: z.ZodType | undefined) {
  const declared = parameters('path', schema);
  const rest = [...path.matchAll(/\{([A-Za-z_]+)\}/g)]
    .map((m) => m[1] as string)
    .filter((name) => !declared.some((p) => p.name === name))
    .map((name) => ({ name, in: 'path' as const, required: true, schema: { type: 'string' } }));
  return [...declared, ...rest];
}

/** A stable, unique operation id from method and path: GET /api/v1/journeys/{id} → getV1JourneysById. */
export function operationId(method: string, path: string): string {
  const words = path
    .replace(/^\/api\//, '')
    .split('/')
    .flatMap((segment) => {
      const param = /^\{(.+)\}$/.exec(segment)?.[1];
      return (param ? `by-${param}` : segment).split(/[^A-Za-z0-9]+/);
    })
    .filter((w) => w.length > 0);
  return method.toLowerCase() + words.map((w) => w[0]?.toUpperCase() + w.slice(1)).join('');
}

const LOCATION = { description: 'Where to go next', schema: { type: 'string', format: 'uri-reference' } };

const problem = {
  description: 'Error (RFC 9457); see /api/v1/problems',
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
};

/** The OpenAPI 3.1 document of every collected route. */
export function openApiDocument(
  app: FastifyInstance,
  info: { version: string; serverUrl?: string | undefined },
) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of apiRoutes(app)) {
    const path = r.url.replace(/:([A-Za-z_]+)/g, '{$1}');
    const doc = r.doc;
    const status = doc?.success?.status ?? 200;
    const operation: Record<string, unknown> = {
      operationId: operationId(r.method, path),
      summary: doc?.summary ?? `${r.method} ${path}`,
      tags: doc?.tags ?? [path.split('/')[3] ?? 'api'],
      parameters: [...pathParameters(path, doc?.params), ...parameters('query', doc?.query)],
      responses: {
        [String(status)]:
          status >= 300 && status < 400
            ? { description: doc?.success?.description ?? 'Redirect', headers: { Location: LOCATION } }
            : {
                description: doc?.success?.description ?? 'Success',
                content: {
                  [doc?.success?.contentType ?? 'application/json']:
                    doc?.success?.example === undefined ? {} : { example: doc.success.example },
                },
              },
        '4XX': problem,
        '5XX': problem,
      },
      security: securityOf(r.policy),
      'x-policy': r.policy,
    };
    if (doc?.body) {
      operation.requestBody = {
        required: true,
        content: { 'application/json': { schema: jsonSchema(doc.body), ...exampleOf(doc.body) } },
      };
    }
    paths[path] = { ...(paths[path] ?? {}), [r.method.toLowerCase()]: operation };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Chancenregion API',
      version: info.version,
      description:
        'JSON API of Chancenregion. Errors are application/problem+json (RFC 9457). Requests made with the ' +
        'session cookie must send the CSRF token in the x-csrf-token header; requests with an API token of an ' +
        'organisation (Authorization: Bearer) need none.',
      license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
    },
    servers: [
      info.serverUrl
        ? { url: info.serverUrl }
        : { url: '/', description: 'The server that serves this document' },
    ],
    paths,
    components: {
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'session',
          description: 'Session cookie from POST /api/v1/auth/login (named __Host-session behind HTTPS).',
        },
        apiToken: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'crt_ followed by 43 base64url characters',
          description:
            'API token of an organisation (docs/api-tokens.md), sent as Authorization: Bearer crt_…; no cookies ' +
            'and no CSRF token. The operation lists the scope it needs; operations without apiToken refuse tokens.',
        },
      },
      schemas: {
        Problem: {
          type: 'object',
          required: ['type', 'title', 'status', 'code', 'instance', 'requestId'],
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            code: { type: 'string' },
            detail: { type: 'string' },
            instance: { type: 'string' },
            requestId: { type: 'string' },
            errors: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  field: { type: 'string' },
                  rule: { type: 'string' },
                  message: { type: 'string' },
                },
              },
            },
          },
        },
      },
    },
    security: [{ session: [] }],
  };
}

/** Who may call an operation: nobody needs to sign in for a public one; a token only where a scope opens it. */
function securityOf(policy: RoutePolicy | undefined): Record<string, string[]>[] {
  if (!policy || 'public' in policy) return policy ? [] : [{ session: [] }];
  const scope = scopeFor(policy.action, policy.resource);
  return scope ? [{ session: [] }, { apiToken: [scope] }] : [{ session: [] }];
}
