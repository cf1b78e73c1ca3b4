/** The readers' pool pages (issue 16, V4): the search, the contact request, the requests sent, the refusal. */
import { POOL_LANGUAGES, RECOGNITION_STATES, SPOKEN_LEVELS } from '../../domain/talent-pool/profile.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import {
  Alert,
  CsrfField,
  ErrorSummary,
  RadioGroup,
  Select,
  TextArea,
  TextInput,
} from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
import { CsvLink } from '../../web/csv.tsx';
import { Page } from '../../web/layout.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { EMPLOYER_PATHS } from '../employers/index.ts';
import type { OccupationHit } from '../registry/index.ts';
import { POOL_PATHS } from './paths.ts';
import type { ReaderRefusal } from './reader.ts';
import type { PoolHit } from './service.ts';
import { Facts, languageName, type OccupationNames, stateOptions } from './view-parts.tsx';

export type SearchForm = Record<
  'occupation' | 'occupationKldb' | 'state' | 'language' | 'minLevel' | 'recognition' | 'availableBy',
  string
>;

export function SearchPage(props: {
  ctx: ViewContext;
  organisation: string;
  form: SearchForm;
  candidates: readonly OccupationHit[];
  errors: readonly FieldError[];
  hits: readonly PoolHit[] | null;
  names: OccupationNames;
}) {
  const { ctx, form } = props;
  const { t } = ctx;
  const err = (f: string) => props.errors.find((e) => e.field === f);
  const any = { value: '', label: t.t('pool.search.any') };
  return (
    <Page ctx={ctx} title={t.t('pool.search.title')}>
      <ErrorSummary ctx={ctx} errors={props.errors} />
      <p class="kern-body">{t.t('pool.search.lead', { organisation: props.organisation })}</p>
      <p class="kern-body">
        <a class="kern-link" href={localizedUrl(POOL_PATHS.sent, ctx.locale)}>
          {t.t('pool.sent.title')}
        </a>
      </p>
      <form method="get" action={localizedUrl(POOL_PATHS.search, ctx.locale)} novalidate>
        <TextInput
          name="occupation"
          label={t.t('pool.field.occupation')}
          hint={t.t('pool.search.occupation-hint')}
          value={form.occupation}
          maxLength={100}
          error={err('occupation')}
        />
        {props.candidates.length > 0 ? (
          <RadioGroup
            name="occupationKldb"
            label={t.t('pool.field.occupationKldb')}
            value={form.occupationKldb}
            options={props.candidates.map((o) => ({
              value: o.kldb,
              label: ctx.locale === 'de' ? o.titleDe : o.titleEn,
            }))}
            error={err('occupationKldb')}
          />
        ) : (
          <input type="hidden" name="occupationKldb" value={form.occupationKldb} />
        )}
        <Select
          name="state"
          label={t.t('pool.search.state')}
          value={form.state}
          options={[any, ...stateOptions(ctx)]}
          error={err('state')}
        />
        <Select
          name="language"
          label={t.t('pool.search.language')}
          value={form.language}
          options={[any, ...POOL_LANGUAGES.map((c) => ({ value: c, label: languageName(ctx, c) }))]}
          error={err('language')}
        />
        <Select
          name="minLevel"
          label={t.t('pool.search.min-level')}
          value={form.minLevel}
          options={[any, ...SPOKEN_LEVELS.map((l) => ({ value: l, label: t.t(`pool.level.${l}`) }))]}
          error={err('minLevel')}
        />
        <Select
          name="recognition"
          label={t.t('pool.field.recognition')}
          value={form.recognition}
          options={[
            any,
            ...RECOGNITION_STATES.map((r) => ({ value: r, label: t.t(`pool.recognition.${r}`) })),
          ]}
          error={err('recognition')}
        />
        <TextInput
          name="availableBy"
          type="date"
          label={t.t('pool.search.available-by')}
          value={form.availableBy}
          error={err('availableBy')}
        />
        <button class="kern-btn kern-btn--primary" type="submit">
          <span class="kern-label">{t.t('pool.search.button')}</span>
        </button>
      </form>
      {props.hits === null ? null : (
        <>
          <h2 class="kern-heading-medium">{t.t('pool.search.results', { count: props.hits.length })}</h2>
          <p class="kern-body">{t.t('pool.search.audited')}</p>
          <ul class="kern-list">
            {props.hits.map((h) => (
              <li key={h.label}>
                <h3 class="kern-heading-small">{t.t('pool.label', { label: h.label })}</h3>
                <Facts ctx={ctx} facts={h.facts} names={props.names} />
                <a class="kern-link" href={localizedUrl(POOL_PATHS.contact, ctx.locale, { label: h.label })}>
                  {t.t('pool.contact.link', { label: h.label })}
                </a>
              </li>
            ))}
          </ul>
          {props.hits.length > 0 ? <CsvLink ctx={ctx} /> : null}
        </>
      )}
    </Page>
  );
}

