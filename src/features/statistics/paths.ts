/** The public statistics pages and downloads (issue 19). */
export const STATISTICS_PATHS = {
  overview: { de: '/statistik', en: '/statistics' },
  state: { de: '/statistik/:state', en: '/statistics/:state' },
  /** The PDF report for a chosen period (`?state=&from=&to=`). */
  report: { de: '/statistik/bericht.pdf', en: '/statistics/report.pdf' },
} as const;

export const STATISTICS_API = {
  json: '/api/v1/statistics',
  csv: '/api/v1/statistics.csv',
  dictionary: '/api/v1/statistics/dictionary',
} as const;

/** The access policy of every statistics page and download: public aggregates. */
export const POLICY = { public: 'published statistics' } as const;
