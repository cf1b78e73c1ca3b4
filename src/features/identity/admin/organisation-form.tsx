import type { ComponentChildren } from 'preact';
import type { FieldError } from '../../../platform/http/errors.ts';
import { fieldId, Select, TextInput } from '../../../web/components.tsx';
import type { ViewContext } from '../../../web/context.ts';
import { registryBodyKey } from '../../registry/index.ts';
import type { JurisdictionChoices, JurisdictionSelection } from './organisations.ts';
import type { RegistryBodyChoice } from './registry-bodies.ts';

export function Checkbox(props: {
  name: string;
  value: string;
  label: string;
  checked: boolean;
  id: string;
}) {
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
export function ChoiceFieldset(props: {
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
export function JurisdictionFields(props: {
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
export function RegistryBodyFields(props: {
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
export function NameAndSeat(props: {
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
