import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { PASSWORD_MAX } from '../../../domain/access/passwords.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import { AppError, parseInput } from '../../../platform/http/errors.ts';
import { listOutbox } from '../../../platform/mail/mailer.ts';
import { listOrganisations } from '../../people/index.ts';
import { sha256 } from '../credentials.ts';
import type { IdentityDeps } from '../deps.ts';
import {
  applyCsrfSecret,
  authorizePersonal,
  type CookieNames,
  newCsrfSecret,
  requireActor,
  setSessionCookie,
} from '../http.ts';
import { accountView } from './data.ts';
import { changePassword } from './service.ts';

const passwordBody = z.strictObject({
  currentPassword: z.string().max(PASSWORD_MAX * 4),
  newPassword: z.string().max(PASSWORD_MAX * 4),
});

export function registerAccountApi(app: FastifyInstance, deps: IdentityDeps, names: CookieNames) {
  const { db } = deps;
  const sensitive = { rateLimit: { max: 10, timeWindow: '1 minute' } };
  app.get('/api/v1/me', { config: { policy: { action: 'read', resource: 'account' } } }, async (req) => {
    const { actor } = requireActor(req);
    const now = deps.now();
    return db.transaction(async (tx) => {
      await authorizePersonal(tx, now, actor, 'read', 'account', actor.personId, 'own account');
      return accountView(tx, actor.personId);
    });
  });

  app.post(
    '/api/v1/me/password',
    { config: { policy: { action: 'update', resource: 'account' }, ...sensitive } },
    async (req, reply) => {
      const { auth } = requireActor(req);
      const body = parseInput(passwordBody, req.body, 'body');
      const csrfSecret = newCsrfSecret();
      const result = await changePassword(deps, auth.session, body, csrfSecret);
      if (result.kind === 'wrong-password') {
        throw new AppError('unauthenticated', {
          detail: 'The current password is wrong.',
          errors: [{ field: 'body.currentPassword', rule: 'current-password', message: 'is wrong' }],
        });
      }
      if (result.kind === 'weak') {
        throw new AppError('validation-failed', {
          errors: [
            { field: 'body.newPassword', rule: result.problem, message: `password is ${result.problem}` },
          ],
        });
      }
      setSessionCookie(reply, names, result.token);
      applyCsrfSecret(req, reply, csrfSecret);
      return reply.header('cache-control', 'no-store').send({ csrfToken: reply.generateCsrf() });
    },
  );

  app.get(
    '/api/v1/organisations',
    { config: { policy: { action: 'read', resource: 'organisation' } } },
    async () => ({
      organisations: await listOrganisations(db),
    }),
  );

  app.get(
    '/api/v1/admin/outbox',
    { config: { policy: { action: 'read', resource: 'outbox' } } },
    async (req) => {
      const { actor } = requireActor(req);
      const now = deps.now();
      return db.transaction(async (tx) => {
        const mails = await listOutbox(tx);
        await appendAudit(
          tx,
          {
            actorPersonId: actor.personId,
            actorRole: 'administrator',
            action: 'read',
            objectType: 'outbox',
            purpose: 'mail delivery without SMTP',
            result: 'success',
          },
          now,
        );
        return {
          mails: mails.map((m) => ({
            ...m,
            createdAt: m.createdAt.toISOString(),
            toHash: sha256(m.toAddress).slice(0, 8),
          })),
        };
      });
    },
  );
}
