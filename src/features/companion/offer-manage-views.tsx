/** The offers an administrator or a state officer keeps, and the history of one offer (who changed what, when, why). */

import { type OfferValueField, type OfferValues, topicsOf } from '../../domain/companion/offer-edit.ts';
import type { ViewContext } from '../../web/context.ts';
import { Page } from '../../web/layout.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { stateNameIn } from '../regions/index.ts';
import type { DistrictChoice } from './offer-form-views.tsx';
import type { OfferVersion } from './offer-store.ts';
import { COMPANION_PATHS } from './paths.ts';
import type { OfferRow } from './service.ts';

const nameOf = (ctx: ViewContext, o: { nameDe: string; nameEn: string }) =>
  ctx.locale === 'de' ? o.nameDe : o.nameEn;

function where(ctx: ViewContext, stateCode: string | null): string {
  return stateCode === null ? ctx.t.t('companion.offer.nationwide') : stateNameIn(ctx.locale, stateCode);
}

export function ManageListPage({ ctx, offers }: { ctx: ViewContext; offers: readonly OfferRow[] }) {
  const { t } = ctx;
  const link = (key: 'manageOffer' | 'history', o: OfferRow) =>
    localizedUrl(COMPANION_PATHS[key], ctx.locale, { id: o.id });
  return (
    <Page ctx={ctx} title={t.t('companion.manage.title')}>
      <p class="kern-body">{t.t('companion.manage.lead')}</p>
      <p class="kern-body">
        <a class="kern-link" href={localizedUrl(COMPANION_PATHS.manageNew, ctx.locale)}>
          {t.t('companion.manage.new')}
        </a>
      </p>
      <table class="kern-table pathways-reflow">
        <caption class="kern-title">{t.t('companion.manage.caption', { count: offers.length })}</caption>
        <thead class="kern-table__head">
          <tr class="kern-table__row">
            <th class="kern-table__header" scope="col">
              {t.t('companion.manage.col.name')}
            </th>
            <th class="kern-table__header" scope="col">
              {t.t('companion.offer.where')}
            </th>
            <th class="kern-table__header" scope="col">
              {t.t('companion.manage.col.status')}
            </th>
            <th class="kern-table__header" scope="col">
              {t.t('companion.manage.col.actions')}
            </th>
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {offers.map((o) => (
            <tr key={o.id} class="kern-table__row">
              <td class="kern-table__cell" data-label={t.t('companion.manage.col.name')}>
                {nameOf(ctx, o)}
              </td>
              <td class="kern-table__cell" data-label={t.t('companion.offer.where')}>
                {where(ctx, o.stateCode)}
              </td>
              <td class="kern-table__cell" data-label={t.t('companion.manage.col.status')}>
                {o.retiredAt
                  ? t.t('companion.manage.retired', { date: t.date(o.retiredAt) })
                  : t.t('companion.manage.current', { version: o.version })}
              </td>
              <td class="kern-table__cell" data-label={t.t('companion.manage.col.actions')}>
                {o.retiredAt ? null : (
                  <>
                    <a class="kern-link" href={link('manageOffer', o)}>
                      {t.t('companion.manage.edit')}
                      <span class="kern-sr-only">: {nameOf(ctx, o)}</span>
                    </a>
                    <br />
                  </>
                )}
                <a class="kern-link" href={link('history', o)}>
                  {t.t('companion.manage.history')}
                  <span class="kern-sr-only">: {nameOf(ctx, o)}</span>
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Page>
  );
}

/** A maintained value in words. */
function valueText(
  ctx: ViewContext,
  field: OfferValueField,
  v: Partial<OfferValues>,
  districts: readonly DistrictChoice[],
): string {
  const { t } = ctx;
  const none = t.t('companion.manage.none');
  switch (field) {
    case 'levels':
      return t.list((v.levels ?? []).map((l) => t.t(`companion.level.${l}`)));
    case 'stateCode':
      return where(ctx, v.stateCode ?? null);
    case 'districtAgs':
      return districts.find((d) => d.ags === v.districtAgs)?.name ?? none;
    case 'conditions':
      return t.list(topicsOf(v.conditions ?? []).map((x) => t.t(`companion.topic.${x}`)));
    case 'sourceUrls':
      return (v.sourceUrls ?? []).join(', ') || none;
    default: {
      const s = v[field];
      return typeof s === 'string' && s !== '' ? s : none;
    }
  }
}

export function HistoryPage(props: {
  ctx: ViewContext;
  offer: OfferRow;
  versions: readonly OfferVersion[];
  districts: readonly DistrictChoice[];
}) {
  const { ctx, versions } = props;
  const { t } = ctx;
  return (
    <Page ctx={ctx} title={t.t('companion.manage.history-title', { name: nameOf(ctx, props.offer) })}>
      <p class="kern-body">{t.t('companion.manage.history-lead')}</p>
      <ol class="kern-list companion-history" reversed>
        {versions.map((v, i) => {
          const before = (versions[i + 1]?.values ?? {}) as Partial<OfferValues>;
          const after = v.values as Partial<OfferValues>;
          const who = v.editorName
            ? t.t('companion.manage.by', { name: v.editorName, office: v.organisationName ?? '' })
            : t.t('companion.manage.by-seed');
          return (
            <li key={v.version} class="companion-history-version">
              <h2 class="kern-heading-small">
                {t.t(`companion.manage.kind.${v.kind}`, { version: v.version, date: t.date(v.editedAt) })}
              </h2>
              <p class="kern-body">{who}</p>
              {v.reason ? <p class="kern-body">{t.t('companion.manage.why', { reason: v.reason })}</p> : null}
              {v.kind === 'changed' ? (
                <ul class="kern-list">
                  {v.changed.map((f) => {
                    const field = f as OfferValueField;
                    return (
                      <li key={f}>
                        {t.t('companion.manage.change', {
                          field: t.t(`companion.manage.field.${field === 'conditions' ? 'topics' : field}`),
                          before: valueText(ctx, field, before, props.districts),
                          after: valueText(ctx, field, after, props.districts),
                        })}
                      </li>
                    );
                  })}
                </ul>
              ) : null}
            </li>
          );
        })}
      </ol>
      <p class="kern-body">
        <a class="kern-link" href={localizedUrl(COMPANION_PATHS.manage, ctx.locale)}>
          {t.t('companion.manage.back')}
        </a>
      </p>
    </Page>
  );
}
