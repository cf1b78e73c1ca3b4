import type { FastifyInstance } from 'fastify';
import { AppError } from '../../../platform/http/errors.ts';
import { definePage, type WebDeps } from '../../../web/page.tsx';
import { localizedUrl } from '../../../web/paths.ts';
import type { IdentityDeps } from '../deps.ts';
import { requireActor } from '../http.ts';
import { IDENTITY_PATHS } from '../paths.ts';
import { listPasskeys, removePasskey } from './service.ts';
import { PasskeysPage } from './views.tsx';

/** "Passkeys": list one's passkeys, remove one (a form), add one (the script on the page). */
export function registerPasskeyPages(app: FastifyInstance, web: WebDeps, deps: IdentityDeps) {
  const { db } = deps;

  definePage(app, web, {
    paths: IDENTITY_PATHS.passkeys,
    policy: { action: 'read', resource: 'account' },
    handler: async (req, _reply, ctx) => {
      const { actor } = requireActor(req);
      const done = (req.query as Record<string, unknown>).done;
      const notice = done === 'added' || done === 'removed' ? done : undefined;
      return <PasskeysPage ctx={ctx} passkeys={await listPasskeys(db, actor.personId)} notice={notice} />;
    },
  });

  definePage(app, web, {
    paths: IDENTITY_PATHS.passkeysRemove,
    method: 'POST',
    policy: { action: 'update', resource: 'account' },
    handler: async (req, _reply, ctx) => {
      const { actor } = requireActor(req);
      const raw = ((req.body ?? {}) as Record<string, unknown>).id;
      const id = typeof raw === 'string' ? raw.slice(0, 1024) : '';
      const removed = id
        ? await db.transaction((tx) => removePasskey(tx, actor.personId, id, deps.now()))
        : false;
      if (!removed) throw new AppError('not-found', { detail: 'No such passkey.' });
      return { redirect: `${localizedUrl(IDENTITY_PATHS.passkeys, ctx.locale)}?done=removed` };
    },
  });
}
