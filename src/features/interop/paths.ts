/** The answers of the foreigners' office (XML body), per journey. The file's own paths are the journey's. */
export const XAUSLAENDER_IMPORT_PATH = '/api/v1/journeys/:id/xauslaender';
