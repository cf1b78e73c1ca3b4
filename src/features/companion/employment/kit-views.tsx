/**
 * The employer kit (issue 18): what a person with the Chancen-Aufenthaltsrecht (§ 104c) or with a residence permit
 * under § 25a or § 25b may work, what changes at each move, and what an employer can do. Every date and number is
 * the effective-dated law parameter in force on the day, shown with its source and the day it holds from; the few
 * rules that are no parameters (the right to work, the permit that goes on while the office decides) name their
 * source and date here. Public: an employer reads it before they register.
 */
import { addDays } from '../../../domain/calendar.ts';
import { type ParameterId, parameter } from '../../../domain/law/index.ts';
import { ENGINE_HORIZON_START } from '../../../domain/law/parameters/periods.ts';
import type { ViewContext } from '../../../web/context.ts';
import { Page } from '../../../web/layout.tsx';
import { localizedUrl } from '../../../web/paths.ts';
import { COMPANION_PATHS } from '../paths.ts';
import { COMPANION_EMPLOYMENT_PATHS } from './paths.ts';

/** The sections of the kit in their order (the ids are anchors). */
export const KIT_SECTIONS = ['permits', 'work', 'moves', 'employer', 'confirm'] as const;
type KitSection = (typeof KIT_SECTIONS)[number];

/** `from`: the day the rule holds from; null where the engine's table starts with it (then the page's day). */
type Cited = { title: { de: string; en: string }; url: string; from: string | null; verified: boolean };

/** Rules that are no numbers, with the day they hold from. */
const RULES = {
  work: {
    title: { de: '§ 4a Aufenthaltsgesetz (Erwerbstätigkeit)', en: 'Section 4a Residence Act (work)' },
    url: 'https://www.gesetze-im-internet.de/aufenthg_2004/__4a.html',
    from: '2020-03-01',
    verified: true,
  },
  pending: {
    title: { de: '§ 81 Aufenthaltsgesetz (Antrag)', en: 'Section 81 Residence Act (application)' },
    url: 'https://www.gesetze-im-internet.de/aufenthg_2004/__81.html',
    from: '2005-01-01',
    verified: true,
  },
} as const satisfies Record<string, Cited>;

/** A parameter in force on `day` with its source and the day it holds from; undefined where none is. */
function cited(id: ParameterId, day: string): (Cited & { value: number | string }) | undefined {
  const p = parameter(id, day);
  if (!p) return undefined;
  const from =
    p.unit === 'date' ? String(p.value) : p.validFrom === ENGINE_HORIZON_START ? null : p.validFrom;
  return { value: p.value, title: p.source.title, url: p.source.url, from, verified: p.verified };
}

/** The figures of the kit on `day`. */
export function kitFigures(day: string) {
  const get = (id: ParameterId) => cited(id, day);
  return {
    start: get('switch.chancen-aufenthaltsrecht-start'),
    end: get('switch.chancen-aufenthaltsrecht-end'),
    months: get('chancen-aufenthaltsrecht.duration'),
    rulesEnd: get('switch.chancen-aufenthaltsrecht-holder-rules-end'),
    years25b: get('integration-25b.years'),
    years25bChild: get('integration-25b.years-with-child'),
    years25a: get('integration-25a.years'),
    age25aMin: get('integration-25a.age-min'),
    age25aMax: get('integration-25a.age-max'),
  };
}

function Source(props: { ctx: ViewContext; c: Cited | undefined; fact: string; day: string }) {
  const { ctx, c } = props;
  const { t } = ctx;
  if (!c) return null;
  const when = c.from === null ? 'on' : c.from > props.day ? 'from' : 'since';
  return (
    <p class="kern-body kern-body--small">
      {t.t('companion.kit.source', { fact: props.fact, when, date: t.date(c.from ?? props.day) })}{' '}
      <a class="kern-link" href={c.url}>
        {c.title[ctx.locale]}
      </a>
      {c.verified ? null : ` ${t.t('companion.kit.unconfirmed')}`}
    </p>
  );
}

