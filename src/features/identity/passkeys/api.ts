import { generateRegistrationOptions, verifyRegistrationResponse } from '@simplewebauthn/server';
import { and, desc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { appendAudit } from '../../../platform/audit/audit.ts';
import type { DbOrTx } from '../../../platform/db/client.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { ZodTypeProvider } from '../../../platform/http/route-schema.ts';
import type { IdentityDeps } from '../deps.ts';
import { type CookieNames, requireActor } from '../http.ts';
import { passkey } from '../schema.ts';
import { passkeyCeremony, responseBody } from './challenge.ts';
import { registerPasskeySignInApi } from './sign-in-api.ts';

const tags = ['passkeys'];

/**
 * Passkeys (WebAuthn, `@simplewebauthn/server`): registration by a signed-in person, and
 * sign-in without a password. User verification is required, so a passkey is a phishing-resistant
 * multi-factor authenticator and satisfies the second-factor rule of authority roles.
 * The challenge travels in a signed, HttpOnly cookie that lives five minutes (challenge.ts).
 */
export function registerPasskeys(app: FastifyInstance, deps: IdentityDeps, names: CookieNames) {
  const { db } = deps;
  const ceremony = passkeyCeremony(deps, names);
  const { origin, rpID, setChallenge, takeChallenge } = ceremony;
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/api/v1/me/passkeys/options',
    {
      config: { policy: { action: 'update', resource: 'account' } },
      schema: {
        summary: 'Start adding a passkey: the WebAuthn registration options (the challenge goes in a cookie)',
        tags,
      },
    },
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

  api.post(
    '/api/v1/me/passkeys',
    {
      config: { policy: { action: 'update', resource: 'account' } },
      schema: {
        summary: "Add a passkey: the authenticator's WebAuthn registration response",
        tags,
        body: responseBody,
        success: { status: 201 },
      },
    },
    async (req, reply) => {
      const { auth } = requireActor(req);
      const { body } = req;
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

  registerPasskeySignInApi(app, deps, names, ceremony);
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
