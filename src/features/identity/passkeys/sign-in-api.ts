import { generateAuthenticationOptions, verifyAuthenticationResponse } from '@simplewebauthn/server';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { strictestClass } from '../../../domain/access/roles.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { withExample, type ZodTypeProvider } from '../../../platform/http/route-schema.ts';
import { findPerson, membershipsOf } from '../../people/index.ts';
import { accountView } from '../accounts/data.ts';
import { sha256 } from '../credentials.ts';
import type { IdentityDeps } from '../deps.ts';
import {
  applyCsrfSecret,
  type CookieNames,
  clientAddress,
  newCsrfSecret,
  sessionToken,
  setSessionCookie,
} from '../http.ts';
import { noticeNewDevice } from '../new-device.ts';
import { passkey } from '../schema.ts';
import { createSession, revokeSession } from '../sessions/service.ts';
import { type Ceremony, responseBody } from './challenge.ts';

const tags = ['passkeys'];

/** Sign-in with a passkey, without a password. */
export function registerPasskeySignInApi(
  app: FastifyInstance,
  deps: IdentityDeps,
  names: CookieNames,
  ceremony: Ceremony,
) {
  const { db } = deps;
  const { origin, rpID, setChallenge, takeChallenge } = ceremony;
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/api/v1/auth/passkey/options',
    {
      config: {
        policy: { public: 'passkey sign-in: challenge' },
        rateLimit: { max: 20, timeWindow: '1 minute' },
      },
      schema: {
        summary:
          'Start a passkey sign-in: the WebAuthn authentication options and a CSRF token (the challenge goes in a cookie)',
        tags,
      },
    },
    async (_req, reply) => {
      const options = await generateAuthenticationOptions({ rpID, userVerification: 'required' });
      setChallenge(reply, 'sign-in', options.challenge);
      // The answer is posted with the challenge cookie, so it needs a CSRF token like any form.
      return { ...options, csrfToken: reply.generateCsrf() };
    },
  );

  api.post(
    '/api/v1/auth/passkey',
    {
      config: { policy: { public: 'passkey sign-in' }, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        summary:
          "Sign in with a passkey: the authenticator's WebAuthn authentication response; sets the session cookie",
        tags,
        body: withExample(responseBody, {
          id: 'bG9yZW0taXBzdW0tcGFzc2tleQ',
          rawId: 'bG9yZW0taXBzdW0tcGFzc2tleQ',
          type: 'public-key',
        }),
      },
    },
    async (req, reply) => {
      const { body } = req;
      const expectedChallenge = takeChallenge(req, reply, 'sign-in');
      const now = deps.now();
      const [stored] = await db.select().from(passkey).where(eq(passkey.id, body.id));
      const p = stored ? await findPerson(db, stored.personId) : undefined;
      let verified = false;
      let newCounter = 0;
      if (stored && p && !p.disabledAt) {
        try {
          const v = await verifyAuthenticationResponse({
            response: body as unknown as Parameters<typeof verifyAuthenticationResponse>[0]['response'],
            expectedChallenge,
            expectedOrigin: origin,
            expectedRPID: rpID,
            requireUserVerification: true,
            credential: {
              id: stored.id,
              publicKey: new Uint8Array(Buffer.from(stored.publicKey, 'base64url')),
              counter: stored.counter,
            },
          });
          verified = v.verified;
          newCounter = v.authenticationInfo.newCounter;
        } catch {
          verified = false;
        }
      }
      if (!verified || !stored || !p) {
        await appendAudit(
          db,
          {
            actorPersonId: p?.id ?? null,
            action: 'sign-in',
            objectType: 'session',
            objectId: `passkey:${sha256(clientAddress(req)).slice(0, 8)}`,
            subjectPersonId: p?.id ?? null,
            purpose: 'authentication',
            result: 'failure',
          },
          now,
        );
        throw new AppError('unauthenticated', { detail: 'The passkey was not accepted.' });
      }
      const roles = (await membershipsOf(db, p.id)).map((m) => m.role);
      const csrfSecret = newCsrfSecret();
      const previous = sessionToken(req, names);
      const { token } = await db.transaction(async (tx) => {
        await tx
          .update(passkey)
          .set({ counter: newCounter, lastUsedAt: now })
          .where(eq(passkey.id, stored.id));
        if (previous) await revokeSession(tx, sha256(previous), now);
        await noticeNewDevice(deps, tx, p.id, req.headers['user-agent'], now);
        const created = await createSession(tx, {
          personId: p.id,
          roleClass: strictestClass(roles),
          pending: false,
          csrfSecret,
          userAgent: req.headers['user-agent'],
          now,
        });
        await appendAudit(
          tx,
          {
            actorPersonId: p.id,
            action: 'sign-in',
            objectType: 'session',
            objectId: 'passkey',
            subjectPersonId: p.id,
            purpose: 'authentication',
            result: 'success',
          },
          now,
        );
        return created;
      });
      setSessionCookie(reply, names, token);
      applyCsrfSecret(req, reply, csrfSecret);
      return reply
        .header('cache-control', 'no-store')
        .send({ csrfToken: reply.generateCsrf(), person: await accountView(db, p.id) });
    },
  );
}
