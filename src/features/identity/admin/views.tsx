import type { Jurisdiction } from '../../../domain/access/jurisdiction.ts';
import { ROLE_ORGANISATION_KINDS, ROLES } from '../../../domain/access/roles.ts';
import type { FieldError } from '../../../platform/http/errors.ts';
import { Alert, CsrfField, ErrorSummary, Select } from '../../../web/components.tsx';
import type { ViewContext } from '../../../web/context.ts';
import { Layout } from '../../../web/layout.tsx';
import { localizedUrl } from '../../../web/paths.ts';
import { IDENTITY_PATHS } from '../paths.ts';
import { Input } from '../view-parts.tsx';
import { type JurisdictionChoices, jurisdictionLabel } from './organisations.ts';
import type { OrganisationOverview } from './service.ts';

export const href = (
  ctx: ViewContext,
  key: keyof typeof IDENTITY_PATHS,
  params: Record<string, string> = {},
) => localizedUrl(IDENTITY_PATHS[key], ctx.locale, params);

export const ADMIN_NOTICES = ['created', 'jurisdiction', 'sessions'] as const;

export type AdminNotice = (typeof ADMIN_NOTICES)[number];

/** Organisations with their jurisdictions and members: invite people, revoke roles; administrators also create organisations, edit jurisdictions and end sessions. */
export function OrganisationsPage(props: {
  ctx: ViewContext;
  organisations: OrganisationOverview[];
  choices: JurisdictionChoices;
  isAdmin: boolean;
  errors?: FieldError[];
  notice?: AdminNotice | undefined;
  endSessionsEmail?: string;
}) {
  const { ctx, choices, isAdmin } = props;
  const { t } = ctx;
  const errors = props.errors ?? [];
  const label = (j: Jurisdiction) => jurisdictionLabel(j, choices, t.t('identity.organisations.nationwide'));
  return (
    <Layout ctx={ctx} title={t.t('identity.organisations.title')}>
      <h1 class="kern-heading-large">{t.t('identity.organisations.title')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      {props.notice ? (
        <Alert kind="success" title={t.t(`identity.organisations.done.${props.notice}`)} />
      ) : null}
      {isAdmin ? (
        <p class="kern-body">
          <a class="kern-link" href={href(ctx, 'organisationsNew')}>
            {t.t('identity.organisations.new')}
          </a>
        </p>
      ) : null}
      {props.organisations.map((o) => {
        const roles = ROLES.filter((r) => (ROLE_ORGANISATION_KINDS[r] as readonly string[]).includes(o.kind));
        return (
          <section key={o.id} class="organisation" aria-labelledby={`org-${o.id}`}>
            <h2 class="kern-heading-medium" id={`org-${o.id}`}>
              {o.name}
            </h2>
            <p class="kern-body kern-body--small">
              {t.t(`identity.kind.${o.kind}`)}
              {` – ${t.t('identity.organisations.jurisdiction')}: ${
                o.scopes.length > 0
                  ? o.scopes.map(label).join(', ')
                  : t.t('identity.organisations.no-jurisdiction')
              }`}
            </p>
            {isAdmin ? (
              <p class="kern-body">
                <a class="kern-link" href={href(ctx, 'organisationJurisdiction', { id: o.id })}>
                  {t.t('identity.organisations.edit-jurisdiction', { name: o.name })}
                </a>
              </p>
            ) : null}
            <p class="kern-body">
              <a class="kern-link" href={href(ctx, 'apiTokens', { id: o.id })}>
                {t.t('identity.organisations.api-tokens', { name: o.name })}
              </a>
            </p>
            <p class="kern-body">
              <a class="kern-link" href={href(ctx, 'webhooks', { id: o.id })}>
                {t.t('identity.organisations.webhooks', { name: o.name })}
              </a>
            </p>
            <table class="kern-table">
              <caption class="kern-table__caption">
                {t.t('identity.organisations.members', { name: o.name })}
              </caption>
              <thead class="kern-table__head">
                <tr class="kern-table__row">
                  <th class="kern-table__header" scope="col">
                    {t.t('identity.field.name')}
                  </th>
                  <th class="kern-table__header" scope="col">
                    {t.t('identity.field.email')}
                  </th>
                  <th class="kern-table__header" scope="col">
                    {t.t('identity.organisations.role')}
                  </th>
                  <th class="kern-table__header" scope="col">
                    {t.t('identity.sessions.action')}
                  </th>
                </tr>
              </thead>
              <tbody class="kern-table__body">
                {o.members.map((m) => (
                  <tr class="kern-table__row" key={`${m.personId}-${m.role}`}>
                    <td class="kern-table__cell">{m.displayName}</td>
                    <td class="kern-table__cell">{m.email}</td>
                    <td class="kern-table__cell">{t.t(`identity.role.${m.role}`)}</td>
                    <td class="kern-table__cell">
                      <form method="post" action={href(ctx, 'organisationsRevoke')}>
                        <CsrfField ctx={ctx} />
                        <input type="hidden" name="organisationId" value={o.id} />
                        <input type="hidden" name="personId" value={m.personId} />
                        <input type="hidden" name="role" value={m.role} />
                        <button class="kern-btn kern-btn--tertiary" type="submit">
                          <span class="kern-label">
                            {t.t('identity.organisations.revoke', { name: m.displayName })}
                          </span>
                        </button>
                      </form>
                      {isAdmin ? (
                        <form method="post" action={href(ctx, 'endSessions')}>
                          <CsrfField ctx={ctx} />
                          <input type="hidden" name="personId" value={m.personId} />
                          <button class="kern-btn kern-btn--tertiary" type="submit">
                            <span class="kern-label">
                              {t.t('identity.organisations.end-sessions', { name: m.displayName })}
                            </span>
                          </button>
                        </form>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <form method="post" action={href(ctx, 'organisationsInvite')} novalidate>
              <CsrfField ctx={ctx} />
              <input type="hidden" name="organisationId" value={o.id} />
              <Input
                name={`email-${o.id}`}
                type="email"
                label={t.t('identity.organisations.invite-email')}
                autocomplete="off"
                error={errors.find((e) => e.field === `email-${o.id}`)}
              />
              <Select
                name={`role-${o.id}`}
                label={t.t('identity.organisations.role')}
                options={roles.map((r) => ({ value: r, label: t.t(`identity.role.${r}`) }))}
                error={errors.find((e) => e.field === `role-${o.id}`)}
              />
              <button class="kern-btn kern-btn--primary" type="submit">
                <span class="kern-label">{t.t('identity.organisations.invite', { name: o.name })}</span>
              </button>
            </form>
          </section>
        );
      })}
      {isAdmin ? (
        <section aria-labelledby="end-sessions">
          <h2 class="kern-heading-medium" id="end-sessions">
            {t.t('identity.organisations.end-sessions-title')}
          </h2>
          <p class="kern-body">{t.t('identity.organisations.end-sessions-lead')}</p>
          <form method="post" action={href(ctx, 'endSessions')} novalidate>
            <CsrfField ctx={ctx} />
            <Input
              name="email"
              type="email"
              label={t.t('identity.organisations.end-sessions-email')}
              autocomplete="off"
              value={props.endSessionsEmail ?? ''}
              error={errors.find((e) => e.field === 'email')}
            />
            <button class="kern-btn kern-btn--secondary" type="submit">
              <span class="kern-label">{t.t('identity.organisations.end-sessions-submit')}</span>
            </button>
          </form>
        </section>
      ) : null}
    </Layout>
  );
}
