import { EMPLOYER_PATHS } from '../employers/index.ts';

/** The job pages' addresses in both languages. */
export const JOB_PATHS = {
  /** An employer's ads (the employer page links here). */
  mine: EMPLOYER_PATHS.ads,
  create: { de: '/arbeitgeber/:id/stellen/neu', en: '/employers/:id/jobs/new' },
  edit: { de: '/stellenanzeigen/:id', en: '/job-ads/:id' },
  status: { de: '/stellenanzeigen/:id/status', en: '/job-ads/:id/status' },
  search: { de: '/stellen', en: '/jobs' },
  ad: { de: '/stellen/:id', en: '/jobs/:id' },
  /** "Could this job work for me?" with the visitor's own answers of "Which way suits me?". */
  fit: { de: '/stellen/:id/passt-zu-mir', en: '/jobs/:id/for-me' },
} as const;
