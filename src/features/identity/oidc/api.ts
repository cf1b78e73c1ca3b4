import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as client from 'openid-client';
import { z } from 'zod';
import type { Config } from '../../../platform/config.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { ZodTypeProvider } from '../../../platform/http/route-schema.ts';
import type { IdentityDeps } from '../deps.ts';
import type { CookieNames } from '../http.ts';
import {
  type Claims,
  finish,
  type OidcProviderName,
  oidcSettings,
  type ProviderSettings,
  refuse,
} from './service.ts';

const FLOW_COOKIE = '__oidc';

const FLOW_LIFETIME_MS = 10 * 60_000;

// Any name is looked up: one that is not configured answers 404.
const providerParams = z.strictObject({ provider: z.string() });
const tags = ['federated sign-in'];

interface Flow {
  p: OidcProviderName;
  s: string;
  n: string;
  v: string;
  e: number;
}

export function registerOidc(app: FastifyInstance, deps: IdentityDeps, config: Config, names: CookieNames) {
  const settings = oidcSettings(config);
  const configurations = new Map<OidcProviderName, Promise<client.Configuration>>();
  const insecureAllowed = config.NODE_ENV !== 'production';

  const configurationFor = (name: string): { s: ProviderSettings; c: Promise<client.Configuration> } => {
    const s = settings.find((x) => x.name === name);
    if (!s) throw new AppError('not-found', { detail: 'No such identity provider is configured.' });
    let c = configurations.get(s.name);
    if (!c) {
      const insecure = insecureAllowed && s.issuer.startsWith('http://');
      c = client.discovery(
        new URL(s.issuer),
        s.clientId,
        s.clientSecret,
        undefined,
        insecure ? { execute: [client.allowInsecureRequests] } : undefined,
      );
      c.catch(() => configurations.delete(s.name));
      configurations.set(s.name, c);
    }
    return { s, c };
  };
  const redirectUri = (name: string) => `${deps.baseUrl}/api/v1/auth/oidc/${name}/callback`;
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/auth/oidc/:provider/start',
    {
      config: {
        policy: { public: 'federated sign-in: redirect to the identity provider' },
        rateLimit: { max: 20, timeWindow: '1 minute' },
      },
      schema: {
        summary:
          'Start signing in with a configured identity provider (OpenID Connect, PKCE): redirects there',
        tags,
        params: providerParams,
        success: { status: 303, description: "Redirect to the identity provider's authorisation endpoint" },
      },
    },
    async (req, reply) => {
      const { provider } = req.params;
      const { s, c } = configurationFor(provider);
      const configuration = await c;
      const flow: Flow = {
        p: s.name,
        s: client.randomState(),
        n: client.randomNonce(),
        v: client.randomPKCECodeVerifier(),
        e: deps.now().getTime() + FLOW_LIFETIME_MS,
      };
      const url = client.buildAuthorizationUrl(configuration, {
        redirect_uri: redirectUri(s.name),
        scope: 'openid email profile',
        state: flow.s,
        nonce: flow.n,
        code_challenge: await client.calculatePKCECodeChallenge(flow.v),
        code_challenge_method: 'S256',
      });
      reply.setCookie(FLOW_COOKIE, JSON.stringify(flow), {
        signed: true,
        httpOnly: true,
        sameSite: 'lax',
        path: '/api/v1/auth/oidc/',
        secure: names.secure,
        maxAge: FLOW_LIFETIME_MS / 1000,
      });
      return reply.redirect(url.href, 303);
    },
  );

  api.get(
    '/api/v1/auth/oidc/:provider/callback',
    {
      config: {
        policy: {
          public: 'federated sign-in: answer of the identity provider (state, nonce and PKCE checked)',
        },
        rateLimit: { max: 20, timeWindow: '1 minute' },
      },
      // The query (code, state, iss or error) goes to openid-client as it came: no schema for it.
      schema: {
        summary:
          'Where the identity provider sends the browser back (query: code and state, or error); signs in and redirects',
        tags,
        params: providerParams,
        success: { status: 303, description: 'Signed in: redirect to the account page' },
      },
    },
    async (req, reply) => {
      const { provider } = req.params;
      const { s, c } = configurationFor(provider);
      const flow = readFlow(req, reply, s.name, deps.now());
      const configuration = await c;
      const query = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
      let claims: Claims | undefined;
      try {
        const tokens = await client.authorizationCodeGrant(
          configuration,
          new URL(redirectUri(s.name) + query),
          {
            pkceCodeVerifier: flow.v,
            expectedState: flow.s,
            expectedNonce: flow.n,
            idTokenExpected: true,
          },
        );
        const id = tokens.claims();
        if (id) {
          // Email and name may come only from the userinfo endpoint; its subject must be the ID token's.
          const info = await client.fetchUserInfo(configuration, tokens.access_token, id.sub);
          claims = { ...info, iss: id.iss, sub: id.sub };
        }
      } catch (error) {
        req.log.info(
          { err: error instanceof Error ? error.message : String(error) },
          'OIDC callback refused',
        );
      }
      if (!claims) return refuse(deps, s, null, 'callback');
      return finish(deps, req, reply, names, s, claims);
    },
  );
}

function readFlow(req: FastifyRequest, reply: FastifyReply, provider: OidcProviderName, now: Date): Flow {
  const raw = req.cookies[FLOW_COOKIE];
  reply.clearCookie(FLOW_COOKIE, { path: '/api/v1/auth/oidc/' });
  const unsigned = raw ? req.unsignCookie(raw) : null;
  let flow: Flow | null = null;
  try {
    flow = unsigned?.valid && unsigned.value ? (JSON.parse(unsigned.value) as Flow) : null;
  } catch {
    flow = null;
  }
  if (!flow || flow.p !== provider || flow.e < now.getTime()) {
    throw new AppError('unauthenticated', {
      detail: 'The sign-in with the identity provider has expired or was not started here.',
    });
  }
  return flow;
}
