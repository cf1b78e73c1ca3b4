/**
 * Names instead of codes: states, countries (Intl.DisplayNames in the page's language), occupations (the registry's
 * titles), and the facts of one activity as a description list.
 */
import { DescriptionList } from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
import { countryName } from '../../web/countries.ts';
import { localizedUrl } from '../../web/paths.ts';
import { STATES } from '../regions/index.ts';
import { ACTIVITY_PATHS } from './paths.ts';
import type { ActivityRow } from './service.ts';

/** An occupation's titles by registry id (from the registry snapshot). */
export type OccupationNames = ReadonlyMap<string, { readonly titleDe: string; readonly titleEn: string }>;

export function stateName(ctx: ViewContext, code: string): string {
  const s = STATES.find((x) => x.code === code);
  return s ? (ctx.locale === 'de' ? s.nameDe : s.nameEn) : '';
}

export const countryList = (ctx: ViewContext, codes: readonly string[]): string =>
  ctx.t.list(codes.map((c) => countryName(c, ctx.locale)).sort((a, b) => a.localeCompare(b, ctx.locale)));

export function occupationName(ctx: ViewContext, names: OccupationNames, id: string): string {
  const o = names.get(id);
  return o ? (ctx.locale === 'de' ? o.titleDe : o.titleEn) : ctx.t.t('activities.none');
}

export const occupationList = (ctx: ViewContext, names: OccupationNames, ids: readonly string[]): string =>
  ids.length === 0
    ? ctx.t.t('activities.all-occupations')
    : ctx.t.list(
        ids.map((id) => occupationName(ctx, names, id)).sort((a, b) => a.localeCompare(b, ctx.locale)),
      );

export const periodText = (ctx: ViewContext, start: string, end: string): string =>
  ctx.t.t('activities.period', { start: ctx.t.date(start), end: ctx.t.date(end) });

export const activityUrl = (ctx: ViewContext, id: string) =>
  localizedUrl(ACTIVITY_PATHS.activity, ctx.locale, { id });

/** The facts of an activity; the contact only where `withContact` (never on the public page). */
export function ActivityFacts(props: {
  ctx: ViewContext;
  a: ActivityRow;
  occupations: OccupationNames;
  withContact: boolean;
}) {
  const { ctx, a } = props;
  const { t } = ctx;
  const rows: [string, string][] = [
    [t.t('activities.field.state'), stateName(ctx, a.stateCode)],
    [t.t('activities.field.kind'), t.t(`activities.kind.${a.kind}`)],
    [t.t('activities.field.period'), periodText(ctx, a.periodStart, a.periodEnd)],
    [t.t('activities.field.status'), t.t(`activities.status.${a.status}`)],
    [t.t('activities.field.countries'), countryList(ctx, a.countries)],
    [t.t('activities.field.occupations'), occupationList(ctx, props.occupations, a.occupations)],
  ];
  if (a.description) rows.push([t.t('activities.field.description'), a.description]);
  rows.push([
    t.t('activities.field.budget'),
    a.budgetCents === null
      ? t.t('activities.none')
      : t.number(a.budgetCents / 100, { style: 'currency', currency: 'EUR' }),
  ]);
  rows.push([t.t('activities.field.fundingSource'), a.fundingSource || t.t('activities.none')]);
  if (a.outcomes) rows.push([t.t('activities.field.outcomes'), a.outcomes]);
  if (props.withContact) {
    const contact = [a.contactName, a.contactEmail, a.contactPhone].filter(Boolean).join(', ');
    rows.push([t.t('activities.field.contact'), contact]);
    rows.push([
      t.t('activities.field.visibility'),
      t.t(a.isPublic ? 'activities.public-yes' : 'activities.public-no'),
    ]);
  }
  return <DescriptionList rows={rows} />;
}
