/** The form to record or change an activity: every field named, countries and occupations chosen from lists. */
import { ACTIVITY_KINDS, ACTIVITY_STATUSES } from '../../domain/workspace/activity.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import {
  CsrfField,
  ErrorSummary,
  fieldId,
  HintAndError,
  RadioGroup,
  Select,
  TextArea,
  TextInput,
} from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
import { countryOptions } from '../../web/countries.ts';
import { Page } from '../../web/layout.tsx';
import type { OccupationNames } from './names.tsx';

/** The form's fields as typed (repeated fields as lists). */
export interface FormInput {
  kind: string;
  title: string;
  description: string;
  countries: string[];
  occupations: string[];
  start: string;
  end: string;
  budget: string;
  fundingSource: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  status: string;
  outcomes: string;
  public: boolean;
}

export const EMPTY_FORM: FormInput = {
  kind: '',
  title: '',
  description: '',
  countries: [],
  occupations: [],
  start: '',
  end: '',
  budget: '',
  fundingSource: '',
  contactName: '',
  contactEmail: '',
  contactPhone: '',
  status: 'planned',
  outcomes: '',
  public: false,
};

/** Countries chosen by name from one list (stored as codes): the activity's, and a job fair's target countries. */
export function CountryChoice(props: {
  ctx: ViewContext;
  chosen: readonly string[];
  error?: FieldError | undefined;
  label: string;
  hint: string;
}) {
  const { ctx } = props;
  const id = fieldId('countries');
  const describedBy = [`${id}-hint`, props.error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={`kern-form-input${props.error ? ' kern-form-input--error' : ''}`}>
      <label class="kern-label" for={id}>
        {props.label}
      </label>
      <HintAndError id={id} hint={props.hint} error={props.error} />
      <select
        id={id}
        name="countries"
        multiple
        size={8}
        class="kern-form-input__select activity-countries"
        aria-describedby={describedBy}
        aria-invalid={props.error ? 'true' : undefined}
      >
        {countryOptions(ctx.locale).map((o) => (
          <option key={o.value} value={o.value} selected={props.chosen.includes(o.value)}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function Occupations(props: {
  ctx: ViewContext;
  names: OccupationNames;
  chosen: readonly string[];
  error?: FieldError | undefined;
}) {
  const { ctx } = props;
  const id = fieldId('occupations');
  const list = [...props.names.entries()]
    .map(([value, o]) => ({ value, label: ctx.locale === 'de' ? o.titleDe : o.titleEn }))
    .sort((a, b) => a.label.localeCompare(b.label, ctx.locale));
  return (
    <fieldset
      class={`kern-fieldset${props.error ? ' kern-fieldset--error' : ''}`}
      aria-describedby={[`${id}-hint`, props.error ? `${id}-error` : ''].filter(Boolean).join(' ')}
    >
      <legend class="kern-label">
        {ctx.t.t('activities.field.occupations')}
        <span class="kern-label__optional"> {ctx.t.t('activities.optional')}</span>
      </legend>
      <HintAndError id={id} hint={ctx.t.t('activities.field.occupations-hint')} error={props.error} />
      <div class="kern-fieldset__body activity-occupations">
        {list.map((o, i) => {
          const optionId = i === 0 ? id : `${id}-${i}`;
          return (
            <div key={o.value} class="kern-form-check">
              <input
                class="kern-form-check__checkbox"
                type="checkbox"
                id={optionId}
                name="occupations"
                value={o.value}
                checked={props.chosen.includes(o.value)}
              />
              <label class="kern-label" for={optionId}>
                {o.label}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

export function ActivityFormPage(props: {
  ctx: ViewContext;
  title: string;
  lead?: string;
  action: string;
  submit: string;
  input: FormInput;
  errors: readonly FieldError[];
  occupations: OccupationNames;
}) {
  const { ctx, input } = props;
  const { t } = ctx;
  const err = (field: string) => props.errors.find((e) => e.field === field);
  const optional = t.t('activities.optional');
  const dateHint = t.t('activities.filter.date-hint');
  const choose = (values: readonly string[], prefix: string) => [
    { value: '', label: t.t('activities.any') },
    ...values.map((v) => ({ value: v, label: t.t(`${prefix}.${v}`) })),
  ];
  return (
    <Page ctx={ctx} title={props.title}>
      {props.lead ? <p class="kern-body">{props.lead}</p> : null}
      <ErrorSummary ctx={ctx} errors={props.errors} />
      <form method="post" action={props.action} novalidate>
        <CsrfField ctx={ctx} />
        <Select
          name="kind"
          label={t.t('activities.field.kind')}
          value={input.kind}
          options={choose(ACTIVITY_KINDS, 'activities.kind').map((o) =>
            o.value === '' ? { ...o, label: '–' } : o,
          )}
          error={err('kind')}
        />
        <TextInput
          name="title"
          label={t.t('activities.field.title')}
          value={input.title}
          maxLength={200}
          error={err('title')}
        />
        <TextArea
          name="description"
          label={t.t('activities.field.description')}
          optionalLabel={optional}
          value={input.description}
          rows={4}
          error={err('description')}
        />
        <CountryChoice
          ctx={ctx}
          chosen={input.countries}
          error={err('countries')}
          label={t.t('activities.field.countries')}
          hint={t.t('activities.field.countries-hint')}
        />
        <Occupations
          ctx={ctx}
          names={props.occupations}
          chosen={input.occupations}
          error={err('occupations')}
        />
        <TextInput
          name="start"
          label={t.t('activities.field.start')}
          hint={dateHint}
          value={input.start}
          width={16}
          error={err('start')}
        />
        <TextInput
          name="end"
          label={t.t('activities.field.end')}
          hint={dateHint}
          value={input.end}
          width={16}
          error={err('end')}
        />
        <TextInput
          name="budget"
          label={t.t('activities.field.budget')}
          hint={t.t('activities.field.budget-hint')}
          optionalLabel={optional}
          inputMode="decimal"
          value={input.budget}
          width={16}
          error={err('budget')}
        />
        <TextInput
          name="fundingSource"
          label={t.t('activities.field.fundingSource')}
          hint={t.t('activities.field.fundingSource-hint')}
          optionalLabel={optional}
          value={input.fundingSource}
          error={err('fundingSource')}
        />
        <fieldset class="kern-fieldset">
          <legend class="kern-label">{t.t('activities.field.contact')}</legend>
          <div class="kern-fieldset__body">
            <TextInput
              name="contactName"
              label={t.t('activities.field.contactName')}
              value={input.contactName}
              autocomplete="off"
              error={err('contactName')}
            />
            <TextInput
              name="contactEmail"
              type="email"
              label={t.t('activities.field.contactEmail')}
              value={input.contactEmail}
              autocomplete="off"
              error={err('contactEmail')}
            />
            <TextInput
              name="contactPhone"
              type="tel"
              label={t.t('activities.field.contactPhone')}
              optionalLabel={optional}
              value={input.contactPhone}
              autocomplete="off"
              error={err('contactPhone')}
            />
          </div>
        </fieldset>
        <RadioGroup
          name="status"
          label={t.t('activities.field.status')}
          value={input.status}
          options={ACTIVITY_STATUSES.map((s) => ({ value: s, label: t.t(`activities.status.${s}`) }))}
          error={err('status')}
        />
        <TextArea
          name="outcomes"
          label={t.t('activities.field.outcomes')}
          optionalLabel={optional}
          value={input.outcomes}
          rows={4}
          error={err('outcomes')}
        />
        <div class="kern-form-check">
          <input
            class="kern-form-check__checkbox"
            type="checkbox"
            id={fieldId('public')}
            name="public"
            value="yes"
            checked={input.public}
          />
          <label class="kern-label" for={fieldId('public')}>
            {t.t('activities.field.public')}
          </label>
        </div>
        <p class="kern-body">
          <button type="submit" class="kern-btn kern-btn--primary">
            <span class="kern-label">{props.submit}</span>
          </button>
        </p>
      </form>
    </Page>
  );
}
