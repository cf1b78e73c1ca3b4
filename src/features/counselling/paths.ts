/** The counselling pages' addresses in both languages. */
export const COUNSELLING_PATHS = {
  list: { de: '/beratung/faelle', en: '/counselling/cases' },
  edit: { de: '/beratung/faelle/:id', en: '/counselling/cases/:id' },
  counts: { de: '/beratung/statistik', en: '/counselling/statistics' },
  csv: { de: '/beratung/statistik.csv', en: '/counselling/statistics.csv' },
} as const;
