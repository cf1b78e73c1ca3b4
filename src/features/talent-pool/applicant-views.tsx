/** The applicant's pool page (issue 16, V4): the profile form, the contact requests to answer, and withdrawing. */
import {
  LANGUAGE_ROWS,
  POOL_FIELDS,
  POOL_LANGUAGES,
  QUALIFICATION_LEVELS,
  RECOGNITION_STATES,
  SPOKEN_LEVELS,
} from '../../domain/talent-pool/profile.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import { Checkboxes } from '../../web/checkboxes.tsx';
import { Alert, CsrfField, ErrorSummary, RadioGroup, Select, TextInput } from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
import { Page } from '../../web/layout.tsx';
import { localizedUrl } from '../../web/paths.ts';
import type { OccupationHit } from '../registry/index.ts';
import { POOL_PATHS } from './paths.ts';
import { languageName, stateOptions } from './view-parts.tsx';

/** The form as typed: single fields as strings, the choices of several as lists. */
export interface ProfileForm {
  [field: string]: string | string[];
  preferredStates: string[];
  poolStates: string[];
  released: string[];
}

/** A single field of the form ('' for none). */
export const textOf = (form: ProfileForm, field: string): string => {
  const v = form[field];
  return typeof v === 'string' ? v : '';
};

export const EMPTY_PROFILE: ProfileForm = {
  occupation: '',
  occupationKldb: '',
  qualification: '',
  recognition: '',
  availableFrom: '',
  ...Object.fromEntries(
    Array.from({ length: LANGUAGE_ROWS }, (_, i) => [
      [`language${i + 1}`, ''],
      [`level${i + 1}`, ''],
    ]).flat(),
  ),
  preferredStates: [],
  poolStates: [],
  released: [...POOL_FIELDS],
};

export type ContactRow = {
  id: string;
  organisation: string;
  message: string;
  adTitleDe: string | null;
  adTitleEn: string | null;
  createdAt: Date;
  answer: string | null;
};

function Requests(props: { ctx: ViewContext; rows: readonly ContactRow[] }) {
  const { ctx } = props;
  const { t } = ctx;
  if (props.rows.length === 0) return <p class="kern-body">{t.t('pool.requests.none')}</p>;
  return (
    <ul class="kern-list">
      {props.rows.map((r) => {
        const ad = ctx.locale === 'de' ? (r.adTitleDe ?? r.adTitleEn) : (r.adTitleEn ?? r.adTitleDe);
        return (
          <li key={r.id}>
            <h3 class="kern-heading-small">
              {t.t('pool.requests.from', {
                organisation: r.organisation,
                date: t.date(r.createdAt, 'short'),
              })}
            </h3>
            <p class="kern-body">{r.message}</p>
            {ad ? <p class="kern-body">{t.t('pool.requests.ad', { title: ad })}</p> : null}
            {r.answer ? (
              <p class="kern-body">{t.t(`pool.requests.answered-${r.answer}`)}</p>
            ) : (
              <form method="post" action={localizedUrl(POOL_PATHS.answer, ctx.locale, { id: r.id })}>
                <CsrfField ctx={ctx} />
                <button class="kern-btn kern-btn--primary" type="submit" name="answer" value="revealed">
                  <span class="kern-label">
                    {t.t('pool.requests.reveal', { organisation: r.organisation })}
                  </span>
                </button>{' '}
                <button class="kern-btn kern-btn--secondary" type="submit" name="answer" value="declined">
                  <span class="kern-label">{t.t('pool.requests.decline')}</span>
                </button>
              </form>
            )}
          </li>
        );
      })}
    </ul>
  );
}

