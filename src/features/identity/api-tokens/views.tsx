import type { ApiScope } from '../../../domain/access/api-tokens.ts';
import type { FieldError } from '../../../platform/http/errors.ts';
import {
  Alert,
  CsrfField,
  DescriptionList,
  ErrorSummary,
  fieldId,
  TextInput,
} from '../../../web/components.tsx';
import type { ViewContext } from '../../../web/context.ts';
import { Page } from '../../../web/layout.tsx';
import { Checkbox, ChoiceFieldset } from '../admin/organisation-form.tsx';
import { href } from '../admin/views.tsx';
import type { ApiTokenRow } from './service.ts';

interface Org {
  readonly id: string;
  readonly name: string;
}

const scopeWords = (ctx: ViewContext, scopes: readonly string[]) =>
  ctx.t.list(scopes.map((s) => ctx.t.t(`identity.api-tokens.scope.${s}`)));

function Facts({ ctx, token }: { ctx: ViewContext; token: ApiTokenRow }) {
  const { t } = ctx;
  const rows: [string, string][] = [
    [t.t('identity.api-tokens.field.prefix'), `${token.displayPrefix}…`],
    [t.t('identity.api-tokens.field.scopes'), scopeWords(ctx, token.scopes.split(' '))],
    [t.t('identity.api-tokens.field.created'), t.date(token.createdAt)],
    [t.t('identity.api-tokens.field.expires'), t.date(token.expiresAt)],
    [
      t.t('identity.api-tokens.field.last-used'),
      token.lastUsedAt ? t.date(token.lastUsedAt, 'short') : t.t('identity.api-tokens.never'),
    ],
  ];
  if (token.revokedAt) rows.push([t.t('identity.api-tokens.field.revoked'), t.date(token.revokedAt)]);
  return <DescriptionList rows={rows} />;
}

/** The organisation's tokens: what each may do, until when, when last used; revoke; create a new one. */
export function TokenListPage(props: {
  ctx: ViewContext;
  organisation: Org;
  tokens: readonly ApiTokenRow[];
  now: Date;
  notice?: 'revoked' | undefined;
}) {
  const { ctx, organisation: o } = props;
  const { t } = ctx;
  return (
    <Page ctx={ctx} title={t.t('identity.api-tokens.title', { name: o.name })}>
      {props.notice ? <Alert kind="success" title={t.t('identity.api-tokens.done.revoked')} /> : null}
      <p class="kern-body">{t.t('identity.api-tokens.lead')}</p>
      <p class="kern-body">
        <a class="kern-link" href={href(ctx, 'apiTokensNew', { id: o.id })}>
          {t.t('identity.api-tokens.new')}
        </a>
      </p>
      {props.tokens.length === 0 ? <p class="kern-body">{t.t('identity.api-tokens.none')}</p> : null}
      {props.tokens.map((token) => {
        const active = !token.revokedAt && token.expiresAt.getTime() > props.now.getTime();
        const state = token.revokedAt ? 'revoked' : active ? 'active' : 'expired';
        return (
          <section key={token.id} aria-labelledby={`token-${token.id}`}>
            <h2 class="kern-heading-small" id={`token-${token.id}`}>
              {token.name}
              {` (${t.t(`identity.api-tokens.state.${state}`)})`}
            </h2>
            <Facts ctx={ctx} token={token} />
            {active ? (
              <p class="kern-body">
                <a class="kern-link" href={href(ctx, 'apiTokenRevoke', { id: o.id, tokenId: token.id })}>
                  {t.t('identity.api-tokens.revoke', { name: token.name })}
                </a>
              </p>
            ) : null}
          </section>
        );
      })}
      <p class="kern-body">
        <a class="kern-link" href={href(ctx, 'organisations')}>
          {t.t('identity.api-tokens.back')}
        </a>
      </p>
    </Page>
  );
}

export interface TokenFormValues {
  readonly name: string;
  readonly scopes: readonly string[];
  readonly expires: string;
}

