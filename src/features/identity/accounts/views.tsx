import type { FieldError } from '../../../platform/http/errors.ts';
import { Alert, CsrfField, ErrorSummary, Select } from '../../../web/components.tsx';
import type { ViewContext } from '../../../web/context.ts';
import { Layout } from '../../../web/layout.tsx';
import { localizedUrl } from '../../../web/paths.ts';
import { IDENTITY_PATHS } from '../paths.ts';
import { Input } from '../sign-in/views.tsx';

const href = (ctx: ViewContext, key: keyof typeof IDENTITY_PATHS) =>
  localizedUrl(IDENTITY_PATHS[key], ctx.locale);

export function RegisterPage(props: {
  ctx: ViewContext;
  errors?: FieldError[];
  values?: { email?: string; displayName?: string };
  done?: boolean;
}) {
  const { ctx } = props;
  const { t } = ctx;
  const errors = props.errors ?? [];
  const err = (f: string) => errors.find((e) => e.field === f);
  return (
    <Layout ctx={ctx} title={t.t('identity.register.title')}>
      <h1 class="kern-heading-large">{t.t('identity.register.title')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      {props.done ? (
        <Alert kind="success" title={t.t('identity.register.done')} />
      ) : (
        <>
          <p class="kern-body">{t.t('identity.register.lead')}</p>
          <form method="post" action={href(ctx, 'register')} novalidate>
            <CsrfField ctx={ctx} />
            <Input
              name="displayName"
              label={t.t('identity.field.name')}
              autocomplete="name"
              value={props.values?.displayName ?? ''}
              error={err('displayName')}
            />
            <Input
              name="email"
              type="email"
              label={t.t('identity.field.email')}
              autocomplete="email"
              value={props.values?.email ?? ''}
              error={err('email')}
            />
            <Input
              name="password"
              type="password"
              label={t.t('identity.field.new-password')}
              hint={t.t('identity.field.new-password-hint')}
              autocomplete="new-password"
              error={err('password')}
            />
            <button class="kern-btn kern-btn--primary" type="submit">
              <span class="kern-label">{t.t('identity.register.submit')}</span>
            </button>
          </form>
        </>
      )}
    </Layout>
  );
}

export function ConsentsPage(props: {
  ctx: ViewContext;
  consents: { organisationId: string; organisationName: string; grantedAt: Date; withdrawnAt: Date | null }[];
  organisations: { id: string; name: string }[];
  error?: FieldError | undefined;
}) {
  const { ctx } = props;
  const { t } = ctx;
  const active = props.consents.filter((c) => !c.withdrawnAt);
  const available = props.organisations.filter((o) => !active.some((c) => c.organisationId === o.id));
  return (
    <Layout ctx={ctx} title={t.t('identity.consents.title')}>
      <h1 class="kern-heading-large">{t.t('identity.consents.title')}</h1>
      <ErrorSummary ctx={ctx} errors={props.error ? [props.error] : []} />
      <p class="kern-body">{t.t('identity.consents.lead')}</p>
      <h2 class="kern-heading-medium">{t.t('identity.consents.active')}</h2>
      {active.length === 0 ? <p class="kern-body">{t.t('identity.consents.none')}</p> : null}
      <ul class="kern-list">
        {active.map((c) => (
          <li key={c.organisationId}>
            {c.organisationName} ({t.t('identity.consents.since', { date: t.date(c.grantedAt, 'short') })})
            <form method="post" action={href(ctx, 'consentsWithdraw')}>
              <CsrfField ctx={ctx} />
              <input type="hidden" name="organisationId" value={c.organisationId} />
              <button class="kern-btn kern-btn--secondary" type="submit">
                <span class="kern-label">
                  {t.t('identity.consents.withdraw', { name: c.organisationName })}
                </span>
              </button>
            </form>
          </li>
        ))}
      </ul>
      {available.length > 0 ? (
        <>
          <h2 class="kern-heading-medium">{t.t('identity.consents.grant-title')}</h2>
          <form method="post" action={href(ctx, 'consents')}>
            <CsrfField ctx={ctx} />
            <Select
              name="organisationId"
              label={t.t('identity.consents.organisation')}
              error={props.error}
              options={available.map((o) => ({ value: o.id, label: o.name }))}
            />
            <button class="kern-btn kern-btn--primary" type="submit">
              <span class="kern-label">{t.t('identity.consents.grant')}</span>
            </button>
          </form>
        </>
      ) : null}
    </Layout>
  );
}

export function ErasurePage(props: {
  ctx: ViewContext;
  retained: readonly { what: string }[];
  done: boolean;
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.t('identity.erasure.title')}>
      <h1 class="kern-heading-large">{t.t('identity.erasure.title')}</h1>
      {props.done ? <Alert kind="success" title={t.t('identity.erasure.done')} /> : null}
      <p class="kern-body">{t.t('identity.erasure.lead')}</p>
      <h2 class="kern-heading-medium">{t.t('identity.erasure.retained')}</h2>
      <ul class="kern-list">
        {props.retained.map((r) => (
          <li key={r.what}>{t.t(`identity.erasure.retained.${r.what}`)}</li>
        ))}
      </ul>
      {props.done ? null : (
        <form method="post" action={href(ctx, 'erasure')}>
          <CsrfField ctx={ctx} />
          <button class="kern-btn kern-btn--primary" type="submit">
            <span class="kern-label">{t.t('identity.erasure.submit')}</span>
          </button>
        </form>
      )}
    </Layout>
  );
}

