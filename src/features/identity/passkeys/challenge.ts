import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../../platform/http/errors.ts';
import type { IdentityDeps } from '../deps.ts';
import type { CookieNames } from '../http.ts';

/** The challenge travels in a signed, HttpOnly cookie that lives five minutes. */
const CHALLENGE_COOKIE = '__webauthn';
const CHALLENGE_LIFETIME_MS = 5 * 60_000;

/** The authenticator's answer; `@simplewebauthn/server` checks the rest of it. */
export const responseBody = z.looseObject({
  id: z.string().max(1024),
  rawId: z.string().max(1024),
  type: z.literal('public-key'),
});

export type Ceremony = ReturnType<typeof passkeyCeremony>;

/** The relying party (origin and id from BASE_URL) and the challenge cookie of both ceremonies. */
export function passkeyCeremony(deps: IdentityDeps, names: CookieNames) {
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
  return { origin, rpID, setChallenge, takeChallenge };
}
