import { localizedUrl } from '../../web/paths.ts';

/** The employer pages' addresses in both languages. */
export const EMPLOYER_PATHS = {
  mine: { de: '/arbeitgeber', en: '/employers' },
  guide: { de: '/arbeitgeber/leitfaden', en: '/employers/guide' },
  register: { de: '/arbeitgeber/registrieren', en: '/employers/register' },
  employer: { de: '/arbeitgeber/:id', en: '/employers/:id' },
  decide: { de: '/arbeitgeber/:id/pruefung', en: '/employers/:id/check' },
  queue: { de: '/ministerium/arbeitgeber', en: '/ministry/employers' },
  invitations: { de: '/arbeitgeber/:id/einladungen', en: '/employers/:id/invitations' },
  invitation: { de: '/arbeitgeber/einladung/:token', en: '/employers/invitation/:token' },
  /** The employer's job ads: the page belongs to the jobs feature, the address to the employer. */
  ads: { de: '/arbeitgeber/:id/stellen', en: '/employers/:id/jobs' },
} as const;

/** The sections of the employer guide in their order; the ids are the anchors the employer's tasks link to. */
export const GUIDE_SECTIONS = [
  'check',
  'recognition',
  'declaration',
  'accelerated',
  'fee',
  'housing',
  'first-weeks',
] as const;
export type GuideSection = (typeof GUIDE_SECTIONS)[number];

/** The address of the employer guide, or of one of its sections. */
export function guideUrl(locale: 'de' | 'en', section?: GuideSection): string {
  return `${localizedUrl(EMPLOYER_PATHS.guide, locale)}${section ? `#${section}` : ''}`;
}
