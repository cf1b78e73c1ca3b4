import { generateRegistrationOptions, verifyRegistrationResponse } from '@simplewebauthn/server';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../../platform/http/errors.ts';
import { withExample, type ZodTypeProvider } from '../../../platform/http/route-schema.ts';
import type { IdentityDeps } from '../deps.ts';
import { type CookieNames, requireActor } from '../http.ts';
import { passkeyCeremony, responseBody } from './challenge.ts';
import { addPasskey, listPasskeys } from './service.ts';
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
      const existing = await listPasskeys(db, auth.person.id);
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
        body: withExample(responseBody, {
          id: 'bG9yZW0taXBzdW0tcGFzc2tleQ',
          rawId: 'bG9yZW0taXBzdW0tcGFzc2tleQ',
          type: 'public-key',
        }),
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
      await addPasskey(db, auth.person.id, credential, deps.now());
      return reply.status(201).send({ id: credential.id });
    },
  );

  registerPasskeySignInApi(app, deps, names, ceremony);
}
