import { LANGUAGE_LEVELS, PATHWAY_IDS } from '../../domain/law/index.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import type { Translator } from '../../platform/i18n/index.ts';
import { RadioGroup, Select, TextInput } from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
import { countryName, countryOptions } from '../../web/countries.ts';
import type { OccupationHit } from '../registry/index.ts';
import { choiceKey, occupationTitle } from './occupations.ts';
import type { Answers, FieldDef } from './questionnaire.ts';

// The questionnaire's and calculators' form fields, and how their answers read.

const PATHWAY_SET = new Set<string>(PATHWAY_IDS);

export function fieldLabel(t: Translator, f: FieldDef): string {
  return t.t(`pathways.field.${f.name.replace(/^exp\d/, 'exp')}.label`);
}

function fieldHint(t: Translator, f: FieldDef): string | undefined {
  const key = `pathways.field.${f.name.replace(/^exp\d/, 'exp')}.hint`;
  return t.has(key) ? t.t(key) : undefined;
}

function optionLabel(t: Translator, f: FieldDef, value: string): string {
  if (f.name === 'status' && PATHWAY_SET.has(value)) return t.t(`law.pathway.${value}.title`);
  if (f.options === LANGUAGE_LEVELS) return t.t(`pathways.value.level.${value}`);
  return t.t(`pathways.value.${f.name}.${value}`);
}

/** How a saved answer reads on the summary page; `occupation` names an occupation answer. */
export function answerText(t: Translator, f: FieldDef, raw: string | undefined, occupation?: string): string {
  if (!raw) return t.t('pathways.answer.none');
  switch (f.kind) {
    case 'country':
      return countryName(raw, t.locale);
    case 'isco':
      return occupation ?? t.t('pathways.answer.occupation-unnamed');
    case 'date':
      return t.date(raw);
    case 'yes-no':
      return t.t(`pathways.answer.${raw === 'yes' ? 'yes' : 'no'}`);
    case 'radio':
    case 'select':
      return optionLabel(t, f, raw);
    case 'amount':
    case 'whole':
      return t.number(Number(raw));
    default:
      return raw;
  }
}

/** Matches of a typed occupation to choose from, by field, and the refusals to show beside them. */
export interface OccupationChoices {
  candidates: Record<string, readonly OccupationHit[]>;
  errors: readonly FieldError[];
}

/** A typed occupation and, where it matched several, the matches as radio buttons. */
function OccupationField(props: {
  ctx: ViewContext;
  f: FieldDef;
  value: string;
  error?: FieldError | undefined;
  choices?: OccupationChoices | undefined;
}) {
  const { ctx, f, value } = props;
  const { t } = ctx;
  const candidates = props.choices?.candidates[f.name] ?? [];
  return (
    <>
      <TextInput
        name={f.name}
        label={fieldLabel(t, f)}
        hint={fieldHint(t, f)}
        error={props.error}
        value={value}
        maxLength={80}
      />
      {candidates.length > 0 ? (
        <RadioGroup
          name={choiceKey(f.name)}
          label={t.t('pathways.occupation.choose', { query: value.trim() })}
          error={errorFor(props.choices?.errors ?? [], choiceKey(f.name))}
          value=""
          options={candidates.map((c) => ({ value: c.kldb, label: occupationTitle(c, ctx.locale) }))}
        />
      ) : null}
    </>
  );
}

/** One form field of the questionnaire or the calculators. */
export function Field(props: {
  ctx: ViewContext;
  f: FieldDef;
  value: string;
  error?: FieldError | undefined;
  choices?: OccupationChoices | undefined;
}) {
  const { ctx, f, value, error } = props;
  const { t } = ctx;
  const common = {
    name: f.name,
    label: fieldLabel(t, f),
    hint: fieldHint(t, f),
    error,
  };
  switch (f.kind) {
    case 'radio':
      return (
        <RadioGroup
          {...common}
          value={value}
          options={[
            ...(f.options ?? []).map((o) => ({ value: o, label: optionLabel(t, f, o) })),
            { value: '', label: t.t('pathways.answer.unknown') },
          ]}
        />
      );
    case 'yes-no':
      return (
        <RadioGroup
          {...common}
          value={value}
          options={[
            { value: 'yes', label: t.t('pathways.answer.yes') },
            { value: 'no', label: t.t('pathways.answer.no') },
            { value: '', label: t.t('pathways.answer.unknown') },
          ]}
        />
      );
    case 'select':
    case 'country':
      return (
        <Select
          name={common.name}
          label={common.label}
          hint={common.hint}
          error={error}
          value={value}
          options={[
            { value: '', label: t.t('pathways.answer.unknown') },
            ...(f.kind === 'country'
              ? countryOptions(ctx.locale)
              : (f.options ?? []).map((o) => ({ value: o, label: optionLabel(t, f, o) }))),
          ]}
        />
      );
    case 'isco':
      return <OccupationField ctx={ctx} f={f} value={value} error={error} choices={props.choices} />;
    default:
      return <TextInput {...common} value={value} maxLength={40} />;
  }
}

export function errorFor(errors: readonly FieldError[], name: string): FieldError | undefined {
  return errors.find((e) => e.field === name);
}

export function FormFields(props: {
  ctx: ViewContext;
  fields: readonly FieldDef[];
  values: Answers;
  errors: readonly FieldError[];
  choices?: OccupationChoices | undefined;
}) {
  return (
    <>
      {props.fields.map((f) => (
        <Field
          key={f.name}
          ctx={props.ctx}
          f={f}
          value={props.values[f.name] ?? ''}
          error={errorFor(props.errors, f.name)}
          choices={props.choices}
        />
      ))}
    </>
  );
}
