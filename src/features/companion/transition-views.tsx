/** The move to § 25a or § 25b on the companion page: the step already begun, or the form that begins it. */

import type { CompanionPathway } from '../../domain/companion/holder.ts';
import { COMPANION_PATHWAYS } from '../../domain/companion/holder.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import { CsrfField, RadioGroup, Select } from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
import { localizedUrl } from '../../web/paths.ts';
import { JOURNEY_PATHS } from '../journey/index.ts';
import { COMPANION_PATHS } from './paths.ts';
import type { Transition, TransitionInput } from './transition.ts';

export interface TransitionPart {
  readonly transition: Transition | undefined;
  readonly districts: readonly { ags: string; name: string }[];
  readonly input: TransitionInput;
  readonly errors: readonly FieldError[];
}

/** The step at the foreigners' office, as the holder or their counsellor sees it. */
export function TransitionBegun({ ctx, transition }: { ctx: ViewContext; transition: Transition }) {
  const { t } = ctx;
  return (
    <section class="companion-transition">
      <h2 class="kern-heading-medium">{t.t('companion.transition.begun-title')}</h2>
      <p class="kern-body">
        {t.t('companion.transition.begun', { title: t.t(`law.pathway.${transition.pathway}.title`) })}
      </p>
      <p class="kern-body">
        <a
          class="kern-link"
          href={localizedUrl(JOURNEY_PATHS.step, ctx.locale, {
            id: transition.journeyId,
            step: 'residence-permit',
          })}
        >
          {t.t('companion.transition.to-step')}
        </a>
      </p>
    </section>
  );
}

/** The holder's own part: the step begun, or the form to begin it (title and district). */
export function TransitionSection(props: {
  ctx: ViewContext;
  part: TransitionPart;
  pathways: readonly CompanionPathway[];
}) {
  const { ctx, part } = props;
  const { t } = ctx;
  if (part.transition) return <TransitionBegun ctx={ctx} transition={part.transition} />;
  const ready = props.pathways.find((p) => p.outcome === 'eligible');
  const err = (f: string) => part.errors.find((e) => e.field === f);
  const chosen = part.input.pathway || ready?.id || '';
  return (
    <section class="companion-transition">
      <h2 class="kern-heading-medium">{t.t('companion.transition.title')}</h2>
      <p class="kern-body">
        {ready
          ? t.t('companion.transition.ready', { title: t.t(`law.pathway.${ready.id}.title`) })
          : t.t('companion.transition.not-yet')}
      </p>
      <form method="post" action={localizedUrl(COMPANION_PATHS.transition, ctx.locale)} novalidate>
        <CsrfField ctx={ctx} />
        <RadioGroup
          name="pathway"
          label={t.t('companion.transition.field.pathway')}
          value={chosen}
          error={err('pathway')}
          options={COMPANION_PATHWAYS.map((id) => ({ value: id, label: t.t(`law.pathway.${id}.title`) }))}
        />
        <Select
          name="districtAgs"
          label={t.t('companion.transition.field.district')}
          hint={t.t('companion.transition.field.district-hint')}
          value={part.input.districtAgs}
          error={err('districtAgs')}
          options={[
            { value: '', label: t.t('companion.form.choose') },
            ...part.districts.map((d) => ({ value: d.ags, label: d.name })),
          ]}
        />
        <p class="kern-body">
          <button type="submit" class="kern-btn kern-btn--secondary">
            <span class="kern-label">{t.t('companion.transition.submit')}</span>
          </button>
        </p>
      </form>
    </section>
  );
}