export function MinePage(props: {
  ctx: ViewContext;
  input: ProfileForm;
  candidates: readonly OccupationHit[];
  errors: readonly FieldError[];
  label: string | null;
  requests: readonly ContactRow[];
  notice?: 'saved' | 'withdrawn' | 'answered' | undefined;
}) {
  const { ctx, input } = props;
  const { t } = ctx;
  const err = (f: string) => props.errors.find((e) => e.field === f);
  const options = (values: readonly string[], prefix: string) => [
    { value: '', label: t.t('pool.choose') },
    ...values.map((v) => ({ value: v, label: t.t(`${prefix}.${v}`) })),
  ];
  const languages = [
    { value: '', label: t.t('pool.choose') },
    ...POOL_LANGUAGES.map((c) => ({ value: c, label: languageName(ctx, c) })).sort((a, b) =>
      a.label.localeCompare(b.label, ctx.locale),
    ),
  ];
  return (
    <Page ctx={ctx} title={t.t('pool.mine.title')}>
      {props.notice ? <Alert kind="success" title={t.t(`pool.notice.${props.notice}`)} /> : null}
      <ErrorSummary ctx={ctx} errors={props.errors} />
      <p class="kern-body">{t.t('pool.mine.lead')}</p>
      <p class="kern-body">
        {props.label ? t.t('pool.mine.in-pool', { label: props.label }) : t.t('pool.mine.not-in-pool')}
      </p>
      {props.label ? (
        <>
          <h2 class="kern-heading-medium">{t.t('pool.requests.title')}</h2>
          <Requests ctx={ctx} rows={props.requests} />
        </>
      ) : null}
      <h2 class="kern-heading-medium">{t.t(props.label ? 'pool.mine.edit' : 'pool.mine.join')}</h2>
      <form method="post" action={localizedUrl(POOL_PATHS.mine, ctx.locale)} novalidate>
        <CsrfField ctx={ctx} />
        <TextInput
          name="occupation"
          label={t.t('pool.field.occupation')}
          hint={t.t('pool.field.occupation-hint')}
          value={textOf(input, 'occupation')}
          maxLength={100}
          error={err('occupation')}
        />
        {props.candidates.length > 0 ? (
          <RadioGroup
            name="occupationKldb"
            label={t.t('pool.field.occupationKldb')}
            value={textOf(input, 'occupationKldb')}
            options={props.candidates.map((o) => ({
              value: o.kldb,
              label: ctx.locale === 'de' ? o.titleDe : o.titleEn,
            }))}
            error={err('occupationKldb')}
          />
        ) : (
          <input type="hidden" name="occupationKldb" value={textOf(input, 'occupationKldb')} />
        )}
        <Select
          name="qualification"
          label={t.t('pool.field.qualification')}
          value={textOf(input, 'qualification')}
          options={options(QUALIFICATION_LEVELS, 'pool.qualification')}
          error={err('qualification')}
        />
        <Select
          name="recognition"
          label={t.t('pool.field.recognition')}
          value={textOf(input, 'recognition')}
          options={options(RECOGNITION_STATES, 'pool.recognition')}
          error={err('recognition')}
        />
        {Array.from({ length: LANGUAGE_ROWS }, (_, i) => i + 1).map((n) => (
          <div key={n}>
            <Select
              name={`language${n}`}
              label={t.t('pool.field.language', { n })}
              value={textOf(input, `language${n}`)}
              options={languages}
              error={err(`language${n}`)}
            />
            <Select
              name={`level${n}`}
              label={t.t('pool.field.level', { n })}
              value={textOf(input, `level${n}`)}
              options={options(SPOKEN_LEVELS, 'pool.level')}
              error={err(`level${n}`)}
            />
          </div>
        ))}
        <TextInput
          name="availableFrom"
          type="date"
          label={t.t('pool.field.availableFrom')}
          value={textOf(input, 'availableFrom')}
          error={err('availableFrom')}
        />
        <Checkboxes
          name="preferredStates"
          label={t.t('pool.field.preferredStates')}
          hint={t.t('pool.field.preferredStates-hint')}
          options={stateOptions(ctx)}
          chosen={input.preferredStates}
          error={err('preferredStates')}
        />
        <Checkboxes
          name="poolStates"
          label={t.t('pool.field.poolStates')}
          hint={t.t('pool.field.poolStates-hint')}
          options={stateOptions(ctx)}
          chosen={input.poolStates}
          error={err('poolStates')}
        />
        <Checkboxes
          name="released"
          label={t.t('pool.field.released')}
          hint={t.t('pool.field.released-hint')}
          options={POOL_FIELDS.map((f) => ({ value: f, label: t.t(`pool.field.${f}`) }))}
          chosen={input.released}
          error={err('released')}
        />
        <button class="kern-btn kern-btn--primary" type="submit">
          <span class="kern-label">{t.t(props.label ? 'pool.mine.save' : 'pool.mine.join-button')}</span>
        </button>
      </form>
      {props.label ? (
        <>
          <h2 class="kern-heading-medium">{t.t('pool.withdraw.title')}</h2>
          <p class="kern-body">{t.t('pool.withdraw.lead')}</p>
          <form method="post" action={localizedUrl(POOL_PATHS.withdraw, ctx.locale)}>
            <CsrfField ctx={ctx} />
            <button class="kern-btn kern-btn--secondary" type="submit">
              <span class="kern-label">{t.t('pool.withdraw.button')}</span>
            </button>
          </form>
        </>
      ) : null}
    </Page>
  );
}
