/** The counselling pages' addresses in both languages. */
export const COUNSELLING_PATHS = {
  list: { de: '/beratung/faelle', en: '/counselling/cases' },
  edit: { de: '/beratung/faelle/:id', en: '/counselling/cases/:id' },
  counts: { de: '/beratung/statistik', en: '/counselling/statistics' },
  csv: { de: '/beratung/statistik.csv', en: '/counselling/statistics.csv' },
  rollup: { de: '/beratung/laender', en: '/counselling/states' },
  rollupCsv: { de: '/beratung/laender.csv', en: '/counselling/states.csv' },
} as const;
