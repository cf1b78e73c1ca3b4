/** The public job pages (issue 16): the search with its results, and one ad with every fact in plain words. */
import { FLAGS } from '../../domain/jobs/ad.ts';
import { JOB_PATHWAYS } from '../../domain/jobs/pathways.ts';
import { Select, TextInput } from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
import { Page } from '../../web/layout.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { PATHWAY_PATHS } from '../pathways/index.ts';
import { STATES } from '../regions/index.ts';
import { adTitle, contractWords, FactList, Flags, Pathways, salaryWords, stateName } from './ad-words.tsx';
import type { NamedOccupation, OccupationResolution } from './occupation-filter.ts';
import { JOB_PATHS } from './paths.ts';
import { COUNT_CAP, PAGE_SIZE, type PublicAd, type SearchQuery } from './search.ts';

const occupationName = (ctx: ViewContext, ad: PublicAd) =>
  ctx.locale === 'de' ? ad.occupationDe : ad.occupationEn;

const nameOf = (ctx: ViewContext, o: NamedOccupation) => (ctx.locale === 'de' ? o.titleDe : o.titleEn);

/** The search as the page shows it: a found occupation by its name in the page's language, with its key. */
function shownQuery(ctx: ViewContext, q: SearchQuery, occupation: OccupationResolution): SearchQuery {
  return occupation.kind === 'found'
    ? { ...q, occupation: nameOf(ctx, occupation.occupation), occupationKey: occupation.occupation.kldb }
    : { ...q, occupationKey: null };
}

function queryString(q: SearchQuery, page: number): string {
  const p = new URLSearchParams();
  if (q.q) p.set('q', q.q);
  if (q.occupation) p.set('occupation', q.occupation);
  if (q.occupationKey) p.set('occupationKey', q.occupationKey);
  if (q.state) p.set('state', q.state);
  for (const f of q.flags) p.append('flag', f);
  if (q.pathway) p.set('pathway', q.pathway);
  if (page > 1) p.set('page', String(page));
  const s = p.toString();
  return s ? `?${s}` : '';
}

