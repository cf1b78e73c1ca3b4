/** The job fairs' addresses in both languages (issue 16, V4). */
export const FAIR_PATHS = {
  /** Public: the fairs every organising state has answered for, and one fair's page. */
  list: { de: '/jobmessen', en: '/job-fairs' },
  fair: { de: '/jobmessen/:id', en: '/job-fairs/:id' },
  /** Ministry officers: create a fair, organise it (answer, exhibitors, talks), its figures. */
  create: { de: '/jobmessen/neu', en: '/job-fairs/new' },
  organise: { de: '/jobmessen/:id/organisation', en: '/job-fairs/:id/organise' },
  answer: { de: '/jobmessen/:id/antwort', en: '/job-fairs/:id/answer' },
  exhibitor: { de: '/jobmessen/:id/aussteller/:org', en: '/job-fairs/:id/exhibitors/:org' },
  sessions: { de: '/jobmessen/:id/vortraege', en: '/job-fairs/:id/talks' },
  figures: { de: '/jobmessen/:id/zahlen', en: '/job-fairs/:id/figures' },
  figuresCsv: { de: '/jobmessen/:id/zahlen.csv', en: '/job-fairs/:id/figures.csv' },
  /** An exhibitor's stand: apply, publish slots, the bookings and their outcomes. */
  stand: { de: '/jobmessen/:id/stand/:org', en: '/job-fairs/:id/stand/:org' },
  apply: { de: '/jobmessen/:id/stand/:org/bewerben', en: '/job-fairs/:id/stand/:org/apply' },
  slots: { de: '/jobmessen/:id/stand/:org/termine', en: '/job-fairs/:id/stand/:org/slots' },
  record: { de: '/jobmessen/gespraeche/:booking/ergebnis', en: '/job-fairs/meetings/:booking/outcome' },
  handOff: { de: '/jobmessen/gespraeche/:booking/uebergabe', en: '/job-fairs/meetings/:booking/hand-off' },
  /** The applicant: register, book a slot, the meeting's calendar file. */
  register: { de: '/jobmessen/:id/anmeldung', en: '/job-fairs/:id/registration' },
  book: { de: '/jobmessen/:id/termine/:slot', en: '/job-fairs/:id/slots/:slot' },
  calendar: {
    de: '/jobmessen/gespraeche/:booking/kalender.ics',
    en: '/job-fairs/meetings/:booking/calendar.ics',
  },
} as const;
