import type { StepKind } from '../../domain/journey/types.ts';
import type { PathwayId } from '../../domain/law/types.ts';

/**
 * The document checklist catalogue: which categories exist, and which a step of a journey needs,
 * per step kind and (where it differs) per pathway. Pure data; the labels live in
 * messages/{de,en}.json as `documents.category.<id>`.
 */
export const DOCUMENT_CATEGORIES = [
  'passport',
  'photo',
  'degree-certificate',
  'transcript',
  'vocational-certificate',
  'translation',
  'cv',
  'work-experience',
  'language-certificate',
  'job-offer',
  'employment-contract',
  'employment-declaration',
  'agreement-81a',
  'power-of-attorney',
  'recognition-notice',
  'zab-statement',
  'pre-approval',
  'health-insurance',
  'blocked-account',
  'proof-of-accommodation',
  'registration-certificate',
  'professional-licence',
  'school-certificate',
  'pay-slips',
  'civic-test-certificate',
  'other',
] as const;
export type DocumentCategory = (typeof DOCUMENT_CATEGORIES)[number];

export function isDocumentCategory(value: unknown): value is DocumentCategory {
  return typeof value === 'string' && (DOCUMENT_CATEGORIES as readonly string[]).includes(value);
}

/** One checklist line: a category, whether it is required, and who provides it. */
export interface ChecklistItem {
  readonly category: DocumentCategory;
  readonly required: boolean;
  /** Who brings the document: the applicant, or the employer (employment declaration, § 81a agreement). */
  readonly providedBy: 'applicant' | 'employer';
  /** Only for these pathways (all when absent). */
  readonly pathways?: readonly PathwayId[];
}

const need = (category: DocumentCategory, extra: Partial<ChecklistItem> = {}): ChecklistItem => ({
  category,
  required: true,
  providedBy: 'applicant',
  ...extra,
});
const may = (category: DocumentCategory, extra: Partial<ChecklistItem> = {}): ChecklistItem =>
  need(category, { required: false, ...extra });

/**
 * The move from the Chancen-Aufenthaltsrecht (§ 104c) to a lasting title: § 25a Abs. 1 Nr. 3 AufenthG (3 years of
 * school or a German school or vocational qualification) and § 25b Abs. 1 Nr. 2–5 AufenthG (basic knowledge of the
 * legal and social order, livelihood mainly from work, oral German A2, school attendance of the children);
 * legal-rules.md § 14.3, https://www.gesetze-im-internet.de/aufenthg_2004/__25a.html and __25b.html.
 */
const YOUTH: readonly PathwayId[] = ['aufenthg-25a'];
const INTEGRATED: readonly PathwayId[] = ['aufenthg-25b'];

const SKILLED: readonly PathwayId[] = ['aufenthg-18a', 'aufenthg-18b', 'aufenthg-18g', 'aufenthg-18g-it'];
const EMPLOYED: readonly PathwayId[] = [...SKILLED, 'aufenthg-19c-2', 'aufenthg-16d-3', 'beschv-26-2'];

/** What each step kind asks for (the recognition authority, the foreigners' office, the mission …). */
export const STEP_CHECKLISTS: Readonly<Record<StepKind, readonly ChecklistItem[]>> = {
  orientation: [may('cv'), may('degree-certificate'), may('language-certificate')],
  'job-offer': [need('cv'), may('job-offer'), may('employment-contract')],
  recognition: [
    need('passport'),
    need('degree-certificate'),
    need('transcript'),
    need('translation'),
    need('cv'),
    may('work-experience'),
    may('vocational-certificate'),
    may('professional-licence'),
  ],
  'zab-statement': [need('passport'), need('degree-certificate'), need('transcript'), may('translation')],
  'accelerated-procedure': [
    need('agreement-81a', { providedBy: 'employer' }),
    need('power-of-attorney', { providedBy: 'employer' }),
    need('employment-contract'),
    need('employment-declaration', { providedBy: 'employer' }),
    need('passport'),
    need('recognition-notice', { pathways: ['aufenthg-18a', 'aufenthg-18b', 'aufenthg-16d-1'] }),
  ],
  'ba-approval': [
    need('employment-declaration', { providedBy: 'employer' }),
    need('employment-contract'),
    may('job-offer'),
  ],
  'visa-appointment': [need('passport'), need('photo')],
  'visa-decision': [
    need('passport'),
    need('photo'),
    need('employment-contract', { pathways: EMPLOYED }),
    need('recognition-notice', { pathways: ['aufenthg-18a', 'aufenthg-18b'] }),
    need('zab-statement', { pathways: ['aufenthg-18b', 'aufenthg-18g', 'aufenthg-18g-it'], required: false }),
    need('pre-approval', { required: false }),
    need('health-insurance'),
    need('blocked-account', { pathways: ['aufenthg-20a', 'aufenthg-16b', 'aufenthg-17'] }),
    may('language-certificate'),
    may('cv'),
  ],
  'entry-registration': [need('passport'), need('proof-of-accommodation')],
  'residence-permit': [
    need('passport'),
    need('photo'),
    need('registration-certificate'),
    need('health-insurance'),
    need('employment-contract', { pathways: EMPLOYED }),
    may('employment-declaration', { providedBy: 'employer' }),
    need('school-certificate', { pathways: YOUTH }),
    may('vocational-certificate', { pathways: YOUTH }),
    need('language-certificate', { pathways: INTEGRATED }),
    may('civic-test-certificate', { pathways: INTEGRATED }),
    need('employment-contract', { pathways: INTEGRATED }),
    need('pay-slips', { pathways: INTEGRATED }),
    may('school-certificate', { pathways: INTEGRATED }),
  ],
  integration: [may('language-certificate')],
};

/** The checklist for one step of a journey on a pathway: the step kind's items that apply to it. */
export function checklistFor(kind: StepKind, pathway?: PathwayId): readonly ChecklistItem[] {
  return STEP_CHECKLISTS[kind].filter(
    (item) => !item.pathways || pathway === undefined || item.pathways.includes(pathway),
  );
}

/** For each checklist item: the documents of the applicant in that category (and whether it is met). */
export function checklistStatus<D extends { readonly category: string }>(
  items: readonly ChecklistItem[],
  documents: readonly D[],
): { item: ChecklistItem; documents: D[]; met: boolean }[] {
  return items.map((item) => {
    const docs = documents.filter((d) => d.category === item.category);
    return { item, documents: docs, met: docs.length > 0 };
  });
}
