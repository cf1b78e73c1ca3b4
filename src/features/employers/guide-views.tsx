/**
 * The employer guide for small firms (issue 16): the way from "could this person work for us?" to the first
 * weeks, step by step, in the order the steps come. Every figure (salary thresholds, the § 81a fee, the periods)
 * is the effective-dated law parameter in force on the day, with its source; nothing is typed into the text.
 * Public: a firm reads it before it registers. The employer's tasks on a journey link to its sections.
 */
import { parameter } from '../../domain/law/index.ts';
import type { ViewContext } from '../../web/context.ts';
import { Layout } from '../../web/layout.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { COMPANION_EMPLOYMENT_PATHS } from '../companion/index.ts';
import { JOURNEY_PATHS } from '../journey/index.ts';
import { PATHWAY_PATHS } from '../pathways/index.ts';
import { REGISTRY_PATHS } from '../registry/index.ts';
import { EMPLOYER_PATHS, GUIDE_SECTIONS, type GuideSection } from './paths.ts';

const PARAMETERS = [
  'blue-card.salary.general',
  'blue-card.salary.reduced',
  'age-45.salary',
  'deadline.recognition.decision-81a',
  'deadline.ba-approval.deemed',
  'deadline.ba-approval.deemed-81a',
  'fee.81a',
  'deadline.visa-appointment-81a',
  'deadline.visa-decision-81a',
] as const;

/** The figures of the guide on `day`, each with its source; undefined where none is in force. */
export function guideFigures(day: string) {
  const out: Record<string, { value: number; source: { title: { de: string; en: string }; url: string } }> =
    {};
  for (const id of PARAMETERS) {
    const p = parameter(id, day);
    if (p && typeof p.value === 'number') out[id] = { value: p.value, source: p.source };
  }
  return out;
}

const euros = (ctx: ViewContext, v: number) => ctx.t.number(Math.round(v));

export function GuidePage({ ctx, day }: { ctx: ViewContext; day: string }) {
  const { t } = ctx;
  const f = guideFigures(day);
  const v = (id: (typeof PARAMETERS)[number]) => f[id]?.value ?? 0;
  const year = Number(day.slice(0, 4));
  const link = (href: string, key: string) => (
    <p class="kern-body">
      <a class="kern-link" href={href}>
        {t.t(key)}
      </a>
    </p>
  );
  const body: Record<GuideSection, preact.ComponentChildren> = {
    check: (
      <>
        <p class="kern-body">{t.t('employers.guide.check.p1')}</p>
        {link(localizedUrl(PATHWAY_PATHS.start, ctx.locale), 'employers.guide.check.link')}
        <p class="kern-body">
          {t.t('employers.guide.check.p2', {
            year,
            general: euros(ctx, v('blue-card.salary.general')),
            reduced: euros(ctx, v('blue-card.salary.reduced')),
          })}
        </p>
        <p class="kern-body">{t.t('employers.guide.check.p3', { age45: euros(ctx, v('age-45.salary')) })}</p>
        <p class="kern-body">{t.t('employers.guide.check.p4')}</p>
      </>
    ),
    recognition: (
      <>
        <p class="kern-body">{t.t('employers.guide.recognition.p1')}</p>
        {link(localizedUrl(REGISTRY_PATHS.recognition, ctx.locale), 'employers.guide.recognition.link')}
        <p class="kern-body">
          {t.t('employers.guide.recognition.p2', { months: v('deadline.recognition.decision-81a') })}
        </p>
        <p class="kern-body">{t.t('employers.guide.recognition.p3')}</p>
      </>
    ),
    declaration: (
      <>
        <p class="kern-body">{t.t('employers.guide.declaration.p1')}</p>
        <p class="kern-body">
          {t.t('employers.guide.declaration.p2', {
            weeks: v('deadline.ba-approval.deemed'),
            weeks81a: v('deadline.ba-approval.deemed-81a'),
          })}
        </p>
      </>
    ),
    accelerated: (
      <>
        <p class="kern-body">{t.t('employers.guide.accelerated.p1')}</p>
        <p class="kern-body">{t.t('employers.guide.accelerated.p2', { fee: euros(ctx, v('fee.81a')) })}</p>
        <p class="kern-body">
          {t.t('employers.guide.accelerated.p3', {
            appointment: v('deadline.visa-appointment-81a'),
            decision: v('deadline.visa-decision-81a'),
          })}
        </p>
        {link(localizedUrl(JOURNEY_PATHS.employer, ctx.locale), 'employers.guide.accelerated.link')}
      </>
    ),
    fee: <p class="kern-body">{t.t('employers.guide.fee.p1', { fee: euros(ctx, v('fee.81a')) })}</p>,
    housing: (
      <>
        <p class="kern-body">{t.t('employers.guide.housing.p1')}</p>
        <p class="kern-body">{t.t('employers.guide.housing.p2')}</p>
      </>
    ),
    'first-weeks': (
      <>
        <p class="kern-body">{t.t('employers.guide.first-weeks.p1')}</p>
        <p class="kern-body">{t.t('employers.guide.first-weeks.p2')}</p>
      </>
    ),
  };
  const sources = new Map<string, string>();
  for (const x of Object.values(f)) sources.set(x.source.url, x.source.title[ctx.locale]);
  sources.set('https://www.gesetze-im-internet.de/bmg/__17.html', t.t('employers.guide.source.registration'));
  return (
    <Layout ctx={ctx} title={t.t('employers.guide.title')}>
      <h1 class="kern-heading-large">{t.t('employers.guide.title')}</h1>
      <p class="kern-body">{t.t('employers.guide.lead')}</p>
      <nav aria-labelledby="guide-contents">
        <h2 class="kern-heading-small" id="guide-contents">
          {t.t('employers.guide.contents')}
        </h2>
        <ol class="kern-list">
          {GUIDE_SECTIONS.map((s) => (
            <li key={s}>
              <a class="kern-link" href={`#${s}`}>
                {t.t(`employers.guide.${s}.title`)}
              </a>
            </li>
          ))}
        </ol>
      </nav>
      {GUIDE_SECTIONS.map((s, i) => (
        <section key={s} aria-labelledby={s}>
          <h2 class="kern-heading-medium" id={s}>
            {`${i + 1}. ${t.t(`employers.guide.${s}.title`)}`}
          </h2>
          {body[s]}
        </section>
      ))}
      <h2 class="kern-heading-medium">{t.t('employers.guide.next.title')}</h2>
      {link(localizedUrl(EMPLOYER_PATHS.register, ctx.locale), 'employers.guide.next.register')}
      {link(localizedUrl(COMPANION_EMPLOYMENT_PATHS.kit, ctx.locale), 'employers.guide.next.opportunity')}
      <h2 class="kern-heading-small">{t.t('employers.guide.sources', { date: t.date(day) })}</h2>
      <ul class="kern-list">
        {[...sources].map(([url, title]) => (
          <li key={url}>
            <a class="kern-link" href={url}>
              {title}
            </a>
          </li>
        ))}
      </ul>
    </Layout>
  );
}
