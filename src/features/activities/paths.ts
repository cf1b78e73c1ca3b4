/** The activity register's addresses in both languages (issue 17). */
export const ACTIVITY_PATHS = {
  register: { de: '/laender/aktivitaeten', en: '/states/activities' },
  create: { de: '/laender/aktivitaeten/neu', en: '/states/activities/new' },
  activity: { de: '/laender/aktivitaeten/:id', en: '/states/activities/:id' },
  edit: { de: '/laender/aktivitaeten/:id/bearbeiten', en: '/states/activities/:id/edit' },
  overlaps: { de: '/laender/ueberschneidungen', en: '/states/overlaps' },
  /** What the states do, as far as each state has made its entries public (no contact persons). */
  public: { de: '/aktivitaeten-der-laender', en: '/state-activities' },
} as const;
