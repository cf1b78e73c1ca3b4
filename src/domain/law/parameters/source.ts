/**
 * The shape of a parameter's source and its constructor (used by sources.ts and sources-transitions.ts).
 */

export type Source = {
  /** The public source's title in the page's language. */
  readonly title: { readonly de: string; readonly en: string };
  /** Address of the statute or the authority's page. */
  readonly url: string;
  /** Research note for reviewers (administrators); never shown to applicants. */
  readonly researchNote: string;
  /** Address the research read the value from (may be a third party); for reviewers only. */
  readonly researchUrl: string;
};

export function source(de: string, en: string, url: string, researchNote: string, researchUrl = url): Source {
  return { title: { de, en }, url, researchNote, researchUrl };
}
