import type { FieldError } from '../../platform/http/errors.ts';
import { ErrorSummary, Select, TextInput } from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
import { Layout } from '../../web/layout.tsx';
import { localizedUrl } from '../../web/paths.ts';
import type { DistrictRow, StateRow } from '../regions/index.ts';
import {
  countryName,
  measuredWhen,
  missionArea,
  missionCity,
  missionName,
  waitingTimeKind,
} from './mission-words.ts';
import type { MissionAnswer } from './missions.ts';
import type { OfficeMatch } from './offices.ts';
import { REGISTRY_PATHS } from './paths.ts';
import type { WaitingTimeRow } from './queries.ts';
import { placeOptions } from './views-finder.tsx';
import { ProvenanceLine } from './views-shared.tsx';

export function OfficesPage(props: {
  ctx: ViewContext;
  states: StateRow[];
  districts: DistrictRow[];
  form: { district: string; place: string };
  errors: FieldError[];
  matches?: OfficeMatch[] | undefined;
}) {
  const { ctx, form, errors } = props;
  const { t } = ctx;
  const options = placeOptions(ctx, props.states, props.districts);
  const errorOf = (name: string) => errors.find((e) => e.field === name);
  return (
    <Layout ctx={ctx} title={t.t('registry.offices.title')}>
      <h1 class="kern-heading-large">{t.t('registry.offices.title')}</h1>
      <p class="kern-body kern-body--large">{t.t('registry.offices.lead')}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="get" action={localizedUrl(REGISTRY_PATHS.offices, ctx.locale)} class="registry-form">
        <Select
          name="district"
          label={t.t('registry.form.district')}
          value={form.district}
          options={options.districts}
          error={errorOf('district')}
        />
        <TextInput
          name="place"
          label={`${t.t('registry.offices.place.label')} ${t.t('form.optional')}`}
          hint={t.t('registry.offices.place.hint')}
          value={form.place}
          maxLength={100}
          error={errorOf('place')}
        />
        <button type="submit" class="kern-btn kern-btn--primary">
          <span class="kern-label">{t.t('registry.offices.submit')}</span>
        </button>
      </form>
      {props.matches ? (
        <section aria-labelledby="registry-offices">
          <h2 class="kern-heading-medium" id="registry-offices">
            {t.t('registry.offices.results', { count: props.matches.length })}
          </h2>
          <ul class="registry-cards">
            {props.matches.map((m) => (
              <li key={m.district.ags} class="kern-card registry-card">
                <div class="kern-card__container">
                  <div class="kern-card__body">
                    <h3 class="kern-title">{m.district.name}</h3>
                    <p class="kern-body">
                      {t.t('registry.offices.local')}: {m.localOffice.name}
                    </p>
                    <ProvenanceLine ctx={ctx} row={m.localOffice} />
                    <p class="kern-body">
                      {t.t('registry.offices.central')}:{' '}
                      {m.centralOffice ? m.centralOffice.name : t.t('regions.central.none')}
                    </p>
                    {m.centralOffice ? <ProvenanceLine ctx={ctx} row={m.centralOffice} /> : null}
                  </div>
                </div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Layout>
  );
}

export function MissionsPage(props: {
  ctx: ViewContext;
  countries: string[];
  country: string;
  errors: FieldError[];
  answer?: MissionAnswer | undefined;
}) {
  const { ctx, errors, answer } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.t('registry.missions.title')}>
      <h1 class="kern-heading-large">{t.t('registry.missions.title')}</h1>
      <p class="kern-body kern-body--large">{t.t('registry.missions.lead')}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="get" action={localizedUrl(REGISTRY_PATHS.missions, ctx.locale)} class="registry-form">
        <Select
          name="country"
          label={t.t('registry.missions.country')}
          value={props.country}
          error={errors.find((e) => e.field === 'country')}
          options={[
            { value: '', label: t.t('registry.missions.choose') },
            ...props.countries
              .map((c) => ({ value: c, label: countryName(c, ctx.locale) }))
              .sort((a, b) => a.label.localeCompare(b.label, ctx.locale)),
          ]}
        />
        <button type="submit" class="kern-btn kern-btn--primary">
          <span class="kern-label">{t.t('registry.missions.submit')}</span>
        </button>
      </form>
      {answer ? (
        <section aria-labelledby="registry-missions">
          <h2 class="kern-heading-medium" id="registry-missions">
            {t.t('registry.missions.results', { country: countryName(answer.country, ctx.locale) })}
          </h2>
          <div class="kern-table-responsive">
            <table class="kern-table kern-table--striped">
              <caption class="kern-title">
                {t.t('registry.missions.caption', { country: countryName(answer.country, ctx.locale) })}
              </caption>
              <thead class="kern-table__head">
                <tr class="kern-table__row">
                  <th scope="col" class="kern-table__header">
                    {t.t('registry.missions.mission')}
                  </th>
                  <th scope="col" class="kern-table__header">
                    {t.t('registry.missions.region')}
                  </th>
                  <th scope="col" class="kern-table__header">
                    {t.t('registry.missions.visa')}
                  </th>
                  <th scope="col" class="kern-table__header">
                    {t.t('registry.missions.waiting')}
                  </th>
                </tr>
              </thead>
              <tbody class="kern-table__body">
                {answer.missions.map((m) => (
                  <tr key={m.id} class="kern-table__row">
                    <th scope="row" class="kern-table__cell">
                      {missionName(m.name, ctx.locale)}
                      <ProvenanceLine ctx={ctx} row={m} />
                    </th>
                    <td class="kern-table__cell">
                      {m.region ? missionArea(m.region) : missionCity(m.city, ctx.locale)}
                    </td>
                    <td class="kern-table__cell">
                      {m.visaSection ? t.t('registry.missions.visa.yes') : t.t('registry.missions.visa.no')}
                    </td>
                    <td class="kern-table__cell">
                      {m.waitingTimes.length === 0
                        ? t.t('registry.missions.waiting.unknown')
                        : m.waitingTimes.map((w) => (
                            <p key={w.id} class="kern-body kern-body--small">
                              {waitingLine(ctx, w)}
                            </p>
                          ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {answer.acceleratedProcedure ? (
            <p class="kern-body">
              {t.t('registry.missions.accelerated', { weeks: answer.acceleratedProcedure.weeks ?? 3 })}
            </p>
          ) : null}
        </section>
      ) : null}
    </Layout>
  );
}

/** One reported waiting time in words: what was measured, for whom, how long, and when. */
function waitingLine(ctx: ViewContext, w: WaitingTimeRow): string {
  const { t } = ctx;
  const what = waitingTimeKind(w.category);
  const when = measuredWhen(w.measuredAt);
  const parts = [
    t.t(`registry.missions.waiting.${what.kind}`) +
      (what.purpose === 'any' ? '' : ` ${t.t(`registry.missions.waiting.for-${what.purpose}`)}`),
    ': ',
    w.weeks === null
      ? t.t('registry.missions.waiting.no-figure')
      : t.t('registry.missions.waiting.weeks', { weeks: w.weeks }),
    what.estimate ? ` (${t.t('registry.missions.waiting.estimate')})` : '',
  ];
  if (when) {
    const formatted =
      'day' in when
        ? t.date(when.day)
        : 'month' in when
          ? new Intl.DateTimeFormat(ctx.locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
              new Date(`${when.month}T00:00:00Z`),
            )
          : String(when.year);
    parts.push(`, ${t.t('registry.missions.waiting.as-of', { when: formatted })}`);
  }
  return parts.join('');
}
