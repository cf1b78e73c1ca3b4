import type { ComponentChildren } from 'preact';
import type { Jurisdiction } from '../../../domain/access/jurisdiction.ts';
import { ORGANISATION_KINDS, ROLE_ORGANISATION_KINDS, ROLES } from '../../../domain/access/roles.ts';
import type { FieldError } from '../../../platform/http/errors.ts';
import { Alert, CsrfField, ErrorSummary, fieldId, Select, TextInput } from '../../../web/components.tsx';
import type { ViewContext } from '../../../web/context.ts';
import { Layout } from '../../../web/layout.tsx';
import { localizedUrl } from '../../../web/paths.ts';
import { registryBodyKey } from '../../registry/competence.ts';
import { IDENTITY_PATHS } from '../paths.ts';
import { Input } from '../sign-in/views.tsx';
import { type JurisdictionChoices, type JurisdictionSelection, jurisdictionLabel } from './organisations.ts';
import type { RegistryBodyChoice } from './registry-bodies.ts';
import type { OrganisationOverview } from './service.ts';

const href = (ctx: ViewContext, key: keyof typeof IDENTITY_PATHS, params: Record<string, string> = {}) =>
  localizedUrl(IDENTITY_PATHS[key], ctx.locale, params);

export const ADMIN_NOTICES = ['created', 'jurisdiction', 'sessions'] as const;
export type AdminNotice = (typeof ADMIN_NOTICES)[number];