/** Name, scopes (only those the organisation's kind allows) and the expiry day of a new token. */
export function TokenFormPage(props: {
  ctx: ViewContext;
  organisation: Org;
  allowed: readonly ApiScope[];
  values: TokenFormValues;
  maxDay: string;
  errors?: readonly FieldError[];
}) {
  const { ctx, organisation: o, values } = props;
  const { t } = ctx;
  const errors = props.errors ?? [];
  const scopeId = fieldId('scopes');
  return (
    <Page ctx={ctx} title={t.t('identity.api-tokens.new-title', { name: o.name })}>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={href(ctx, 'apiTokensNew', { id: o.id })} novalidate>
        <CsrfField ctx={ctx} />
        <TextInput
          name="name"
          label={t.t('identity.api-tokens.field.name')}
          hint={t.t('identity.api-tokens.name-hint')}
          maxLength={100}
          value={values.name}
          error={errors.find((e) => e.field === 'name')}
        />
        <ChoiceFieldset
          id={scopeId}
          legend={t.t('identity.api-tokens.field.scopes')}
          hint={t.t('identity.api-tokens.scopes-hint')}
          error={errors.find((e) => e.field === 'scopes')}
        >
          {props.allowed.map((s, i) => (
            <Checkbox
              key={s}
              id={i === 0 ? scopeId : `${scopeId}-${i}`}
              name="scopes"
              value={s}
              label={t.t(`identity.api-tokens.scope.${s}`)}
              checked={values.scopes.includes(s)}
            />
          ))}
        </ChoiceFieldset>
        <TextInput
          name="expires"
          type="date"
          label={t.t('identity.api-tokens.field.expires')}
          hint={t.t('identity.api-tokens.expires-hint', { date: t.date(props.maxDay) })}
          value={values.expires}
          error={errors.find((e) => e.field === 'expires')}
          width={16}
        />
        <button class="kern-btn kern-btn--primary" type="submit">
          <span class="kern-label">{t.t('identity.api-tokens.create')}</span>
        </button>
      </form>
      <p class="kern-body">
        <a class="kern-link" href={href(ctx, 'apiTokens', { id: o.id })}>
          {t.t('identity.api-tokens.cancel')}
        </a>
      </p>
    </Page>
  );
}

/** The token, shown this one time, with how to use it. */
export function TokenCreatedPage(props: {
  ctx: ViewContext;
  organisation: Org;
  token: ApiTokenRow;
  secret: string;
}) {
  const { ctx, organisation: o } = props;
  const { t } = ctx;
  return (
    <Page ctx={ctx} title={t.t('identity.api-tokens.created-title')}>
      <Alert kind="warning" title={t.t('identity.api-tokens.once')} />
      <p class="kern-body">{t.t('identity.api-tokens.copy-hint')}</p>
      <p class="kern-body">
        <code class="api-token">{props.secret}</code>
      </p>
      <p class="kern-body">{t.t('identity.api-tokens.usage')}</p>
      <Facts ctx={ctx} token={props.token} />
      <p class="kern-body">
        <a class="kern-link" href={href(ctx, 'apiTokens', { id: o.id })}>
          {t.t('identity.api-tokens.to-list')}
        </a>
      </p>
    </Page>
  );
}

/** Asks before a token is revoked (the partner system loses access at once). */
export function RevokePage(props: { ctx: ViewContext; organisation: Org; token: ApiTokenRow }) {
  const { ctx, organisation: o, token } = props;
  const { t } = ctx;
  return (
    <Page ctx={ctx} title={t.t('identity.api-tokens.revoke-title', { name: token.name })}>
      <p class="kern-body">{t.t('identity.api-tokens.revoke-lead')}</p>
      <Facts ctx={ctx} token={token} />
      <form method="post" action={href(ctx, 'apiTokenRevoke', { id: o.id, tokenId: token.id })}>
        <CsrfField ctx={ctx} />
        <button class="kern-btn kern-btn--primary" type="submit">
          <span class="kern-label">{t.t('identity.api-tokens.revoke-confirm')}</span>
        </button>
      </form>
      <p class="kern-body">
        <a class="kern-link" href={href(ctx, 'apiTokens', { id: o.id })}>
          {t.t('identity.api-tokens.cancel')}
        </a>
      </p>
    </Page>
  );
}
