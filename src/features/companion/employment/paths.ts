/** The addresses of the companion's employer side and statistics in both languages (issue 18). */
export const COMPANION_EMPLOYMENT_PATHS = {
  /** The employer kit: what a holder may work and what changes at each move (public). */
  kit: { de: '/arbeitgeber/chancen-aufenthalt', en: '/employers/opportunity-residence' },
  /** The holder names an employer who may confirm their employment, and withdraws it. */
  consents: { de: '/chancen-aufenthalt/arbeitgeber', en: '/opportunity-residence/employer' },
  withdraw: {
    de: '/chancen-aufenthalt/arbeitgeber/:id/widerrufen',
    en: '/opportunity-residence/employer/:id/withdraw',
  },
  /** The employer's list of people who asked for a confirmation, and the confirmation form. */
  requests: { de: '/arbeitgeber/beschaeftigungen', en: '/employers/employments' },
  confirm: { de: '/arbeitgeber/beschaeftigungen/:id', en: '/employers/employments/:id' },
  /** The statistics for the states' ministries, page and CSV. */
  statistics: { de: '/ministerium/chancen-aufenthalt', en: '/ministry/opportunity-residence' },
  statisticsCsv: {
    de: '/ministerium/chancen-aufenthalt.csv',
    en: '/ministry/opportunity-residence.csv',
  },
} as const;
