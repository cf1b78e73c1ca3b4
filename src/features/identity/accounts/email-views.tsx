import type { FieldError } from '../../../platform/http/errors.ts';
import { Alert, CsrfField, ErrorSummary } from '../../../web/components.tsx';
import type { ViewContext } from '../../../web/context.ts';
import { Layout } from '../../../web/layout.tsx';
import { localizedUrl } from '../../../web/paths.ts';
import { IDENTITY_PATHS } from '../paths.ts';
import { Input } from '../view-parts.tsx';

const href = (ctx: ViewContext, key: keyof typeof IDENTITY_PATHS) =>
  localizedUrl(IDENTITY_PATHS[key], ctx.locale);

/** Change one's mail address: the new address and the current password (re-authentication). */
export function EmailPage(props: {
  ctx: ViewContext;
  current: string;
  newEmail?: string;
  errors?: FieldError[];
  sent?: boolean;
}) {
  const { ctx } = props;
  const { t } = ctx;
  const errors = props.errors ?? [];
  return (
    <Layout ctx={ctx} title={t.t('identity.email.title')}>
      <h1 class="kern-heading-large">{t.t('identity.email.title')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      {props.sent ? <Alert kind="success" title={t.t('identity.email.sent')} /> : null}
      <p class="kern-body">{t.t('identity.email.current', { email: props.current })}</p>
      <p class="kern-body">{t.t('identity.email.lead')}</p>
      <form method="post" action={href(ctx, 'email')} novalidate>
        <CsrfField ctx={ctx} />
        <Input
          name="newEmail"
          type="email"
          label={t.t('identity.email.new')}
          autocomplete="email"
          value={props.newEmail ?? ''}
          error={errors.find((e) => e.field === 'newEmail')}
        />
        <Input
          name="currentPassword"
          type="password"
          label={t.t('identity.field.current-password')}
          autocomplete="current-password"
          error={errors.find((e) => e.field === 'currentPassword')}
        />
        <button class="kern-btn kern-btn--primary" type="submit">
          <span class="kern-label">{t.t('identity.email.submit')}</span>
        </button>
      </form>
      <p class="kern-body">
        <a class="kern-link" href={href(ctx, 'account')}>
          {t.t('identity.recovery.continue')}
        </a>
      </p>
    </Layout>
  );
}

/** The page the mailed link opens: the new address once more, then the change takes effect (POST). */
export function ConfirmEmailPage(props: {
  ctx: ViewContext;
  token: string;
  errors?: FieldError[];
  notice?: { kind: 'danger' | 'success'; text: string } | undefined;
  done?: boolean;
}) {
  const { ctx } = props;
  const { t } = ctx;
  const errors = props.errors ?? [];
  return (
    <Layout ctx={ctx} title={t.t('identity.email.confirm-title')}>
      <h1 class="kern-heading-large">{t.t('identity.email.confirm-title')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      {props.notice ? <Alert kind={props.notice.kind} title={props.notice.text} /> : null}
      {props.done ? (
        <p class="kern-body">
          <a class="kern-link" href={href(ctx, 'signIn')}>
            {t.t('identity.sign-in.title')}
          </a>
        </p>
      ) : (
        <>
          <p class="kern-body">{t.t('identity.email.confirm-lead')}</p>
          <form method="post" action={href(ctx, 'emailConfirm')} novalidate>
            <CsrfField ctx={ctx} />
            <input type="hidden" name="token" value={props.token} />
            <Input
              name="newEmail"
              type="email"
              label={t.t('identity.email.new')}
              autocomplete="email"
              error={errors.find((e) => e.field === 'newEmail')}
            />
            <button class="kern-btn kern-btn--primary" type="submit">
              <span class="kern-label">{t.t('identity.email.confirm-submit')}</span>
            </button>
          </form>
        </>
      )}
    </Layout>
  );
}
