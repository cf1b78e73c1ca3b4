/** Example answer of the recognition finder for the OpenAPI document (shortened; the body's data are invented). */
export const FINDER_ANSWER = {
  occupation: {
    kldb: '81302',
    isco08: '3221',
    title: { de: 'Pflegefachfrau/-mann (Gesundheits- und Krankenpflege)', en: 'Nurse (general)' },
    regulated: true,
    legalBasis: 'PflBG',
    shortage: true,
    route: 'authority',
    asOf: '2026-11-01',
    confidence: 'high',
    verified: true,
  },
  place: { state: { code: 'SN', name: { de: 'Sachsen', en: 'Saxony' } }, district: null },
  regulated: true,
  authorities: [
    {
      kind: 'state-authority',
      id: 'SN:nurse',
      name: 'Anerkennungsstelle Beispielland',
      address: 'Musterstraße 1, 01000 Beispielstadt',
      email: null,
      legalBasis: 'PflBG §§ 1, 2, 40-43',
      fees: '100-650 EUR',
      asOf: '2026-11-01',
      confidence: 'high',
      verified: true,
    },
  ],
  legalBasis: 'PflBG §§ 1, 2, 40-43',
  legalBasisType: 'federal',
  procedure: {
    documents: [
      {
        code: 'identity',
        label: { de: 'Nachweis Ihrer Identität', en: 'proof of identity (passport or identity card)' },
      },
    ],
  },
  purpose: null,
  counselling: { kind: 'nationwide', id: 'zsba', name: 'Zentrale Servicestelle Berufsanerkennung (ZSBA)' },
  alternatives: [],
};
