/**
 * Server-rendered SVG charts of the waiting-time pages: one bar per office (P80 in weeks) and the filings and
 * decisions per week of one office. Each chart is one image (`role="img"`) with a label that says what it shows;
 * a table beside it carries the same figures, so the chart is never the only carrier of information. The bars
 * carry the status word as text, not only a colour. The table under the bar chart is here as well.
 */
import type { ComponentChildren } from 'preact';
import type { OverloadStatus } from '../../domain/capacity/forecast.ts';
import type { ViewContext } from '../../web/context.ts';
import { type OfficeFigures, weeksUp } from './waiting.ts';

/** Fills with at least 3 : 1 contrast against white (WCAG 1.4.11). */
export const STATUS_FILL: Record<OverloadStatus | 'none', string> = {
  red: '#bd0f09',
  amber: '#8a5a00',
  green: '#1e6b34',
  none: '#6e7597',
};

export type Bar = {
  readonly label: string;
  /** Weeks, or null where there is no figure (the note says why). */
  readonly value: number | null;
  /** Text after the bar: the figure and the status word, or "not enough data yet". */
  readonly note: string;
  readonly status: OverloadStatus | null;
};

/**
 * One chart image: `width` × `height` units, drawn `drawn` px wide (the width by default); KERN's `max-width: 100%`
 * scales it down on narrow screens.
 */
export function ChartFrame(props: {
  label: string;
  width: number;
  height: number;
  drawn?: number;
  children: ComponentChildren;
}) {
  const drawn = props.drawn ?? props.width;
  return (
    <svg
      class="waiting-chart"
      role="img"
      aria-label={props.label}
      viewBox={`0 0 ${props.width} ${props.height}`}
      width={drawn}
      height={Math.round((props.height * drawn) / props.width)}
      preserveAspectRatio="xMinYMin meet"
    >
      {props.children}
    </svg>
  );
}

const WIDTH = 480;
const ROW = 52;

/** Horizontal bars, one per office, in the order given (worst first). */
export function BarChart(props: { label: string; bars: readonly Bar[] }) {
  const max = Math.max(1, ...props.bars.map((b) => b.value ?? 0));
  const scale = (WIDTH - 200) / max;
  const height = Math.max(ROW, props.bars.length * ROW + 8);
  return (
    <ChartFrame label={props.label} width={WIDTH} height={height}>
      {props.bars.map((b, i) => {
        const y = i * ROW;
        const w = b.value === null ? 0 : Math.max(2, b.value * scale);
        return (
          <g key={`${b.label}-${i}`}>
            <text x={0} y={y + 16} font-size="15" fill="#131525">
              {b.label}
            </text>
            {b.value === null ? null : (
              <rect x={0} y={y + 24} width={w} height={18} fill={STATUS_FILL[b.status ?? 'none']} />
            )}
            <text x={w + 6} y={y + 38} font-size="14" fill="#131525">
              {b.note}
            </text>
          </g>
        );
      })}
    </ChartFrame>
  );
}

const LINE_W = 480;
const LINE_H = 220;
const PAD = { left: 36, right: 12, top: 12, bottom: 40 };

function points(values: readonly number[], max: number): string {
  const innerW = LINE_W - PAD.left - PAD.right;
  const innerH = LINE_H - PAD.top - PAD.bottom;
  const step = values.length > 1 ? innerW / (values.length - 1) : 0;
  return values
    .map(
      (v, i) => `${(PAD.left + i * step).toFixed(1)},${(PAD.top + innerH - (v / max) * innerH).toFixed(1)}`,
    )
    .join(' ');
}

/**
 * Filings (solid line) and decisions (dashed line) per week, oldest week on the left. The legend names both
 * lines in words; `first` and `last` label the first and last week under the axis.
 */
