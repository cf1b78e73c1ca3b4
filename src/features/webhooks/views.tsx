import { WEBHOOK_EVENTS, type WebhookEvent } from '../../domain/access/webhooks.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import {
  Alert,
  CsrfField,
  DescriptionList,
  ErrorSummary,
  fieldId,
  TextInput,
} from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
import { Page } from '../../web/layout.tsx';
import { Checkbox, ChoiceFieldset, identityHref as href } from '../identity/index.ts';
import type { DeliveryRow, SubscriptionRow } from './service.ts';

interface Org {
  readonly id: string;
  readonly name: string;
}

const eventWords = (ctx: ViewContext, events: readonly string[]) =>
  ctx.t.list(events.map((e) => ctx.t.t(`webhooks.event.${e}`)));

function Facts({ ctx, hook }: { ctx: ViewContext; hook: SubscriptionRow }) {
  const { t } = ctx;
  const rows: [string, string][] = [
    [t.t('webhooks.field.url'), hook.url],
    [t.t('webhooks.field.events'), eventWords(ctx, hook.events.split(' '))],
    [t.t('webhooks.field.created'), t.date(hook.createdAt)],
    [t.t('webhooks.field.state'), t.t(hook.disabledAt ? 'webhooks.state.off' : 'webhooks.state.on')],
  ];
  return <DescriptionList rows={rows} />;
}

const BackToList = ({ ctx, o }: { ctx: ViewContext; o: Org }) => (
  <p class="kern-body">
    <a class="kern-link" href={href(ctx, 'webhooks', { id: o.id })}>
      {ctx.t.t('webhooks.to-list')}
    </a>
  </p>
);

/** The organisation's subscriptions: where each sends what, on or off; create a new one. */
export function WebhookListPage(props: {
  ctx: ViewContext;
  organisation: Org;
  hooks: readonly SubscriptionRow[];
  allowed: boolean;
  notice?: 'deleted' | undefined;
}) {
  const { ctx, organisation: o } = props;
  const { t } = ctx;
  return (
    <Page ctx={ctx} title={t.t('webhooks.title', { name: o.name })}>
      {props.notice ? <Alert kind="success" title={t.t('webhooks.done.deleted')} /> : null}
      <p class="kern-body">{t.t('webhooks.lead')}</p>
      {props.allowed ? (
        <p class="kern-body">
          <a class="kern-link" href={href(ctx, 'webhooksNew', { id: o.id })}>
            {t.t('webhooks.new')}
          </a>
        </p>
      ) : (
        <p class="kern-body">{t.t('webhooks.not-for-kind')}</p>
      )}
      {props.hooks.length === 0 ? <p class="kern-body">{t.t('webhooks.none')}</p> : null}
      {props.hooks.map((hook) => (
        <section key={hook.id} aria-labelledby={`hook-${hook.id}`}>
          <h2 class="kern-heading-small" id={`hook-${hook.id}`}>
            {hook.name}
          </h2>
          <Facts ctx={ctx} hook={hook} />
          <p class="kern-body">
            <a class="kern-link" href={href(ctx, 'webhook', { id: o.id, hookId: hook.id })}>
              {t.t('webhooks.open', { name: hook.name })}
            </a>
          </p>
        </section>
      ))}
    </Page>
  );
}

export interface WebhookFormValues {
  readonly name: string;
  readonly url: string;
  readonly events: readonly string[];
}

/** Name, target address and the events of a new subscription. */
export function WebhookFormPage(props: {
  ctx: ViewContext;
  organisation: Org;
  values: WebhookFormValues;
  errors?: readonly FieldError[];
}) {
  const { ctx, organisation: o, values } = props;
  const { t } = ctx;
  const errors = props.errors ?? [];
  const eventsId = fieldId('events');
  return (
    <Page ctx={ctx} title={t.t('webhooks.new-title', { name: o.name })}>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={href(ctx, 'webhooksNew', { id: o.id })} novalidate>
        <CsrfField ctx={ctx} />
        <TextInput
          name="name"
          label={t.t('webhooks.field.name')}
          hint={t.t('webhooks.name-hint')}
          maxLength={100}
          value={values.name}
          error={errors.find((e) => e.field === 'name')}
        />
        <TextInput
          name="url"
          label={t.t('webhooks.field.url')}
          hint={t.t('webhooks.url-hint')}
          maxLength={2000}
          autocomplete="off"
          value={values.url}
          error={errors.find((e) => e.field === 'url')}
        />
        <ChoiceFieldset
          id={eventsId}
          legend={t.t('webhooks.field.events')}
          hint={t.t('webhooks.events-hint')}
          error={errors.find((e) => e.field === 'events')}
        >
          {WEBHOOK_EVENTS.map((e: WebhookEvent, i) => (
            <Checkbox
              key={e}
              id={i === 0 ? eventsId : `${eventsId}-${i}`}
              name="events"
              value={e}
              label={t.t(`webhooks.event.${e}`)}
              checked={values.events.includes(e)}
            />
          ))}
        </ChoiceFieldset>
        <button class="kern-btn kern-btn--primary" type="submit">
          <span class="kern-label">{t.t('webhooks.create')}</span>
        </button>
      </form>
      <BackToList ctx={ctx} o={o} />
    </Page>
  );
}

