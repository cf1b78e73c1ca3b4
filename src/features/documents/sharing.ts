import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../../domain/access/policy.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { grantConsent } from '../identity/index.ts';
import { consent, organisation } from '../people/index.ts';
import { type DocumentCategory, isDocumentCategory } from './checklists.ts';
import { auditActor, type DocumentsDeps, findDocument, isUuid } from './document-record.ts';
import { documentShare } from './schema.ts';

// Sharing by consent: an owner narrows a consent to documents or categories, and revokes a share.

export interface ShareView {
  readonly id: string;
  readonly organisationId: string;
  readonly organisationName: string;
  readonly documentId: string | null;
  readonly category: string | null;
  readonly createdAt: string;
  /** False once revoked or once the consent behind it was withdrawn. */
  readonly effective: boolean;
}

/** The owner's shares, newest first, with whether each is in effect. */
export async function sharesOf(db: DbOrTx, personId: string): Promise<ShareView[]> {
  const rows = await db
    .select({
      id: documentShare.id,
      organisationId: documentShare.organisationId,
      organisationName: organisation.name,
      documentId: documentShare.documentId,
      category: documentShare.category,
      createdAt: documentShare.createdAt,
      revokedAt: documentShare.revokedAt,
      withdrawnAt: consent.withdrawnAt,
    })
    .from(documentShare)
    .innerJoin(consent, eq(consent.id, documentShare.consentId))
    .innerJoin(organisation, eq(organisation.id, documentShare.organisationId))
    .where(eq(documentShare.ownerPersonId, personId))
    .orderBy(desc(documentShare.createdAt));
  return rows.map((r) => ({
    id: r.id,
    organisationId: r.organisationId,
    organisationName: r.organisationName,
    documentId: r.documentId,
    category: r.category,
    createdAt: r.createdAt.toISOString(),
    effective: r.revokedAt === null && r.withdrawnAt === null,
  }));
}

/** Organisations the person has an active consent for: the ones they can share documents with. */
export async function shareableOrganisations(db: DbOrTx, personId: string) {
  return db
    .select({ id: organisation.id, name: organisation.name, consentId: consent.id })
    .from(consent)
    .innerJoin(organisation, eq(organisation.id, consent.organisationId))
    .where(and(eq(consent.personId, personId), isNull(consent.withdrawnAt)))
    .orderBy(organisation.name);
}

export type ShareResult =
  | { ok: true; share: ShareView }
  | { ok: false; problem: 'no-document' | 'no-consent' | 'category' | 'target' };

/** The owner's active consent for an organisation, with the organisation's name. */
async function activeConsent(tx: DbOrTx, personId: string, organisationId: string) {
  if (!isUuid(organisationId)) return undefined;
  const [active] = await tx
    .select({ id: consent.id, name: organisation.name })
    .from(consent)
    .innerJoin(organisation, eq(organisation.id, consent.organisationId))
    .where(
      and(
        eq(consent.personId, personId),
        eq(consent.organisationId, organisationId),
        isNull(consent.withdrawnAt),
      ),
    )
    .limit(1);
  return active;
}

/**
 * Shares one of the owner's documents, or every document of a category (present and future), with
 * an organisation the owner has consented to. Without an active consent nothing is shared, unless
 * the owner allows it in the same step (`grantConsent`): then the consent is granted through the
 * identity feature first, in the same transaction, with its own audit entry. The share only narrows
 * what the consent covers.
 */
export async function shareDocuments(
  deps: DocumentsDeps,
  actor: Actor,
  target: { organisationId: string; documentId?: string | undefined; category?: string | undefined },
  opts: { grantConsent?: boolean } = {},
): Promise<ShareResult> {
  const now = deps.now();
  const hasDocument = target.documentId !== undefined && target.documentId !== '';
  const hasCategory = target.category !== undefined && target.category !== '';
  if (hasDocument === hasCategory) return { ok: false, problem: 'target' };
  if (hasCategory && !isDocumentCategory(target.category)) return { ok: false, problem: 'category' };
  return deps.db.transaction(async (tx): Promise<ShareResult> => {
    if (hasDocument) {
      const row = await findDocument(tx, target.documentId ?? '');
      if (!row || row.ownerPersonId !== actor.personId) return { ok: false, problem: 'no-document' };
    }
    let active = await activeConsent(tx, actor.personId, target.organisationId);
    if (!active && opts.grantConsent && isUuid(target.organisationId)) {
      if (await grantConsent(tx, actor.personId, target.organisationId, now))
        active = await activeConsent(tx, actor.personId, target.organisationId);
    }
    if (!active) return { ok: false, problem: 'no-consent' };
    // The same share again (a second click, a form sent twice) answers with the one in effect.
    const [existing] = await tx
      .select()
      .from(documentShare)
      .where(
        and(
          eq(documentShare.consentId, active.id),
          isNull(documentShare.revokedAt),
          hasDocument
            ? eq(documentShare.documentId, target.documentId ?? '')
            : eq(documentShare.category, target.category as DocumentCategory),
        ),
      )
      .limit(1);
    const [share] = existing
      ? [existing]
      : await tx
          .insert(documentShare)
          .values({
            ownerPersonId: actor.personId,
            organisationId: target.organisationId,
            consentId: active.id,
            documentId: hasDocument ? (target.documentId ?? null) : null,
            category: hasCategory ? (target.category as DocumentCategory) : null,
            createdAt: now,
          })
          .returning();
    if (!share) throw new Error('share not stored');
    await appendAudit(
      tx,
      {
        ...auditActor(actor, actor.memberships[0]),
        action: 'share',
        objectType: 'document',
        objectId: share.documentId ?? `category:${share.category ?? ''}`,
        subjectPersonId: actor.personId,
        purpose: `share with organisation ${target.organisationId}`,
        result: 'success',
      },
      now,
    );
    return {
      ok: true,
      share: {
        id: share.id,
        organisationId: share.organisationId,
        organisationName: active.name,
        documentId: share.documentId,
        category: share.category,
        createdAt: share.createdAt.toISOString(),
        effective: true,
      },
    };
  });
}

/** Ends one of the owner's shares; false when there is no such active share of theirs. */
export async function revokeShare(deps: DocumentsDeps, actor: Actor, shareId: string): Promise<boolean> {
  if (!isUuid(shareId)) return false;
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const rows = await tx
      .update(documentShare)
      .set({ revokedAt: now })
      .where(
        and(
          eq(documentShare.id, shareId),
          eq(documentShare.ownerPersonId, actor.personId),
          isNull(documentShare.revokedAt),
        ),
      )
      .returning({ id: documentShare.id });
    if (rows.length === 0) return false;
    await appendAudit(
      tx,
      {
        ...auditActor(actor, actor.memberships[0]),
        action: 'share',
        objectType: 'document',
        objectId: shareId,
        subjectPersonId: actor.personId,
        purpose: 'share revoked',
        result: 'success',
      },
      now,
    );
    return true;
  });
}
