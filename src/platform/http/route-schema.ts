import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  FastifySchemaCompiler,
  FastifyTypeProvider,
  RouteOptions,
} from 'fastify';
import type { z } from 'zod';
import { AppError, fieldErrors } from './errors.ts';

/**
 * One schema per boundary: an API route declares its input as Zod schemas in `schema`
 * (`params`, `querystring`, `body`); the same schemas validate the request, type the handler
 * (`app.withTypeProvider<ZodTypeProvider>()`) and describe the route in the OpenAPI document.
 */
declare module 'fastify' {
  interface FastifySchema {
    /** One line for the OpenAPI document. */
    summary?: string;
    tags?: string[];
    /**
     * Non-default success status and content type (e.g. 201, text/calendar); `example`: an answer as the
     * operation gives it (invented data), shown in the OpenAPI document and on the reference page.
     */
    success?: { status?: number; contentType?: string; description?: string; example?: unknown };
  }
}

/**
 * The schema with an example of its input (invented, nobody's data), carried as Zod metadata into the OpenAPI
 * document (`examples`); the compiler checks the example's shape, and `openapi-examples.int.test.ts` checks that it
 * passes the schema itself, so an example cannot drift from what the route accepts.
 */
export function withExample<S extends z.ZodType>(schema: S, example: z.input<S>): S {
  return schema.meta({ examples: [example] });
}

/** The example a schema carries (`withExample`), if any. */
export function exampleOf(schema: z.ZodType): { example: unknown } | undefined {
  const examples = schema.meta()?.examples;
  return Array.isArray(examples) && examples.length > 0 ? { example: examples[0] } : undefined;
}

/** Types `req.params`, `req.query` and `req.body` from the route's Zod schemas. */
export interface ZodTypeProvider extends FastifyTypeProvider {
  validator: this['schema'] extends z.ZodType ? z.output<this['schema']> : unknown;
  serializer: this['schema'] extends z.ZodType ? z.input<this['schema']> : unknown;
}

/** Where a part of the request is named in field errors: the same names as `parseInput` used. */
const LOCATION: Record<string, string> = {
  params: 'params',
  querystring: 'query',
  body: 'body',
  headers: 'headers',
};

/** Validates one part of the request with its Zod schema; failures are the one 400 of the catalogue. */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> = ({ schema, httpPart }) => {
  const location = LOCATION[httpPart ?? ''] ?? httpPart ?? 'input';
  return (data: unknown) => {
    // Fastify hands an absent body over as null; an absent body is "required", not "not an object".
    const input = data === null && httpPart === 'body' ? undefined : data;
    const result = schema.safeParse(input);
    if (result.success) return { value: result.data };
    return {
      error: new AppError('validation-failed', { errors: fieldErrors(location, result.error.issues) }),
    };
  };
};

function isZodSchema(value: unknown): value is z.ZodType {
  return typeof value === 'object' && value !== null && typeof (value as z.ZodType).safeParse === 'function';
}

/**
 * Raises the validation error of the request, if any. Runs as the route's own preHandler, which
 * Fastify runs after every app-level preHandler: authentication, route policy and CSRF answer
 * first, so an anonymous or cross-site request gets its 401/403, never a 400 about its input.
 */
async function raiseValidationError(req: FastifyRequest, _reply: FastifyReply): Promise<void> {
  const error = req.validationError;
  if (!error) return;
  if (error instanceof AppError) throw error;
  throw new AppError('validation-failed', {
    errors: [{ field: 'input', rule: 'invalid', message: error.message }],
  });
}

/**
 * Registers Zod route schemas for the whole app; call before any route is added.
 * Validation happens in Fastify's validation step but is only attached to the request there
 * (`attachValidation`); the route's last preHandler raises it (see `raiseValidationError`).
 */
export function registerRouteSchemas(app: FastifyInstance): void {
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  app.addHook('onRoute', (route: RouteOptions) => {
    const schema = route.schema;
    if (!schema) return;
    const parts = [schema.params, schema.querystring, schema.body, schema.headers].filter(
      (s) => s !== undefined,
    );
    if (parts.length === 0) return;
    if (!parts.every(isZodSchema)) {
      throw new Error(`Route ${String(route.method)} ${route.url}: route schemas must be Zod schemas.`);
    }
    route.attachValidation = true;
    const own = route.preHandler === undefined ? [] : [route.preHandler].flat();
    route.preHandler = [...own, raiseValidationError];
  });
}