export function WeeklyChart(props: {
  label: string;
  arrivals: readonly number[];
  completions: readonly number[];
  legend: { arrivals: string; completions: string };
  first: string;
  last: string;
}) {
  const max = Math.max(1, ...props.arrivals, ...props.completions);
  const baseY = LINE_H - PAD.bottom;
  return (
    <ChartFrame label={props.label} width={LINE_W} height={LINE_H + 28}>
      <line x1={PAD.left} y1={baseY} x2={LINE_W - PAD.right} y2={baseY} stroke="#6e7597" />
      <line x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={baseY} stroke="#6e7597" />
      <text x={PAD.left - 6} y={PAD.top + 10} font-size="13" text-anchor="end" fill="#131525">
        {max}
      </text>
      <text x={PAD.left - 6} y={baseY} font-size="13" text-anchor="end" fill="#131525">
        0
      </text>
      <polyline points={points(props.arrivals, max)} fill="none" stroke="#2044aa" stroke-width="3" />
      <polyline
        points={points(props.completions, max)}
        fill="none"
        stroke="#1e6b34"
        stroke-width="3"
        stroke-dasharray="8 5"
      />
      <text x={PAD.left} y={baseY + 20} font-size="13" fill="#131525">
        {props.first}
      </text>
      <text x={LINE_W - PAD.right} y={baseY + 20} font-size="13" text-anchor="end" fill="#131525">
        {props.last}
      </text>
      <line
        x1={PAD.left}
        y1={LINE_H + 14}
        x2={PAD.left + 30}
        y2={LINE_H + 14}
        stroke="#2044aa"
        stroke-width="3"
      />
      <text x={PAD.left + 36} y={LINE_H + 19} font-size="14" fill="#131525">
        {props.legend.arrivals}
      </text>
      <line
        x1={PAD.left + 200}
        y1={LINE_H + 14}
        x2={PAD.left + 230}
        y2={LINE_H + 14}
        stroke="#1e6b34"
        stroke-width="3"
        stroke-dasharray="8 5"
      />
      <text x={PAD.left + 236} y={LINE_H + 19} font-size="14" fill="#131525">
        {props.legend.completions}
      </text>
    </ChartFrame>
  );
}

/** The same figures as the bar chart, as a table (the chart is never the only carrier of information). */
export function OverviewTable({ ctx, offices }: { ctx: ViewContext; offices: readonly OfficeFigures[] }) {
  const { t } = ctx;
  const cols = ['status', 'p80', 'forecast', 'target', 'backlog', 'n'] as const;
  const dash = t.t('waiting.no-figure');
  const cell = (f: OfficeFigures, c: (typeof cols)[number]): string => {
    const fc = f.forecast;
    if (c === 'status') return t.t(`waiting.status.${f.status ?? 'none'}`);
    if (c === 'n') return t.t('waiting.number', { n: fc.n });
    if (c === 'target') return f.office.target ? t.t('waiting.weeks', { n: f.office.target.weeks }) : dash;
    if (fc.insufficient) return c === 'p80' ? t.t('waiting.not-enough-short') : dash;
    if (c === 'p80') return t.t('waiting.weeks', { n: weeksUp(fc.historicalP80Weeks ?? 0) });
    if (c === 'forecast')
      return fc.waitWeeks?.p80 == null ? dash : t.t('waiting.weeks', { n: weeksUp(fc.waitWeeks.p80) });
    return `${t.t('waiting.number', { n: fc.backlog })}${fc.growing ? ` (${t.t('waiting.growing')})` : ''}`;
  };
  return (
    <table class="kern-table pathways-reflow">
      <caption class="kern-title">{t.t('waiting.table.caption')}</caption>
      <thead class="kern-table__head">
        <tr class="kern-table__row">
          <th scope="col" class="kern-table__header">
            {t.t('waiting.col.office')}
          </th>
          {cols.map((c) => (
            <th key={c} scope="col" class="kern-table__header">
              {t.t(`waiting.col.${c}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody class="kern-table__body">
        {offices.map((f) => (
          <tr key={f.office.id} class="kern-table__row">
            <th scope="row" class="kern-table__cell">
              {f.office.name}
            </th>
            {cols.map((c) => (
              <td key={c} class="kern-table__cell" data-label={t.t(`waiting.col.${c}`)}>
                {cell(f, c)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