/** The signing secret, shown this one time, with what the receiver does with it. */
export function WebhookCreatedPage(props: {
  ctx: ViewContext;
  organisation: Org;
  hook: SubscriptionRow;
  secret: string;
}) {
  const { ctx, organisation: o, hook } = props;
  const { t } = ctx;
  return (
    <Page ctx={ctx} title={t.t('webhooks.created-title')}>
      <Alert kind="warning" title={t.t('webhooks.once')} />
      <p class="kern-body">{t.t('webhooks.copy-hint')}</p>
      <p class="kern-body">
        <code class="api-token">{props.secret}</code>
      </p>
      <p class="kern-body">{t.t('webhooks.usage')}</p>
      <Facts ctx={ctx} hook={hook} />
      <p class="kern-body">
        <a class="kern-link" href={href(ctx, 'webhook', { id: o.id, hookId: hook.id })}>
          {t.t('webhooks.open', { name: hook.name })}
        </a>
      </p>
    </Page>
  );
}

function DeliveryLog({
  ctx,
  o,
  hook,
  deliveries,
}: {
  ctx: ViewContext;
  o: Org;
  hook: SubscriptionRow;
  deliveries: readonly DeliveryRow[];
}) {
  const { t } = ctx;
  if (deliveries.length === 0) return <p class="kern-body">{t.t('webhooks.log.none')}</p>;
  return (
    <table class="kern-table pathways-reflow">
      <caption class="kern-title">{t.t('webhooks.log.caption', { name: hook.name })}</caption>
      <thead class="kern-table__head">
        <tr class="kern-table__row">
          {['event', 'time', 'state', 'answer', 'action'].map((c) => (
            <th key={c} class="kern-table__header" scope="col">
              {t.t(`webhooks.log.${c}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody class="kern-table__body">
        {deliveries.map((d) => (
          <tr key={d.id} class="kern-table__row">
            <th scope="row" class="kern-table__cell">
              {t.t(`webhooks.event.${d.eventType}`)}
            </th>
            <td class="kern-table__cell" data-label={t.t('webhooks.log.time')}>
              {t.date(d.createdAt, 'short')}
            </td>
            <td class="kern-table__cell" data-label={t.t('webhooks.log.state')}>
              {t.t(`webhooks.delivery.${d.state}`, { count: d.attempts })}
              {d.state === 'pending' && d.nextAttemptAt
                ? ` ${t.t('webhooks.log.next', { time: t.date(d.nextAttemptAt, 'short') })}`
                : ''}
            </td>
            <td class="kern-table__cell" data-label={t.t('webhooks.log.answer')}>
              {d.lastStatus !== null
                ? t.t('webhooks.log.status', { status: String(d.lastStatus) })
                : d.lastError
                  ? t.t(d.lastError === 'timeout' ? 'webhooks.log.timeout' : 'webhooks.log.unreachable')
                  : t.t('webhooks.log.not-yet')}
            </td>
            <td class="kern-table__cell">
              {d.state === 'sending' || hook.disabledAt ? null : (
                <form
                  method="post"
                  action={href(ctx, 'webhookRedeliver', { id: o.id, hookId: hook.id, deliveryId: d.id })}
                >
                  <CsrfField ctx={ctx} />
                  <button class="kern-btn kern-btn--secondary" type="submit">
                    <span class="kern-label">{t.t('webhooks.redeliver')}</span>
                  </button>
                </form>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One subscription: its settings, on/off, delete, and the delivery log with "deliver again". */
export function WebhookPage(props: {
  ctx: ViewContext;
  organisation: Org;
  hook: SubscriptionRow;
  deliveries: readonly DeliveryRow[];
  notice?: 'created' | 'switched' | 'redelivered' | undefined;
}) {
  const { ctx, organisation: o, hook } = props;
  const { t } = ctx;
  return (
    <Page ctx={ctx} title={t.t('webhooks.hook-title', { name: hook.name })}>
      {props.notice ? <Alert kind="success" title={t.t(`webhooks.done.${props.notice}`)} /> : null}
      <Facts ctx={ctx} hook={hook} />
      <form method="post" action={href(ctx, 'webhookSwitch', { id: o.id, hookId: hook.id })}>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="enabled" value={hook.disabledAt ? 'yes' : 'no'} />
        <button class="kern-btn kern-btn--secondary" type="submit">
          <span class="kern-label">
            {t.t(hook.disabledAt ? 'webhooks.switch-on' : 'webhooks.switch-off')}
          </span>
        </button>
      </form>
      <p class="kern-body">
        <a class="kern-link" href={href(ctx, 'webhookDelete', { id: o.id, hookId: hook.id })}>
          {t.t('webhooks.delete', { name: hook.name })}
        </a>
      </p>
      <h2 class="kern-heading-medium">{t.t('webhooks.log.title')}</h2>
      <p class="kern-body">{t.t('webhooks.log.lead')}</p>
      <DeliveryLog ctx={ctx} o={o} hook={hook} deliveries={props.deliveries} />
      <BackToList ctx={ctx} o={o} />
    </Page>
  );
}

/** Asks before a subscription and its delivery log are deleted. */
export function DeletePage(props: { ctx: ViewContext; organisation: Org; hook: SubscriptionRow }) {
  const { ctx, organisation: o, hook } = props;
  const { t } = ctx;
  return (
    <Page ctx={ctx} title={t.t('webhooks.delete-title', { name: hook.name })}>
      <p class="kern-body">{t.t('webhooks.delete-lead')}</p>
      <Facts ctx={ctx} hook={hook} />
      <form method="post" action={href(ctx, 'webhookDelete', { id: o.id, hookId: hook.id })}>
        <CsrfField ctx={ctx} />
        <button class="kern-btn kern-btn--primary" type="submit">
          <span class="kern-label">{t.t('webhooks.delete-confirm')}</span>
        </button>
      </form>
      <BackToList ctx={ctx} o={o} />
    </Page>
  );
}
