/** The employer's job page (issue 16): the organisation's ads with publish and pause. */
import type { FieldError } from '../../platform/http/errors.ts';
import { Alert, CsrfField, ErrorSummary } from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
import { Page } from '../../web/layout.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { EMPLOYER_PATHS } from '../employers/index.ts';
import { adTitle, Flags } from './ad-words.tsx';
import { JOB_PATHS } from './paths.ts';
import type { JobAdRow } from './schema.ts';

export function MineAdsPage(props: {
  ctx: ViewContext;
  employer: { id: string; name: string };
  confirmed: boolean;
  ads: readonly JobAdRow[];
  today: string;
  errors?: readonly FieldError[];
}) {
  const { ctx, employer, ads } = props;
  const { t } = ctx;
  return (
    <Page ctx={ctx} title={t.t('jobs.mine.title', { name: employer.name })}>
      <ErrorSummary ctx={ctx} errors={props.errors ?? []} />
      <p class="kern-body">{t.t('jobs.mine.lead')}</p>
      {props.confirmed ? null : (
        <Alert kind="info" title={t.t('jobs.mine.unconfirmed-title')}>
          <p class="kern-body">{t.t('jobs.mine.unconfirmed')}</p>
        </Alert>
      )}
      <p class="kern-body">
        <a
          class="kern-btn kern-btn--primary"
          href={localizedUrl(JOB_PATHS.create, ctx.locale, { id: employer.id })}
        >
          <span class="kern-label">{t.t('jobs.mine.new')}</span>
        </a>
      </p>
      {ads.length === 0 ? <p class="kern-body">{t.t('jobs.mine.none')}</p> : null}
      {ads.map((ad) => {
        const title = adTitle(ctx, ad);
        const expired = ad.expiresOn < props.today;
        return (
          <section key={ad.id} aria-label={title}>
            <div>
              <h2 class="kern-heading-small">{title}</h2>
              <p class="kern-body">
                {`${t.t(`jobs.status.${ad.status}`)} · ${
                  expired
                    ? t.t('jobs.mine.expired')
                    : t.t('jobs.mine.expires', { date: t.date(ad.expiresOn) })
                }`}
              </p>
              <Flags ctx={ctx} ad={ad} />
              <p class="kern-body">
                <a class="kern-link" href={localizedUrl(JOB_PATHS.edit, ctx.locale, { id: ad.id })}>
                  {t.t('jobs.mine.edit')}
                  <span class="kern-sr-only">{` (${title})`}</span>
                </a>
                {ad.status === 'published' && !expired ? (
                  <>
                    {' · '}
                    <a class="kern-link" href={localizedUrl(JOB_PATHS.ad, ctx.locale, { id: ad.id })}>
                      {t.t('jobs.mine.view')}
                      <span class="kern-sr-only">{` (${title})`}</span>
                    </a>
                  </>
                ) : null}
              </p>
              <form method="post" action={localizedUrl(JOB_PATHS.status, ctx.locale, { id: ad.id })}>
                <CsrfField ctx={ctx} />
                {ad.status === 'published' ? (
                  <button type="submit" name="to" value="paused" class="kern-btn kern-btn--secondary">
                    <span class="kern-label">{t.t('jobs.mine.pause')}</span>
                    <span class="kern-sr-only">{` (${title})`}</span>
                  </button>
                ) : (
                  <button type="submit" name="to" value="published" class="kern-btn kern-btn--primary">
                    <span class="kern-label">{t.t('jobs.mine.publish')}</span>
                    <span class="kern-sr-only">{` (${title})`}</span>
                  </button>
                )}
              </form>
            </div>
          </section>
        );
      })}
      <p class="kern-body">
        <a class="kern-link" href={localizedUrl(EMPLOYER_PATHS.employer, ctx.locale, { id: employer.id })}>
          {t.t('jobs.mine.back')}
        </a>
      </p>
    </Page>
  );
}
