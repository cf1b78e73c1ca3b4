/** Example answers of the statistics API for the OpenAPI document (invented figures). */

const CELL = {
  step: 'recognition',
  state: 'SN',
  filed: 412,
  filed_suppressed: false,
  decided: 388,
  decided_suppressed: false,
  median_weeks: 9.4,
  p80_weeks: 14.1,
  p90_weeks: 17.6,
  within_deadline_share: 0.87,
  has_deadline: true,
  open: null,
  open_suppressed: true,
  as_of: '2026-11-30',
  window_from: '2025-12-01',
};

export const STATISTICS = {
  asOf: '2026-11-30',
  computedAt: '2026-11-30T05:00:00.000Z',
  windowFrom: '2025-12-01',
  threshold: 5,
  thresholdSource: 'Minimum-frequency rule with secondary cell suppression',
  dictionary: '/api/v1/statistics/dictionary',
  cells: [CELL],
};

export const STATISTICS_CSV = [
  'step,state,filed,filed_suppressed,decided,decided_suppressed,median_weeks,p80_weeks,p90_weeks,within_deadline_share,has_deadline,open,open_suppressed,as_of,window_from',
  'recognition,SN,412,false,388,false,9.4,14.1,17.6,0.87,true,,true,2026-11-30,2025-12-01',
  '',
].join('\r\n');
