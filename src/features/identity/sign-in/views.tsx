import type { ComponentChildren } from 'preact';
import type { FieldError } from '../../../platform/http/errors.ts';
import { Alert, CsrfField, ErrorSummary, TextInput } from '../../../web/components.tsx';
import type { ViewContext } from '../../../web/context.ts';
import { Layout } from '../../../web/layout.tsx';
import { localizedUrl } from '../../../web/paths.ts';
import { JourneyLinks } from '../../journey/views.tsx';
import { PasskeyAdd, PasskeyScript, PasskeySignIn } from '../passkeys/views.tsx';
import { IDENTITY_PATHS } from '../paths.ts';

/** A text, email or password field; a password is never sent back to the browser. */
export function Input(props: {
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password';
  hint?: string;
  error?: FieldError | undefined;
  value?: string;
  autocomplete?: string;
  inputMode?: 'numeric' | 'text';
}) {
  return (
    <TextInput
      name={props.name}
      label={props.label}
      type={props.type ?? 'text'}
      {...(props.hint ? { hint: props.hint } : {})}
      error={props.error}
      value={props.type === 'password' ? '' : (props.value ?? '')}
      {...(props.autocomplete ? { autocomplete: props.autocomplete } : {})}
      {...(props.inputMode ? { inputMode: props.inputMode } : {})}
    />
  );
}

function Page({ ctx, title, children }: { ctx: ViewContext; title: string; children: ComponentChildren }) {
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="kern-heading-large">{title}</h1>
      {children}
    </Layout>
  );
}

const href = (ctx: ViewContext, key: keyof typeof IDENTITY_PATHS) =>
  localizedUrl(IDENTITY_PATHS[key], ctx.locale);

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

export function SignOutForm({ ctx, everywhere }: { ctx: ViewContext; everywhere: boolean }) {
  return (
    <form method="post" action={href(ctx, 'signOut')}>
      <CsrfField ctx={ctx} />
      {everywhere ? <input type="hidden" name="scope" value="everywhere" /> : null}
      <button class="kern-btn kern-btn--secondary" type="submit">
        <span class="kern-label">
          {ctx.t.t(everywhere ? 'identity.sign-out.everywhere' : 'identity.sign-out.submit')}
        </span>
      </button>
    </form>
  );
}

export function SessionsPage(props: {
  ctx: ViewContext;
  sessions: { id: string; current: boolean; createdAt: Date; lastSeenAt: Date; userAgent: string | null }[];
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Page ctx={ctx} title={t.t('identity.sessions.title')}>
      <table class="kern-table">
        <caption class="kern-table__caption">{t.t('identity.sessions.caption')}</caption>
        <thead class="kern-table__head">
          <tr class="kern-table__row">
            <th class="kern-table__header" scope="col">
              {t.t('identity.sessions.started')}
            </th>
            <th class="kern-table__header" scope="col">
              {t.t('identity.sessions.last-seen')}
            </th>
            <th class="kern-table__header" scope="col">
              {t.t('identity.sessions.device')}
            </th>
            <th class="kern-table__header" scope="col">
              {t.t('identity.sessions.action')}
            </th>
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {props.sessions.map((s) => (
            <tr class="kern-table__row" key={s.id}>
              <td class="kern-table__cell">{t.date(s.createdAt, 'short')}</td>
              <td class="kern-table__cell">{t.date(s.lastSeenAt, 'short')}</td>
              <td class="kern-table__cell">{s.userAgent ?? '–'}</td>
              <td class="kern-table__cell">
                {s.current ? (
                  t.t('identity.sessions.current')
                ) : (
                  <form method="post" action={href(ctx, 'sessions')}>
                    <CsrfField ctx={ctx} />
                    <input type="hidden" name="id" value={s.id} />
                    <button class="kern-btn kern-btn--tertiary" type="submit">
                      <span class="kern-label">{t.t('identity.sessions.end')}</span>
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <SignOutForm ctx={ctx} everywhere={true} />
    </Page>
  );
}

export function AccessLogPage(props: {
  ctx: ViewContext;
  entries: {
    at: string;
    self: boolean;
    actorRole: string | null;
    organisation: string | null;
    action: string;
    object: string;
    purpose: string;
    result: string;
  }[];
}) {
  const { ctx } = props;
  const { t } = ctx;
  const who = (e: (typeof props.entries)[number]) =>
    e.self
      ? t.t('identity.access-log.you')
      : [
          e.actorRole ? t.t(`identity.role.${e.actorRole}`) : t.t('identity.access-log.unknown'),
          e.organisation,
        ]
          .filter(Boolean)
          .join(' – ');
  return (
    <Page ctx={ctx} title={t.t('identity.access-log.title')}>
      <p class="kern-body">{t.t('identity.access-log.lead')}</p>
      {props.entries.length === 0 ? (
        <p class="kern-body">{t.t('identity.access-log.empty')}</p>
      ) : (
        <table class="kern-table">
          <caption class="kern-table__caption">{t.t('identity.access-log.caption')}</caption>
          <thead class="kern-table__head">
            <tr class="kern-table__row">
              <th class="kern-table__header" scope="col">
                {t.t('identity.access-log.when')}
              </th>
              <th class="kern-table__header" scope="col">
                {t.t('identity.access-log.who')}
              </th>
              <th class="kern-table__header" scope="col">
                {t.t('identity.access-log.what')}
              </th>
              <th class="kern-table__header" scope="col">
                {t.t('identity.access-log.why')}
              </th>
              <th class="kern-table__header" scope="col">
                {t.t('identity.access-log.result')}
              </th>
            </tr>
          </thead>
          <tbody class="kern-table__body">
            {props.entries.map((e, i) => (
              <tr class="kern-table__row" key={`${e.at}-${i}`}>
                <td class="kern-table__cell">{t.date(e.at, 'short')}</td>
                <td class="kern-table__cell">{who(e)}</td>
                <td class="kern-table__cell">
                  {e.action} ({e.object})
                </td>
                <td class="kern-table__cell">{e.purpose}</td>
                <td class="kern-table__cell">{t.t(`identity.result.${e.result}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  );
}

export function DataPage({ ctx, json }: { ctx: ViewContext; json: string }) {
  const { t } = ctx;
  return (
    <Page ctx={ctx} title={t.t('identity.data.title')}>
      <p class="kern-body">{t.t('identity.data.lead')}</p>
      <p class="kern-body">
        <a class="kern-link" href="/api/v1/me/export" download="chancenregion-export.json">
          {t.t('identity.data.download')}
        </a>
      </p>
      <pre class="data-export">{json}</pre>
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
          <h2 class="kern-heading-small">{m.subject}</h2>
          <p class="kern-body kern-body--small">
            {t.t('identity.outbox.to', { to: m.toAddress })} – {t.date(m.createdAt, 'short')}
          </p>
          <pre>{m.text}</pre>
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
