import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  type ApiScope,
  expiryOf,
  isApiScope,
  scopesFor,
  TOKEN_MAX_DAYS,
} from '../../../domain/access/api-tokens.ts';
import { isOrganisationKind } from '../../../domain/access/roles.ts';
import { AppError, type FieldError } from '../../../platform/http/errors.ts';
import type { ViewContext } from '../../../web/context.ts';
import { definePage, type WebDeps } from '../../../web/page.tsx';
import { localizedUrl } from '../../../web/paths.ts';
import type { IdentityDeps } from '../deps.ts';
import { requireActor } from '../http.ts';
import { fieldError, formFields, formValues, UUID } from '../page-requests.ts';
import { IDENTITY_PATHS } from '../paths.ts';
import { createApiToken, findApiToken, listApiTokens, revokeApiToken } from './service.ts';
import {
  RevokePage,
  TokenCreatedPage,
  TokenFormPage,
  type TokenFormValues,
  TokenListPage,
} from './views.tsx';

const notFound = () => new AppError('not-found', { detail: 'No such organisation or token.' });

const dayOf = (d: Date) => d.toISOString().slice(0, 10);

/**
 * An organisation's API tokens in the web interface (its administrators): the list, a new token (shown once on
 * the answer to the form, never again), and revocation after a confirmation page. Everything is audited.
 */
export function registerApiTokenPages(app: FastifyInstance, web: WebDeps, deps: IdentityDeps) {
  const { db } = deps;
  const orgIdOf = (req: FastifyRequest) => {
    const id = (req.params as { id?: string }).id ?? '';
    if (!UUID.test(id)) throw notFound();
    return id;
  };
  /** The organisation and its tokens when the actor administers it (audited read); 404 otherwise. */
  const load = async (req: FastifyRequest) => {
    const { actor } = requireActor(req);
    const found = await listApiTokens(db, actor, orgIdOf(req), deps.now());
    if (!found) throw notFound();
    return found;
  };
  const allowedOf = (kind: string): readonly ApiScope[] =>
    isOrganisationKind(kind) ? scopesFor(kind) : ['statistics:read'];

  const form = async (
    req: FastifyRequest,
    ctx: ViewContext,
    values: TokenFormValues,
    errors: FieldError[] = [],
  ) => {
    const { organisation } = await load(req);
    const maxDay = dayOf(new Date(deps.now().getTime() + TOKEN_MAX_DAYS * 86_400_000));
    return (
      <TokenFormPage
        ctx={ctx}
        organisation={organisation}
        allowed={allowedOf(organisation.kind)}
        values={values}
        maxDay={maxDay}
        errors={errors}
      />
    );
  };

  definePage(app, web, {
    paths: IDENTITY_PATHS.apiTokens,
    policy: { action: 'read', resource: 'api-token' },
    handler: async (req, _reply, ctx) => {
      const { organisation, tokens } = await load(req);
      const done = (req.query as Record<string, unknown>).done === 'revoked' ? 'revoked' : undefined;
      return (
        <TokenListPage ctx={ctx} organisation={organisation} tokens={tokens} now={deps.now()} notice={done} />
      );
    },
  });

  definePage(app, web, {
    paths: IDENTITY_PATHS.apiTokensNew,
    policy: { action: 'create', resource: 'api-token' },
    handler: async (req, _reply, ctx) => {
      const expires = dayOf(new Date(deps.now().getTime() + 90 * 86_400_000));
      return form(req, ctx, { name: '', scopes: [], expires });
    },
  });

  definePage(app, web, {
    paths: IDENTITY_PATHS.apiTokensNew,
    method: 'POST',
    policy: { action: 'create', resource: 'api-token' },
    handler: async (req, reply, ctx) => {
      const { actor } = requireActor(req);
      const { organisation } = await load(req);
      const f = formFields(req);
      const values: TokenFormValues = {
        name: (f.name ?? '').trim().slice(0, 100),
        scopes: formValues(req, 'scopes', 32),
        expires: (f.expires ?? '').trim().slice(0, 10),
      };
      const now = deps.now();
      const allowed = allowedOf(organisation.kind);
      const scopes = values.scopes.filter(isApiScope);
      const expiry = expiryOf(values.expires, now);
      const errors: FieldError[] = [];
      if (!values.name) errors.push(fieldError(ctx, 'name', 'required', 'identity.api-tokens.error.name'));
      if (scopes.length === 0 || scopes.length !== values.scopes.length)
        errors.push(fieldError(ctx, 'scopes', 'required', 'identity.api-tokens.error.scopes'));
      else if (scopes.some((s) => !allowed.includes(s)))
        errors.push(fieldError(ctx, 'scopes', 'organisation-kind', 'identity.api-tokens.error.scope-kind'));
      if ('problem' in expiry)
        errors.push(
          fieldError(ctx, 'expires', expiry.problem, `identity.api-tokens.error.expires-${expiry.problem}`),
        );
      if (errors.length > 0 || 'problem' in expiry) {
        return { status: 422, view: await form(req, ctx, values, errors) };
      }
      const created = await createApiToken(
        db,
        actor,
        organisation.id,
        { name: values.name, scopes: [...new Set(scopes)], expiresAt: expiry.at },
        now,
      );
      if (!created) throw notFound();
      reply.header('cache-control', 'no-store');
      return (
        <TokenCreatedPage ctx={ctx} organisation={organisation} token={created.row} secret={created.secret} />
      );
    },
  });

  const tokenOf = async (req: FastifyRequest) => {
    const found = await load(req);
    const tokenId = (req.params as { tokenId?: string }).tokenId ?? '';
    const token = await findApiToken(db, found.organisation.id, tokenId);
    if (!token) throw notFound();
    return { ...found, token };
  };

  definePage(app, web, {
    paths: IDENTITY_PATHS.apiTokenRevoke,
    policy: { action: 'revoke', resource: 'api-token' },
    handler: async (req, _reply, ctx) => {
      const { organisation, token } = await tokenOf(req);
      if (token.revokedAt)
        return { redirect: localizedUrl(IDENTITY_PATHS.apiTokens, ctx.locale, { id: organisation.id }) };
      return <RevokePage ctx={ctx} organisation={organisation} token={token} />;
    },
  });

  definePage(app, web, {
    paths: IDENTITY_PATHS.apiTokenRevoke,
    method: 'POST',
    policy: { action: 'revoke', resource: 'api-token' },
    handler: async (req, _reply, ctx) => {
      const { actor } = requireActor(req);
      const id = orgIdOf(req);
      const tokenId = (req.params as { tokenId?: string }).tokenId ?? '';
      const done = await revokeApiToken(db, actor, id, tokenId, deps.now());
      if (!done) throw notFound();
      return { redirect: `${localizedUrl(IDENTITY_PATHS.apiTokens, ctx.locale, { id })}?done=revoked` };
    },
  });
}
