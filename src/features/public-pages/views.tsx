import type { Config } from '../../platform/config.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import { Alert, CsrfField, ErrorSummary, TextArea } from '../../web/components.tsx';
import { type ViewContext, visibleNav } from '../../web/context.ts';
import { Layout } from '../../web/layout.tsx';
import { localizedUrl, PATHS } from '../../web/paths.ts';

type Operator = Pick<
  Config,
  | 'OPERATOR_NAME'
  | 'OPERATOR_ADDRESS'
  | 'OPERATOR_EMAIL'
  | 'OPERATOR_PHONE'
  | 'OPERATOR_REPRESENTATIVE'
  | 'NODE_ENV'
>;

/** The date the accessibility statement was last reviewed against the code (BITV 2.0 § 7). */
export const ACCESSIBILITY_STATEMENT_DATE = '2026-11-25';

export function HomePage({ ctx }: { ctx: ViewContext }) {
  const { t, locale } = ctx;
  // Cards for the services open to everyone; role-specific pages live in the navigation only.
  const features = ctx.nav.filter((n) => n.descriptionKey && !n.roles);
  const start = features.find((n) => n.labelKey === 'nav.pathways');
  // The signed-in person's own pages (my journey, the work queue): their next step comes first.
  const own = visibleNav(ctx).filter((n) => n.roles);
  const account = features.find((n) => n.labelKey === 'identity.nav.account');
  return (
    <Layout ctx={ctx} title={t.t('home.title')}>
      <h1 class="kern-heading-x-large">{t.t('home.title')}</h1>
      <p class="kern-body kern-body--large">{t.t('home.lead')}</p>
      {own.length > 0 ? (
        <>
          <h2 class="kern-heading-medium">{t.t('home.yours')}</h2>
          <ul class="kern-list">
            {own.map((item) => (
              <li key={item.labelKey}>
                <a class="kern-link" href={localizedUrl(item.paths, locale)}>
                  {t.t(item.labelKey)}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <>
          {start ? (
            <p class="kern-body">
              <a class="kern-btn kern-btn--primary" href={localizedUrl(start.paths, locale)}>
                <span class="kern-label">{t.t('home.start')}</span>
              </a>
            </p>
          ) : null}
          {account && ctx.roles.length === 0 ? (
            <p class="kern-body">
              {t.t('home.have-account')}{' '}
              <a class="kern-link" href={localizedUrl(account.paths, locale)}>
                {t.t('home.sign-in')}
              </a>
            </p>
          ) : null}
        </>
      )}
      <h2 class="kern-heading-medium">{t.t('home.available')}</h2>
      <ul class="home-cards">
        {features.map((item) => (
          <li key={item.labelKey} class="kern-card kern-card--interactive">
            <div class="kern-card__container">
              <div class="kern-card__header">
                <h3 class="kern-title">
                  <a class="kern-link kern-link--stretched" href={localizedUrl(item.paths, locale)}>
                    {t.t(item.labelKey)}
                  </a>
                </h3>
              </div>
              <div class="kern-card__body">
                <p class="kern-body">{t.t(item.descriptionKey ?? '')}</p>
              </div>
            </div>
          </li>
        ))}
      </ul>
      <h2 class="kern-heading-medium">{t.t('home.about.title')}</h2>
      <p class="kern-body">{t.t('home.about.text')}</p>
    </Layout>
  );
}

export function ImprintPage({ ctx, operator }: { ctx: ViewContext; operator: Operator }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.t('imprint.title')}>
      <h1 class="kern-heading-large">{t.t('imprint.title')}</h1>
      <h2 class="kern-heading-medium">{t.t('imprint.operator')}</h2>
      {operator.OPERATOR_NAME ? (
        <address class="kern-body imprint-address">
          <strong>{operator.OPERATOR_NAME}</strong>
          <br />
          {operator.OPERATOR_ADDRESS?.split(/\s*;\s*|\n/).map((line) => (
            <span key={line}>
              {line}
              <br />
            </span>
          ))}
          {operator.OPERATOR_REPRESENTATIVE ? (
            <span>
              {t.t('imprint.representative')}: {operator.OPERATOR_REPRESENTATIVE}
              <br />
            </span>
          ) : null}
          {t.t('imprint.email')}:{' '}
          <a class="kern-link" href={`mailto:${operator.OPERATOR_EMAIL ?? ''}`}>
            {operator.OPERATOR_EMAIL}
          </a>
          {operator.OPERATOR_PHONE ? (
            <span>
              <br />
              {t.t('imprint.phone')}: {operator.OPERATOR_PHONE}
            </span>
          ) : null}
        </address>
      ) : (
        <Alert kind="info" title={t.t('imprint.operator')}>
          <p class="kern-body">{t.t('imprint.not-configured', { mode: operator.NODE_ENV })}</p>
        </Alert>
      )}
      <h2 class="kern-heading-medium">{t.t('imprint.software.title')}</h2>
      <p class="kern-body">{t.t('imprint.software.text')}</p>
    </Layout>
  );
}

const PRIVACY_SECTIONS = [
  'logs',
  'cookies',
  'account',
  'questionnaire',
  'consent',
  'audit',
  'mail',
  'feedback',
  'thirdparty',
  'rights',
] as const;

export function PrivacyPage({ ctx, operatorConfigured }: { ctx: ViewContext; operatorConfigured: boolean }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.t('privacy.title')}>
      <h1 class="kern-heading-large">{t.t('privacy.title')}</h1>
      <p class="kern-body kern-body--large">{t.t('privacy.lead')}</p>
      <h2 class="kern-heading-medium">{t.t('privacy.controller.title')}</h2>
      <p class="kern-body">
        {t.t(operatorConfigured ? 'privacy.controller.text' : 'privacy.controller.none')}{' '}
        <a class="kern-link" href={localizedUrl(PATHS.imprint, ctx.locale)}>
          {t.t('imprint.title')}
        </a>
      </p>
      {PRIVACY_SECTIONS.map((s) => (
        <section key={s}>
          <h2 class="kern-heading-medium">{t.t(`privacy.${s}.title`)}</h2>
          <p class="kern-body">{t.t(`privacy.${s}.text`)}</p>
        </section>
      ))}
      <h2 class="kern-heading-medium">{t.t('privacy.changes.title')}</h2>
      <p class="kern-body">{t.t('privacy.changes.text', { version: ctx.version })}</p>
    </Layout>
  );
}

