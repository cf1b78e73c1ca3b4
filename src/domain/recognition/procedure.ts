/**
 * What a recognition procedure involves, independent of the authority: the statutory deadlines,
 * the documents typically asked for, and what a recognition is for when the occupation is not
 * regulated. Pure data and rules; the registry supplies the authority, fees and legal basis.
 */

export type LegalBasisType = 'federal' | 'state';

/** How a qualification is recognised for an occupation (see occupation-details.csv). */
export type RecognitionRoute = 'authority' | 'ihk-fosa' | 'hwk' | 'zab' | 'other' | 'unknown';

export interface Deadlines {
  /** The authority confirms receipt and names missing documents within one month (§ 6 Abs. 1 BQFG and the Land laws). */
  readonly receiptConfirmationMonths: 1;
  /** It decides within three months of complete documents; the period may be extended once (§ 6 Abs. 3 BQFG). */
  readonly decisionMonths: 3;
  /** In the accelerated procedure for skilled workers (§ 81a AufenthG, § 14a BQFG): two months; federal law only. */
  readonly acceleratedDecisionMonths: 2 | null;
  readonly legalReference: string;
}

export function deadlinesFor(legalBasisType: LegalBasisType): Deadlines {
  return {
    receiptConfirmationMonths: 1,
    decisionMonths: 3,
    acceleratedDecisionMonths: legalBasisType === 'federal' ? 2 : null,
    legalReference:
      legalBasisType === 'federal'
        ? '§ 6 BQFG or the deadline rules of the profession law; § 14a BQFG and § 81a AufenthG (accelerated procedure)'
        : 'the Land Berufsqualifikationsfeststellungsgesetz (deadlines as § 6 BQFG)',
  };
}

export const DOCUMENTS = [
  'application',
  'identity',
  'qualification',
  'training-content',
  'work-experience',
  'translations',
  'intent-to-work',
  'good-conduct',
  'health-certificate',
  'language',
  'transcript',
] as const;
export type DocumentCode = (typeof DOCUMENTS)[number];

/** The health professions among the registry's recognition professions (recognition_authority.profession). */
export const HEALTH_PROFESSIONS: ReadonlySet<string> = new Set([
  'nurse',
  'physician',
  'dentist',
  'pharmacist',
  'physiotherapist',
  'midwife',
  'psychotherapist',
]);

/** The documents an authority typically asks for; the authority's own list is binding. */
export function typicalDocuments(route: RecognitionRoute, profession: string | null): DocumentCode[] {
  if (route === 'zab') return ['application', 'identity', 'qualification', 'transcript', 'translations'];
  const docs: DocumentCode[] = [
    'application',
    'identity',
    'qualification',
    'training-content',
    'work-experience',
    'translations',
    'intent-to-work',
  ];
  if (profession && HEALTH_PROFESSIONS.has(profession))
    docs.push('good-conduct', 'health-certificate', 'language');
  else if (route === 'authority') docs.push('language');
  return docs;
}

/** What a recognition is for when the occupation is not regulated, and which statement one gets. */
export interface NonRegulatedPurpose {
  readonly statement: 'zab-comparability' | 'ihk-equivalence' | 'hwk-equivalence' | 'other';
  readonly uses: readonly ('residence-title' | 'pay' | 'career')[];
}

export function purposeOf(route: RecognitionRoute, regulated: boolean): NonRegulatedPurpose | null {
  if (regulated) return null;
  const uses = ['residence-title', 'pay', 'career'] as const;
  switch (route) {
    case 'zab':
      return { statement: 'zab-comparability', uses };
    case 'ihk-fosa':
      return { statement: 'ihk-equivalence', uses };
    case 'hwk':
      return { statement: 'hwk-equivalence', uses };
    default:
      return { statement: 'other', uses };
  }
}
