import type { FieldError } from '../../../platform/http/errors.ts';
import { Alert, CsrfField, ErrorSummary } from '../../../web/components.tsx';
import type { ViewContext } from '../../../web/context.ts';
import { Layout } from '../../../web/layout.tsx';
import { JourneyLinks } from '../../journey/index.ts';
import { PasskeyAdd, PasskeyScript } from '../passkeys/views.tsx';
import { SignOutForm } from '../sessions/views.tsx';
import { href, Input, Page } from '../view-parts.tsx';

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

export interface AccountData {
  displayName: string;
  email: string;
  secondFactor: boolean;
  roles: { role: string; organisation: { name: string | null } | null }[];
}

export function AccountPage({
  ctx,
  account,
  isAdmin,
}: {
  ctx: ViewContext;
  account: AccountData;
  isAdmin: boolean;
}) {
  const { t } = ctx;
  return (
    <Page ctx={ctx} title={t.t('identity.account.title')}>
      <dl class="kern-description-list">
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{t.t('identity.field.name')}</dt>
          <dd class="kern-description-list-item__value">{account.displayName}</dd>
        </div>
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{t.t('identity.field.email')}</dt>
          <dd class="kern-description-list-item__value">{account.email}</dd>
        </div>
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{t.t('identity.account.second-factor')}</dt>
          <dd class="kern-description-list-item__value">
            {t.t(account.secondFactor ? 'identity.account.on' : 'identity.account.off')}
          </dd>
        </div>
      </dl>
      <h2 class="kern-heading-medium">{t.t('identity.account.roles')}</h2>
      <ul class="kern-list">
        {account.roles.map((r) => (
          <li key={`${r.role}-${r.organisation?.name ?? ''}`}>
            {t.t(`identity.role.${r.role}`)}
            {r.organisation?.name ? ` – ${r.organisation.name}` : ''}
          </li>
        ))}
      </ul>
      <JourneyLinks ctx={ctx} roles={account.roles.map((r) => r.role)} />
      <h2 class="kern-heading-medium">{t.t('identity.account.more')}</h2>
      <ul class="kern-list">
        <li>
          <a class="kern-link" href={href(ctx, 'sessions')}>
            {t.t('identity.sessions.title')}
          </a>
        </li>
        <li>
          <a class="kern-link" href={href(ctx, 'password')}>
            {t.t('identity.change-password.title')}
          </a>
        </li>
        <li>
          <a class="kern-link" href={href(ctx, 'email')}>
            {t.t('identity.email.title')}
          </a>
        </li>
        <li>
          <a class="kern-link" href={href(ctx, 'passkeys')}>
            {t.t('identity.passkeys.title')}
          </a>
        </li>
        <li>
          <a class="kern-link" href={href(ctx, 'accessLog')}>
            {t.t('identity.access-log.title')}
          </a>
        </li>
        <li>
          <a class="kern-link" href={href(ctx, 'data')}>
            {t.t('identity.data.title')}
          </a>
        </li>
        {account.roles.some((r) => r.role === 'applicant' || r.role === 'family-member') ? (
          <li>
            <a class="kern-link" href={href(ctx, 'consents')}>
              {t.t('identity.consents.title')}
            </a>
          </li>
        ) : null}
        <li>
          <a class="kern-link" href={href(ctx, 'erasure')}>
            {t.t('identity.erasure.title')}
          </a>
        </li>
        {!isAdmin && account.roles.some((r) => r.role === 'employer-admin') ? (
          <li>
            <a class="kern-link" href={href(ctx, 'organisations')}>
              {t.t('identity.organisations.title')}
            </a>
          </li>
        ) : null}
        {isAdmin ? (
          <>
            <li>
              <a class="kern-link" href={href(ctx, 'outbox')}>
                {t.t('identity.outbox.title')}
              </a>
            </li>
            <li>
              <a class="kern-link" href={href(ctx, 'organisations')}>
                {t.t('identity.organisations.title')}
              </a>
            </li>
            <li>
              <a class="kern-link" href={href(ctx, 'erasureRequests')}>
                {t.t('identity.erasure-requests.title')}
              </a>
            </li>
          </>
        ) : null}
      </ul>
      <PasskeyAdd ctx={ctx} />
      <SignOutForm ctx={ctx} everywhere={false} />
      <PasskeyScript />
    </Page>
  );
}
