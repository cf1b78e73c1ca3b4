/** The form that adds or changes a support offer, and the form that retires it (administrators, state officers). */

import { OFFER_LEVELS, type OfferForm } from '../../domain/companion/offer-edit.ts';
import { OFFER_TOPICS } from '../../domain/companion/offers.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import { Checkboxes } from '../../web/checkboxes.tsx';
import { CsrfField, ErrorSummary, Select, TextArea, TextInput } from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
import { Page } from '../../web/layout.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { stateNameIn } from '../regions/index.ts';
import { COMPANION_PATHS } from './paths.ts';
import type { OfferRow } from './service.ts';

export type DistrictChoice = { readonly ags: string; readonly name: string; readonly stateCode: string };

export interface OfferFormProps {
  readonly ctx: ViewContext;
  /** Null: a new offer. */
  readonly offer: OfferRow | null;
  readonly form: OfferForm;
  readonly errors: readonly FieldError[];
  /** Where the editor may place an offer ('' = nationwide). */
  readonly places: readonly string[];
  readonly districts: readonly DistrictChoice[];
  /** The version the form was filled on (a change in between is refused). */
  readonly version: number;
}

export function OfferFormPage(props: OfferFormProps) {
  const { ctx, offer, form, errors } = props;
  const { t } = ctx;
  const err = (f: string) => errors.find((e) => e.field === f);
  const optional = t.t('companion.form.optional');
  const action = offer
    ? localizedUrl(COMPANION_PATHS.manageOffer, ctx.locale, { id: offer.id })
    : localizedUrl(COMPANION_PATHS.manageNew, ctx.locale);
  const text = (
    name: 'nameDe' | 'nameEn' | 'provider' | 'languages' | 'costDe' | 'costEn' | 'contactUrl' | 'sourceDate',
    req: boolean,
  ) => (
    <TextInput
      name={name}
      label={t.t(`companion.manage.field.${name}`)}
      hint={t.has(`companion.manage.hint.${name}`) ? t.t(`companion.manage.hint.${name}`) : undefined}
      value={form[name]}
      error={err(name)}
      {...(req ? { required: true } : { optionalLabel: optional })}
    />
  );
  const title = offer
    ? t.t('companion.manage.edit-title', { name: ctx.locale === 'de' ? offer.nameDe : offer.nameEn })
    : t.t('companion.manage.new-title');
  return (
    <Page ctx={ctx} title={title}>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={action} novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="version" value={String(props.version)} />
        {text('nameDe', true)}
        {text('nameEn', true)}
        {text('provider', true)}
        <Checkboxes
          name="levels"
          label={t.t('companion.manage.field.levels')}
          chosen={form.levels}
          error={err('levels')}
          options={OFFER_LEVELS.map((l) => ({ value: l, label: t.t(`companion.level.${l}`) }))}
        />
        <Select
          name="stateCode"
          label={t.t('companion.manage.field.stateCode')}
          value={form.stateCode}
          error={err('stateCode')}
          options={props.places.map((s) => ({
            value: s,
            label: s === '' ? t.t('companion.offer.nationwide') : stateNameIn(ctx.locale, s),
          }))}
        />
        <Select
          name="districtAgs"
          label={t.t('companion.manage.field.districtAgs')}
          optionalLabel={optional}
          value={form.districtAgs}
          error={err('districtAgs')}
          options={[
            { value: '', label: t.t('companion.manage.no-district') },
            ...props.districts.map((d) => ({
              value: d.ags,
              label: `${d.name} (${stateNameIn(ctx.locale, d.stateCode)})`,
            })),
          ]}
        />
        <Checkboxes
          name="topics"
          label={t.t('companion.manage.field.topics')}
          chosen={form.topics}
          error={err('topics')}
          options={OFFER_TOPICS.map((x) => ({ value: x, label: t.t(`companion.topic.${x}`) }))}
        />
        {text('languages', false)}
        {text('costDe', false)}
        {text('costEn', false)}
        {text('contactUrl', false)}
        <TextArea
          name="sourceUrls"
          label={t.t('companion.manage.field.sourceUrls')}
          hint={t.t('companion.manage.hint.sourceUrls')}
          value={form.sourceUrls}
          error={err('sourceUrls')}
          rows={3}
        />
        {text('sourceDate', false)}
        <TextArea
          name="reason"
          label={t.t('companion.manage.field.reason')}
          hint={t.t('companion.manage.hint.reason')}
          value={form.reason}
          error={err('reason')}
          rows={2}
        />
        <p class="kern-body">
          <button type="submit" class="kern-btn kern-btn--primary">
            <span class="kern-label">{t.t('companion.manage.save')}</span>
          </button>
        </p>
      </form>
      {offer ? (
        <RetireForm ctx={ctx} offer={offer} version={props.version} error={err('retireReason')} />
      ) : null}
      <p class="kern-body">
        <a class="kern-link" href={localizedUrl(COMPANION_PATHS.manage, ctx.locale)}>
          {t.t('companion.manage.back')}
        </a>
      </p>
    </Page>
  );
}

function RetireForm(props: {
  ctx: ViewContext;
  offer: OfferRow;
  version: number;
  error: FieldError | undefined;
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <form
      method="post"
      action={localizedUrl(COMPANION_PATHS.retire, ctx.locale, { id: props.offer.id })}
      novalidate
    >
      <h2 class="kern-heading-medium">{t.t('companion.manage.retire-title')}</h2>
      <p class="kern-body">{t.t('companion.manage.retire-lead')}</p>
      <CsrfField ctx={ctx} />
      <input type="hidden" name="version" value={String(props.version)} />
      <TextArea
        name="retireReason"
        label={t.t('companion.manage.field.retireReason')}
        value=""
        error={props.error}
        rows={2}
      />
      <p class="kern-body">
        <button type="submit" class="kern-btn kern-btn--secondary">
          <span class="kern-label">{t.t('companion.manage.retire')}</span>
        </button>
      </p>
    </form>
  );
}
