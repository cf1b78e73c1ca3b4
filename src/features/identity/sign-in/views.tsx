import type { FieldError } from '../../../platform/http/errors.ts';
import { Alert, CsrfField, ErrorSummary } from '../../../web/components.tsx';
import type { ViewContext } from '../../../web/context.ts';
import { PasskeyScript, PasskeySignIn } from '../passkeys/views.tsx';
import { href, Input, Page } from '../view-parts.tsx';

export function SignInPage(props: {
  ctx: ViewContext;
  errors?: FieldError[];
  notice?: { kind: 'danger' | 'warning' | 'success'; text: string } | undefined;
  email?: string;
  next?: string | undefined;
  federated?: readonly string[];
}) {
  const { ctx } = props;
  const { t } = ctx;
  const errors = props.errors ?? [];
  const err = (f: string) => errors.find((e) => e.field === f);
  return (
    <Page ctx={ctx} title={t.t('identity.sign-in.title')}>
      {(props.federated ?? []).length > 0 ? (
        <ul class="kern-list">
          {(props.federated ?? []).map((p) => (
            <li key={p}>
              <a class="kern-link" href={`/api/v1/auth/oidc/${p}/start`}>
                {t.t(`identity.sign-in.with-${p}`)}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      <ErrorSummary ctx={ctx} errors={errors} />
      {props.notice ? <Alert kind={props.notice.kind} title={props.notice.text} /> : null}
      <form method="post" action={href(ctx, 'signIn')} novalidate>
        <CsrfField ctx={ctx} />
        {props.next ? <input type="hidden" name="next" value={props.next} /> : null}
        <Input
          name="email"
          type="email"
          label={t.t('identity.field.email')}
          autocomplete="username"
          value={props.email ?? ''}
          error={err('email')}
        />
        <Input
          name="password"
          type="password"
          label={t.t('identity.field.password')}
          autocomplete="current-password"
          error={err('password')}
        />
        <button class="kern-btn kern-btn--primary" type="submit">
          <span class="kern-label">{t.t('identity.sign-in.submit')}</span>
        </button>
      </form>
      <PasskeySignIn ctx={ctx} next={props.next ?? href(ctx, 'account')} />
      <p class="kern-body">
        <a class="kern-link" href={href(ctx, 'forgotPassword')}>
          {t.t('identity.sign-in.forgot')}
        </a>
      </p>
      <p class="kern-body">
        <a class="kern-link" href={href(ctx, 'register')}>
          {t.t('identity.sign-in.register')}
        </a>
      </p>
      <PasskeyScript />
    </Page>
  );
}

export function SecondFactorPage(props: {
  ctx: ViewContext;
  enrol: { secret: string; uri: string } | null;
  error?: FieldError | undefined;
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Page ctx={ctx} title={t.t('identity.second-factor.title')}>
      <ErrorSummary ctx={ctx} errors={props.error ? [props.error] : []} />
      {props.enrol ? (
        <>
          <p class="kern-body">{t.t('identity.second-factor.enrol-lead')}</p>
          <p class="kern-body">
            <strong>{t.t('identity.second-factor.secret')}</strong>{' '}
            <code class="secret">{props.enrol.secret.replace(/(.{4})/g, '$1 ').trim()}</code>
          </p>
          <p class="kern-body kern-body--small">
            <code>{props.enrol.uri}</code>
          </p>
        </>
      ) : (
        <p class="kern-body">{t.t('identity.second-factor.lead')}</p>
      )}
      <form method="post" action={href(ctx, 'secondFactor')} novalidate>
        <CsrfField ctx={ctx} />
        <Input
          name="code"
          label={t.t('identity.field.code')}
          hint={props.enrol ? undefined : t.t('identity.second-factor.hint')}
          autocomplete="one-time-code"
          inputMode="text"
          error={props.error}
        />
        <button class="kern-btn kern-btn--primary" type="submit">
          <span class="kern-label">{t.t('identity.second-factor.submit')}</span>
        </button>
      </form>
    </Page>
  );
}

export function RecoveryCodesPage({ ctx, codes }: { ctx: ViewContext; codes: string[] }) {
  const { t } = ctx;
  return (
    <Page ctx={ctx} title={t.t('identity.recovery.title')}>
      <Alert kind="warning" title={t.t('identity.recovery.once')} />
      <ul class="kern-list">
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ul>
      <p class="kern-body">
        <a class="kern-link" href={href(ctx, 'account')}>
          {t.t('identity.recovery.continue')}
        </a>
      </p>
    </Page>
  );
}

export function OutboxPage(props: {
  ctx: ViewContext;
  mails: { id: string; createdAt: Date; toAddress: string; subject: string; text: string }[];
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Page ctx={ctx} title={t.t('identity.outbox.title')}>
      <p class="kern-body">{t.t('identity.outbox.lead')}</p>
      {props.mails.length === 0 ? <p class="kern-body">{t.t('identity.outbox.empty')}</p> : null}
      {props.mails.map((m) => (
        <article key={m.id} class="outbox-mail">
          <h2 class="kern-heading-small" lang="mul">
            {m.subject}
          </h2>
          <p class="kern-body kern-body--small">
            {t.t('identity.outbox.to', { to: m.toAddress })} – {t.date(m.createdAt, 'short')}
          </p>
          <pre lang="mul">{m.text}</pre>
        </article>
      ))}
    </Page>
  );
}

/** One form for the pages that act on a mailed token (new password, unlock, verify email). */
export function TokenPage(props: {
  ctx: ViewContext;
  titleKey: string;
  leadKey: string;
  action: string;
  token: string;
  withPassword: boolean;
  errors?: FieldError[];
  notice?: { kind: 'danger' | 'success' | 'info'; text: string } | undefined;
}) {
  const { ctx } = props;
  const { t } = ctx;
  const errors = props.errors ?? [];
  return (
    <Page ctx={ctx} title={t.t(props.titleKey)}>
      <ErrorSummary ctx={ctx} errors={errors} />
      {props.notice ? <Alert kind={props.notice.kind} title={props.notice.text} /> : null}
      <p class="kern-body">{t.t(props.leadKey)}</p>
      <form method="post" action={props.action} novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="token" value={props.token} />
        {props.withPassword ? (
          <Input
            name="password"
            type="password"
            label={t.t('identity.field.new-password')}
            hint={t.t('identity.field.new-password-hint')}
            autocomplete="new-password"
            error={errors.find((e) => e.field === 'password')}
          />
        ) : null}
        <button class="kern-btn kern-btn--primary" type="submit">
          <span class="kern-label">{t.t('identity.token.submit')}</span>
        </button>
      </form>
    </Page>
  );
}

export function ForgotPasswordPage(props: { ctx: ViewContext; sent: boolean; errors?: FieldError[] }) {
  const { ctx } = props;
  const { t } = ctx;
  const errors = props.errors ?? [];
  return (
    <Page ctx={ctx} title={t.t('identity.forgot.title')}>
      <ErrorSummary ctx={ctx} errors={errors} />
      {props.sent ? <Alert kind="success" title={t.t('identity.forgot.sent')} /> : null}
      <p class="kern-body">{t.t('identity.forgot.lead')}</p>
      <form method="post" action={href(ctx, 'forgotPassword')} novalidate>
        <CsrfField ctx={ctx} />
        <Input
          name="email"
          type="email"
          label={t.t('identity.field.email')}
          autocomplete="username"
          error={errors.find((e) => e.field === 'email')}
        />
        <button class="kern-btn kern-btn--primary" type="submit">
          <span class="kern-label">{t.t('identity.forgot.submit')}</span>
        </button>
      </form>
    </Page>
  );
}
