/** The companion page of a § 104c holder: the clock, the § 25a/§ 25b conditions with matching offers, the form. */

import type { CompanionPathway, ConditionState, PermitClock } from '../../domain/companion/holder.ts';
import { offersForCondition } from '../../domain/companion/offers.ts';
import { LANGUAGE_LEVELS } from '../../domain/law/index.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import { Alert, CsrfField, ErrorSummary, RadioGroup, Select, TextInput } from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
import { Page } from '../../web/layout.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { criterionTitle, renderMessage } from '../pathways/index.ts';
import { STATES, stateNameIn } from '../regions/index.ts';
import { COMPANION_EMPLOYMENT_PATHS } from './employment/paths.ts';
import type { EmploymentView } from './employment/service.ts';
import { EvidenceNote } from './employment/views.tsx';
import type { FormInput } from './form.ts';
import { MetNotice } from './notice-views.tsx';
import type { NoticeRow } from './notices.ts';
import { OfferCard } from './offer-views.tsx';
import { COMPANION_PATHS } from './paths.ts';
import type { HolderRow, OfferRow } from './service.ts';
import type { Transition } from './transition.ts';
import { TransitionBegun, type TransitionPart, TransitionSection } from './transition-views.tsx';

const BADGE: Record<ConditionState, string> = { met: 'success', open: 'danger', 'needs-evidence': 'warning' };

function ClockText({ ctx, clock, expiresOn }: { ctx: ViewContext; clock: PermitClock; expiresOn: string }) {
  const { t } = ctx;
  const date = t.date(expiresOn);
  if (clock.kind === 'expired')
    return <Alert kind="danger" title={t.t('companion.clock.expired', { days: clock.days, date })} />;
  if (clock.kind === 'last-day')
    return <Alert kind="warning" title={t.t('companion.clock.last-day', { date })} />;
  return (
    <Alert
      kind={clock.days <= 42 ? 'warning' : 'info'}
      title={t.t('companion.clock.running', { days: clock.days, weeks: clock.weeks, date })}
    />
  );
}

export interface CompanionView {
  row: HolderRow;
  clock: PermitClock;
  pathways: readonly CompanionPathway[];
  offers: readonly OfferRow[];
  /** The latest notice of conditions newly met, for this reader. */
  notice?: NoticeRow | undefined;
  /** The employer's confirmation that counts today, if any (evidence for the livelihood condition). */
  evidence?: EmploymentView | undefined;
}