export function KitPage({ ctx, day }: { ctx: ViewContext; day: string }) {
  const { t } = ctx;
  const f = kitFigures(day);
  const date = (c: { value: number | string } | undefined) => (c ? t.date(String(c.value)) : '');
  const num = (c: { value: number | string } | undefined) => Number(c?.value ?? 0);
  const endDay = String(f.end?.value ?? '');
  const rulesEndDay = String(f.rulesEnd?.value ?? '');
  const granting = endDay !== '' && day < endDay ? 'yes' : 'no';
  const rules = rulesEndDay !== '' && day < rulesEndDay ? 'yes' : 'no';
  const lastRulesDay = rulesEndDay ? t.date(addDays(rulesEndDay, -1)) : '';
  const lastGrantDay = endDay ? t.date(addDays(endDay, -1)) : '';
  const body: Record<KitSection, preact.ComponentChildren> = {
    permits: (
      <>
        <p class="kern-body">{t.t('companion.kit.permits.p1', { start: date(f.start) })}</p>
        <Source ctx={ctx} c={f.start} fact={t.t('companion.kit.fact.start')} day={day} />
        <p class="kern-body">
          {t.t('companion.kit.permits.p2', {
            months: num(f.months),
            granting,
            end: date(f.end),
            lastGrantDay,
          })}
        </p>
        <Source ctx={ctx} c={f.end} fact={t.t('companion.kit.fact.end')} day={day} />
      </>
    ),
    work: (
      <>
        <p class="kern-body">{t.t('companion.kit.work.p1')}</p>
        <p class="kern-body">{t.t('companion.kit.work.p2')}</p>
        <Source ctx={ctx} c={RULES.work} fact={t.t('companion.kit.fact.work')} day={day} />
      </>
    ),
    moves: (
      <>
        <p class="kern-body">
          {t.t('companion.kit.moves.p1', {
            years: num(f.years25b),
            yearsChild: num(f.years25bChild),
          })}
        </p>
        <p class="kern-body">
          {t.t('companion.kit.moves.p2', {
            years: num(f.years25a),
            min: num(f.age25aMin),
            max: num(f.age25aMax),
          })}
        </p>
        <Source ctx={ctx} c={f.years25b} fact={t.t('companion.kit.fact.conditions')} day={day} />
        <p class="kern-body">{t.t('companion.kit.moves.p3')}</p>
        <Source ctx={ctx} c={RULES.pending} fact={t.t('companion.kit.fact.pending')} day={day} />
        <p class="kern-body">
          {t.t('companion.kit.moves.p4', { rules, last: lastRulesDay, from: date(f.rulesEnd) })}
        </p>
        <Source ctx={ctx} c={f.rulesEnd} fact={t.t('companion.kit.fact.rules-end')} day={day} />
      </>
    ),
    employer: (
      <ul class="kern-list">
        {(['contract', 'training', 'time', 'deadline'] as const).map((k) => (
          <li key={k} class="kern-body">
            {t.t(`companion.kit.employer.${k}`)}
          </li>
        ))}
      </ul>
    ),
    confirm: (
      <>
        <p class="kern-body">{t.t('companion.kit.confirm.p1')}</p>
        <p class="kern-body">{t.t('companion.kit.confirm.p2')}</p>
        <p class="kern-body">
          <a class="kern-link" href={localizedUrl(COMPANION_EMPLOYMENT_PATHS.requests, ctx.locale)}>
            {t.t('companion.kit.confirm.link')}
          </a>
        </p>
      </>
    ),
  };
  return (
    <Page ctx={ctx} title={t.t('companion.kit.title')}>
      <p class="kern-body">{t.t('companion.kit.lead', { date: t.date(day) })}</p>
      <nav aria-labelledby="kit-contents">
        <h2 class="kern-heading-small" id="kit-contents">
          {t.t('companion.kit.contents')}
        </h2>
        <ol class="kern-list">
          {KIT_SECTIONS.map((s) => (
            <li key={s}>
              <a class="kern-link" href={`#${s}`}>
                {t.t(`companion.kit.${s}.title`)}
              </a>
            </li>
          ))}
        </ol>
      </nav>
      {KIT_SECTIONS.map((s, i) => (
        <section key={s} aria-labelledby={s}>
          <h2 class="kern-heading-medium" id={s}>
            {`${i + 1}. ${t.t(`companion.kit.${s}.title`)}`}
          </h2>
          {body[s]}
        </section>
      ))}
      <p class="kern-body">
        <a class="kern-link" href={localizedUrl(COMPANION_PATHS.mine, ctx.locale)}>
          {t.t('companion.kit.for-holders')}
        </a>
      </p>
      <p class="kern-body kern-body--small">{t.t('companion.kit.disclaimer')}</p>
    </Page>
  );
}
