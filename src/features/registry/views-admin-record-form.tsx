import type { FieldError } from '../../platform/http/errors.ts';
import { CsrfField, ErrorSummary, RadioGroup, Select, TextArea, TextInput } from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
import { Layout } from '../../web/layout.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { REGISTRY_PATHS } from './paths.ts';
import { Back, errorOf, type Option, Submit } from './views-admin-controls.tsx';

// ---------------------------------------------------------------- records (recognition officers)

export interface RecordForm {
  name: string;
  birthDate: string;
  occupation: string;
  equivalence: string;
  adjustmentMeasures: string;
  authority: string;
  issuingState: string;
  legalBasis: string;
  decisionDate: string;
  noticeReference: string;
}

export const EMPTY_RECORD_FORM: RecordForm = {
  name: '',
  birthDate: '',
  occupation: '',
  equivalence: '',
  adjustmentMeasures: '',
  authority: 'own',
  issuingState: '',
  legalBasis: '',
  decisionDate: '',
  noticeReference: '',
};

export function RecordFormPage(props: {
  ctx: ViewContext;
  organisationName: string;
  form: RecordForm;
  errors: FieldError[];
  occupations: Option[];
  authorities: Option[];
  states: Option[];
}) {
  const { ctx, form, errors } = props;
  const { t } = ctx;
  const optional = t.t('registry.admin.optional');
  return (
    <Layout ctx={ctx} title={t.t('registry.admin.record-new.title')}>
      <Back
        ctx={ctx}
        href={localizedUrl(REGISTRY_PATHS.adminRecords, ctx.locale)}
        label="registry.admin.back.records"
      />
      <h1 class="kern-heading-large">{t.t('registry.admin.record-new.title')}</h1>
      <p class="kern-body">{t.t('registry.admin.record-new.lead')}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form
        method="post"
        action={localizedUrl(REGISTRY_PATHS.adminRecordNew, ctx.locale)}
        class="registry-form"
        noValidate
      >
        <CsrfField ctx={ctx} />
        <h2 class="kern-heading-small">{t.t('registry.admin.record.person')}</h2>
        <TextInput
          name="name"
          label={t.t('registry.admin.record.name')}
          hint={t.t('registry.admin.record.name.hint')}
          error={errorOf(errors, 'name')}
          value={form.name}
          maxLength={200}
          autocomplete="off"
          required
        />
        <TextInput
          name="birthDate"
          type="date"
          width={16}
          label={t.t('registry.admin.record.birth-date')}
          error={errorOf(errors, 'birthDate')}
          value={form.birthDate}
          autocomplete="off"
          required
        />
        <h2 class="kern-heading-small">{t.t('registry.admin.record.decision')}</h2>
        <Select
          name="occupation"
          label={t.t('registry.admin.record.occupation')}
          hint={t.t('registry.admin.record.occupation.hint')}
          error={errorOf(errors, 'occupation')}
          value={form.occupation}
          options={[{ value: '', label: t.t('registry.admin.record.choose') }, ...props.occupations]}
        />
        <RadioGroup
          name="equivalence"
          label={t.t('registry.verify.equivalence')}
          error={errorOf(errors, 'equivalence')}
          value={form.equivalence}
          options={[
            { value: 'full', label: t.t('registry.verify.equivalence.full') },
            { value: 'partial', label: t.t('registry.verify.equivalence.partial') },
          ]}
        />
        <TextArea
          name="adjustmentMeasures"
          label={t.t('registry.verify.measures')}
          hint={t.t('registry.admin.record.measures.hint')}
          error={errorOf(errors, 'adjustmentMeasures')}
          value={form.adjustmentMeasures}
          rows={3}
          optionalLabel={optional}
        />
        <Select
          name="authority"
          label={t.t('registry.verify.authority')}
          hint={t.t('registry.admin.record.authority.hint')}
          error={errorOf(errors, 'authority')}
          value={form.authority}
          options={[
            { value: 'own', label: t.t('registry.admin.record.own', { name: props.organisationName }) },
            ...props.authorities,
          ]}
        />
        <Select
          name="issuingState"
          label={t.t('registry.admin.record.state')}
          hint={t.t('registry.admin.record.state.hint')}
          error={errorOf(errors, 'issuingState')}
          value={form.issuingState}
          options={[{ value: '', label: t.t('registry.form.choose-state') }, ...props.states]}
        />
        <TextInput
          name="noticeReference"
          label={t.t('registry.verify.notice')}
          hint={t.t('registry.admin.record.notice.hint')}
          error={errorOf(errors, 'noticeReference')}
          value={form.noticeReference}
          maxLength={100}
          optionalLabel={optional}
        />
        <TextInput
          name="legalBasis"
          label={t.t('registry.answer.legal-basis')}
          hint={t.t('registry.admin.record.legal-basis.hint')}
          error={errorOf(errors, 'legalBasis')}
          value={form.legalBasis}
          maxLength={300}
          required
        />
        <TextInput
          name="decisionDate"
          type="date"
          width={16}
          label={t.t('registry.verify.decision-date')}
          error={errorOf(errors, 'decisionDate')}
          value={form.decisionDate}
          required
        />
        <Submit label={t.t('registry.admin.record-new.submit')} />
      </form>
    </Layout>
  );
}
