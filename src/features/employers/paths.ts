/** The employer pages' addresses in both languages. */
export const EMPLOYER_PATHS = {
  mine: { de: '/arbeitgeber', en: '/employers' },
  register: { de: '/arbeitgeber/registrieren', en: '/employers/register' },
  employer: { de: '/arbeitgeber/:id', en: '/employers/:id' },
  decide: { de: '/arbeitgeber/:id/pruefung', en: '/employers/:id/check' },
  queue: { de: '/ministerium/arbeitgeber', en: '/ministry/employers' },
  /** The employer's job ads: the page belongs to the jobs feature, the address to the employer. */
  ads: { de: '/arbeitgeber/:id/stellen', en: '/employers/:id/jobs' },
} as const;
