import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../../platform/http/errors.ts';
import type { ZodTypeProvider } from '../../../platform/http/route-schema.ts';
import type { IdentityDeps } from '../deps.ts';
import { requireActor } from '../http.ts';

import { revokeOwnSession, sessionsOverview } from './service.ts';

const sessionParams = z.strictObject({ id: z.string().regex(/^[0-9a-f]{64}$/) });
const tags = ['sessions'];

export function registerSessionApi(app: FastifyInstance, deps: IdentityDeps) {
  const { db } = deps;
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/v1/auth/csrf',
    {
      config: { policy: { action: 'read', resource: 'session' } },
      schema: { summary: 'A CSRF token for the x-csrf-token header of this session', tags },
    },
    async (_req, reply) =>
      reply.header('cache-control', 'no-store').send({ csrfToken: reply.generateCsrf() }),
  );

  api.get(
    '/api/v1/me/sessions',
    {
      config: { policy: { action: 'read', resource: 'session' } },
      schema: { summary: "The signed-in person's active sessions, the current one marked", tags },
    },
    async (req) => {
      const { auth } = requireActor(req);
      const rows = await sessionsOverview(db, auth, deps.now());
      return {
        sessions: rows.map((s) => ({
          ...s,
          createdAt: s.createdAt.toISOString(),
          lastSeenAt: s.lastSeenAt.toISOString(),
        })),
      };
    },
  );

  api.delete(
    '/api/v1/me/sessions/:id',
    {
      config: { policy: { action: 'revoke', resource: 'session' } },
      schema: {
        summary: "End one of the signed-in person's own sessions",
        tags,
        params: sessionParams,
        success: { status: 204, description: 'Ended' },
      },
    },
    async (req, reply) => {
      const { auth } = requireActor(req);
      const { id } = req.params;
      if (!(await revokeOwnSession(db, auth.person.id, id, deps.now())))
        throw new AppError('not-found', { detail: 'No such session.' });
      return reply.status(204).send();
    },
  );
}
