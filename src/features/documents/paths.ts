import type { LocalizedPath } from '../../web/paths.ts';

/** The document pages in each language. */
export const DOCUMENT_PATHS = {
  list: { de: '/dokumente', en: '/documents' },
  share: { de: '/dokumente/teilen', en: '/documents/share' },
  unshare: { de: '/dokumente/freigabe-beenden', en: '/documents/unshare' },
  remove: { de: '/dokumente/loeschen', en: '/documents/delete' },
  /** The standard checklists per residence title and step (ministry officers). */
  checklists: { de: '/dokumente/checklisten', en: '/documents/checklists' },
  checklist: { de: '/dokumente/checklisten/:pathway/:kind', en: '/documents/checklists/:pathway/:kind' },
} as const satisfies Record<string, LocalizedPath>;

/** Where a document's bytes are downloaded (the same URL for every party; the policy decides). */
export const contentUrl = (id: string) => `/api/v1/documents/${encodeURIComponent(id)}/content`;
