/** The applicant's documents shared with the viewer, as the journey page and the step page list them. */
import type { ViewContext } from '../../web/context.ts';
import { contentUrl } from '../documents/index.ts';

export interface SharedDocument {
  readonly id: string;
  readonly fileName: string;
  readonly category: string;
}

/** The applicant's documents the viewer may read (shared by consent), with download links. */
export function SharedDocuments({
  ctx,
  documents,
}: {
  ctx: ViewContext;
  documents: readonly SharedDocument[];
}) {
  const { t } = ctx;
  return (
    <section aria-labelledby="shared-documents">
      <h2 class="kern-heading-medium" id="shared-documents">
        {t.t('journeys.documents.shared')}
      </h2>
      {documents.length === 0 ? (
        <p class="kern-body">{t.t('journeys.documents.none')}</p>
      ) : (
        <ul class="kern-list">
          {documents.map((d) => (
            <li key={d.id}>
              <a class="kern-link" href={contentUrl(d.id)}>
                {d.fileName}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
