/** The joint projects' addresses in both languages (the states' workspace, issue 17). */
export const JOINT_PROJECT_PATHS = {
  list: { de: '/laender/projekte', en: '/states/projects' },
  create: { de: '/laender/projekte/neu', en: '/states/projects/new' },
  project: { de: '/laender/projekte/:id', en: '/states/projects/:id' },
  answer: { de: '/laender/projekte/:id/antwort', en: '/states/projects/:id/answer' },
  recalculate: { de: '/laender/projekte/:id/neu-berechnen', en: '/states/projects/:id/recalculate' },
} as const;