export function ContactPage(props: {
  ctx: ViewContext;
  label: string;
  ads: readonly { id: string; titleDe: string | null; titleEn: string | null }[];
  input: { message: string; jobAdId: string };
  errors: readonly FieldError[];
}) {
  const { ctx } = props;
  const { t } = ctx;
  const err = (f: string) => props.errors.find((e) => e.field === f);
  const title = (a: (typeof props.ads)[number]) =>
    (ctx.locale === 'de' ? (a.titleDe ?? a.titleEn) : (a.titleEn ?? a.titleDe)) ?? '';
  return (
    <Page ctx={ctx} title={t.t('pool.contact.title', { label: props.label })}>
      <ErrorSummary ctx={ctx} errors={props.errors} />
      <p class="kern-body">{t.t('pool.contact.lead')}</p>
      <form
        method="post"
        action={localizedUrl(POOL_PATHS.contact, ctx.locale, { label: props.label })}
        novalidate
      >
        <CsrfField ctx={ctx} />
        <TextArea
          name="message"
          label={t.t('pool.contact.message')}
          hint={t.t('pool.contact.message-hint')}
          value={props.input.message}
          maxLength={1000}
          error={err('message')}
        />
        {props.ads.length > 0 ? (
          <Select
            name="jobAdId"
            label={t.t('pool.contact.ad')}
            value={props.input.jobAdId}
            options={[
              { value: '', label: t.t('pool.contact.no-ad') },
              ...props.ads.map((a) => ({ value: a.id, label: title(a) })),
            ]}
            error={err('jobAdId')}
          />
        ) : null}
        <button class="kern-btn kern-btn--primary" type="submit">
          <span class="kern-label">{t.t('pool.contact.send')}</span>
        </button>
      </form>
    </Page>
  );
}

export type SentRow = {
  id: string;
  label: string;
  message: string;
  createdAt: Date;
  answer: string | null;
  name: string | null;
  email: string | null;
};

export function SentPage(props: {
  ctx: ViewContext;
  rows: readonly SentRow[];
  employerId: string | null;
  sent: boolean;
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Page ctx={ctx} title={t.t('pool.sent.title')}>
      {props.sent ? <Alert kind="success" title={t.t('pool.notice.sent')} /> : null}
      <p class="kern-body">{t.t('pool.sent.lead')}</p>
      {props.rows.length === 0 ? <p class="kern-body">{t.t('pool.sent.none')}</p> : null}
      <ul class="kern-list">
        {props.rows.map((r) => (
          <li key={r.id}>
            <h2 class="kern-heading-small">
              {t.t('pool.sent.to', { label: r.label, date: t.date(r.createdAt, 'short') })}
            </h2>
            <p class="kern-body">{t.t(`pool.sent.answer-${r.answer ?? 'open'}`)}</p>
            {r.name && r.email ? (
              <>
                <p class="kern-body">{t.t('pool.sent.revealed', { name: r.name, email: r.email })}</p>
                {props.employerId ? (
                  <a
                    class="kern-link"
                    href={localizedUrl(EMPLOYER_PATHS.invitations, ctx.locale, { id: props.employerId })}
                  >
                    {t.t('pool.sent.invite')}
                  </a>
                ) : null}
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </Page>
  );
}

/** Why the pool is closed to this reader: an employer not (yet) confirmed, or no state to search. */
export function RefusedPage(props: { ctx: ViewContext; why: ReaderRefusal }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Page ctx={ctx} title={t.t('pool.refused.title')}>
      <p class="kern-body">{t.t(`pool.refused.${props.why}`)}</p>
      {props.why === 'unconfirmed' ? (
        <a class="kern-link" href={localizedUrl(EMPLOYER_PATHS.mine, ctx.locale)}>
          {t.t('pool.refused.employer-link')}
        </a>
      ) : null}
    </Page>
  );
}
