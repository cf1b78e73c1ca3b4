/** The registration form of an employer (issue 16): one page, no JavaScript, errors named beside each field. */
import type { FieldError } from '../../platform/http/errors.ts';
import { CsrfField, ErrorSummary, RadioGroup, Select, TextInput } from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
import { Page } from '../../web/layout.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { STATES } from '../regions/index.ts';
import { EMPLOYER_PATHS } from './paths.ts';
import type { EmployerInput } from './register-form.ts';
import { PUBLIC_EMPLOYER_KINDS, SIZE_BANDS } from './schema.ts';

export type DistrictChoice = { ags: string; name: string; stateCode: string };

export const EMPTY_EMPLOYER: EmployerInput = {
  name: '',
  street: '',
  postcode: '',
  town: '',
  district: '',
  legal: '',
  registerCourt: '',
  registerNumber: '',
  publicKind: '',
  size: '',
};

/** A state's name in the page's language. */
export function stateName(ctx: ViewContext, code: string): string {
  const s = STATES.find((x) => x.code === code);
  return s ? (ctx.locale === 'de' ? s.nameDe : s.nameEn) : '';
}

export function RegisterPage(props: {
  ctx: ViewContext;
  districts: readonly DistrictChoice[];
  input: EmployerInput;
  errors: readonly FieldError[];
  /** An employer organisation of the person's without a registration: its details are completed. */
  existing?: { id: string; name: string } | undefined;
}) {
  const { ctx, input, errors, existing } = props;
  const { t } = ctx;
  const err = (field: string) => errors.find((e) => e.field === field);
  return (
    <Page
      ctx={ctx}
      title={
        existing ? t.t('employers.complete.title', { name: existing.name }) : t.t('employers.register.title')
      }
    >
      <p class="kern-body">{t.t('employers.register.lead')}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={localizedUrl(EMPLOYER_PATHS.register, ctx.locale)} novalidate>
        <CsrfField ctx={ctx} />
        {existing ? <input type="hidden" name="organisationId" value={existing.id} /> : null}
        <TextInput
          name="name"
          label={t.t('employers.field.name')}
          hint={t.t('employers.field.name-hint')}
          value={input.name}
          maxLength={200}
          autocomplete="organization"
          error={err('name')}
        />
        <fieldset class="kern-fieldset">
          <legend class="kern-label">{t.t('employers.field.address')}</legend>
          <div class="kern-fieldset__body">
            <TextInput
              name="street"
              label={t.t('employers.field.street')}
              value={input.street}
              maxLength={200}
              autocomplete="street-address"
              error={err('street')}
            />
            <TextInput
              name="postcode"
              label={t.t('employers.field.postcode')}
              value={input.postcode}
              maxLength={5}
              inputMode="numeric"
              autocomplete="postal-code"
              width={8}
              error={err('postcode')}
            />
            <TextInput
              name="town"
              label={t.t('employers.field.town')}
              value={input.town}
              maxLength={100}
              autocomplete="address-level2"
              error={err('town')}
            />
            <Select
              name="district"
              label={t.t('employers.field.district')}
              hint={t.t('employers.field.district-hint')}
              value={input.district}
              options={[
                { value: '', label: t.t('employers.choose') },
                ...props.districts.map((d) => ({
                  value: d.ags,
                  label: `${d.name} (${stateName(ctx, d.stateCode)})`,
                })),
              ]}
              error={err('district')}
            />
          </div>
        </fieldset>
        <RadioGroup
          name="legal"
          label={t.t('employers.field.legal')}
          value={input.legal}
          options={[
            { value: 'register', label: t.t('employers.legal.register') },
            { value: 'public', label: t.t('employers.legal.public') },
          ]}
          error={err('legal')}
        />
        <TextInput
          name="registerCourt"
          label={t.t('employers.field.registerCourt')}
          hint={t.t('employers.field.registerCourt-hint')}
          optionalLabel={t.t('employers.only-register')}
          value={input.registerCourt}
          maxLength={100}
          error={err('registerCourt')}
        />
        <TextInput
          name="registerNumber"
          label={t.t('employers.field.registerNumber')}
          hint={t.t('employers.field.registerNumber-hint')}
          optionalLabel={t.t('employers.only-register')}
          value={input.registerNumber}
          maxLength={40}
          width={16}
          error={err('registerNumber')}
        />
        <Select
          name="publicKind"
          label={t.t('employers.field.publicKind')}
          optionalLabel={t.t('employers.only-public')}
          value={input.publicKind}
          options={[
            { value: '', label: t.t('employers.choose') },
            ...PUBLIC_EMPLOYER_KINDS.map((k) => ({ value: k, label: t.t(`employers.public-kind.${k}`) })),
          ]}
          error={err('publicKind')}
        />
        <RadioGroup
          name="size"
          label={t.t('employers.field.size')}
          value={input.size}
          options={SIZE_BANDS.map((s) => ({ value: s, label: t.t(`employers.size.${s}`) }))}
          error={err('size')}
        />
        {existing ? null : <p class="kern-body">{t.t('employers.register.after')}</p>}
        <button type="submit" class="kern-btn kern-btn--primary">
          <span class="kern-label">{t.t('employers.register.submit')}</span>
        </button>
      </form>
    </Page>
  );
}
