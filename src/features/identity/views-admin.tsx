import { ROLE_ORGANISATION_KINDS, ROLES } from '../../domain/access/roles.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import { CsrfField, ErrorSummary, Select } from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
import { Layout } from '../../web/layout.tsx';
import { localizedUrl } from '../../web/paths.ts';
import type { OrganisationOverview } from './admin.ts';
import { IDENTITY_PATHS } from './paths.ts';
import { Input } from './views.tsx';

const href = (ctx: ViewContext, key: keyof typeof IDENTITY_PATHS) =>
  localizedUrl(IDENTITY_PATHS[key], ctx.locale);

/** Organisations with their jurisdictions and members: invite people, revoke roles. */
export function OrganisationsPage(props: {
  ctx: ViewContext;
  organisations: OrganisationOverview[];
  errors?: FieldError[];
  invited?: boolean;
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.t('identity.organisations.title')}>
      <h1 class="kern-heading-large">{t.t('identity.organisations.title')}</h1>
      <ErrorSummary ctx={ctx} errors={props.errors ?? []} />
      {props.organisations.map((o) => {
        const roles = ROLES.filter((r) => (ROLE_ORGANISATION_KINDS[r] as readonly string[]).includes(o.kind));
        return (
          <section key={o.id} class="organisation" aria-labelledby={`org-${o.id}`}>
            <h2 class="kern-heading-medium" id={`org-${o.id}`}>
              {o.name}
            </h2>
            <p class="kern-body kern-body--small">
              {t.t(`identity.kind.${o.kind}`)}
              {o.jurisdictions.length > 0
                ? ` – ${t.t('identity.organisations.jurisdiction')}: ${o.jurisdictions.join(', ')}`
                : ''}
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
              />
              <Select
                name={`role-${o.id}`}
                label={t.t('identity.organisations.role')}
                options={roles.map((r) => ({ value: r, label: t.t(`identity.role.${r}`) }))}
              />
              <button class="kern-btn kern-btn--primary" type="submit">
                <span class="kern-label">{t.t('identity.organisations.invite', { name: o.name })}</span>
              </button>
            </form>
          </section>
        );
      })}
    </Layout>
  );
}
