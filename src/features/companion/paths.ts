/** The companion's addresses in both languages (issue 18). */
export const COMPANION_PATHS = {
  /** The support-offer directory (public). */
  offers: { de: '/unterstuetzung', en: '/support-offers' },
  /** Keeping the offers (administrators, state officers): the list, a new offer, one offer, retiring, history. */
  manage: { de: '/unterstuetzung/pflege', en: '/support-offers/manage' },
  manageNew: { de: '/unterstuetzung/pflege/neu', en: '/support-offers/manage/new' },
  manageOffer: { de: '/unterstuetzung/pflege/:id', en: '/support-offers/manage/:id' },
  retire: { de: '/unterstuetzung/pflege/:id/beenden', en: '/support-offers/manage/:id/retire' },
  history: { de: '/unterstuetzung/pflege/:id/verlauf', en: '/support-offers/manage/:id/history' },
  /** The § 104c holder's own companion page with its form. */
  mine: { de: '/chancen-aufenthalt', en: '/opportunity-residence' },
  /** The holder begins the move to § 25a/§ 25b (a journey step at the foreigners' office). */
  transition: { de: '/chancen-aufenthalt/wechsel', en: '/opportunity-residence/move' },
  /** A person's companion as their counsellor reads it, with consent. */
  counsellor: {
    de: '/beratung/chancen-aufenthalt/:personId',
    en: '/counselling/opportunity-residence/:personId',
  },
} as const;
