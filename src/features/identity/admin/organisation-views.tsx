import { ORGANISATION_KINDS } from '../../../domain/access/roles.ts';
import type { FieldError } from '../../../platform/http/errors.ts';
import { CsrfField, ErrorSummary, Select } from '../../../web/components.tsx';
import type { ViewContext } from '../../../web/context.ts';
import { Layout } from '../../../web/layout.tsx';
import {
  EMPTY_SELECTION,
  JurisdictionFields,
  NameAndSeat,
  type OrganisationForm,
  RegistryBodyFields,
} from './organisation-form.tsx';
import type { JurisdictionChoices } from './organisations.ts';
import type { RegistryBodyChoice } from './registry-bodies.ts';
import { href } from './views.tsx';

/** Create an organisation: kind, name, seat and jurisdiction, all chosen from lists. */
export function NewOrganisationPage(props: {
  ctx: ViewContext;
  choices: JurisdictionChoices;
  bodies: readonly RegistryBodyChoice[];
  values?: OrganisationForm;
  errors?: FieldError[];
}) {
  const { ctx, choices } = props;
  const { t } = ctx;
  const errors = props.errors ?? [];
  const v = props.values ?? {
    kind: '',
    name: '',
    seatDistrict: '',
    seatCountry: '',
    selection: EMPTY_SELECTION,
    registryBodies: [],
  };
  const err = (f: string) => errors.find((e) => e.field === f);
  return (
    <Layout ctx={ctx} title={t.t('identity.organisations.new-title')}>
      <h1 class="kern-heading-large">{t.t('identity.organisations.new-title')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={href(ctx, 'organisationsNew')} novalidate>
        <CsrfField ctx={ctx} />
        <Select
          name="kind"
          label={t.t('identity.organisations.kind')}
          value={v.kind}
          error={err('kind')}
          options={[
            { value: '', label: t.t('identity.organisations.choose') },
            ...ORGANISATION_KINDS.map((k) => ({ value: k, label: t.t(`identity.kind.${k}`) })),
          ]}
        />
        <NameAndSeat ctx={ctx} choices={choices} values={v} errors={errors} />
        <JurisdictionFields ctx={ctx} choices={choices} selection={v.selection} error={err('jurisdiction')} />
        <RegistryBodyFields
          ctx={ctx}
          choices={props.bodies}
          states={choices.states}
          selected={v.registryBodies}
          error={err('registryBodies')}
        />
        <button class="kern-btn kern-btn--primary" type="submit">
          <span class="kern-label">{t.t('identity.organisations.create')}</span>
        </button>
      </form>
      <p class="kern-body">
        <a class="kern-link" href={href(ctx, 'organisations')}>
          {t.t('identity.organisations.back')}
        </a>
      </p>
    </Layout>
  );
}

/** Edit an organisation: name, seat, jurisdiction and, for a recognition authority, its registry bodies (the kind stays: roles depend on it). */
export function JurisdictionPage(props: {
  ctx: ViewContext;
  organisation: { id: string; name: string };
  choices: JurisdictionChoices;
  /** The registry's bodies, for a recognition authority; null for other kinds. */
  bodies: readonly RegistryBodyChoice[] | null;
  values: Omit<OrganisationForm, 'kind'>;
  errors?: FieldError[];
}) {
  const { ctx, values: v } = props;
  const { t } = ctx;
  const errors = props.errors ?? [];
  const title = t.t('identity.organisations.jurisdiction-title', { name: props.organisation.name });
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="kern-heading-large">{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form
        method="post"
        action={href(ctx, 'organisationJurisdiction', { id: props.organisation.id })}
        novalidate
      >
        <CsrfField ctx={ctx} />
        <NameAndSeat ctx={ctx} choices={props.choices} values={v} errors={errors} />
        <JurisdictionFields
          ctx={ctx}
          choices={props.choices}
          selection={v.selection}
          error={errors.find((e) => e.field === 'jurisdiction')}
        />
        {props.bodies ? (
          <RegistryBodyFields
            ctx={ctx}
            choices={props.bodies}
            states={props.choices.states}
            selected={v.registryBodies}
            error={errors.find((e) => e.field === 'registryBodies')}
          />
        ) : null}
        <button class="kern-btn kern-btn--primary" type="submit">
          <span class="kern-label">{t.t('identity.organisations.save')}</span>
        </button>
      </form>
      <p class="kern-body">
        <a class="kern-link" href={href(ctx, 'organisations')}>
          {t.t('identity.organisations.back')}
        </a>
      </p>
    </Layout>
  );
}
