/**
 * Demo documents (`seed --demo`): a person's documents of some categories, a one-page PDF each, shared by category
 * with an organisation under the person's consent — so that the demo service points' ready check finds the
 * documents their checklist requires. Never used outside the demo seed.
 */
import { createHash, randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Database } from '../../platform/db/client.ts';
import { grantConsent } from '../identity/index.ts';
import { consent } from '../people/index.ts';
import { type DocumentCategory, isDocumentCategory } from './checklists.ts';
import { document, documentShare } from './schema.ts';
import type { DocumentStorage } from './storage.ts';

const DEMO_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

export async function shareDemoDocuments(
  db: Database,
  storage: DocumentStorage,
  personId: string,
  organisationId: string,
  categories: readonly string[],
  now: Date,
): Promise<number> {
  let made = 0;
  for (const category of categories) {
    if (!isDocumentCategory(category)) continue;
    const pending = await storage.begin();
    await new Promise<void>((resolve, reject) =>
      pending.sink.end(DEMO_PDF, (e?: Error | null) => (e ? reject(e) : resolve())),
    );
    await db.transaction(async (tx) => {
      await grantConsent(tx, personId, organisationId, now);
      const [active] = await tx
        .select({ id: consent.id })
        .from(consent)
        .where(
          and(
            eq(consent.personId, personId),
            eq(consent.organisationId, organisationId),
            isNull(consent.withdrawnAt),
          ),
        );
      if (!active) throw new Error('demo consent missing');
      const id = randomUUID();
      await tx.insert(document).values({
        id,
        ownerPersonId: personId,
        storageKey: pending.key,
        fileName: `${category as DocumentCategory}.pdf`,
        mediaType: 'application/pdf',
        sizeBytes: DEMO_PDF.length,
        sha256: createHash('sha256').update(DEMO_PDF).digest('hex'),
        category,
        createdAt: now,
      });
      await tx
        .insert(documentShare)
        .values({ ownerPersonId: personId, organisationId, consentId: active.id, category, createdAt: now });
      await appendAudit(
        tx,
        {
          actorPersonId: personId,
          actorRole: 'applicant',
          actorOrganisationId: null,
          action: 'share',
          objectType: 'document',
          objectId: id,
          subjectPersonId: personId,
          purpose: 'demo documents',
          result: 'success',
        },
        now,
      );
      await pending.commit();
    });
    made++;
  }
  return made;
}
