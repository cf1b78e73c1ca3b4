import type { FieldError } from '../../platform/http/errors.ts';
import { ErrorSummary, Select, TextInput } from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
import { Layout } from '../../web/layout.tsx';
import { localizedUrl } from '../../web/paths.ts';
import type { DistrictRow, StateRow } from '../regions/index.ts';
import type { AuthorityJson, FinderAnswer } from './finder.ts';
import { REGISTRY_PATHS } from './paths.ts';
import type { OccupationHit } from './search.ts';
import { localized, ProvenanceLine } from './views-shared.tsx';

export interface FinderForm {
  q: string;
  state: string;
  district: string;
}

export function placeOptions(ctx: ViewContext, states: StateRow[], districts: DistrictRow[]) {
  const stateName = new Map(states.map((s) => [s.code, ctx.locale === 'de' ? s.nameDe : s.nameEn]));
  return {
    states: [
      { value: '', label: ctx.t.t('registry.form.choose-state') },
      ...states.map((s) => ({ value: s.code, label: stateName.get(s.code) ?? s.code })),
    ],
    districts: [
      { value: '', label: ctx.t.t('registry.form.no-district') },
      ...districts.map((d) => ({
        value: d.ags,
        label: `${d.name} (${ctx.t.t(`regions.kind.${d.kind}`)}, ${stateName.get(d.stateCode) ?? d.stateCode})`,
      })),
    ],
  };
}

export function RecognitionPage(props: {
  ctx: ViewContext;
  states: StateRow[];
  districts: DistrictRow[];
  form: FinderForm;
  errors: FieldError[];
  hits?: OccupationHit[] | undefined;
  answer?: FinderAnswer | undefined;
}) {
  const { ctx, form, errors } = props;
  const { t } = ctx;
  const options = placeOptions(ctx, props.states, props.districts);
  const errorOf = (name: string) => errors.find((e) => e.field === name);
  const base = localizedUrl(REGISTRY_PATHS.recognition, ctx.locale);
  return (
    <Layout ctx={ctx} title={t.t('registry.finder.title')}>
      <h1 class="kern-heading-large">{t.t('registry.finder.title')}</h1>
      <p class="kern-body kern-body--large">{t.t('registry.finder.lead')}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="get" action={base} class="registry-form">
        <TextInput
          name="q"
          label={t.t('registry.finder.q.label')}
          hint={t.t('registry.finder.q.hint')}
          value={form.q}
          maxLength={100}
          error={errorOf('q')}
        />
        <Select
          name="state"
          label={t.t('registry.form.state')}
          value={form.state}
          options={options.states}
          error={errorOf('state')}
        />
        <Select
          name="district"
          label={`${t.t('registry.form.district')} ${t.t('form.optional')}`}
          hint={t.t('registry.form.district.hint')}
          value={form.district}
          options={options.districts}
          error={errorOf('district')}
        />
        <button type="submit" class="kern-btn kern-btn--primary">
          <span class="kern-label">{t.t('registry.finder.submit')}</span>
        </button>
      </form>
      {props.hits ? <Hits ctx={ctx} hits={props.hits} form={form} base={base} /> : null}
      {props.answer ? <Answer ctx={ctx} answer={props.answer} /> : null}
    </Layout>
  );
}

