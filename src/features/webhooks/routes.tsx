/**
 * The webhook pages of an organisation (issue 20): the list, a new subscription (its secret shown once on the
 * answer to the form), one subscription with its delivery log, switch on/off, delete after a confirmation page,
 * and "send again". Forms work without JavaScript; bad input answers 422 naming the field; every read and change
 * is authorised by the declared policy (`webhook`) and audited; outside reach: 404.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { isOrganisationKind } from '../../domain/access/roles.ts';
import { checkTarget, isWebhookEvent, mayHaveWebhooks } from '../../domain/access/webhooks.ts';
import { AppError, type FieldError } from '../../platform/http/errors.ts';
import type { Services } from '../../services.ts';
import type { ViewContext } from '../../web/context.ts';
import { definePage } from '../../web/page.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { IDENTITY_PATHS, requireActor } from '../identity/index.ts';
import { queueOn } from './jobs.ts';
import {
  createWebhook,
  deleteWebhook,
  listWebhooks,
  readWebhook,
  redeliver,
  setWebhookEnabled,
} from './service.ts';
import {
  DeletePage,
  WebhookCreatedPage,
  WebhookFormPage,
  type WebhookFormValues,
  WebhookListPage,
  WebhookPage,
} from './views.tsx';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const notFound = () => new AppError('not-found', { detail: 'No such organisation or webhook.' });
const NOTICES = ['created', 'switched', 'redelivered'] as const;

const params = (req: FastifyRequest) => req.params as { id?: string; hookId?: string; deliveryId?: string };

const fieldError = (ctx: ViewContext, field: string, rule: string, key: string): FieldError => ({
  field,
  rule,
  message: ctx.t.t(key),
});

export function registerWebhooks(app: FastifyInstance, deps: AppDeps, services: Services) {
  const db = deps.database.db;
  const { webhooks } = services;
  const queue = queueOn(() => deps.jobs);
  const orgIdOf = (req: FastifyRequest) => {
    const id = params(req).id ?? '';
    if (!UUID.test(id)) throw notFound();
    return id;
  };
  const load = async (req: FastifyRequest) => {
    const found = await listWebhooks(db, requireActor(req).actor, orgIdOf(req), deps.now());
    if (!found) throw notFound();
    return found;
  };
  const loadHook = async (req: FastifyRequest) => {
    const hookId = params(req).hookId ?? '';
    const found = await readWebhook(db, requireActor(req).actor, orgIdOf(req), hookId, deps.now());
    if (!found) throw notFound();
    return found;
  };
  const hookUrl = (ctx: ViewContext, id: string, hookId: string, done?: string) =>
    `${localizedUrl(IDENTITY_PATHS.webhook, ctx.locale, { id, hookId })}${done ? `?done=${done}` : ''}`;
  const allowedFor = (kind: string) => isOrganisationKind(kind) && mayHaveWebhooks(kind);

  definePage(app, deps.web, {
    paths: IDENTITY_PATHS.webhooks,
    policy: { action: 'read', resource: 'webhook' },
    handler: async (req, _reply, ctx) => {
      const { organisation, subscriptions } = await load(req);
      const notice = (req.query as Record<string, unknown>).done === 'deleted' ? 'deleted' : undefined;
      return (
        <WebhookListPage
          ctx={ctx}
          organisation={organisation}
          hooks={subscriptions}
          allowed={allowedFor(organisation.kind)}
          notice={notice}
        />
      );
    },
  });

  definePage(app, deps.web, {
    paths: IDENTITY_PATHS.webhooksNew,
    policy: { action: 'create', resource: 'webhook' },
    handler: async (req, _reply, ctx) => {
      const { organisation } = await load(req);
      if (!allowedFor(organisation.kind)) throw notFound();
      return (
        <WebhookFormPage ctx={ctx} organisation={organisation} values={{ name: '', url: '', events: [] }} />
      );
    },
  });

  definePage(app, deps.web, {
    paths: IDENTITY_PATHS.webhooksNew,
    method: 'POST',
    policy: { action: 'create', resource: 'webhook' },
    handler: async (req, reply, ctx) => {
      const { actor } = requireActor(req);
      const { organisation } = await load(req);
      if (!allowedFor(organisation.kind)) throw notFound();
      const body = (req.body ?? {}) as Record<string, unknown>;
      const text = (v: unknown, max: number) => (typeof v === 'string' ? v.trim().slice(0, max) : '');
      const rawEvents = (Array.isArray(body.events) ? body.events : [body.events]).filter(
        (e): e is string => typeof e === 'string',
      );
      const values: WebhookFormValues = {
        name: text(body.name, 100),
        url: text(body.url, 2_001),
        events: rawEvents.map((e) => e.slice(0, 40)).slice(0, 16),
      };
      const events = values.events.filter(isWebhookEvent);
      const target = checkTarget(values.url, { allowLoopbackHttp: webhooks.allowLoopbackHttp });
      const errors: FieldError[] = [];
      if (!values.name) errors.push(fieldError(ctx, 'name', 'required', 'webhooks.error.name'));
      if ('problem' in target)
        errors.push(fieldError(ctx, 'url', target.problem, `webhooks.error.url-${target.problem}`));
      if (events.length === 0 || events.length !== values.events.length)
        errors.push(fieldError(ctx, 'events', 'required', 'webhooks.error.events'));
      if (errors.length > 0 || 'problem' in target)
        return {
          status: 422,
          view: <WebhookFormPage ctx={ctx} organisation={organisation} values={values} errors={errors} />,
        };
      const created = await createWebhook(
        db,
        webhooks.sealKey,
        actor,
        organisation.id,
        { name: values.name, url: target.url, events: [...new Set(events)] },
        deps.now(),
      );
      if (!created) throw notFound();
      reply.header('cache-control', 'no-store');
      return (
        <WebhookCreatedPage
          ctx={ctx}
          organisation={organisation}
          hook={created.row}
          secret={created.secret}
        />
      );
    },
  });

  definePage(app, deps.web, {
    paths: IDENTITY_PATHS.webhook,
    policy: { action: 'read', resource: 'webhook' },
    handler: async (req, _reply, ctx) => {
      const { organisation, subscription, deliveries } = await loadHook(req);
      const done = (req.query as Record<string, unknown>).done;
      const notice = NOTICES.find((n) => n === done);
      return (
        <WebhookPage
          ctx={ctx}
          organisation={organisation}
          hook={subscription}
          deliveries={deliveries}
          notice={notice}
        />
      );
    },
  });

  definePage(app, deps.web, {
    paths: IDENTITY_PATHS.webhookSwitch,
    method: 'POST',
    policy: { action: 'update', resource: 'webhook' },
    handler: async (req, _reply, ctx) => {
      const { actor } = requireActor(req);
      const id = orgIdOf(req);
      const hookId = params(req).hookId ?? '';
      const enabled = ((req.body ?? {}) as Record<string, unknown>).enabled;
      if (enabled !== 'yes' && enabled !== 'no')
        throw new AppError('unprocessable', {
          detail: 'The field "enabled" must be "yes" or "no".',
          errors: [{ field: 'body.enabled', rule: 'enum', message: 'must be yes or no' }],
        });
      const done = await setWebhookEnabled(db, actor, id, hookId, enabled === 'yes', deps.now());
      if (!done) throw notFound();
      return { redirect: hookUrl(ctx, id, hookId, 'switched') };
    },
  });

  definePage(app, deps.web, {
    paths: IDENTITY_PATHS.webhookDelete,
    policy: { action: 'delete', resource: 'webhook' },
    handler: async (req, _reply, ctx) => {
      const { organisation, subscription } = await loadHook(req);
      return <DeletePage ctx={ctx} organisation={organisation} hook={subscription} />;
    },
  });

  definePage(app, deps.web, {
    paths: IDENTITY_PATHS.webhookDelete,
    method: 'POST',
    policy: { action: 'delete', resource: 'webhook' },
    handler: async (req, _reply, ctx) => {
      const id = orgIdOf(req);
      const done = await deleteWebhook(db, requireActor(req).actor, id, params(req).hookId ?? '', deps.now());
      if (!done) throw notFound();
      return { redirect: `${localizedUrl(IDENTITY_PATHS.webhooks, ctx.locale, { id })}?done=deleted` };
    },
  });

  definePage(app, deps.web, {
    paths: IDENTITY_PATHS.webhookRedeliver,
    method: 'POST',
    policy: { action: 'update', resource: 'webhook' },
    handler: async (req, _reply, ctx) => {
      const id = orgIdOf(req);
      const { hookId = '', deliveryId = '' } = params(req);
      const done = await redeliver(db, requireActor(req).actor, id, hookId, deliveryId, deps.now());
      if (!done) throw notFound();
      await queue.send(deliveryId, 0);
      return { redirect: hookUrl(ctx, id, hookId, 'redelivered') };
    },
  });
}
