import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { PASSWORD_MAX } from '../../../domain/access/passwords.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import { AppError, parseInput } from '../../../platform/http/errors.ts';
import { listOutbox } from '../../../platform/mail/mailer.ts';
import { listOrganisations } from '../../people/service.ts';
import { accountView, applicantView } from '../accounts/data.ts';
import { changePassword } from '../accounts/service.ts';
import { afterAnswer } from '../after-answer.ts';
import { accessLog, consentsOf, exportData, grantConsent, withdrawConsent } from '../consent/service.ts';
import { sha256 } from '../credentials.ts';
import type { IdentityDeps } from '../deps.ts';
import {
  applyCsrfSecret,
  authorizePersonal,
  type CookieNames,
  clearSessionCookie,
  clientAddress,
  newCsrfSecret,
  requireActor,
  rotateCsrfSecret,
  sessionToken,
  setSessionCookie,
} from '../http.ts';
import { listActiveSessions, revokeAllSessions, revokeSession } from '../sessions/service.ts';
import { requestPasswordReset, resetPassword, unlockAccount, verifyEmail } from './recovery.ts';
import { signIn } from './service.ts';

const loginBody = z.strictObject({
  email: z.string().trim().min(3).max(320),
  password: z
    .string()
    .min(1)
    .max(PASSWORD_MAX * 4),
  totp: z.string().max(32).optional(),
});
const passwordBody = z.strictObject({
  currentPassword: z.string().max(PASSWORD_MAX * 4),
  newPassword: z.string().max(PASSWORD_MAX * 4),
});
const tokenBody = z.strictObject({ token: z.string().min(10).max(100) });
const resetBody = z.strictObject({
  token: z.string().min(10).max(100),
  password: z.string().max(PASSWORD_MAX * 4),
});
const emailBody = z.strictObject({ email: z.string().trim().min(3).max(320) });
const uuidParam = z.strictObject({ id: z.uuid() });
const consentBody = z.strictObject({ organisationId: z.uuid() });

const WRONG_CREDENTIALS = 'The email address or the password is wrong.';

export function throttledError(retryAfterMs: number, locked: boolean): AppError {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new AppError('rate-limited', {
    detail: locked
      ? 'Too many failed sign-ins. The account owner can unlock it with the link sent by email, or reset the password.'
      : `Too many failed sign-ins; try again in ${seconds} seconds.`,
    headers: locked ? {} : { 'retry-after': String(seconds) },
  });
}

