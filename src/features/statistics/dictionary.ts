/**
 * The data dictionary of the statistics downloads (issue 19): every field of the CSV and of the JSON cells, its
 * type and what it means. Served as JSON at /api/v1/statistics/dictionary and described in docs/statistics.md.
 */
export type Field = { readonly name: string; readonly type: string; readonly description: string };

export const DICTIONARY: readonly Field[] = Object.freeze([
  {
    name: 'step',
    type: 'string',
    description:
      'The step: recognition, accelerated-procedure (§ 81a AufenthG), visa-decision, residence-permit, ba-approval.',
  },
  {
    name: 'state',
    type: 'string',
    description:
      'The state of the authority responsible (BE, BB, MV, SN, ST, TH), or "all" for the six together.',
  },
  {
    name: 'filed',
    type: 'integer | empty',
    description: 'Cases filed (handed in) in the window. Empty when suppressed.',
  },
  {
    name: 'filed_suppressed',
    type: 'boolean',
    description:
      'true: fewer than the threshold (5), or hidden so that such a count cannot be worked out from the totals.',
  },
  {
    name: 'decided',
    type: 'integer | empty',
    description: 'Cases decided in the window. Empty when suppressed.',
  },
  { name: 'decided_suppressed', type: 'boolean', description: 'As filed_suppressed, for decided.' },
  {
    name: 'median_weeks',
    type: 'number | empty',
    description:
      'Median duration filed → decided of the cases decided in the window, in weeks (days / 7, one decimal; nearest-rank). Empty when decided is suppressed or zero.',
  },
  {
    name: 'p80_weeks',
    type: 'number | empty',
    description: '80th percentile of the same durations, in weeks.',
  },
  {
    name: 'p90_weeks',
    type: 'number | empty',
    description: '90th percentile of the same durations, in weeks.',
  },
  {
    name: 'within_deadline_share',
    type: 'number 0–1 | empty',
    description:
      'Of the decided cases with a statutory deadline, the share decided by its (pause-adjusted) due date. Empty when no case had a deadline or when the counts within or after the deadline are suppressed.',
  },
  {
    name: 'has_deadline',
    type: 'boolean',
    description: 'Whether any case decided in the window had a statutory deadline.',
  },
  {
    name: 'open',
    type: 'integer | empty',
    description:
      'Cases filed and neither decided nor withdrawn on the as-of day (all filings, not only the window). Empty when suppressed.',
  },
  { name: 'open_suppressed', type: 'boolean', description: 'As filed_suppressed, for open.' },
  {
    name: 'as_of',
    type: 'date',
    description: 'The day of the computation; the window is the 52 weeks ending on it.',
  },
  { name: 'window_from', type: 'date', description: 'The first day of the window.' },
]);
