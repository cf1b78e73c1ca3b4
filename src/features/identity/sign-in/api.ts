import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { PASSWORD_MAX } from '../../../domain/access/passwords.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { withExample, type ZodTypeProvider } from '../../../platform/http/route-schema.ts';
import { accountView } from '../accounts/data.ts';
import { afterAnswer } from '../after-answer.ts';
import type { IdentityDeps } from '../deps.ts';
import {
  applyCsrfSecret,
  type CookieNames,
  clearSessionCookie,
  clientAddress,
  newCsrfSecret,
  requireActor,
  rotateCsrfSecret,
  sessionToken,
  setSessionCookie,
} from '../http.ts';

import { signOut } from '../sessions/service.ts';
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
const tokenBody = z.strictObject({ token: z.string().min(10).max(100) });
const resetBody = z.strictObject({
  token: z.string().min(10).max(100),
  password: z.string().max(PASSWORD_MAX * 4),
});
const emailBody = z.strictObject({ email: z.string().trim().min(3).max(320) });

const tags = ['sign-in'];

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

export function registerSignInApi(app: FastifyInstance, deps: IdentityDeps, names: CookieNames) {
  const { db } = deps;
  const sensitive = { rateLimit: { max: 10, timeWindow: '1 minute' } };
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/api/v1/auth/login',
    {
      config: { policy: { public: 'sign-in' }, ...sensitive },
      schema: {
        summary:
          'Sign in with email address and password (and totp, a TOTP or recovery code, where a second factor is required); sets the session cookie and answers a CSRF token',
        tags,
        body: withExample(loginBody, {
          email: 'ana.beispiel@example.org',
          password: 'correct horse battery staple',
        }),
      },
    },
    async (req, reply) => {
      const { body } = req;
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

  const endSession = async (req: FastifyRequest, reply: FastifyReply, everywhere: boolean) => {
    const { auth } = requireActor(req);
    await signOut(db, auth, everywhere, deps.now());
    clearSessionCookie(reply, names);
    rotateCsrfSecret(req, reply);
    return reply.status(204).send();
  };
  api.post(
    '/api/v1/auth/logout',
    {
      config: { policy: { action: 'sign-out', resource: 'session' } },
      schema: {
        summary: 'Sign out: end this session',
        tags,
        success: { status: 204, description: 'Signed out' },
      },
    },
    (req, reply) => endSession(req, reply, false),
  );
  api.post(
    '/api/v1/auth/logout-everywhere',
    {
      config: { policy: { action: 'sign-out', resource: 'session' } },
      schema: {
        summary: 'Sign out everywhere: end every session of the signed-in person',
        tags,
        success: { status: 204, description: 'Signed out' },
      },
    },
    (req, reply) => endSession(req, reply, true),
  );

  api.post(
    '/api/v1/auth/password-reset',
    {
      config: { policy: { public: 'password reset request' }, ...sensitive },
      schema: {
        summary:
          'Ask for a password reset link by email; the answer is the same whether or not the account exists',
        tags,
        body: withExample(emailBody, { email: 'ana.beispiel@example.org' }),
        success: { status: 202, description: 'Accepted' },
      },
    },
    async (req, reply) => {
      const { body } = req;
      await afterAnswer(deps, reply, 'password-reset-request', () => requestPasswordReset(deps, body.email));
      return reply
        .status(202)
        .send({ status: 'If the account exists, we have sent a link to its email address.' });
    },
  );

  api.post(
    '/api/v1/auth/password-reset/confirm',
    {
      config: { policy: { public: 'password reset with a mailed token' }, ...sensitive },
      schema: {
        summary: 'Set a new password with the token of a mailed reset link',
        tags,
        body: withExample(resetBody, {
          token: 'Q2hhbmNlbnJlZ2lvbi1leGFtcGxl',
          password: 'a new long passphrase 2026',
        }),
        success: { status: 204, description: 'Password set' },
      },
    },
    async (req, reply) => {
      const { body } = req;
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

  api.post(
    '/api/v1/auth/unlock',
    {
      config: { policy: { public: 'account unlock with a mailed token' }, ...sensitive },
      schema: {
        summary: 'Unlock an account locked by failed sign-ins, with the token of the mailed link',
        tags,
        body: withExample(tokenBody, { token: 'Q2hhbmNlbnJlZ2lvbi1leGFtcGxl' }),
        success: { status: 204, description: 'Unlocked' },
      },
    },
    async (req, reply) => {
      const { body } = req;
      if (!(await unlockAccount(deps, body.token)))
        throw new AppError('not-found', { detail: 'The link is unknown, used or expired.' });
      return reply.status(204).send();
    },
  );

  api.post(
    '/api/v1/auth/verify-email',
    {
      config: { policy: { public: 'email verification with a mailed token' }, ...sensitive },
      schema: {
        summary: 'Confirm an email address with the token of the mailed link',
        tags,
        body: withExample(tokenBody, { token: 'Q2hhbmNlbnJlZ2lvbi1leGFtcGxl' }),
        success: { status: 204, description: 'Confirmed' },
      },
    },
    async (req, reply) => {
      const { body } = req;
      if (!(await verifyEmail(deps, body.token)))
        throw new AppError('not-found', { detail: 'The link is unknown, used or expired.' });
      return reply.status(204).send();
    },
  );
}
