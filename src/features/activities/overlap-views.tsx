/** The overlap page: for the officer's state, where other states work on the same countries or occupations. */
import type { OverlapForState } from '../../domain/workspace/overlaps.ts';
import type { ViewContext } from '../../web/context.ts';
import { CsvLink } from '../../web/csv.tsx';
import { Page } from '../../web/layout.tsx';
import { localizedUrl } from '../../web/paths.ts';
import {
  activityUrl,
  countryList,
  type OccupationNames,
  occupationList,
  periodText,
  stateName,
} from './names.tsx';
import { ACTIVITY_PATHS } from './paths.ts';
import type { ActivityRow } from './service.ts';

/** The address of the form to record a joint activity, filled in from the overlap. */
export function proposalUrl(
  ctx: ViewContext,
  v: OverlapForState,
  own: ActivityRow,
  other: ActivityRow,
): string {
  const ownName = stateName(ctx, own.stateCode);
  const otherName = stateName(ctx, other.stateCode);
  const q = new URLSearchParams({
    kind: 'recruitment-project',
    title: ctx.t.t('activities.joint.title', { own: ownName, other: otherName }),
    description: ctx.t.t('activities.joint.description', {
      own: ownName,
      other: otherName,
      ownTitle: own.title,
      otherTitle: other.title,
      contact: `${other.contactName}, ${other.contactEmail}`,
    }),
    start: v.overlap.start,
    end: v.overlap.end,
  });
  for (const c of v.overlap.countries) q.append('countries', c);
  for (const o of v.overlap.occupations) q.append('occupations', o);
  return `${localizedUrl(ACTIVITY_PATHS.create, ctx.locale)}?${q.toString()}`;
}

function OverlapItem(props: {
  ctx: ViewContext;
  v: OverlapForState;
  own: ActivityRow;
  other: ActivityRow;
  occupations: OccupationNames;
}) {
  const { ctx, v, own, other } = props;
  const { t } = ctx;
  const otherName = stateName(ctx, other.stateCode);
  const rows: [string, preact.ComponentChildren][] = [
    [
      t.t('activities.overlaps.own'),
      <a key="own" class="kern-link" href={activityUrl(ctx, own.id)}>
        {own.title}
      </a>,
    ],
    [
      t.t('activities.overlaps.other', { state: otherName }),
      <a key="other" class="kern-link" href={activityUrl(ctx, other.id)}>
        {other.title}
      </a>,
    ],
    [t.t('activities.overlaps.period'), periodText(ctx, v.overlap.start, v.overlap.end)],
  ];
  if (v.overlap.countries.length > 0)
    rows.push([t.t('activities.overlaps.countries'), countryList(ctx, v.overlap.countries)]);
  if (v.overlap.occupations.length > 0)
    rows.push([
      t.t('activities.overlaps.occupations'),
      occupationList(ctx, props.occupations, v.overlap.occupations),
    ]);
  const contact = [other.contactName, other.contactEmail, other.contactPhone].filter(Boolean).join(', ');
  return (
    <li class="activity-overlap">
      <dl class="kern-description-list">
        {rows.map(([k, value]) => (
          <div key={k} class="kern-description-list-item">
            <dt class="kern-description-list-item__key">{k}</dt>
            <dd class="kern-description-list-item__value">{value}</dd>
          </div>
        ))}
      </dl>
      <p class="kern-body">
        <strong>{t.t('activities.overlaps.next')}:</strong>{' '}
        {t.t('activities.overlaps.contact', { state: otherName, name: contact })}
        <br />
        <a class="kern-link" href={proposalUrl(ctx, v, own, other)}>
          {t.t('activities.overlaps.propose', { state: otherName })}
        </a>
      </p>
    </li>
  );
}

export function OverlapsPage(props: {
  ctx: ViewContext;
  stateCode: string | null;
  overlaps: readonly OverlapForState[];
  byId: ReadonlyMap<string, ActivityRow>;
  occupations: OccupationNames;
}) {
  const { ctx } = props;
  const { t } = ctx;
  if (!props.stateCode)
    return (
      <Page ctx={ctx} title={t.t('activities.overlaps.title')}>
        <p class="kern-body">{t.t('activities.overlaps.no-state')}</p>
      </Page>
    );
  const state = stateName(ctx, props.stateCode);
  const others = [...new Set(props.overlaps.map((v) => v.otherState))];
  return (
    <Page ctx={ctx} title={t.t('activities.overlaps.title')}>
      <p class="kern-body">{t.t('activities.overlaps.lead', { state })}</p>
      {others.length === 0 ? <p class="kern-body">{t.t('activities.overlaps.none', { state })}</p> : null}
      {others.map((code) => (
        <section key={code}>
          <h2 class="kern-heading-medium">
            {t.t('activities.overlaps.with', { state: stateName(ctx, code) })}
          </h2>
          <ul class="kern-list activity-list">
            {props.overlaps
              .filter((v) => v.otherState === code)
              .map((v) => {
                const own = props.byId.get(v.ownId);
                const other = props.byId.get(v.otherId);
                return own && other ? (
                  <OverlapItem
                    key={`${v.ownId}|${v.otherId}`}
                    ctx={ctx}
                    v={v}
                    own={own}
                    other={other}
                    occupations={props.occupations}
                  />
                ) : null;
              })}
          </ul>
        </section>
      ))}
      {others.length > 0 ? <CsvLink ctx={ctx} /> : null}
      <p class="kern-body">
        <a class="kern-link" href={localizedUrl(ACTIVITY_PATHS.register, ctx.locale)}>
          {t.t('activities.activity.back')}
        </a>
      </p>
    </Page>
  );
}