/** Organisations with their jurisdictions and members: invite people, revoke roles; administrators also create organisations, edit jurisdictions and end sessions. */
export function OrganisationsPage(props: {
  ctx: ViewContext;
  organisations: OrganisationOverview[];
  choices: JurisdictionChoices;
  isAdmin: boolean;
  errors?: FieldError[];
  notice?: AdminNotice | undefined;
  endSessionsEmail?: string;
}) {
  const { ctx, choices, isAdmin } = props;
  const { t } = ctx;
  const errors = props.errors ?? [];
  const label = (j: Jurisdiction) => jurisdictionLabel(j, choices, t.t('identity.organisations.nationwide'));
  return (
    <Layout ctx={ctx} title={t.t('identity.organisations.title')}>
      <h1 class="kern-heading-large">{t.t('identity.organisations.title')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      {props.notice ? (
        <Alert kind="success" title={t.t(`identity.organisations.done.${props.notice}`)} />
      ) : null}
      {isAdmin ? (
        <p class="kern-body">
          <a class="kern-link" href={href(ctx, 'organisationsNew')}>
            {t.t('identity.organisations.new')}
          </a>
        </p>
      ) : null}
      {props.organisations.map((o) => {
        const roles = ROLES.filter((r) => (ROLE_ORGANISATION_KINDS[r] as readonly string[]).includes(o.kind));
        return (
          <section key={o.id} class="organisation" aria-labelledby={`org-${o.id}`}>
            <h2 class="kern-heading-medium" id={`org-${o.id}`}>
              {o.name}
            </h2>
            <p class="kern-body kern-body--small">
              {t.t(`identity.kind.${o.kind}`)}
              {` – ${t.t('identity.organisations.jurisdiction')}: ${
                o.scopes.length > 0
                  ? o.scopes.map(label).join(', ')
                  : t.t('identity.organisations.no-jurisdiction')
              }`}
            </p>
            {isAdmin ? (
              <p class="kern-body">
                <a class="kern-link" href={href(ctx, 'organisationJurisdiction', { id: o.id })}>
                  {t.t('identity.organisations.edit-jurisdiction', { name: o.name })}
                </a>
              </p>
            ) : null}
            <table class="kern-table">
              <caption class="kern-table__caption">
                {t.t('identity.organisations.members', { name: o.name })}
              </caption>
              <thead class="kern-table__head">
                <tr class="kern-table__row">
                  <th class="kern-table__header" scope="col">
                    {t.t('identity.field.name')}
                  </th>
                  <th class="kern-table__header" scope="col">
                    {t.t('identity.field.email')}
                  </th>
                  <th class="kern-table__header" scope="col">
                    {t.t('identity.organisations.role')}
                  </th>
                  <th class="kern-table__header" scope="col">
                    {t.t('identity.sessions.action')}
                  </th>
                </tr>
              </thead>
              <tbody class="kern-table__body">
                {o.members.map((m) => (
                  <tr class="kern-table__row" key={`${m.personId}-${m.role}`}>
                    <td class="kern-table__cell">{m.displayName}</td>
                    <td class="kern-table__cell">{m.email}</td>
                    <td class="kern-table__cell">{t.t(`identity.role.${m.role}`)}</td>
                    <td class="kern-table__cell">
                      <form method="post" action={href(ctx, 'organisationsRevoke')}>
                        <CsrfField ctx={ctx} />
                        <input type="hidden" name="organisationId" value={o.id} />
                        <input type="hidden" name="personId" value={m.personId} />
                        <input type="hidden" name="role" value={m.role} />
                        <button class="kern-btn kern-btn--tertiary" type="submit">
                          <span class="kern-label">
                            {t.t('identity.organisations.revoke', { name: m.displayName })}
                          </span>
                        </button>
                      </form>
                      {isAdmin ? (
                        <form method="post" action={href(ctx, 'endSessions')}>
                          <CsrfField ctx={ctx} />
                          <input type="hidden" name="personId" value={m.personId} />
                          <button class="kern-btn kern-btn--tertiary" type="submit">
                            <span class="kern-label">
                              {t.t('identity.organisations.end-sessions', { name: m.displayName })}
                            </span>
                          </button>
                        </form>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <form method="post" action={href(ctx, 'organisationsInvite')} novalidate>
              <CsrfField ctx={ctx} />
              <input type="hidden" name="organisationId" value={o.id} />
              <Input
                name={`email-${o.id}`}
                type="email"
                label={t.t('identity.organisations.invite-email')}
                autocomplete="off"
                error={errors.find((e) => e.field === `email-${o.id}`)}
              />
              <Select
                name={`role-${o.id}`}
                label={t.t('identity.organisations.role')}
                options={roles.map((r) => ({ value: r, label: t.t(`identity.role.${r}`) }))}
                error={errors.find((e) => e.field === `role-${o.id}`)}
              />
              <button class="kern-btn kern-btn--primary" type="submit">
                <span class="kern-label">{t.t('identity.organisations.invite', { name: o.name })}</span>
              </button>
            </form>
          </section>
        );
      })}
      {isAdmin ? (
        <section aria-labelledby="end-sessions">
          <h2 class="kern-heading-medium" id="end-sessions">
            {t.t('identity.organisations.end-sessions-title')}
          </h2>
          <p class="kern-body">{t.t('identity.organisations.end-sessions-lead')}</p>
          <form method="post" action={href(ctx, 'endSessions')} novalidate>
            <CsrfField ctx={ctx} />
            <Input
              name="email"
              type="email"
              label={t.t('identity.organisations.end-sessions-email')}
              autocomplete="off"
              value={props.endSessionsEmail ?? ''}
              error={errors.find((e) => e.field === 'email')}
            />
            <button class="kern-btn kern-btn--secondary" type="submit">
              <span class="kern-label">{t.t('identity.organisations.end-sessions-submit')}</span>
            </button>
          </form>
        </section>
      ) : null}
    </Layout>
  );
}

function Checkbox(props: { name: string; value: string; label: string; checked: boolean; id: string }) {
  return (
    <div class="kern-form-check">
      <input
        class="kern-form-check__checkbox"
        type="checkbox"
        id={props.id}
        name={props.name}
        value={props.value}
        checked={props.checked}
      />
      <label class="kern-label" for={props.id}>
        {props.label}
      </label>
    </div>
  );
}

/** A group of checkboxes with legend, hint and error; the id goes on the first checkbox or on the fieldset. */
function ChoiceFieldset(props: {
  id: string;
  legend: string;
  hint: string;
  error?: FieldError | undefined;
  /** The error summary's link target is the fieldset (its first checkbox may be folded away). */
  idOnFieldset?: boolean;
  children: ComponentChildren;
}) {
  const { id, error } = props;
  return (
    <fieldset
      id={props.idOnFieldset ? id : undefined}
      class={`kern-fieldset${error ? ' kern-fieldset--error' : ''}`}
      aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
    >
      <legend class="kern-label">{props.legend}</legend>
      <div class="kern-hint" id={`${id}-hint`}>
        {props.hint}
      </div>
      {error ? (
        <p class="kern-error" id={`${id}-error`}>
          <span class="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true" />
          <span>{error.message}</span>
        </p>
      ) : null}
      <div class="kern-fieldset__body">{props.children}</div>
    </fieldset>
  );
}

/**
 * The jurisdiction as checkboxes from the reference data: nationwide, states, districts per
 * state (folded), countries of the missions registry. Nothing is typed in by hand.
 */
function JurisdictionFields(props: {
  ctx: ViewContext;
  choices: JurisdictionChoices;
  selection: JurisdictionSelection;
  error?: FieldError | undefined;
}) {
  const { ctx, choices, selection } = props;
  const { t } = ctx;
  const id = fieldId('jurisdiction');
  return (
    <ChoiceFieldset
      id={id}
      legend={t.t('identity.organisations.jurisdiction-legend')}
      hint={t.t('identity.organisations.jurisdiction-hint')}
      error={props.error}
    >
      <Checkbox
        id={id}
        name="nationwide"
        value="1"
        label={t.t('identity.organisations.nationwide')}
        checked={selection.nationwide}
      />
      <fieldset class="kern-fieldset">
        <legend class="kern-label">{t.t('identity.organisations.states')}</legend>
        <div class="kern-fieldset__body">
          {choices.states.map((s) => (
            <Checkbox
              key={s.code}
              id={`${id}-state-${s.code}`}
              name="state"
              value={s.code}
              label={s.name}
              checked={selection.states.includes(s.code)}
            />
          ))}
        </div>
      </fieldset>
      {choices.states.map((s) => {
        const districts = choices.districts.filter((d) => d.stateCode === s.code);
        const open = districts.some((d) => selection.districts.includes(d.ags));
        return (
          <details key={s.code} open={open}>
            <summary class="kern-label">
              {t.t('identity.organisations.districts-of', { state: s.name })}
            </summary>
            <fieldset class="kern-fieldset">
              <legend class="kern-label">
                {t.t('identity.organisations.districts-of', { state: s.name })}
              </legend>
              <div class="kern-fieldset__body">
                {districts.map((d) => (
                  <Checkbox
                    key={d.ags}
                    id={`${id}-district-${d.ags}`}
                    name="district"
                    value={d.ags}
                    label={`${d.name} (${d.ags})`}
                    checked={selection.districts.includes(d.ags)}
                  />
                ))}
              </div>
            </fieldset>
          </details>
        );
      })}
      <fieldset class="kern-fieldset">
        <legend class="kern-label">{t.t('identity.organisations.countries')}</legend>
        <div class="kern-fieldset__body">
          {choices.countries.map((c) => (
            <Checkbox
              key={c.code}
              id={`${id}-country-${c.code}`}
              name="country"
              value={c.code}
              label={`${c.name} (${c.code})`}
              checked={selection.countries.includes(c.code)}
            />
          ))}
        </div>
      </fieldset>
    </ChoiceFieldset>
  );
}

/**
 * The registry bodies a recognition authority is, as checkboxes per state (folded; open where something is
 * chosen), then the nationwide bodies. Only offered for recognition authorities.
 */
function RegistryBodyFields(props: {
  ctx: ViewContext;
  choices: readonly RegistryBodyChoice[];
  states: JurisdictionChoices['states'];
  selected: readonly string[];
  error?: FieldError | undefined;
}) {
  const { ctx, choices, selected } = props;
  const { t } = ctx;
  const id = fieldId('registryBodies');
  const groups = [
    ...props.states.map((s) => ({ key: s.code, name: s.name })),
    { key: 'nationwide', name: t.t('identity.organisations.registry-nationwide') },
  ];
  return (
    <ChoiceFieldset
      id={id}
      legend={t.t('identity.organisations.registry-legend')}
      hint={t.t('identity.organisations.registry-hint')}
      error={props.error}
      idOnFieldset
    >
      {groups.map((g) => {
        const inGroup = choices.filter((c) => c.group === g.key);
        if (inGroup.length === 0) return null;
        const chosen = inGroup.filter((c) => selected.includes(registryBodyKey(c.ref))).length;
        return (
          <details key={g.key} open={chosen > 0}>
            <summary class="kern-label">
              {t.t('identity.organisations.registry-group', { group: g.name, count: chosen })}
            </summary>
            <fieldset class="kern-fieldset">
              <legend class="kern-label">{g.name}</legend>
              <div class="kern-fieldset__body">
                {inGroup.map((c) => {
                  const value = registryBodyKey(c.ref);
                  return (
                    <Checkbox
                      key={value}
                      id={`${id}-${value.replace(/[^A-Za-z0-9-]/g, '-')}`}
                      name="registryBody"
                      value={value}
                      label={c.label}
                      checked={selected.includes(value)}
                    />
                  );
                })}
              </div>
            </fieldset>
          </details>
        );
      })}
    </ChoiceFieldset>
  );
}

export interface OrganisationForm {
  kind: string;
  name: string;
  seatDistrict: string;
  seatCountry: string;
  selection: JurisdictionSelection;
  /** Chosen registry bodies as form values (`<table>:<id>`); only for recognition authorities. */
  registryBodies: readonly string[];
}

export const EMPTY_SELECTION: JurisdictionSelection = {
  nationwide: false,
  states: [],
  districts: [],
  countries: [],
};

/** Name and seat (a district from the reference data, or a country of the missions registry). */
function NameAndSeat(props: {
  ctx: ViewContext;
  choices: JurisdictionChoices;
  values: { name: string; seatDistrict: string; seatCountry: string };
  errors: readonly FieldError[];
}) {
  const { ctx, choices, values: v } = props;
  const { t } = ctx;
  const err = (f: string) => props.errors.find((e) => e.field === f);
  const none = { value: '', label: t.t('identity.organisations.seat-none') };
  return (
    <>
      <TextInput
        name="name"
        label={t.t('identity.organisations.name')}
        value={v.name}
        maxLength={300}
        error={err('name')}
      />
      <Select
        name="seatDistrict"
        label={t.t('identity.organisations.seat-district')}
        value={v.seatDistrict}
        error={err('seatDistrict')}
        options={[
          none,
          ...choices.districts.map((d) => ({
            value: d.ags,
            label: `${d.name} (${choices.states.find((s) => s.code === d.stateCode)?.name ?? d.stateCode})`,
          })),
        ]}
      />
      <Select
        name="seatCountry"
        label={t.t('identity.organisations.seat-country')}
        value={v.seatCountry}
        error={err('seatCountry')}
        options={[none, ...choices.countries.map((c) => ({ value: c.code, label: c.name }))]}
      />
    </>
  );
}

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
