import type { FastifyInstance } from 'fastify';
import type { FieldError } from '../../../platform/http/errors.ts';
import { definePage, type WebDeps } from '../../../web/page.tsx';
import { findPerson } from '../../people/index.ts';
import { totpFor } from '../credentials.ts';
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
import { fieldError, formFields, pageUrl } from '../page-requests.ts';
import { IDENTITY_PATHS } from '../paths.ts';
import { signOut } from '../sessions/service.ts';
import { completeSecondFactor, startTotpEnrolment } from './second-factor.ts';
import { signIn } from './service.ts';
import { RecoveryCodesPage, SecondFactorPage, SignInPage } from './views.tsx';

/** Only our own pages are valid targets after sign-in (ASVS 3.7.2: no open redirect). */
export function safeNext(next: string | undefined, locale: string): string | undefined {
  if (!next) return undefined;
  return /^\/(de|en)(\/[A-Za-z0-9\-/]*)?$/.test(next) && next.startsWith(`/${locale}`) ? next : undefined;
}

/** Sign-in and recovery forms take at most this many posts a minute from one address. */
export const SIGN_IN_RATE = { max: 10, timeWindow: '1 minute' };

/** Sign-in with a password, its second step (TOTP or a recovery code, enrolment on first use) and sign-out. */
export function registerSignInPages(
  app: FastifyInstance,
  web: WebDeps,
  deps: IdentityDeps,
  names: CookieNames,
  federated: readonly string[] = [],
) {
  const { db } = deps;

  definePage(app, web, {
    paths: IDENTITY_PATHS.signIn,
    policy: { public: 'sign-in form' },
    handler: async (req, _reply, ctx) => {
      const next = safeNext((req.query as Record<string, string>).next, ctx.locale);
      return <SignInPage ctx={ctx} next={next} federated={federated} />;
    },
  });

  definePage(app, web, {
    paths: IDENTITY_PATHS.signIn,
    method: 'POST',
    policy: { public: 'sign-in' },
    rateLimit: SIGN_IN_RATE,
    handler: async (req, reply, ctx) => {
      const f = formFields(req);
      const next = safeNext(f.next, ctx.locale);
      const errors: FieldError[] = [];
      if (!f.email?.trim())
        errors.push(fieldError(ctx, 'email', 'required', 'identity.error.email-required'));
      if (!f.password)
        errors.push(fieldError(ctx, 'password', 'required', 'identity.error.password-required'));
      if (errors.length > 0) {
        return {
          status: 422,
          view: <SignInPage ctx={ctx} errors={errors} email={f.email} next={next} federated={federated} />,
        };
      }
      const csrfSecret = newCsrfSecret();
      const result = await signIn(deps, {
        email: f.email ?? '',
        password: (f.password ?? '').slice(0, 4096),
        mode: 'web',
        address: clientAddress(req),
        userAgent: req.headers['user-agent'],
        csrfSecret,
        previousToken: sessionToken(req, names),
      });
      switch (result.kind) {
        case 'signed-in':
          setSessionCookie(reply, names, result.token);
          applyCsrfSecret(req, reply, csrfSecret);
          return { redirect: next ?? pageUrl(ctx, 'account') };
        case 'second-factor':
          setSessionCookie(reply, names, result.token);
          applyCsrfSecret(req, reply, csrfSecret);
          return { redirect: pageUrl(ctx, 'secondFactor') };
        case 'throttled':
        case 'locked':
          reply.header(
            'retry-after',
            String(Math.ceil((result.kind === 'throttled' ? result.retryAfterMs : 0) / 1000)),
          );
          return {
            status: 429,
            view: (
              <SignInPage
                ctx={ctx}
                email={f.email}
                next={next}
                notice={{
                  kind: 'warning',
                  text: ctx.t.t(
                    result.kind === 'locked' ? 'identity.error.locked' : 'identity.error.throttled',
                  ),
                }}
              />
            ),
          };
        default:
          return {
            status: 401,
            view: (
              <SignInPage
                ctx={ctx}
                email={f.email}
                next={next}
                notice={{ kind: 'danger', text: ctx.t.t('identity.error.wrong-credentials') }}
              />
            ),
          };
      }
    },
  });

  const enrolment = async (personId: string) => {
    const p = await findPerson(db, personId);
    if (!p || p.totpEnabledAt) return null;
    const secret = await startTotpEnrolment(db, personId);
    return { secret, uri: totpFor(secret, p.email).toString() };
  };

  definePage(app, web, {
    paths: IDENTITY_PATHS.secondFactor,
    policy: { public: 'second step of sign-in (needs a session waiting for it)' },
    handler: async (req, _reply, ctx) => {
      const pending = req.pendingSession;
      if (!pending) return { redirect: pageUrl(ctx, 'signIn') };
      return <SecondFactorPage ctx={ctx} enrol={await enrolment(pending.personId)} />;
    },
  });

  definePage(app, web, {
    paths: IDENTITY_PATHS.secondFactor,
    method: 'POST',
    policy: { public: 'second step of sign-in (needs a session waiting for it)' },
    rateLimit: SIGN_IN_RATE,
    handler: async (req, reply, ctx) => {
      const pending = req.pendingSession;
      if (!pending) return { redirect: pageUrl(ctx, 'signIn') };
      const code = (formFields(req).code ?? '').slice(0, 32);
      const csrfSecret = newCsrfSecret();
      const done = code
        ? await completeSecondFactor(deps, pending, code, csrfSecret, req.headers['user-agent'])
        : null;
      if (!done) {
        const error: FieldError = {
          field: 'code',
          rule: 'second-factor',
          message: ctx.t.t('identity.error.code'),
        };
        return {
          status: 401,
          view: <SecondFactorPage ctx={ctx} enrol={await enrolment(pending.personId)} error={error} />,
        };
      }
      setSessionCookie(reply, names, done.token);
      applyCsrfSecret(req, reply, csrfSecret);
      if (done.recoveryCodes) return <RecoveryCodesPage ctx={ctx} codes={done.recoveryCodes} />;
      return { redirect: pageUrl(ctx, 'account') };
    },
  });

  definePage(app, web, {
    paths: IDENTITY_PATHS.signOut,
    method: 'POST',
    policy: { action: 'sign-out', resource: 'session' },
    handler: async (req, reply, ctx) => {
      const { auth } = requireActor(req);
      const everywhere = formFields(req).scope === 'everywhere';
      await signOut(db, auth, everywhere, deps.now());
      clearSessionCookie(reply, names);
      rotateCsrfSecret(req, reply);
      return { redirect: pageUrl(ctx, 'signIn') };
    },
  });
}
