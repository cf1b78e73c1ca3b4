/**
 * One office's waiting times per step kind (issue 15): for every step of the office with at least one filed case,
 * its own finished cases (n, P50 and P80 in whole weeks, rounded up), its open cases and the forecast for someone
 * filing today. The step is named in plain words (journey.step.*). Below 30 finished cases of the step: "not
 * enough data yet" and the number of cases, never a wait. Then a service point's wait for an appointment.
 */
import type { ViewContext } from '../../web/context.ts';
import type { OfficeFigures, StepFigures } from './waiting.ts';
import { weeksUp } from './waiting.ts';

function StepSection(props: { ctx: ViewContext; id: string; title: string; s: Omit<StepFigures, 'kind'> }) {
  const { ctx, id, title, s } = props;
  const { t } = ctx;
  const fc = s.forecast;
  return (
    <section aria-labelledby={id}>
      <h3 class="kern-heading-small" id={id}>
        {title}
      </h3>
      {fc.insufficient ? (
        <p class="kern-body">{t.t('waiting.steps.not-enough', { n: fc.n })}</p>
      ) : (
        <>
          <p class="kern-body">
            {t.t('waiting.steps.p80', { weeks: weeksUp(fc.historicalP80Weeks ?? 0) })}{' '}
            {t.t('waiting.office.median', { weeks: weeksUp(fc.historicalP50Weeks ?? 0), n: fc.n })}
          </p>
          <p class="kern-body">
            {fc.waitWeeks?.p50 != null && fc.waitWeeks.p80 != null
              ? t.t('waiting.office.forecast', {
                  p50: weeksUp(fc.waitWeeks.p50),
                  p80: weeksUp(fc.waitWeeks.p80),
                })
              : t.t('waiting.office.no-forecast')}
          </p>
        </>
      )}
      <p class="kern-body">{t.t('waiting.office.backlog', { n: fc.backlog })}</p>
    </section>
  );
}

/** The section "per step" of an office page, or nothing when no step of the office has a filed case yet. */
export function StepSections({ ctx, f }: { ctx: ViewContext; f: OfficeFigures }) {
  const { t } = ctx;
  if (f.steps.length === 0) return null;
  return (
    <section aria-labelledby="waiting-steps">
      <h2 class="kern-heading-medium" id="waiting-steps">
        {t.t('waiting.steps.title')}
      </h2>
      <p class="kern-body">{t.t('waiting.steps.intro')}</p>
      {f.steps.map((s) => (
        <StepSection
          key={s.kind}
          ctx={ctx}
          id={`waiting-step-${s.kind}`}
          title={t.t(`journey.step.${s.kind}`)}
          s={s}
        />
      ))}
    </section>
  );
}

/**
 * A service point's wait for an appointment (documents complete → appointment day), where it has steps of its own
 * too; a service point with appointments only shows these figures as its main ones.
 */
export function AppointmentSection({ ctx, f }: { ctx: ViewContext; f: OfficeFigures }) {
  const { t } = ctx;
  if (!f.appointment || f.office.steps.length === 0) return null;
  return (
    <section aria-labelledby="waiting-appointment">
      <h2 class="kern-heading-medium" id="waiting-appointment">
        {t.t('waiting.appointment.title')}
      </h2>
      <p class="kern-body">{t.t('waiting.appointment.intro')}</p>
      <StepSection
        ctx={ctx}
        id="waiting-appointment-figures"
        title={t.t('waiting.appointment.figures')}
        s={f.appointment}
      />
    </section>
  );
}
