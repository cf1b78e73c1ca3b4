/** Example answers of the waiting-times API for the OpenAPI document (an invented office, invented figures). */

const OFFICE = {
  slug: 'abh-beispielstadt',
  name: 'Ausländerbehörde Beispielstadt',
  kind: 'foreigners-office',
  group: 'SN',
  target: { weeks: 6, source: 'statutory' },
  pages: { de: '/de/wartezeiten/abh-beispielstadt', en: '/en/waiting-times/abh-beispielstadt' },
  forecast: {
    asOf: '2026-11-30',
    method: 'forward-looking',
    modelVersion: 'fluid-mc-1',
    n: 124,
    insufficient: false,
    weeksOfHistory: 26,
    historicalP50Weeks: 4.1,
    historicalP80Weeks: 7.3,
    waitWeeks: 5.2,
    backlog: 61,
    weeklyArrivals: 11.5,
    weeklyCapacity: 12.2,
    utilisation: 0.94,
    trend: 'flat',
    growing: false,
    shareOfBacklogPastTarget: 0.08,
    status: 'on-target',
  },
  openDeadlineAlerts: 2,
  status: 'on-target',
};

export const WAITING_TIMES = {
  asOf: '2026-11-30',
  computedAt: '2026-11-30T05:00:00.000Z',
  offices: [OFFICE],
};
export const WAITING_TIME = { asOf: '2026-11-30', computedAt: '2026-11-30T05:00:00.000Z', office: OFFICE };