function SearchForm({ ctx, query }: { ctx: ViewContext; query: SearchQuery }) {
  const { t } = ctx;
  return (
    <form method="get" action={localizedUrl(JOB_PATHS.search, ctx.locale)}>
      <TextInput
        name="q"
        type="search"
        label={t.t('jobs.search.q')}
        hint={t.t('jobs.search.q-hint')}
        value={query.q}
        maxLength={100}
      />
      <TextInput
        name="occupation"
        type="search"
        label={t.t('jobs.search.occupation')}
        hint={t.t('jobs.search.occupation-hint')}
        value={query.occupation}
        maxLength={100}
      />
      {query.occupationKey ? <input type="hidden" name="occupationKey" value={query.occupationKey} /> : null}
      <Select
        name="state"
        label={t.t('jobs.search.state')}
        value={query.state ?? ''}
        options={[
          { value: '', label: t.t('jobs.search.all-states') },
          ...STATES.map((s) => ({ value: s.code, label: ctx.locale === 'de' ? s.nameDe : s.nameEn })),
        ]}
      />
      <fieldset class="kern-fieldset">
        <legend class="kern-label">{t.t('jobs.search.flags')}</legend>
        <div class="kern-fieldset__body">
          {FLAGS.map((f) => (
            <div key={f} class="kern-form-check">
              <input
                class="kern-form-check__checkbox"
                type="checkbox"
                id={`flag-${f}`}
                name="flag"
                value={f}
                checked={query.flags.includes(f)}
              />
              <label class="kern-label" for={`flag-${f}`}>
                {t.t(`jobs.flag.${f}`)}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      <Select
        name="pathway"
        label={t.t('jobs.search.pathway')}
        value={query.pathway ?? ''}
        options={[
          { value: '', label: t.t('jobs.search.any-pathway') },
          ...JOB_PATHWAYS.map((p) => ({ value: p, label: t.t(`jobs.pathway.${p}`) })),
        ]}
      />
      <button type="submit" class="kern-btn kern-btn--primary">
        <span class="kern-label">{t.t('jobs.search.submit')}</span>
      </button>
    </form>
  );
}

/** Several occupations match the words: each offered as a link that keeps the other filters. */
function OccupationNote({
  ctx,
  query,
  occupation,
}: {
  ctx: ViewContext;
  query: SearchQuery;
  occupation: OccupationResolution;
}) {
  const { t } = ctx;
  if (occupation.kind === 'unknown')
    return <p class="kern-body">{t.t('jobs.search.occupation-unknown', { words: occupation.words })}</p>;
  if (occupation.kind !== 'choose') return null;
  const base = localizedUrl(JOB_PATHS.search, ctx.locale);
  return (
    <>
      <p class="kern-body" id="occupation-choices">
        {t.t('jobs.search.occupation-choose', { words: query.occupation })}
      </p>
      <ul class="kern-list" aria-labelledby="occupation-choices">
        {occupation.candidates.map((c) => (
          <li key={c.kldb}>
            <a
              class="kern-link"
              href={`${base}${queryString({ ...query, occupation: nameOf(ctx, c), occupationKey: c.kldb }, 1)}`}
            >
              {nameOf(ctx, c)}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}

export function SearchPage(props: {
  ctx: ViewContext;
  query: SearchQuery;
  occupation: OccupationResolution;
  total: number;
  ads: readonly PublicAd[];
}) {
  const { ctx, total, ads } = props;
  const query = shownQuery(ctx, props.query, props.occupation);
  const { t } = ctx;
  const many = total > COUNT_CAP;
  const pages = Math.max(1, Math.ceil(Math.min(total, COUNT_CAP) / PAGE_SIZE));
  const base = localizedUrl(JOB_PATHS.search, ctx.locale);
  return (
    <Page ctx={ctx} title={t.t('jobs.search.title')}>
      <p class="kern-body">{t.t('jobs.search.lead')}</p>
      <SearchForm ctx={ctx} query={query} />
      <OccupationNote ctx={ctx} query={query} occupation={props.occupation} />
      <h2 class="kern-heading-medium" id="results">
        {many ? t.t('jobs.search.many', { count: COUNT_CAP }) : t.t('jobs.search.count', { count: total })}
      </h2>
      {many ? <p class="kern-body">{t.t('jobs.search.narrow', { pages })}</p> : null}
      {total === 0 ? <p class="kern-body">{t.t('jobs.search.none-next')}</p> : null}
      {ads.map((ad) => (
        <section key={ad.id} aria-labelledby={`ad-${ad.id}`}>
          <h3 class="kern-heading-small" id={`ad-${ad.id}`}>
            <a class="kern-link" href={localizedUrl(JOB_PATHS.ad, ctx.locale, { id: ad.id })}>
              {adTitle(ctx, ad)}
            </a>
          </h3>
          <p class="kern-body">
            {`${ad.employerName} · ${t.t('jobs.ad.place', { district: ad.districtName, state: stateName(ctx, ad.stateCode) })} · ${salaryWords(ctx, ad)}`}
          </p>
          <p class="kern-body">{`${t.t('jobs.ad.occupation')}: ${occupationName(ctx, ad)}`}</p>
          <Flags ctx={ctx} ad={ad} />
          <Pathways ctx={ctx} list={ad.pathways} compact />
        </section>
      ))}
      {pages > 1 ? (
        <nav aria-label={t.t('jobs.search.page', { page: query.page, pages })}>
          <p class="kern-body">
            {query.page > 1 ? (
              <a class="kern-link" href={`${base}${queryString(query, query.page - 1)}`}>
                {t.t('jobs.search.previous')}
              </a>
            ) : null}
            {` ${t.t('jobs.search.page', { page: query.page, pages })} `}
            {query.page < pages ? (
              <a class="kern-link" href={`${base}${queryString(query, query.page + 1)}`}>
                {t.t('jobs.search.next')}
              </a>
            ) : null}
          </p>
        </nav>
      ) : null}
    </Page>
  );
}

/** The pathway finder's job-offer check, filled in with this job's facts (the occupation by its name). */
export function offerUrl(ctx: ViewContext, ad: PublicAd): string {
  const p = new URLSearchParams({
    jobIsco: occupationName(ctx, ad),
    annualSalaryEur: String(ad.salaryMinEur),
    qualified: 'yes',
    matchesQualification: 'yes',
    employerCollectiveAgreement: ad.collectiveAgreementFlag ? 'yes' : 'no',
    weeklyHours: String(ad.weeklyHours),
    candidate: 'academic',
  });
  if (ad.contractMonths !== null) p.set('contractMonths', String(ad.contractMonths));
  return `${localizedUrl(PATHWAY_PATHS.offer, ctx.locale)}?${p.toString()}`;
}

export function AdPage(props: { ctx: ViewContext; ad: PublicAd }) {
  const { ctx, ad } = props;
  const { t } = ctx;
  const description =
    ctx.locale === 'de' ? ad.descriptionDe || ad.descriptionEn : ad.descriptionEn || ad.descriptionDe;
  const rows: [string, string][] = [
    [t.t('jobs.ad.employer'), ad.employerName],
    [t.t('jobs.ad.occupation'), occupationName(ctx, ad)],
    [
      t.t('jobs.ad.place-label'),
      t.t('jobs.ad.place', { district: ad.districtName, state: stateName(ctx, ad.stateCode) }),
    ],
    [t.t('jobs.ad.salary-label'), salaryWords(ctx, ad)],
    [t.t('jobs.ad.hours-label'), t.t('jobs.ad.hours', { hours: ad.weeklyHours })],
    [t.t('jobs.ad.contract-label'), contractWords(ctx, ad.contractMonths)],
    [t.t('jobs.ad.german-label'), t.t(`jobs.level.${ad.germanLevel}`)],
    [t.t('jobs.ad.english-label'), t.t(`jobs.level.${ad.englishLevel}`)],
    [t.t('jobs.ad.start-label'), t.date(ad.startDate)],
    [t.t('jobs.ad.expires-label'), t.date(ad.expiresOn)],
    [t.t('jobs.ad.agreement-label'), ad.collectiveAgreement || t.t('jobs.ad.none-agreement')],
  ];
  return (
    <Page ctx={ctx} title={adTitle(ctx, ad)}>
      <Flags ctx={ctx} ad={ad} />
      <FactList rows={rows} />
      {description ? (
        <>
          <h2 class="kern-heading-medium">{t.t('jobs.ad.description')}</h2>
          <p class="kern-body">{description}</p>
        </>
      ) : null}
      <h2 class="kern-heading-medium">{t.t('jobs.pathways.title')}</h2>
      <p class="kern-body">{t.t('jobs.pathways.note')}</p>
      <Pathways ctx={ctx} list={ad.pathways} />
      <h2 class="kern-heading-medium">{t.t('jobs.ad.next')}</h2>
      <p class="kern-body">
        {t.t('jobs.ad.next-text', {
          employer: ad.employerName,
          address: `${ad.street}, ${ad.postcode} ${ad.town}`,
        })}
      </p>
      <p class="kern-body">
        <a class="kern-btn kern-btn--primary" href={localizedUrl(JOB_PATHS.fit, ctx.locale, { id: ad.id })}>
          <span class="kern-label">{t.t('jobs.ad.check')}</span>
        </a>
      </p>
      <p class="kern-body">
        <a class="kern-link" href={localizedUrl(JOB_PATHS.search, ctx.locale)}>
          {t.t('jobs.ad.back')}
        </a>
      </p>
    </Page>
  );
}
