/**
 * "Could this job work for me?" (issue 16): the ad's job put into the visitor's own answers of "Which way suits
 * me?", and the residence pathways that follow for them — or, without answers, the one step to give them.
 */
import { Alert } from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
import { Page } from '../../web/layout.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { type EvaluationJson, PATHWAY_PATHS, PathwayGroups } from '../pathways/index.ts';
import { adTitle } from './ad-words.tsx';
import { JOB_PATHS } from './paths.ts';
import { offerUrl } from './public-views.tsx';
import type { PublicAd } from './search.ts';

function BackToAd({ ctx, ad }: { ctx: ViewContext; ad: PublicAd }) {
  return (
    <p class="kern-body">
      <a class="kern-link" href={localizedUrl(JOB_PATHS.ad, ctx.locale, { id: ad.id })}>
        {ctx.t.t('jobs.fit.back', { title: adTitle(ctx, ad) })}
      </a>
    </p>
  );
}

/** Without saved answers: what the check needs, and the questionnaire as the one next step. */
export function FitNeedsAnswers({ ctx, ad }: { ctx: ViewContext; ad: PublicAd }) {
  const { t } = ctx;
  return (
    <Page ctx={ctx} title={t.t('jobs.fit.title')}>
      <p class="kern-body kern-body--large">
        {t.t('jobs.fit.job', { title: adTitle(ctx, ad), employer: ad.employerName })}
      </p>
      <Alert kind="info" title={t.t('jobs.fit.needs.title')}>
        <p class="kern-body">{t.t('jobs.fit.needs.text')}</p>
      </Alert>
      <p class="kern-body">
        <a class="kern-btn kern-btn--primary" href={localizedUrl(PATHWAY_PATHS.start, ctx.locale)}>
          <span class="kern-label">{t.t('jobs.fit.needs.start')}</span>
        </a>
      </p>
      <p class="kern-body">{t.t('jobs.fit.needs.return')}</p>
      <p class="kern-body">
        <a class="kern-link" href={offerUrl(ctx, ad)}>
          {t.t('jobs.fit.needs.typical')}
        </a>
      </p>
      <BackToAd ctx={ctx} ad={ad} />
    </Page>
  );
}

/** With saved answers: the job pathways for this person, open ones first, and how to apply. */
export function FitPage(props: { ctx: ViewContext; ad: PublicAd; result: EvaluationJson; isco?: string }) {
  const { ctx, ad, result } = props;
  const { t } = ctx;
  const open = result.pathways.some((p) => p.outcome !== 'not-eligible');
  return (
    <Page ctx={ctx} title={t.t('jobs.fit.title')}>
      <p class="kern-body kern-body--large">
        {t.t('jobs.fit.job', { title: adTitle(ctx, ad), employer: ad.employerName })}
      </p>
      <p class="kern-body">{t.t('jobs.fit.lead', { date: t.date(result.date) })}</p>
      <Alert kind={open ? 'success' : 'warning'} title={t.t(open ? 'jobs.fit.open' : 'jobs.fit.closed')}>
        <p class="kern-body">{t.t('pathways.result.disclaimer.text')}</p>
      </Alert>
      <PathwayGroups ctx={ctx} pathways={result.pathways} isco={props.isco} />
      <h2 class="kern-heading-medium">{t.t('jobs.ad.next')}</h2>
      <p class="kern-body">
        {t.t(open ? 'jobs.fit.next-open' : 'jobs.fit.next-closed', {
          employer: ad.employerName,
          address: `${ad.street}, ${ad.postcode} ${ad.town}`,
        })}
      </p>
      <p class="kern-body">
        <a class="kern-link" href={localizedUrl(PATHWAY_PATHS.summary, ctx.locale)}>
          {t.t('jobs.fit.change')}
        </a>
      </p>
      <BackToAd ctx={ctx} ad={ad} />
    </Page>
  );
}