function Hits(props: { ctx: ViewContext; hits: OccupationHit[]; form: FinderForm; base: string }) {
  const { ctx, hits, form } = props;
  const { t } = ctx;
  const href = (kldb: string) => {
    const params = new URLSearchParams({ kldb });
    if (form.state) params.set('state', form.state);
    if (form.district) params.set('district', form.district);
    return `${props.base}?${params.toString()}`;
  };
  return (
    <section aria-labelledby="registry-hits">
      <h2 class="kern-heading-medium" id="registry-hits">
        {t.t('registry.finder.hits.title', { count: hits.length, query: form.q })}
      </h2>
      {hits.length === 0 ? (
        <p class="kern-body">{t.t('registry.finder.hits.none')}</p>
      ) : (
        <ul class="kern-list registry-hits">
          {hits.map((h) => (
            <li key={h.kldb}>
              <a class="kern-link" href={href(h.kldb)}>
                {ctx.locale === 'de' ? h.titleDe : h.titleEn}
              </a>{' '}
              {h.regulated ? (
                <span class="kern-body kern-body--small">({t.t('registry.answer.regulated.short')})</span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {form.state || form.district ? null : (
        <p class="kern-body">{t.t('registry.finder.hits.choose-place')}</p>
      )}
    </section>
  );
}

function AuthorityCard({ ctx, a }: { ctx: ViewContext; a: AuthorityJson }) {
  const { t } = ctx;
  return (
    <li class="kern-card registry-card">
      <div class="kern-card__container">
        <div class="kern-card__body">
          <h4 class="kern-title">{a.name}</h4>
          {a.partOfDistrict ? <p class="kern-body">{t.t('registry.answer.part-of-district')}</p> : null}
          <dl class="registry-facts">
            {a.address ? (
              <>
                <dt>{t.t('registry.answer.address')}</dt>
                <dd>{a.address}</dd>
              </>
            ) : null}
            {a.email ? (
              <>
                <dt>{t.t('registry.answer.email')}</dt>
                <dd>{a.email}</dd>
              </>
            ) : null}
            {a.legalBasis ? (
              <>
                <dt>{t.t('registry.answer.legal-basis')}</dt>
                <dd>{a.legalBasis}</dd>
              </>
            ) : null}
            {a.fees ? (
              <>
                <dt>{t.t('registry.answer.fees')}</dt>
                <dd>{a.fees}</dd>
              </>
            ) : null}
          </dl>
          {a.notes ? <p class="kern-body kern-body--small">{a.notes}</p> : null}
          <ProvenanceLine ctx={ctx} row={a} />
        </div>
      </div>
    </li>
  );
}

export function Answer({ ctx, answer }: { ctx: ViewContext; answer: FinderAnswer }) {
  const { t } = ctx;
  const o = answer.occupation;
  const place = answer.place.district
    ? `${answer.place.district.name}, ${localized(ctx, answer.place.state.name)}`
    : localized(ctx, answer.place.state.name);
  const d = answer.procedure.deadlines;
  const officeParams = answer.place.district
    ? `?district=${answer.place.district.ags}`
    : `?state=${answer.place.state.code}`;
  return (
    <section aria-labelledby="registry-answer" class="registry-answer">
      <h2 class="kern-heading-medium" id="registry-answer">
        {t.t('registry.answer.title', { occupation: localized(ctx, o.title), place })}
      </h2>
      <ProvenanceLine ctx={ctx} row={o} />
      <p class="kern-body">
        {answer.regulated ? t.t('registry.answer.regulated.yes') : t.t('registry.answer.regulated.no')}{' '}
        <span class="kern-body--small">({o.regulatedNote})</span>
      </p>
      {o.shortage ? <p class="kern-body">{t.t('registry.answer.shortage')}</p> : null}

      <h3 class="kern-heading-small">{t.t('registry.answer.authorities.title')}</h3>
      {answer.authorities.length > 0 ? (
        <ul class="registry-cards">
          {answer.authorities.map((a) => (
            <AuthorityCard key={a.id} ctx={ctx} a={a} />
          ))}
        </ul>
      ) : (
        <p class="kern-body">{t.t('registry.answer.authorities.none')}</p>
      )}

      {answer.purpose ? (
        <>
          <h3 class="kern-heading-small">{t.t('registry.answer.purpose.title')}</h3>
          <p class="kern-body">{localized(ctx, answer.purpose.explanation)}</p>
          <ul class="kern-list">
            {answer.purpose.uses.map((u) => (
              <li key={u}>{t.t(`registry.purpose.use.${u}`)}</li>
            ))}
          </ul>
        </>
      ) : null}

      <h3 class="kern-heading-small">{t.t('registry.answer.legal-basis')}</h3>
      <p class="kern-body">{answer.legalBasis ?? t.t('registry.answer.unknown')}</p>

      <h3 class="kern-heading-small">{t.t('registry.answer.procedure.title')}</h3>
      <p class="kern-body">{t.t('registry.answer.documents.lead')}</p>
      <ul class="kern-list">
        {answer.procedure.documents.map((doc) => (
          <li key={doc.code}>{localized(ctx, doc.label)}</li>
        ))}
      </ul>
      <ul class="kern-list">
        <li>{t.t('registry.answer.deadline.receipt', { months: d.receiptConfirmationMonths })}</li>
        <li>{t.t('registry.answer.deadline.decision', { months: d.decisionMonths })}</li>
        {d.acceleratedDecisionMonths ? (
          <li>{t.t('registry.answer.deadline.accelerated', { months: d.acceleratedDecisionMonths })}</li>
        ) : null}
      </ul>
      <p class="kern-body">
        {t.t('registry.answer.fees')}: {answer.procedure.fees ?? t.t('registry.answer.fees.unknown')}
      </p>

      {answer.counselling ? (
        <>
          <h3 class="kern-heading-small">{t.t('registry.answer.counselling.title')}</h3>
          <p class="kern-body">{answer.counselling.name}</p>
        </>
      ) : null}
      <p class="kern-body">
        <a class="kern-link" href={`${localizedUrl(REGISTRY_PATHS.offices, ctx.locale)}${officeParams}`}>
          {t.t('registry.answer.office-link')}
        </a>
      </p>
    </section>
  );
}
