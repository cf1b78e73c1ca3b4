import type { FastifyInstance } from 'fastify';
import { AppError } from '../../../platform/http/errors.ts';
import { definePage, type WebDeps } from '../../../web/page.tsx';
import type { IdentityDeps } from '../deps.ts';
import { requireActor } from '../http.ts';
import { formFields, pageUrl, UUID } from '../page-requests.ts';
import { IDENTITY_PATHS } from '../paths.ts';
import { RETENTION_EXCEPTIONS, requestErasure } from './erasure.ts';
import { ErasurePage, ErasureRequestsPage } from './erasure-views.tsx';
import { decideErasureRequest, readErasureRequests } from './service.ts';

/** Erasure (Art. 17 GDPR): one's own request, and the administrators' list of requests and their decision. */
export function registerErasurePages(app: FastifyInstance, web: WebDeps, deps: IdentityDeps) {
  const { db } = deps;

  definePage(app, web, {
    paths: IDENTITY_PATHS.erasure,
    policy: { action: 'create', resource: 'erasure-request' },
    handler: async (req, _reply, ctx) => {
      requireActor(req);
      const done = (req.query as Record<string, unknown>).sent === '1';
      return <ErasurePage ctx={ctx} retained={RETENTION_EXCEPTIONS} done={done} />;
    },
  });

  definePage(app, web, {
    paths: IDENTITY_PATHS.erasure,
    method: 'POST',
    policy: { action: 'create', resource: 'erasure-request' },
    handler: async (req, _reply, ctx) => {
      const { actor } = requireActor(req);
      await db.transaction((tx) => requestErasure(tx, actor.personId, undefined, deps.now()));
      return { redirect: `${pageUrl(ctx, 'erasure')}?sent=1` };
    },
  });

  definePage(app, web, {
    paths: IDENTITY_PATHS.erasureRequests,
    policy: { action: 'read', resource: 'erasure-request' },
    handler: async (req, _reply, ctx) => {
      const { actor } = requireActor(req);
      const requests = await readErasureRequests(db, actor.personId, deps.now());
      return <ErasureRequestsPage ctx={ctx} requests={requests} />;
    },
  });

  definePage(app, web, {
    paths: IDENTITY_PATHS.erasureRequests,
    method: 'POST',
    policy: { action: 'update', resource: 'erasure-request' },
    handler: async (req, _reply, ctx) => {
      const { actor } = requireActor(req);
      const f = formFields(req);
      const outcome = f.outcome === 'erased' ? 'erased' : f.outcome === 'refused' ? 'refused' : null;
      const id = f.id ?? '';
      const ok =
        outcome !== null &&
        UUID.test(id) &&
        (await decideErasureRequest(deps, { id, outcome }, actor.personId));
      if (!ok) throw new AppError('not-found', { detail: 'No open erasure request with this id.' });
      return { redirect: pageUrl(ctx, 'erasureRequests') };
    },
  });
}
