/** The support-offer directory (public) and one offer as a card, also used on the companion page. */

import { OFFER_TOPICS, type OfferTopic, TOPIC_TAGS } from '../../domain/companion/offers.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import { ErrorSummary, Select, UnverifiedNote } from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
import { Page } from '../../web/layout.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { STATES, stateNameIn } from '../regions/index.ts';
import { COMPANION_PATHS } from './paths.ts';
import type { OfferRow } from './service.ts';

/** Research text is English; on a German page it is marked as such (a screen reader switches voice). */
const ENGLISH =
  /\b(and|the|of|by|with|for|to|from|at|on|in cooperation|run|funded|since|until|office|offices)\b/i;
const langOf = (ctx: ViewContext, text: string) =>
  ctx.locale === 'de' && ENGLISH.test(text) ? 'en' : undefined;

/** The source's date in words: a day, a month or a year. */
function sourceDateText(ctx: ViewContext, d: string | null): string {
  const { t } = ctx;
  if (d === null) return t.t('companion.offer.undated');
  if (/^\d{4}$/.test(d)) return d;
  if (/^\d{4}-\d{2}$/.test(d))
    return new Intl.DateTimeFormat(ctx.locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${d}-01T00:00:00Z`),
    );
  return t.date(d);
}

/** The topics an offer helps with, in words. */
export function offerTopics(ctx: ViewContext, o: OfferRow): string {
  const topics = OFFER_TOPICS.filter((topic) => TOPIC_TAGS[topic].some((tag) => o.conditions.includes(tag)));
  return ctx.t.list(topics.map((topic) => ctx.t.t(`companion.topic.${topic}`)));
}

export function OfferCard({
  ctx,
  o,
  heading,
}: {
  ctx: ViewContext;
  o: OfferRow;
  heading: 'h2' | 'h3' | 'h4';
}) {
  const { t } = ctx;
  const H = heading;
  const where =
    o.stateCode === null ? t.t('companion.offer.nationwide') : stateNameIn(ctx.locale, o.stateCode);
  const cost = ctx.locale === 'de' ? o.costDe : o.costEn;
  // The provider's name: the first of the research's entries, without its remarks in brackets.
  const provider = (o.provider.split(';')[0] ?? o.provider).replace(/\s*\([^()]*\)/g, '').trim();
  return (
    <li class="companion-offer">
      <H class="kern-heading-small">{ctx.locale === 'de' ? o.nameDe : o.nameEn}</H>
      {o.verified ? null : <UnverifiedNote ctx={ctx} />}
      <dl class="kern-description-list">
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{t.t('companion.offer.provider')}</dt>
          <dd class="kern-description-list-item__value" lang={langOf(ctx, provider)}>
            {provider}
          </dd>
        </div>
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{t.t('companion.offer.where')}</dt>
          <dd class="kern-description-list-item__value">
            {where} ({t.list(o.levels.map((l) => t.t(`companion.level.${l}`)))})
          </dd>
        </div>
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{t.t('companion.offer.helps')}</dt>
          <dd class="kern-description-list-item__value">{offerTopics(ctx, o)}</dd>
        </div>
        {o.languages ? (
          <div class="kern-description-list-item">
            <dt class="kern-description-list-item__key">{t.t('companion.offer.languages')}</dt>
            <dd class="kern-description-list-item__value" lang={ctx.locale === 'de' ? 'en' : undefined}>
              {o.languages}
            </dd>
          </div>
        ) : null}
        {cost ? (
          <div class="kern-description-list-item">
            <dt class="kern-description-list-item__key">{t.t('companion.offer.cost')}</dt>
            <dd class="kern-description-list-item__value">{cost}</dd>
          </div>
        ) : null}
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{t.t('companion.offer.contact')}</dt>
          <dd class="kern-description-list-item__value">
            {o.contactUrl ? (
              <a class="kern-link" href={o.contactUrl} rel="noopener noreferrer">
                {o.contactUrl.replace(/^https?:\/\//, '').replace(/\/$/, '')}
              </a>
            ) : (
              t.t('companion.offer.no-contact')
            )}
          </dd>
        </div>
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{t.t('companion.offer.source')}</dt>
          <dd class="kern-description-list-item__value">
            {o.sourceUrls.slice(0, 3).map((u, i) => (
              <span key={u}>
                {i > 0 ? ', ' : ''}
                <a class="kern-link" href={u} rel="noopener noreferrer">
                  {t.t('companion.offer.source-link', { n: i + 1 })}
                </a>
              </span>
            ))}{' '}
            ({t.t('companion.offer.as-of', { date: sourceDateText(ctx, o.sourceDate) })})
          </dd>
        </div>
      </dl>
    </li>
  );
}

export type OfferFilterInput = { state: string; topic: string };

export function OffersPage(props: {
  ctx: ViewContext;
  input: OfferFilterInput;
  errors: readonly FieldError[];
  found: readonly OfferRow[];
  topic: OfferTopic | undefined;
}) {
  const { ctx, input } = props;
  const { t } = ctx;
  const any = { value: '', label: t.t('companion.filter.any') };
  return (
    <Page ctx={ctx} title={t.t('companion.offers.title')}>
      <p class="kern-body">{t.t('companion.offers.lead')}</p>
      <ErrorSummary ctx={ctx} errors={props.errors} />
      <form method="get" action={localizedUrl(COMPANION_PATHS.offers, ctx.locale)}>
        <fieldset class="kern-fieldset">
          <legend class="kern-label">{t.t('companion.filter.legend')}</legend>
          <div class="kern-fieldset__body">
            <Select
              name="state"
              label={t.t('companion.filter.state')}
              value={input.state}
              error={props.errors.find((e) => e.field === 'state')}
              options={[
                any,
                ...STATES.map((s) => ({ value: s.code, label: stateNameIn(ctx.locale, s.code) })),
              ]}
            />
            <Select
              name="topic"
              label={t.t('companion.filter.topic')}
              value={input.topic}
              error={props.errors.find((e) => e.field === 'topic')}
              options={[any, ...OFFER_TOPICS.map((v) => ({ value: v, label: t.t(`companion.topic.${v}`) }))]}
            />
          </div>
        </fieldset>
        <p class="kern-body">
          <button type="submit" class="kern-btn kern-btn--primary">
            <span class="kern-label">{t.t('companion.filter.submit')}</span>
          </button>{' '}
          <a class="kern-link" href={localizedUrl(COMPANION_PATHS.offers, ctx.locale)}>
            {t.t('companion.filter.reset')}
          </a>
        </p>
      </form>
      <p class="kern-body" role="status">
        {t.t('companion.offers.count', { count: props.found.length })}
      </p>
      <ul class="kern-list companion-offers">
        {props.found.map((o) => (
          <OfferCard key={o.id} ctx={ctx} o={o} heading="h2" />
        ))}
      </ul>
      <p class="kern-body">{t.t('companion.offers.note')}</p>
      <p class="kern-body">
        <a class="kern-link" href={localizedUrl(COMPANION_PATHS.mine, ctx.locale)}>
          {t.t('companion.offers.to-companion')}
        </a>
      </p>
    </Page>
  );
}
