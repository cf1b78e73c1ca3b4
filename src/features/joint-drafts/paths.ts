/** The joint drafts' addresses in both languages (the states' workspace, issue 17). */
export const JOINT_DRAFT_PATHS = {
  list: { de: '/laender/entwuerfe', en: '/states/drafts' },
  create: { de: '/laender/entwuerfe/neu', en: '/states/drafts/new' },
  draft: { de: '/laender/entwuerfe/:id', en: '/states/drafts/:id' },
  version: { de: '/laender/entwuerfe/:id/fassung', en: '/states/drafts/:id/version' },
  compare: { de: '/laender/entwuerfe/:id/vergleich', en: '/states/drafts/:id/compare' },
  comment: { de: '/laender/entwuerfe/:id/kommentar', en: '/states/drafts/:id/comment' },
  signOff: { de: '/laender/entwuerfe/:id/zustimmung', en: '/states/drafts/:id/sign-off' },
  text: { de: '/laender/entwuerfe/:id/text', en: '/states/drafts/:id/text' },
  pdf: { de: '/laender/entwuerfe/:id/pdf', en: '/states/drafts/:id/pdf' },
} as const;
