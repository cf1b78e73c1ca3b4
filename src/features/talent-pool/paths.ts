/** The talent pool's addresses in both languages (issue 16, V4). */
export const POOL_PATHS = {
  /** The applicant's own profile: join, change, the contact requests and withdrawing. */
  mine: { de: '/talentpool', en: '/talent-pool' },
  withdraw: { de: '/talentpool/austreten', en: '/talent-pool/withdraw' },
  answer: { de: '/talentpool/anfragen/:id', en: '/talent-pool/requests/:id' },
  /** The search of confirmed employers and ministry officers. */
  search: { de: '/talentpool/suche', en: '/talent-pool/search' },
  contact: { de: '/talentpool/suche/:label/kontakt', en: '/talent-pool/search/:label/contact' },
  /** The contact requests the reader's organisation sent, with the identities revealed. */
  sent: { de: '/talentpool/kontaktanfragen', en: '/talent-pool/contact-requests' },
} as const;
