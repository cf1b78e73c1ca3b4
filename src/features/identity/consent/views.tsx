import type { FieldError } from '../../../platform/http/errors.ts';
import { CsrfField, ErrorSummary, Select } from '../../../web/components.tsx';
import type { ViewContext } from '../../../web/context.ts';
import { Layout } from '../../../web/layout.tsx';
import { href, Page } from '../view-parts.tsx';
import { accessKind, accessObject, accessPurpose } from './plain-access.ts';

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
        <table class="kern-table pathways-reflow">
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
                <td class="kern-table__cell" data-label={t.t('identity.access-log.when')}>
                  {t.date(e.at, 'short')}
                </td>
                <td class="kern-table__cell" data-label={t.t('identity.access-log.who')}>
                  {who(e)}
                </td>
                <td class="kern-table__cell" data-label={t.t('identity.access-log.what')}>
                  {t.t(`identity.access-log.kind.${accessKind(e.action)}`, {
                    object: t.t(`identity.access-log.object.${accessObject(e.object)}`),
                  })}
                </td>
                <td class="kern-table__cell" data-label={t.t('identity.access-log.why')}>
                  {t.t(`identity.access-log.purpose.${accessPurpose(e.purpose)}`)}
                </td>
                <td class="kern-table__cell" data-label={t.t('identity.access-log.result')}>
                  {t.t(`identity.result.${e.result}`)}
                </td>
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
