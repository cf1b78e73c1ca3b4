/** The list of fairs (public; officers also see their own state's and can start one) and the form to create one. */
import type { FieldError } from '../../platform/http/errors.ts';
import { CsrfField, ErrorSummary, Select, TextArea, TextInput } from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
import { Page } from '../../web/layout.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { CountryChoice } from '../activities/index.ts';
import { StateChecks } from '../joint-projects/index.ts';
import { type FairInput, OCCUPATION_FIELDS } from './fair-form.ts';
import { FAIR_PATHS } from './paths.ts';
import type { FairStateRow } from './read.ts';
import type { FairRow } from './schema.ts';
import { countriesText, fairDays, statesText, zoneOptions } from './words.tsx';

type ListedFair = FairRow & { states: FairStateRow[] };

function FairItem({ ctx, f, href }: { ctx: ViewContext; f: ListedFair; href: string }) {
  const { t } = ctx;
  const agreed = f.states.filter((s) => s.answer === 'agreed').map((s) => s.stateCode);
  return (
    <li>
      <a class="kern-link" href={href}>
        {f.title}
      </a>
      {` — ${fairDays(ctx, f)}; ${t.t('fairs.list.by', { states: statesText(ctx, agreed) })}; ${t.t('fairs.list.for', { countries: countriesText(ctx, f.countries) })}`}
    </li>
  );
}

export function ListPage(props: {
  ctx: ViewContext;
  fairs: readonly ListedFair[];
  /** For an officer: the fairs their state organises or is asked to, and whether they may start one. */
  officer: { state: string; fairs: readonly ListedFair[] } | null;
}) {
  const { ctx, officer } = props;
  const { t } = ctx;
  return (
    <Page ctx={ctx} title={t.t('fairs.list.title')}>
      <p class="kern-body">{t.t('fairs.list.lead')}</p>
      {officer ? (
        <section aria-labelledby="fairs-own">
          <h2 class="kern-heading-medium" id="fairs-own">
            {t.t('fairs.list.own', { state: statesText(ctx, [officer.state]) })}
          </h2>
          {officer.fairs.length === 0 ? <p class="kern-body">{t.t('fairs.list.own-none')}</p> : null}
          <ul class="kern-list">
            {officer.fairs.map((f) => (
              <FairItem
                key={f.id}
                ctx={ctx}
                f={f}
                href={localizedUrl(FAIR_PATHS.organise, ctx.locale, { id: f.id })}
              />
            ))}
          </ul>
          <p class="kern-body">
            <a class="kern-btn kern-btn--primary" href={localizedUrl(FAIR_PATHS.create, ctx.locale)}>
              <span class="kern-label">{t.t('fairs.list.create')}</span>
            </a>
          </p>
        </section>
      ) : null}
      <h2 class="kern-heading-medium">{t.t('fairs.list.public')}</h2>
      {props.fairs.length === 0 ? <p class="kern-body">{t.t('fairs.list.none')}</p> : null}
      <ul class="kern-list">
        {props.fairs.map((f) => (
          <FairItem
            key={f.id}
            ctx={ctx}
            f={f}
            href={localizedUrl(FAIR_PATHS.fair, ctx.locale, { id: f.id })}
          />
        ))}
      </ul>
    </Page>
  );
}

function OccupationField(props: {
  ctx: ViewContext;
  n: number;
  input: FairInput;
  errors: readonly FieldError[];
}) {
  const { ctx, n } = props;
  const { t } = ctx;
  const o = props.input.occupation[n] ?? { text: '', kldb: '', candidates: [] };
  const err = (f: string) => props.errors.find((e) => e.field === f);
  return (
    <>
      <TextInput
        name={`occupation${n}`}
        label={t.t('fairs.field.occupation', { n })}
        hint={n === 1 ? t.t('fairs.field.occupation-hint') : undefined}
        optionalLabel={n === 1 ? undefined : t.t('fairs.optional')}
        value={o.text}
        error={err(`occupation${n}`)}
      />
      {o.candidates.length > 0 ? (
        <Select
          name={`occupationKldb${n}`}
          label={t.t('fairs.field.occupation-choose', { n })}
          value=""
          options={[
            { value: '', label: t.t('fairs.choose') },
            ...o.candidates.map((c) => ({
              value: c.kldb,
              label: ctx.locale === 'de' ? c.titleDe : c.titleEn,
            })),
          ]}
          error={err(`occupationKldb${n}`)}
        />
      ) : (
        <input type="hidden" name={`occupationKldb${n}`} value={o.kldb} />
      )}
    </>
  );
}

export function CreatePage(props: { ctx: ViewContext; input: FairInput; errors: readonly FieldError[] }) {
  const { ctx, input, errors } = props;
  const { t } = ctx;
  const err = (f: string) => errors.find((e) => e.field === f);
  const dateHint = t.t('fairs.field.date-hint');
  return (
    <Page ctx={ctx} title={t.t('fairs.create.title')}>
      <p class="kern-body">{t.t('fairs.create.lead')}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={localizedUrl(FAIR_PATHS.create, ctx.locale)} novalidate>
        <CsrfField ctx={ctx} />
        <TextInput
          name="title"
          label={t.t('fairs.field.title')}
          value={input.title}
          maxLength={200}
          error={err('title')}
        />
        <TextArea
          name="description"
          label={t.t('fairs.field.description')}
          optionalLabel={t.t('fairs.optional')}
          value={input.description}
          rows={3}
          error={err('description')}
        />
        <TextInput
          name="startsOn"
          label={t.t('fairs.field.startsOn')}
          hint={dateHint}
          value={input.startsOn}
          width={16}
          error={err('startsOn')}
        />
        <TextInput
          name="endsOn"
          label={t.t('fairs.field.endsOn')}
          hint={dateHint}
          value={input.endsOn}
          width={16}
          error={err('endsOn')}
        />
        <Select
          name="timeZone"
          label={t.t('fairs.field.timeZone')}
          hint={t.t('fairs.field.timeZone-hint')}
          value={input.timeZone}
          options={zoneOptions()}
          error={err('timeZone')}
        />
        <StateChecks
          ctx={ctx}
          values={input.states}
          error={err('states')}
          label={t.t('fairs.field.states')}
        />
        <CountryChoice
          ctx={ctx}
          chosen={input.countries}
          error={err('countries')}
          label={t.t('fairs.field.countries')}
          hint={t.t('fairs.field.countries-hint')}
        />
        {OCCUPATION_FIELDS.map((n) => (
          <OccupationField key={n} ctx={ctx} n={n} input={input} errors={errors} />
        ))}
        <p class="kern-body">
          <button type="submit" class="kern-btn kern-btn--primary">
            <span class="kern-label">{t.t('fairs.create.submit')}</span>
          </button>
        </p>
      </form>
    </Page>
  );
}
