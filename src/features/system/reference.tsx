/** The rendered API reference (`/de/schnittstelle`, `/en/api-reference`), built from the served OpenAPI document. */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { openApiDocument } from '../../platform/http/openapi.ts';
import { definePage } from '../../web/page.tsx';
import { PATHS } from '../../web/paths.ts';
import { ApiReferencePage, type Operation, type Parameter, type Schema } from './reference-views.tsx';

type DocOperation = {
  operationId: string;
  summary: string;
  tags: string[];
  parameters: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema; example?: unknown }> };
  responses: Record<string, { content?: Record<string, { example?: unknown }> }>;
  security: Record<string, string[]>[];
};

/** The document's operations in path order, each with what the page shows. */
export function operationsOf(doc: { paths: Record<string, Record<string, DocOperation>> }): Operation[] {
  return Object.entries(doc.paths)
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => {
        const [status = '200', answer] =
          Object.entries(op.responses).find(([code]) => /^[23]/.test(code)) ?? [];
        return {
          method: method.toUpperCase(),
          path,
          operationId: op.operationId,
          summary: op.summary,
          tag: op.tags[0] ?? 'api',
          parameters: op.parameters,
          body: op.requestBody?.content['application/json']?.schema ?? null,
          success: {
            status,
            contentType: status === '204' ? null : (Object.keys(answer?.content ?? {})[0] ?? null),
          },
          security: op.security,
          examples: {
            body: op.requestBody?.content['application/json']?.example,
            answer: Object.values(answer?.content ?? {})[0]?.example,
          },
        };
      }),
    );
}

export function registerApiReference(app: FastifyInstance, deps: AppDeps, root: FastifyInstance) {
  let operations: Operation[] | undefined;
  definePage(app, deps.web, {
    paths: PATHS.apiReference,
    policy: { public: 'API documentation' },
    handler: async (_req, _reply, ctx) => {
      operations ??= operationsOf(
        openApiDocument(root, { version: deps.config.version, serverUrl: deps.config.PUBLIC_URL }) as never,
      );
      return <ApiReferencePage ctx={ctx} operations={operations} />;
    },
  });
}