export interface FeedbackForm {
  page: string;
  message: string;
}

export function AccessibilityPage(props: {
  ctx: ViewContext;
  operatorEmail: string | undefined;
  form?: FeedbackForm;
  errors?: FieldError[];
  savedId?: string | undefined;
}) {
  const { ctx } = props;
  const { t } = ctx;
  const errors = props.errors ?? [];
  const errorFor = (name: string) => errors.find((e) => e.field === name);
  return (
    <Layout ctx={ctx} title={t.t('accessibility.title')}>
      <h1 class="kern-heading-large">{t.t('accessibility.title')}</h1>
      <p class="kern-body kern-body--large">{t.t('accessibility.lead')}</p>
      <h2 class="kern-heading-medium">{t.t('accessibility.status.title')}</h2>
      <p class="kern-body">{t.t('accessibility.status.text')}</p>
      <h2 class="kern-heading-medium">{t.t('accessibility.gaps.title')}</h2>
      <ul class="kern-list kern-list--bullet">
        <li>{t.t('accessibility.gaps.manual')}</li>
        <li>{t.t('accessibility.gaps.easy-language')}</li>
        <li>{t.t('accessibility.gaps.contrast')}</li>
      </ul>
      <h2 class="kern-heading-medium">{t.t('accessibility.method.title')}</h2>
      <p class="kern-body">{t.t('accessibility.method.text')}</p>
      <p class="kern-body">
        {t.t('accessibility.created', { date: t.date(ACCESSIBILITY_STATEMENT_DATE), version: ctx.version })}
      </p>
      <h2 class="kern-heading-medium" id="feedback">
        {t.t('accessibility.feedback.title')}
      </h2>
      {props.savedId ? (
        <Alert kind="success" title={t.t('accessibility.feedback.thanks')}>
          <p class="kern-body">
            {t.t('accessibility.feedback.thanks.reference', { id: props.savedId.slice(0, 8) })}
          </p>
        </Alert>
      ) : null}
      <p class="kern-body">{t.t('accessibility.feedback.text')}</p>
      {props.operatorEmail ? (
        <p class="kern-body">{t.t('accessibility.feedback.email', { email: props.operatorEmail })}</p>
      ) : null}
      <ErrorSummary ctx={ctx} errors={errors} />
      <form
        method="post"
        action={`${ctx.alternates[ctx.locale].split('?')[0]}#feedback`}
        novalidate
        class="kern-stack-md"
      >
        <CsrfField ctx={ctx} />
        <TextArea
          name="page"
          label={t.t('accessibility.feedback.page')}
          hint={t.t('accessibility.feedback.page.hint')}
          optionalLabel={t.t('form.optional')}
          rows={1}
          maxLength={300}
          value={props.form?.page}
          error={errorFor('page')}
        />
        <TextArea
          name="message"
          label={t.t('accessibility.feedback.message')}
          hint={t.t('accessibility.feedback.message.hint')}
          rows={6}
          maxLength={2000}
          required
          value={props.form?.message}
          error={errorFor('message')}
        />
        <button type="submit" class="kern-btn kern-btn--primary">
          <span class="kern-label">{t.t('accessibility.feedback.submit')}</span>
        </button>
      </form>
      <h2 class="kern-heading-medium">{t.t('accessibility.enforcement.title')}</h2>
      <p class="kern-body">{t.t('accessibility.enforcement.text')}</p>
    </Layout>
  );
}
