import type { FastifyInstance } from 'fastify';
import { AppError } from '../../../platform/http/errors.ts';
import { definePage, type WebDeps } from '../../../web/page.tsx';
import type { IdentityDeps } from '../deps.ts';
import { requireActor } from '../http.ts';
import { formFields, pageUrl } from '../page-requests.ts';
import { IDENTITY_PATHS } from '../paths.ts';
import { revokeOwnSession, sessionsOverview } from './service.ts';
import { SessionsPage } from './views.tsx';

/** One's active sessions: the list, and ending one of them. */
export function registerSessionPages(app: FastifyInstance, web: WebDeps, deps: IdentityDeps) {
  const { db } = deps;

  definePage(app, web, {
    paths: IDENTITY_PATHS.sessions,
    policy: { action: 'read', resource: 'session' },
    handler: async (req, _reply, ctx) => {
      const { auth } = requireActor(req);
      const sessions = await sessionsOverview(db, auth, deps.now());
      return <SessionsPage ctx={ctx} sessions={sessions} />;
    },
  });

  definePage(app, web, {
    paths: IDENTITY_PATHS.sessions,
    method: 'POST',
    policy: { action: 'revoke', resource: 'session' },
    handler: async (req, _reply, ctx) => {
      const { auth } = requireActor(req);
      const id = formFields(req).id ?? '';
      const revoked = await revokeOwnSession(db, auth.person.id, id, deps.now());
      if (!revoked) throw new AppError('not-found', { detail: 'No such session.' });
      return { redirect: pageUrl(ctx, 'sessions') };
    },
  });
}
