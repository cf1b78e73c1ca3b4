/** The list of joint projects of the states (issue 17), with the way to start one. */
import type { ViewContext } from '../../web/context.ts';
import { CsvLink } from '../../web/csv.tsx';
import { Page } from '../../web/layout.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { stateNameIn } from '../regions/index.ts';
import { JOINT_PROJECT_PATHS } from './paths.ts';
import type { ProjectSummary } from './service.ts';

/** A state's name in the page's language. */
export const stateName = (ctx: ViewContext, code: string): string => stateNameIn(ctx.locale, code);

/** An amount in cents as euros with cents, in the page's language. */
export const euros = (ctx: ViewContext, cents: number) =>
  ctx.t.number(cents / 100, { style: 'currency', currency: 'EUR' });

export const projectUrl = (ctx: ViewContext, id: string) =>
  localizedUrl(JOINT_PROJECT_PATHS.project, ctx.locale, { id });

export function ListPage(props: {
  ctx: ViewContext;
  projects: readonly ProjectSummary[];
  ownState: string | null;
}) {
  const { ctx, projects, ownState } = props;
  const { t } = ctx;
  const waiting = projects.filter((p) => p.states.some((s) => s.stateCode === ownState && s.answer === null));
  return (
    <Page ctx={ctx} title={t.t('joint.list.title')}>
      <p class="kern-body">{t.t('joint.list.lead')}</p>
      {waiting.length > 0 ? (
        <p class="kern-body">
          {t.t('joint.list.waiting', { count: waiting.length, state: stateName(ctx, ownState ?? '') })}
        </p>
      ) : null}
      {projects.length === 0 ? (
        <p class="kern-body">{t.t('joint.list.none')}</p>
      ) : (
        <ul class="kern-list">
          {projects.map((p) => {
            const agreed = p.states.filter((s) => s.answer === 'agreed').length;
            return (
              <li key={p.id}>
                <a class="kern-link" href={projectUrl(ctx, p.id)}>
                  {p.title}
                </a>
                {`: ${t.list(p.states.map((s) => stateName(ctx, s.stateCode)))}; ${euros(ctx, p.budgetCents)}; `}
                {t.t('joint.list.agreed', { agreed, count: p.states.length })}
              </li>
            );
          })}
        </ul>
      )}
      {projects.length > 0 ? <CsvLink ctx={ctx} /> : null}
      <p class="kern-body">
        <a class="kern-btn kern-btn--primary" href={localizedUrl(JOINT_PROJECT_PATHS.create, ctx.locale)}>
          <span class="kern-label">{t.t('joint.list.create')}</span>
        </a>
      </p>
    </Page>
  );
}
