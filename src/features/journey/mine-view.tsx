/** "Mein Weg" / "My journey": the applicant's journeys, their notices and the form that opens a journey. */
import { PATHWAY_IDS, QUALIFICATION_KINDS } from '../../domain/law/index.ts';
import { SIX_STATES } from '../../domain/recognition/portability.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import { CsrfField, ErrorSummary, RadioGroup, Select, TextInput } from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
import { href } from './paths.tsx';
import type { JourneySummary } from './queries.ts';
import { type NoticeRow, Notices, Page, pathwayTitle } from './view-parts.tsx';

export interface OpenForm {
  pathway?: string;
  kind?: string;
  regulation?: string;
  location?: string;
  occupation?: string;
  stateCode?: string;
  districtAgs?: string;
  countryCode?: string;
}

export function MinePage(props: {
  ctx: ViewContext;
  journeys: readonly JourneySummary[];
  notices: readonly NoticeRow[];
  form?: OpenForm;
  errors?: readonly FieldError[];
}) {
  const { ctx } = props;
  const { t } = ctx;
  const f = props.form ?? {};
  const err = (field: string) => props.errors?.find((e) => e.field === field);
  return (
    <Page ctx={ctx} title={t.t('journeys.mine.title')}>
      <p class="kern-body">{t.t('journeys.mine.intro')}</p>
      <ErrorSummary ctx={ctx} errors={props.errors ?? []} />
      <Notices ctx={ctx} title={t.t('journeys.mine.notices')} rows={props.notices} />
      <h2 class="kern-heading-medium">{t.t('journeys.mine.list')}</h2>
      {props.journeys.length === 0 ? (
        <p class="kern-body">{t.t('journeys.mine.none')}</p>
      ) : (
        <ul class="kern-list">
          {props.journeys.map((j) => (
            <li key={j.id}>
              <a class="kern-link" href={href(ctx, 'journey', { id: j.id })}>
                {pathwayTitle(ctx, j.pathway)}
              </a>{' '}
              – {t.t(`journeys.journey.status.${j.status}`)}
            </li>
          ))}
        </ul>
      )}
      <h2 class="kern-heading-medium" id="start">
        {t.t('journeys.mine.start')}
      </h2>
      <p class="kern-body">{t.t('journeys.mine.start-hint')}</p>
      <form method="post" action={href(ctx, 'mine')} novalidate>
        <CsrfField ctx={ctx} />
        <Select
          name="pathway"
          label={t.t('journeys.field.pathway')}
          value={f.pathway ?? ''}
          error={err('body.facts.pathway')}
          options={PATHWAY_IDS.map((p) => ({ value: p, label: pathwayTitle(ctx, p) }))}
        />
        <RadioGroup
          name="kind"
          label={t.t('journeys.field.qualification-kind')}
          value={f.kind ?? ''}
          error={err('body.facts.qualification.kind')}
          options={QUALIFICATION_KINDS.map((k) => ({ value: k, label: t.t(`journeys.kind.${k}`) }))}
        />
        <RadioGroup
          name="regulation"
          label={t.t('journeys.field.regulation')}
          value={f.regulation ?? ''}
          error={err('body.facts.qualification.regulation')}
          options={(['not-regulated', 'federal', 'state'] as const).map((r) => ({
            value: r,
            label: t.t(`journeys.regulation.${r}`),
          }))}
        />
        <RadioGroup
          name="location"
          label={t.t('journeys.field.location')}
          value={f.location ?? ''}
          error={err('body.facts.location')}
          options={(['abroad', 'germany'] as const).map((l) => ({
            value: l,
            label: t.t(`journeys.location.${l}`),
          }))}
        />
        <TextInput
          name="occupation"
          label={t.t('journeys.field.occupation')}
          value={f.occupation ?? ''}
          maxLength={200}
          error={err('body.occupation')}
        />
        <Select
          name="stateCode"
          label={t.t('journeys.field.state')}
          value={f.stateCode ?? ''}
          error={err('body.place.stateCode')}
          options={SIX_STATES.map((s) => ({ value: s, label: t.t(`journeys.state.${s}`) }))}
        />
        <TextInput
          name="districtAgs"
          label={t.t('journeys.field.district')}
          hint={t.t('journeys.field.district-hint')}
          value={f.districtAgs ?? ''}
          inputMode="numeric"
          width={8}
          error={err('body.place.districtAgs')}
        />
        <TextInput
          name="countryCode"
          label={t.t('journeys.field.country')}
          hint={t.t('journeys.field.country-hint')}
          value={f.countryCode ?? ''}
          width={4}
          error={err('body.place.countryCode')}
        />
        <button class="kern-btn kern-btn--primary" type="submit">
          <span class="kern-label">{t.t('journeys.button.open')}</span>
        </button>
      </form>
    </Page>
  );
}
