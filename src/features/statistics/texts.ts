/**
 * The words of the published figures (issue 19), shared by the pages and the PDF report: a state's name, a count,
 * a duration or share — and "fewer than 5" in words where a figure is hidden, never a number.
 */
import type { ViewContext } from '../../web/context.ts';
import { STATES, type StateCode } from '../regions/index.ts';
import type { Cell, Count } from './figures.ts';
import { STEPS_WITH_DEADLINE } from './rollup.ts';

/** What the texts need of a view context: the translator and the language. */
export type Texts = Pick<ViewContext, 't' | 'locale'>;

export function stateName(ctx: Texts, state: StateCode | 'all'): string {
  if (state === 'all') return ctx.t.t('statistics.all');
  const s = STATES.find((x) => x.code === state);
  return s ? (ctx.locale === 'de' ? s.nameDe : s.nameEn) : '';
}

export function countText(ctx: Texts, c: Count): string {
  return c.suppressed ? ctx.t.t('statistics.fewer') : ctx.t.t('statistics.number', { n: c.value });
}

/** A figure derived from a count (a duration, a share): "fewer than 5" where the count is hidden. */
export function derivedText(ctx: Texts, cell: Cell, what: 'median' | 'p80' | 'share'): string {
  const { t } = ctx;
  if (what === 'share') {
    if (!STEPS_WITH_DEADLINE.includes(cell.step)) return t.t('statistics.no-deadline');
    if (!cell.hasDeadline && !cell.decided.suppressed) return t.t('statistics.no-figure');
    if (cell.withinDeadlineShare === null)
      return cell.decided.suppressed || cell.hasDeadline
        ? t.t('statistics.fewer')
        : t.t('statistics.no-figure');
    return t.t('statistics.share', { n: cell.withinDeadlineShare });
  }
  const weeks = what === 'median' ? cell.medianWeeks : cell.p80Weeks;
  if (weeks !== null) return t.t('statistics.weeks', { n: weeks });
  return cell.decided.suppressed ? t.t('statistics.fewer') : t.t('statistics.no-figure');
}

export const COLS = ['decided', 'median', 'p80', 'share', 'open'] as const;

export function cellText(ctx: Texts, cell: Cell, col: (typeof COLS)[number]): string {
  if (col === 'decided') return countText(ctx, cell.decided);
  if (col === 'open') return countText(ctx, cell.open);
  return derivedText(ctx, cell, col);
}
