import type { LocalizedPath } from '../../web/paths.ts';

/** The pathway pages. The questionnaire's steps have their own paths (questionnaire.ts). */
export const PATHWAY_PATHS = {
  start: { de: '/weg-finden', en: '/find-your-way' },
  summary: { de: '/weg-finden/zusammenfassung', en: '/find-your-way/summary' },
  result: { de: '/weg-finden/ergebnis', en: '/find-your-way/result' },
  deleteAnswers: { de: '/weg-finden/antworten-loeschen', en: '/find-your-way/delete-answers' },
  points: { de: '/chancenkarte-punkte', en: '/opportunity-card-points' },
  offer: { de: '/stellenangebot-pruefen', en: '/check-a-job-offer' },
} as const satisfies Record<string, LocalizedPath>;
