import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError, parseInput } from '../../../platform/http/errors.ts';
import type { IdentityDeps } from '../deps.ts';
import { requireActor } from '../http.ts';

import { listActiveSessions, revokeSession } from './service.ts';

export function registerSessionApi(app: FastifyInstance, deps: IdentityDeps) {
  const { db } = deps;
  app.get(
    '/api/v1/auth/csrf',
    { config: { policy: { action: 'read', resource: 'session' } } },
    async (_req, reply) =>
      reply.header('cache-control', 'no-store').send({ csrfToken: reply.generateCsrf() }),
  );

  app.get(
    '/api/v1/me/sessions',
    { config: { policy: { action: 'read', resource: 'session' } } },
    async (req) => {
      const { auth } = requireActor(req);
      const rows = await listActiveSessions(db, auth.person.id, deps.now());
      return {
        sessions: rows.map((s) => ({
          id: s.idHash,
          current: s.idHash === auth.session.idHash,
          createdAt: s.createdAt.toISOString(),
          lastSeenAt: s.lastSeenAt.toISOString(),
          userAgent: s.userAgent,
        })),
      };
    },
  );

  app.delete(
    '/api/v1/me/sessions/:id',
    { config: { policy: { action: 'revoke', resource: 'session' } } },
    async (req, reply) => {
      const { auth } = requireActor(req);
      const { id } = parseInput(
        z.strictObject({ id: z.string().regex(/^[0-9a-f]{64}$/) }),
        req.params,
        'params',
      );
      const mine = (await listActiveSessions(db, auth.person.id, deps.now())).some((s) => s.idHash === id);
      if (!mine) throw new AppError('not-found', { detail: 'No such session.' });
      await revokeSession(db, id, deps.now());
      return reply.status(204).send();
    },
  );
}
