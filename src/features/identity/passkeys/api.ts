import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import { and, desc, eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { strictestClass } from '../../../domain/access/roles.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import type { DbOrTx } from '../../../platform/db/client.ts';
import { AppError, parseInput } from '../../../platform/http/errors.ts';
import { findPerson, membershipsOf } from '../../people/index.ts';
import { accountView } from '../accounts/data.ts';
import { sha256 } from '../credentials.ts';
import type { IdentityDeps } from '../deps.ts';
import {
  applyCsrfSecret,
  type CookieNames,
  clientAddress,
  newCsrfSecret,
  requireActor,
  sessionToken,
  setSessionCookie,
} from '../http.ts';
import { noticeNewDevice } from '../new-device.ts';
import { passkey } from '../schema.ts';
import { createSession, revokeSession } from '../sessions/service.ts';

/**
 * Passkeys (WebAuthn, `@simplewebauthn/server`): registration by a signed-in person, and
 * sign-in without a password. User verification is required, so a passkey is a phishing-resistant
 * multi-factor authenticator and satisfies the second-factor rule of authority roles.
 * The challenge travels in a signed, HttpOnly cookie that lives five minutes.
 */
const CHALLENGE_COOKIE = '__webauthn';
const CHALLENGE_LIFETIME_MS = 5 * 60_000;

const responseBody = z.looseObject({
  id: z.string().max(1024),
  rawId: z.string().max(1024),
  type: z.literal('public-key'),
});

export function registerPasskeys(app: FastifyInstance, deps: IdentityDeps, names: CookieNames) {
  const { db } = deps;
  const origin = new URL(deps.baseUrl).origin;
  const rpID = new URL(deps.baseUrl).hostname;

  const setChallenge = (reply: FastifyReply, purpose: 'register' | 'sign-in', challenge: string) => {
    reply.setCookie(
      CHALLENGE_COOKIE,
      JSON.stringify({ p: purpose, c: challenge, e: deps.now().getTime() + CHALLENGE_LIFETIME_MS }),
      {
        signed: true,
        httpOnly: true,
        sameSite: 'strict',
        path: '/api/v1/',
        secure: names.secure,
        maxAge: CHALLENGE_LIFETIME_MS / 1000,
      },
    );
  };
  const takeChallenge = (
    req: FastifyRequest,
    reply: FastifyReply,
    purpose: 'register' | 'sign-in',
  ): string => {
    const raw = req.cookies[CHALLENGE_COOKIE];
    reply.clearCookie(CHALLENGE_COOKIE, { path: '/api/v1/' });
    const unsigned = raw ? req.unsignCookie(raw) : null;
    try {
      const v =
        unsigned?.valid && unsigned.value
          ? (JSON.parse(unsigned.value) as { p: string; c: string; e: number })
          : null;
      if (v && v.p === purpose && v.e > deps.now().getTime() && typeof v.c === 'string') return v.c;
    } catch {
      // fall through
    }
    throw new AppError('unauthenticated', {
      detail: 'The passkey ceremony has expired or was not started here.',
    });
  };

  app.post(
    '/api/v1/me/passkeys/options',
    { config: { policy: { action: 'update', resource: 'account' } } },
    async (req, reply) => {
      const { auth } = requireActor(req);
      const existing = await db
        .select({ id: passkey.id })
        .from(passkey)
        .where(eq(passkey.personId, auth.person.id));
      const options = await generateRegistrationOptions({
        rpName: 'Chancenregion',
        rpID,
        userName: auth.person.email,
        userDisplayName: auth.person.displayName,
        userID: new TextEncoder().encode(auth.person.id),
        attestationType: 'none',
        excludeCredentials: existing.map((c) => ({ id: c.id })),
        authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
      });
      setChallenge(reply, 'register', options.challenge);
      return options;
    },
  );

  app.post(
    '/api/v1/me/passkeys',
    { config: { policy: { action: 'update', resource: 'account' } } },
    async (req, reply) => {
      const { auth } = requireActor(req);
      const body = parseInput(responseBody, req.body, 'body');
      const expectedChallenge = takeChallenge(req, reply, 'register');
      let verification: Awaited<ReturnType<typeof verifyRegistrationResponse>> | undefined;
      try {
        verification = await verifyRegistrationResponse({
          response: body as unknown as Parameters<typeof verifyRegistrationResponse>[0]['response'],
          expectedChallenge,
          expectedOrigin: origin,
          expectedRPID: rpID,
          requireUserVerification: true,
        });
      } catch {
        verification = undefined;
      }
      if (!verification?.verified || !verification.registrationInfo) {
        throw new AppError('validation-failed', {
          errors: [{ field: 'body', rule: 'webauthn', message: 'the passkey could not be verified' }],
        });
      }
      const { credential } = verification.registrationInfo;
      const now = deps.now();
      await db.transaction(async (tx) => {
        await tx.insert(passkey).values({
          id: credential.id,
          personId: auth.person.id,
          publicKey: Buffer.from(credential.publicKey).toString('base64url'),
          counter: credential.counter,
          transports: credential.transports?.join(',') ?? null,
          createdAt: now,
        });
        await appendAudit(
          tx,
          {
            actorPersonId: auth.person.id,
            action: 'add-passkey',
            objectType: 'account',
            subjectPersonId: auth.person.id,
            purpose: 'own account',
            result: 'success',
          },
          now,
        );
      });
      return reply.status(201).send({ id: credential.id });
    },
  );

  app.post(
    '/api/v1/auth/passkey/options',
    {
      config: {
        policy: { public: 'passkey sign-in: challenge' },
        rateLimit: { max: 20, timeWindow: '1 minute' },
      },
    },
    async (_req, reply) => {
      const options = await generateAuthenticationOptions({ rpID, userVerification: 'required' });
      setChallenge(reply, 'sign-in', options.challenge);
      // The answer is posted with the challenge cookie, so it needs a CSRF token like any form.
      return { ...options, csrfToken: reply.generateCsrf() };
    },
  );

  app.post(
    '/api/v1/auth/passkey',
    { config: { policy: { public: 'passkey sign-in' }, rateLimit: { max: 10, timeWindow: '1 minute' } } },
    async (req, reply) => {
      const body = parseInput(responseBody, req.body, 'body');
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

/** One's passkeys, newest first (ids are public credential ids, no secrets). */
export function listPasskeys(db: DbOrTx, personId: string) {
  return db
    .select({ id: passkey.id, createdAt: passkey.createdAt, lastUsedAt: passkey.lastUsedAt })
    .from(passkey)
    .where(eq(passkey.personId, personId))
    .orderBy(desc(passkey.createdAt));
}

/** Removes one of the person's own passkeys; false when they have none with this id. */
export async function removePasskey(tx: DbOrTx, personId: string, id: string, now: Date): Promise<boolean> {
  const rows = await tx
    .delete(passkey)
    .where(and(eq(passkey.id, id), eq(passkey.personId, personId)))
    .returning({ id: passkey.id });
  if (rows.length === 0) return false;
  await appendAudit(
    tx,
    {
      actorPersonId: personId,
      action: 'remove-passkey',
      objectType: 'account',
      subjectPersonId: personId,
      purpose: 'own account',
      result: 'success',
    },
    now,
  );
  return true;
}
