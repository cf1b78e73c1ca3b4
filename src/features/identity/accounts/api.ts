import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { PASSWORD_MAX } from '../../../domain/access/passwords.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { withExample, type ZodTypeProvider } from '../../../platform/http/route-schema.ts';
import { listOrganisations } from '../../people/index.ts';
import { readOutbox } from '../admin/service.ts';
import { sha256 } from '../credentials.ts';
import type { IdentityDeps } from '../deps.ts';
import { applyCsrfSecret, type CookieNames, newCsrfSecret, requireActor, setSessionCookie } from '../http.ts';
import { changePassword, ownAccount } from './service.ts';

const passwordBody = z.strictObject({
  currentPassword: z.string().max(PASSWORD_MAX * 4),
  newPassword: z.string().max(PASSWORD_MAX * 4),
});
const tags = ['account'];

export function registerAccountApi(app: FastifyInstance, deps: IdentityDeps, names: CookieNames) {
  const { db } = deps;
  const sensitive = { rateLimit: { max: 10, timeWindow: '1 minute' } };
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/v1/me',
    {
      config: { policy: { action: 'read', resource: 'account' } },
      schema: { summary: "The signed-in person's account: name, email address, roles, second factors", tags },
    },
    async (req) => {
      const { actor } = requireActor(req);
      return ownAccount(db, actor, deps.now());
    },
  );

  api.post(
    '/api/v1/me/password',
    {
      config: { policy: { action: 'update', resource: 'account' }, ...sensitive },
      schema: {
        summary: 'Change the password; every other session ends, this one gets a new cookie and CSRF token',
        tags,
        body: withExample(passwordBody, {
          currentPassword: 'correct horse battery staple',
          newPassword: 'a new long passphrase 2026',
        }),
      },
    },
    async (req, reply) => {
      const { auth } = requireActor(req);
      const { body } = req;
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

  api.get(
    '/api/v1/organisations',
    {
      config: { policy: { action: 'read', resource: 'organisation' } },
      schema: { summary: 'The organisations (to choose whom to give consent)', tags: ['organisations'] },
    },
    async () => ({
      organisations: await listOrganisations(db),
    }),
  );

  api.get(
    '/api/v1/admin/outbox',
    {
      config: { policy: { action: 'read', resource: 'outbox' } },
      schema: {
        summary: 'The mails written to the outbox instead of sent (without SMTP), for administrators',
        tags: ['administration'],
      },
    },
    async (req) => {
      const { actor } = requireActor(req);
      const mails = await readOutbox(db, actor.personId, deps.now());
      return {
        mails: mails.map((m) => ({
          ...m,
          createdAt: m.createdAt.toISOString(),
          toHash: sha256(m.toAddress).slice(0, 8),
        })),
      };
    },
  );
}
