import type { FastifyInstance } from 'fastify';
import { definePage, type WebDeps } from '../../../web/page.tsx';
import type { IdentityDeps } from '../deps.ts';
import { requireActor } from '../http.ts';
import { IDENTITY_PATHS } from '../paths.ts';
import { OutboxPage } from '../sign-in/views.tsx';
import { readOutbox } from './service.ts';

/** The mails sent, for administrators of an installation without SMTP. */
export function registerOutboxPage(app: FastifyInstance, web: WebDeps, deps: IdentityDeps) {
  const { db } = deps;

  definePage(app, web, {
    paths: IDENTITY_PATHS.outbox,
    policy: { action: 'read', resource: 'outbox' },
    handler: async (req, _reply, ctx) => {
      const { actor } = requireActor(req);
      const mails = await readOutbox(db, actor.personId, deps.now());
      return <OutboxPage ctx={ctx} mails={mails} />;
    },
  });
}
