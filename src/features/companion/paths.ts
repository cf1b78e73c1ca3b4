/** The companion's addresses in both languages (issue 18). */
export const COMPANION_PATHS = {
  /** The support-offer directory (public). */
  offers: { de: '/unterstuetzung', en: '/support-offers' },
  /** The § 104c holder's own companion page with its form. */
  mine: { de: '/chancen-aufenthalt', en: '/opportunity-residence' },
  /** A person's companion as their counsellor reads it, with consent. */
  counsellor: {
    de: '/beratung/chancen-aufenthalt/:personId',
    en: '/counselling/opportunity-residence/:personId',
  },
} as const;
