/** The appointment pages' addresses in both languages. */
export const APPOINTMENT_PATHS = {
  mine: { de: '/termine', en: '/appointments' },
  request: { de: '/termine/anfrage', en: '/appointments/request' },
  answer: { de: '/termine/:id', en: '/appointments/:id' },
  calendarFile: { de: '/termine/:id/termin.ics', en: '/appointments/:id/appointment.ics' },
  planning: { de: '/termine/planung', en: '/appointments/planning' },
  days: { de: '/termine/planung/tage', en: '/appointments/planning/days' },
  requests: { de: '/termine/anfragen', en: '/appointments/requests' },
  calendarImport: { de: '/termine/planung/import', en: '/appointments/planning/import' },
  calendarImportApply: {
    de: '/termine/planung/import/uebernehmen',
    en: '/appointments/planning/import/apply',
  },
  calendarTemplate: { de: '/termine/planung/vorlage.csv', en: '/appointments/planning/template.csv' },
} as const;