/** The clock and the conditions with their offers (the holder's page and the counsellor's). */
export function CompanionReport({
  ctx,
  view,
  own,
}: {
  ctx: ViewContext;
  view: CompanionView;
  own?: boolean;
}) {
  const { t } = ctx;
  const { row } = view;
  return (
    <>
      <MetNotice ctx={ctx} notice={view.notice} />
      <h2 class="kern-heading-medium">{t.t('companion.clock.title')}</h2>
      <ClockText ctx={ctx} clock={view.clock} expiresOn={row.permitExpiresOn} />
      <p class="kern-body">
        {t.t('companion.clock.granted', { date: t.date(row.permitGrantedOn) })}{' '}
        {t.t('companion.clock.state', { state: stateNameIn(ctx.locale, row.stateCode) })}
      </p>
      {view.pathways.map((p) => (
        <section key={p.id} class="companion-pathway">
          <h2 class="kern-heading-medium">{t.t(`law.pathway.${p.id}.title`)}</h2>
          <p class="kern-body">{t.t(`companion.outcome.${p.outcome}`)}</p>
          <ul class="kern-list companion-conditions">
            {p.conditions.map((c) => {
              const offers =
                c.state === 'met' ? [] : offersForCondition(c.criterion.id, view.offers, row.stateCode);
              return (
                <li key={c.criterion.id} class="companion-condition">
                  <h3 class="kern-heading-small">
                    {criterionTitle(t, c.criterion.id)}{' '}
                    <span class={`kern-badge kern-badge--${BADGE[c.state]} kern-badge--small`}>
                      <span class="kern-label kern-label--small">{t.t(`companion.state.${c.state}`)}</span>
                    </span>
                  </h3>
                  <p class="kern-body">{renderMessage(t, c.criterion.message)}</p>
                  {c.criterion.id === 'livelihood-work' ? (
                    <EvidenceNote ctx={ctx} evidence={view.evidence} link={own === true} />
                  ) : null}
                  {offers.length > 0 ? (
                    <details class="companion-condition-offers">
                      <summary class="kern-body">
                        {t.t('companion.condition.offers', { count: offers.length })}
                      </summary>
                      <ul class="kern-list">
                        {offers.map((o) => (
                          <OfferCard key={o.id} ctx={ctx} o={o} heading="h4" />
                        ))}
                      </ul>
                    </details>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
      <p class="kern-body kern-body--small">{t.t('companion.disclaimer')}</p>
    </>
  );
}

type DistrictChoice = { ags: string; name: string; kind: string; stateCode: string };

function HolderForm(props: {
  ctx: ViewContext;
  input: FormInput;
  errors: readonly FieldError[];
  districts: readonly DistrictChoice[];
}) {
  const { ctx, input } = props;
  const { t } = ctx;
  const err = (f: string) => props.errors.find((e) => e.field === f);
  const hint = t.t('companion.form.date-hint');
  const optional = t.t('companion.form.optional');
  const yesNo = [
    { value: 'yes', label: t.t('companion.form.yes') },
    { value: 'no', label: t.t('companion.form.no') },
    { value: '', label: t.t('companion.form.not-said') },
  ];
  const date = (name: keyof FormInput, required: boolean) => (
    <TextInput
      name={name}
      label={t.t(`companion.field.${name}`)}
      hint={hint}
      value={input[name]}
      error={err(name)}
      width={16}
      {...(required ? { required: true } : { optionalLabel: optional })}
    />
  );
  return (
    <form method="post" action={localizedUrl(COMPANION_PATHS.mine, ctx.locale)} novalidate>
      <CsrfField ctx={ctx} />
      <Select
        name="state"
        label={t.t('companion.field.state')}
        value={input.state}
        error={err('state')}
        options={[
          { value: '', label: t.t('companion.form.choose') },
          ...STATES.map((s) => ({ value: s.code, label: stateNameIn(ctx.locale, s.code) })),
        ]}
      />
      <Select
        name="district"
        label={t.t('companion.field.district')}
        hint={t.t('companion.field.district-hint')}
        optionalLabel={optional}
        value={input.district}
        error={err('district')}
        options={[
          { value: '', label: t.t('companion.form.not-said') },
          ...props.districts.map((d) => ({
            value: d.ags,
            label: `${d.name} (${t.t(`regions.kind.${d.kind}`)}, ${stateNameIn(ctx.locale, d.stateCode)})`,
          })),
        ]}
      />
      {date('grantedOn', true)}
      {date('expiresOn', true)}
      {date('birthDate', true)}
      {date('inGermanySince', false)}
      <Select
        name="german"
        label={t.t('companion.field.german')}
        optionalLabel={optional}
        value={input.german}
        error={err('german')}
        options={[
          { value: '', label: t.t('companion.form.not-said') },
          ...LANGUAGE_LEVELS.map((l) => ({ value: l, label: t.t(`companion.level-german.${l}`) })),
        ]}
      />
      {(['livelihood', 'child', 'school'] as const).map((f) => (
        <RadioGroup
          key={f}
          name={f}
          label={t.t(`companion.field.${f}`)}
          optionalLabel={optional}
          value={input[f]}
          error={err(f)}
          options={yesNo}
        />
      ))}
      <p class="kern-body">
        <button type="submit" class="kern-btn kern-btn--primary">
          <span class="kern-label">{t.t('companion.form.submit')}</span>
        </button>
      </p>
    </form>
  );
}

export function CompanionPage(props: {
  ctx: ViewContext;
  view: CompanionView | null;
  input: FormInput;
  errors: readonly FieldError[];
  /** The move to § 25a/§ 25b (only once the facts are stored). */
  transition?: TransitionPart | undefined;
  districts: readonly DistrictChoice[];
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Page ctx={ctx} title={t.t('companion.title')}>
      <p class="kern-body">{t.t('companion.lead')}</p>
      <ErrorSummary ctx={ctx} errors={[...props.errors, ...(props.transition?.errors ?? [])]} />
      {props.view ? <CompanionReport ctx={ctx} view={props.view} own /> : null}
      {props.view && props.transition ? (
        <TransitionSection ctx={ctx} part={props.transition} pathways={props.view.pathways} />
      ) : null}
      <h2 class="kern-heading-medium">
        {t.t(props.view ? 'companion.form.title-change' : 'companion.form.title')}
      </h2>
      <p class="kern-body">{t.t('companion.form.lead')}</p>
      <HolderForm ctx={ctx} input={props.input} errors={props.errors} districts={props.districts} />
      <p class="kern-body">
        <a class="kern-link" href={localizedUrl(COMPANION_PATHS.offers, ctx.locale)}>
          {t.t('companion.to-offers')}
        </a>
      </p>
      <p class="kern-body">
        <a class="kern-link" href={localizedUrl(COMPANION_EMPLOYMENT_PATHS.kit, ctx.locale)}>
          {t.t('companion.employment.to-kit-holder')}
        </a>
      </p>
    </Page>
  );
}

/** A person's companion as their counsellor reads it (with consent): no form. */
export function CounsellorPage(props: {
  ctx: ViewContext;
  name: string;
  view: CompanionView | null;
  transition: Transition | undefined;
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Page ctx={ctx} title={t.t('companion.counsellor.title', { name: props.name })}>
      <p class="kern-body">{t.t('companion.counsellor.lead')}</p>
      {props.view ? (
        <CompanionReport ctx={ctx} view={props.view} />
      ) : (
        <p class="kern-body">{t.t('companion.counsellor.none')}</p>
      )}
      {props.transition ? <TransitionBegun ctx={ctx} transition={props.transition} /> : null}
    </Page>
  );
}