export function ErasureRequestsPage(props: {
  ctx: ViewContext;
  requests: {
    id: string;
    requestedAt: Date;
    reason: string | null;
    handledAt: Date | null;
    outcome: string | null;
  }[];
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.t('identity.erasure-requests.title')}>
      <h1 class="kern-heading-large">{t.t('identity.erasure-requests.title')}</h1>
      {props.requests.length === 0 ? <p class="kern-body">{t.t('identity.erasure-requests.none')}</p> : null}
      <ul class="kern-list">
        {props.requests.map((r) => (
          <li key={r.id}>
            {t.date(r.requestedAt, 'short')}
            {r.reason ? ` – ${r.reason}` : ''}
            {r.handledAt ? (
              ` – ${t.t(`identity.erasure-requests.${r.outcome ?? 'refused'}`)}`
            ) : (
              <form method="post" action={href(ctx, 'erasureRequests')}>
                <CsrfField ctx={ctx} />
                <input type="hidden" name="id" value={r.id} />
                <button class="kern-btn kern-btn--primary" type="submit" name="outcome" value="erased">
                  <span class="kern-label">{t.t('identity.erasure-requests.erase')}</span>
                </button>
                <button class="kern-btn kern-btn--secondary" type="submit" name="outcome" value="refused">
                  <span class="kern-label">{t.t('identity.erasure-requests.refuse')}</span>
                </button>
              </form>
            )}
          </li>
        ))}
      </ul>
    </Layout>
  );
}

export function PasswordPage(props: { ctx: ViewContext; done: boolean; errors?: FieldError[] }) {
  const { ctx } = props;
  const { t } = ctx;
  const errors = props.errors ?? [];
  return (
    <Layout ctx={ctx} title={t.t('identity.change-password.title')}>
      <h1 class="kern-heading-large">{t.t('identity.change-password.title')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      {props.done ? <Alert kind="success" title={t.t('identity.change-password.done')} /> : null}
      <p class="kern-body">{t.t('identity.change-password.lead')}</p>
      <form method="post" action={href(ctx, 'password')} novalidate>
        <CsrfField ctx={ctx} />
        <Input
          name="currentPassword"
          type="password"
          label={t.t('identity.field.current-password')}
          autocomplete="current-password"
          error={errors.find((e) => e.field === 'currentPassword')}
        />
        <Input
          name="newPassword"
          type="password"
          label={t.t('identity.field.new-password')}
          hint={t.t('identity.field.new-password-hint')}
          autocomplete="new-password"
          error={errors.find((e) => e.field === 'newPassword')}
        />
        <button class="kern-btn kern-btn--primary" type="submit">
          <span class="kern-label">{t.t('identity.change-password.submit')}</span>
        </button>
      </form>
    </Layout>
  );
}
