/** An ad's facts, flags and pathways in plain words (never a code or an enum name), shared by every job page. */

import { FLAGS, type Flag } from '../../domain/jobs/ad.ts';
import { type AdPathway, APPLICANT_PROFILES } from '../../domain/jobs/pathways.ts';
import { DescriptionList } from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
import { STATES } from '../regions/index.ts';
import type { JobAdRow } from './schema.ts';

export const stateName = (ctx: ViewContext, code: string): string => {
  const s = STATES.find((x) => x.code === code);
  return s ? (ctx.locale === 'de' ? s.nameDe : s.nameEn) : '';
};

/** The title in the page's language, else in the other. */
export const adTitle = (ctx: ViewContext, ad: Pick<JobAdRow, 'titleDe' | 'titleEn'>): string =>
  (ctx.locale === 'de' ? (ad.titleDe ?? ad.titleEn) : (ad.titleEn ?? ad.titleDe)) ?? '';

export const euros = (ctx: ViewContext, n: number) =>
  ctx.t.number(n, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });

export function salaryWords(ctx: ViewContext, ad: Pick<JobAdRow, 'salaryMinEur' | 'salaryMaxEur'>): string {
  return ad.salaryMaxEur !== null && ad.salaryMaxEur !== ad.salaryMinEur
    ? ctx.t.t('jobs.ad.salary-range', { min: euros(ctx, ad.salaryMinEur), max: euros(ctx, ad.salaryMaxEur) })
    : ctx.t.t('jobs.ad.salary', { amount: euros(ctx, ad.salaryMinEur) });
}

export const contractWords = (ctx: ViewContext, months: number | null) =>
  months === null ? ctx.t.t('jobs.ad.open-ended') : ctx.t.t('jobs.ad.months', { months });

export function flagsOf(ad: JobAdRow): Flag[] {
  const on: Record<Flag, boolean> = {
    'english-enough': ad.englishEnough,
    'accelerated-ready': ad.acceleratedReady,
    'recognition-needed': ad.recognitionNeeded,
    'collective-agreement': ad.collectiveAgreementFlag,
  };
  return FLAGS.filter((f) => on[f]);
}

export function Flags({ ctx, ad }: { ctx: ViewContext; ad: JobAdRow }) {
  const flags = flagsOf(ad);
  if (flags.length === 0) return null;
  return (
    <p class="kern-body">
      {flags.map((f) => (
        <span key={f} class={`kern-badge kern-badge--${f === 'recognition-needed' ? 'warning' : 'info'}`}>
          <span class="kern-label kern-label--small">{ctx.t.t(`jobs.flag.${f}`)}</span>
        </span>
      ))}
    </p>
  );
}

/** One pathway in words: "EU Blue Card", "Skilled worker with vocational training after recognition", … */
export function pathwayWords(ctx: ViewContext, p: AdPathway): string {
  const name = ctx.t.t(`jobs.pathway.${p.pathway}`);
  if (p.outcome === 'eligible') return name;
  if (p.profile === 'vocational-not-recognised' && p.pathway === 'aufenthg-18a')
    return ctx.t.t('jobs.outcome.after-recognition', { pathway: name });
  return ctx.t.t('jobs.outcome.possible', { pathway: name });
}

/** The pathways grouped by applicant profile, as a short list per profile. */
export function Pathways({
  ctx,
  list,
  compact,
}: {
  ctx: ViewContext;
  list: readonly AdPathway[];
  compact?: boolean;
}) {
  if (list.length === 0) return <p class="kern-body">{ctx.t.t('jobs.pathways.none')}</p>;
  const groups = APPLICANT_PROFILES.map((profile) => ({
    profile,
    items: list.filter((p) => p.profile === profile),
  })).filter((g) => g.items.length > 0);
  if (compact)
    return (
      <ul class="kern-list">
        {groups.map((g) => (
          <li key={g.profile}>
            {`${ctx.t.t(`jobs.profile.${g.profile}`)}: ${g.items.map((p) => pathwayWords(ctx, p)).join('; ')}`}
          </li>
        ))}
      </ul>
    );
  return (
    <div>
      {groups.map((g) => (
        <div key={g.profile}>
          <h3 class="kern-heading-small">{ctx.t.t(`jobs.profile.${g.profile}`)}</h3>
          <ul class="kern-list">
            {g.items.map((p) => (
              <li key={p.pathway}>{pathwayWords(ctx, p)}</li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}

/** A description list of label → value rows. */
export function FactList({ rows }: { rows: readonly (readonly [string, string])[] }) {
  return <DescriptionList rows={rows} />;
}
