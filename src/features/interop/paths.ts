/** Where the XAusländer message of a journey is downloaded (German and English paths) and answers are sent. */
export const INTEROP_PATHS = {
  xauslaender: { de: '/wege/:id/xauslaender.xml', en: '/journeys/:id/xauslaender.xml' },
} as const;

/** The answers of the foreigners' office (XML body), per journey. */
export const XAUSLAENDER_IMPORT_PATH = '/api/v1/journeys/:id/xauslaender';
