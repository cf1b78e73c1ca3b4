/** The form of a job ad (issue 16): one page, no JavaScript; the occupation is searched, then chosen. */
import { LANGUAGE_LEVELS } from '../../domain/jobs/ad.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import { CsrfField, ErrorSummary, RadioGroup, Select, TextArea, TextInput } from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
import { Page } from '../../web/layout.tsx';
import type { OccupationHit } from '../registry/index.ts';
import { stateName } from './ad-words.tsx';

/** A stored day (2027-03-01) as people write it in the form (01.03.2027); anything else as typed. */
const dayInput = (v: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : v;
};

/** What the form shows: the text as typed (strings). */
export type AdFormInput = Record<string, string>;

export const EMPTY_AD: AdFormInput = {
  titleDe: '',
  titleEn: '',
  occupation: '',
  occupationKldb: '',
  districtAgs: '',
  salaryMinEur: '',
  salaryMaxEur: '',
  weeklyHours: '',
  contract: 'open-ended',
  contractMonths: '',
  germanLevel: '',
  englishLevel: '',
  startDate: '',
  expiresOn: '',
  collectiveAgreement: '',
  willingAccelerated: 'no',
  descriptionDe: '',
  descriptionEn: '',
};

export function AdFormPage(props: {
  ctx: ViewContext;
  action: string;
  editing: boolean;
  districts: readonly { ags: string; name: string; stateCode: string }[];
  input: AdFormInput;
  candidates: readonly OccupationHit[];
  errors: readonly FieldError[];
}) {
  const { ctx, input, errors } = props;
  const { t } = ctx;
  const err = (field: string) => errors.find((e) => e.field === field);
  const v = (k: string) => input[k] ?? '';
  const levels = [
    { value: '', label: t.t('jobs.choose') },
    ...LANGUAGE_LEVELS.map((l) => ({ value: l, label: t.t(`jobs.level.${l}`) })),
  ];
  const opt = t.t('jobs.optional');
  return (
    <Page ctx={ctx} title={t.t(props.editing ? 'jobs.form.edit-title' : 'jobs.form.new-title')}>
      <p class="kern-body">{t.t('jobs.form.lead')}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={props.action} novalidate>
        <CsrfField ctx={ctx} />
        <TextInput
          name="titleDe"
          label={t.t('jobs.field.titleDe')}
          hint={t.t('jobs.field.title-hint')}
          value={v('titleDe')}
          maxLength={160}
          error={err('titleDe')}
        />
        <TextInput
          name="titleEn"
          label={t.t('jobs.field.titleEn')}
          value={v('titleEn')}
          maxLength={160}
          error={err('titleEn')}
        />
        <TextInput
          name="occupation"
          label={t.t('jobs.field.occupation')}
          hint={t.t('jobs.field.occupation-hint')}
          value={v('occupation')}
          maxLength={100}
          error={err('occupation')}
        />
        {props.candidates.length > 0 ? (
          <RadioGroup
            name="occupationKldb"
            label={t.t('jobs.field.occupationKldb')}
            value={v('occupationKldb')}
            options={props.candidates.map((o) => ({
              value: o.kldb,
              label: ctx.locale === 'de' ? o.titleDe : o.titleEn,
            }))}
            error={err('occupationKldb')}
          />
        ) : (
          <input type="hidden" name="occupationKldb" value={v('occupationKldb')} />
        )}
        <Select
          name="districtAgs"
          label={t.t('jobs.field.districtAgs')}
          value={v('districtAgs')}
          options={[
            { value: '', label: t.t('jobs.choose') },
            ...props.districts.map((d) => ({
              value: d.ags,
              label: `${d.name} (${stateName(ctx, d.stateCode)})`,
            })),
          ]}
          error={err('districtAgs')}
        />
        <TextInput
          name="salaryMinEur"
          label={t.t('jobs.field.salaryMinEur')}
          hint={t.t('jobs.field.salaryMinEur-hint')}
          value={v('salaryMinEur')}
          inputMode="numeric"
          width={8}
          maxLength={9}
          error={err('salaryMinEur')}
        />
        <TextInput
          name="salaryMaxEur"
          label={t.t('jobs.field.salaryMaxEur')}
          optionalLabel={opt}
          value={v('salaryMaxEur')}
          inputMode="numeric"
          width={8}
          maxLength={9}
          error={err('salaryMaxEur')}
        />
        <TextInput
          name="weeklyHours"
          label={t.t('jobs.field.weeklyHours')}
          value={v('weeklyHours')}
          inputMode="numeric"
          width={4}
          maxLength={2}
          error={err('weeklyHours')}
        />
        <RadioGroup
          name="contract"
          label={t.t('jobs.field.contract')}
          value={v('contract')}
          options={['open-ended', 'fixed'].map((c) => ({ value: c, label: t.t(`jobs.field.contract.${c}`) }))}
        />
        <TextInput
          name="contractMonths"
          label={t.t('jobs.field.contractMonths')}
          optionalLabel={opt}
          value={v('contractMonths')}
          inputMode="numeric"
          width={4}
          maxLength={3}
          error={err('contractMonths')}
        />
        <Select
          name="germanLevel"
          label={t.t('jobs.field.germanLevel')}
          value={v('germanLevel')}
          options={levels}
          error={err('germanLevel')}
        />
        <Select
          name="englishLevel"
          label={t.t('jobs.field.englishLevel')}
          value={v('englishLevel')}
          options={levels}
          error={err('englishLevel')}
        />
        <TextInput
          name="startDate"
          label={t.t('jobs.field.startDate')}
          hint={t.t('jobs.field.date-hint')}
          value={dayInput(v('startDate'))}
          width={16}
          error={err('startDate')}
        />
        <TextInput
          name="expiresOn"
          label={t.t('jobs.field.expiresOn')}
          hint={t.t('jobs.field.date-hint')}
          value={dayInput(v('expiresOn'))}
          width={16}
          error={err('expiresOn')}
        />
        <TextInput
          name="collectiveAgreement"
          label={t.t('jobs.field.collectiveAgreement')}
          optionalLabel={opt}
          hint={t.t('jobs.field.collectiveAgreement-hint')}
          value={v('collectiveAgreement')}
          maxLength={200}
          error={err('collectiveAgreement')}
        />
        <RadioGroup
          name="willingAccelerated"
          label={t.t('jobs.field.willingAccelerated')}
          value={v('willingAccelerated')}
          options={[
            { value: 'yes', label: t.t('jobs.field.yes') },
            { value: 'no', label: t.t('jobs.field.no') },
          ]}
        />
        <TextArea
          name="descriptionDe"
          label={t.t('jobs.field.descriptionDe')}
          optionalLabel={opt}
          value={v('descriptionDe')}
          maxLength={4000}
          error={err('descriptionDe')}
        />
        <TextArea
          name="descriptionEn"
          label={t.t('jobs.field.descriptionEn')}
          optionalLabel={opt}
          value={v('descriptionEn')}
          maxLength={4000}
          error={err('descriptionEn')}
        />
        <button type="submit" class="kern-btn kern-btn--primary">
          <span class="kern-label">{t.t('jobs.form.submit')}</span>
        </button>
      </form>
    </Page>
  );
}
