import type { PortabilityAnswer } from '../../domain/recognition/portability.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import {
  Alert,
  CsrfField,
  ErrorSummary,
  RadioGroup,
  Select,
  TextArea,
  TextInput,
  UnverifiedNote,
} from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
import { Layout } from '../../web/layout.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { REGISTRY_PATHS } from './paths.ts';
import { errorOf, type Option, Submit } from './views-admin-controls.tsx';

// ---------------------------------------------------------------- register (ministry officers)

export interface RegisterForm {
  profession: string;
  fromState: string;
  toState: string;
  outcome: string;
  bridgingStep: string;
  legalBasis: string;
  source: string;
  reason: string;
}

export function RegisterPage(props: {
  ctx: ViewContext;
  states: Option[];
  professions: { key: string; answers: PortabilityAnswer[] }[];
  form: RegisterForm;
  errors: FieldError[];
  saved: boolean;
}) {
  const { ctx, form, errors } = props;
  const { t } = ctx;
  const stateName = (code: string) => props.states.find((s) => s.value === code)?.label ?? code;
  const base = localizedUrl(REGISTRY_PATHS.adminRegister, ctx.locale);
  const professionOptions = props.professions.map((p) => ({
    value: p.key,
    label: t.t(`registry.admin.profession.${p.key}`),
  }));
  return (
    <Layout ctx={ctx} title={t.t('registry.admin.register.title')}>
      <h1 class="kern-heading-large">{t.t('registry.admin.register.title')}</h1>
      <p class="kern-body">{t.t('registry.admin.register.lead')}</p>
      {props.saved ? <Alert kind="success" title={t.t('registry.admin.register.saved')} /> : null}
      <ul class="kern-list">
        <li>
          <a class="kern-link" href="#set-entry">
            {t.t('registry.admin.register.form')}
          </a>
        </li>
      </ul>
      {props.professions.map(({ key, answers }) => (
        <div key={key} class="kern-table-responsive">
          <table class="kern-table kern-table--striped">
            <caption class="kern-title">
              {t.t('registry.admin.register.caption', {
                profession: t.t(`registry.admin.profession.${key}`),
              })}
            </caption>
            <thead class="kern-table__head">
              <tr class="kern-table__row">
                <th scope="col" class="kern-table__header">
                  {t.t('registry.admin.register.from-to')}
                </th>
                {props.states.map((s) => (
                  <th key={s.value} scope="col" class="kern-table__header">
                    <abbr title={s.label}>{s.value}</abbr>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {props.states.map((from) => (
                <tr key={from.value} class="kern-table__row">
                  <th scope="row" class="kern-table__cell">
                    {from.label}
                  </th>
                  {props.states.map((to) => {
                    const a = answers.find((x) => x.fromState === from.value && x.toState === to.value);
                    if (!a || from.value === to.value) {
                      return (
                        <td key={to.value} class="kern-table__cell">
                          {t.t('registry.admin.register.same')}
                        </td>
                      );
                    }
                    const params = new URLSearchParams({ profession: key, from: from.value, to: to.value });
                    return (
                      <td key={to.value} class="kern-table__cell">
                        <a class="kern-link" href={`${base}?${params.toString()}#set-entry`}>
                          {t.t(`registry.admin.register.outcome.${a.outcome}`)}
                          <span class="kern-sr-only">
                            {` (${stateName(from.value)} → ${stateName(to.value)})`}
                          </span>
                        </a>
                        {a.verified ? null : (
                          <>
                            {' '}
                            <UnverifiedNote ctx={ctx} />
                          </>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
      <h2 class="kern-heading-medium" id="set-entry">
        {t.t('registry.admin.register.form')}
      </h2>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={base} class="registry-form" noValidate>
        <CsrfField ctx={ctx} />
        <Select
          name="profession"
          label={t.t('registry.admin.register.profession')}
          error={errorOf(errors, 'profession')}
          value={form.profession}
          options={[{ value: '', label: t.t('registry.admin.record.choose') }, ...professionOptions]}
        />
        <Select
          name="fromState"
          label={t.t('registry.admin.register.from')}
          error={errorOf(errors, 'fromState')}
          value={form.fromState}
          options={[{ value: '', label: t.t('registry.form.choose-state') }, ...props.states]}
        />
        <Select
          name="toState"
          label={t.t('registry.admin.register.to')}
          error={errorOf(errors, 'toState')}
          value={form.toState}
          options={[{ value: '', label: t.t('registry.form.choose-state') }, ...props.states]}
        />
        <RadioGroup
          name="outcome"
          label={t.t('registry.admin.register.answer')}
          error={errorOf(errors, 'outcome')}
          value={form.outcome}
          options={['counts', 'notification', 'bridging'].map((o) => ({
            value: o,
            label: t.t(`registry.admin.register.outcome.${o}`),
          }))}
        />
        <TextArea
          name="bridgingStep"
          label={t.t('registry.admin.register.step')}
          hint={t.t('registry.admin.register.step.hint')}
          error={errorOf(errors, 'bridgingStep')}
          value={form.bridgingStep}
          rows={3}
          maxLength={1000}
          optionalLabel={t.t('registry.admin.optional')}
        />
        <TextInput
          name="legalBasis"
          label={t.t('registry.answer.legal-basis')}
          error={errorOf(errors, 'legalBasis')}
          value={form.legalBasis}
          maxLength={500}
          required
        />
        <TextArea
          name="source"
          label={t.t('registry.admin.field.source')}
          hint={t.t('registry.admin.register.source.hint')}
          error={errorOf(errors, 'source')}
          value={form.source}
          rows={2}
          maxLength={2000}
          required
        />
        <TextInput
          name="reason"
          label={t.t('registry.admin.field.reason')}
          hint={t.t('registry.admin.field.reason.hint')}
          error={errorOf(errors, 'reason')}
          value={form.reason}
          maxLength={500}
          required
        />
        <Submit label={t.t('registry.admin.register.submit')} />
      </form>
    </Layout>
  );
}