export function registerIdentityApi(app: FastifyInstance, deps: IdentityDeps, names: CookieNames) {
  const { db } = deps;
  const sensitive = { rateLimit: { max: 10, timeWindow: '1 minute' } };

  app.post(
    '/api/v1/auth/login',
    { config: { policy: { public: 'sign-in' }, ...sensitive } },
    async (req, reply) => {
      const body = parseInput(loginBody, req.body, 'body');
      const csrfSecret = newCsrfSecret();
      const result = await signIn(deps, {
        email: body.email,
        password: body.password,
        secondFactor: body.totp,
        mode: 'api',
        address: clientAddress(req),
        userAgent: req.headers['user-agent'],
        csrfSecret,
        previousToken: sessionToken(req, names),
      });
      switch (result.kind) {
        case 'signed-in': {
          setSessionCookie(reply, names, result.token);
          applyCsrfSecret(req, reply, csrfSecret);
          const me = await accountView(db, result.personId);
          return reply
            .header('cache-control', 'no-store')
            .send({ csrfToken: reply.generateCsrf(), person: me });
        }
        case 'throttled':
          throw throttledError(result.retryAfterMs, false);
        case 'locked':
          throw throttledError(0, true);
        case 'second-factor-invalid':
          throw new AppError('unauthenticated', {
            detail: 'A valid second factor (TOTP code or recovery code) is required.',
            errors: [{ field: 'body.totp', rule: 'second-factor', message: 'must be a valid code' }],
          });
        default:
          throw new AppError('unauthenticated', { detail: WRONG_CREDENTIALS });
      }
    },
  );

  const signOut = async (req: FastifyRequest, reply: FastifyReply, everywhere: boolean) => {
    const { auth } = requireActor(req);
    const now = deps.now();
    await db.transaction(async (tx) => {
      if (everywhere) await revokeAllSessions(tx, auth.person.id, now);
      else await revokeSession(tx, auth.session.idHash, now);
      await appendAudit(
        tx,
        {
          actorPersonId: auth.person.id,
          action: everywhere ? 'sign-out-everywhere' : 'sign-out',
          objectType: 'session',
          subjectPersonId: auth.person.id,
          purpose: 'authentication',
          result: 'success',
        },
        now,
      );
    });
    clearSessionCookie(reply, names);
    rotateCsrfSecret(req, reply);
    return reply.status(204).send();
  };
  app.post(
    '/api/v1/auth/logout',
    { config: { policy: { action: 'sign-out', resource: 'session' } } },
    (req, reply) => signOut(req, reply, false),
  );
  app.post(
    '/api/v1/auth/logout-everywhere',
    { config: { policy: { action: 'sign-out', resource: 'session' } } },
    (req, reply) => signOut(req, reply, true),
  );

  app.post(
    '/api/v1/auth/password-reset',
    { config: { policy: { public: 'password reset request' }, ...sensitive } },
    async (req, reply) => {
      const body = parseInput(emailBody, req.body, 'body');
      await afterAnswer(deps, reply, 'password-reset-request', () => requestPasswordReset(deps, body.email));
      return reply
        .status(202)
        .send({ status: 'If the account exists, we have sent a link to its email address.' });
    },
  );

  app.post(
    '/api/v1/auth/password-reset/confirm',
    { config: { policy: { public: 'password reset with a mailed token' }, ...sensitive } },
    async (req, reply) => {
      const body = parseInput(resetBody, req.body, 'body');
      const result = await resetPassword(deps, body.token, body.password);
      if (result.kind === 'invalid-token')
        throw new AppError('not-found', { detail: 'The link is unknown, used or expired.' });
      if (result.kind === 'weak') {
        throw new AppError('validation-failed', {
          errors: [
            { field: 'body.password', rule: result.problem, message: `password is ${result.problem}` },
          ],
        });
      }
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/v1/auth/unlock',
    { config: { policy: { public: 'account unlock with a mailed token' }, ...sensitive } },
    async (req, reply) => {
      const body = parseInput(tokenBody, req.body, 'body');
      if (!(await unlockAccount(deps, body.token)))
        throw new AppError('not-found', { detail: 'The link is unknown, used or expired.' });
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/v1/auth/verify-email',
    { config: { policy: { public: 'email verification with a mailed token' }, ...sensitive } },
    async (req, reply) => {
      const body = parseInput(tokenBody, req.body, 'body');
      if (!(await verifyEmail(deps, body.token)))
        throw new AppError('not-found', { detail: 'The link is unknown, used or expired.' });
      return reply.status(204).send();
    },
  );

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

  app.get(
    '/api/v1/me/access-log',
    { config: { policy: { action: 'read', resource: 'access-log' } } },
    async (req) => {
      const { actor } = requireActor(req);
      return { entries: await accessLog(db, actor.personId) };
    },
  );

  app.get(
    '/api/v1/me/export',
    {
      config: {
        policy: { action: 'export', resource: 'account' },
        rateLimit: { max: 5, timeWindow: '1 minute' },
      },
    },
    async (req, reply) => {
      const { actor } = requireActor(req);
      const now = deps.now();
      const data = await db.transaction(async (tx) => {
        await authorizePersonal(
          tx,
          now,
          actor,
          'export',
          'account',
          actor.personId,
          'data export (Art. 15 GDPR)',
        );
        return exportData(tx, actor.personId, now);
      });
      return reply
        .header('content-disposition', 'attachment; filename="chancenregion-export.json"')
        .type('application/json; charset=utf-8')
        .send(data);
    },
  );

  app.get(
    '/api/v1/me/consents',
    { config: { policy: { action: 'read', resource: 'consent' } } },
    async (req) => {
      const { actor } = requireActor(req);
      return { consents: await consentsOf(db, actor.personId) };
    },
  );

  app.post(
    '/api/v1/me/consents',
    { config: { policy: { action: 'grant', resource: 'consent' } } },
    async (req, reply) => {
      const { actor } = requireActor(req);
      const body = parseInput(consentBody, req.body, 'body');
      const ok = await db.transaction((tx) =>
        grantConsent(tx, actor.personId, body.organisationId, deps.now()),
      );
      if (!ok) throw new AppError('not-found', { detail: 'No such organisation.' });
      return reply.status(201).send({ organisationId: body.organisationId });
    },
  );

  app.delete(
    '/api/v1/me/consents/:id',
    { config: { policy: { action: 'withdraw', resource: 'consent' } } },
    async (req, reply) => {
      const { actor } = requireActor(req);
      const { id } = parseInput(uuidParam, req.params, 'params');
      const ok = await db.transaction((tx) => withdrawConsent(tx, actor.personId, id, deps.now()));
      if (!ok) throw new AppError('not-found', { detail: 'No active consent for this organisation.' });
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/v1/applicants/:id',
    { config: { policy: { action: 'read', resource: 'applicant-profile' } } },
    async (req) => {
      const { actor } = requireActor(req);
      const { id } = req.params as { id: string };
      const now = deps.now();
      const view = await db.transaction(async (tx) => {
        const decision = await authorizePersonal(
          tx,
          now,
          actor,
          'read',
          'applicant-profile',
          id,
          'case work',
        );
        return decision.allow ? applicantView(tx, id) : undefined;
      });
      if (!view) throw new AppError('not-found', { detail: 'No such applicant.' });
      return view;
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
