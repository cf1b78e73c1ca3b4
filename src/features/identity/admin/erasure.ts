import { and, desc, eq, isNull } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit/audit.ts';
import type { DbOrTx } from '../../../platform/db/client.ts';
import { type ErasureHook, runErasureHooks } from '../../../platform/erasure.ts';
import { applicantProfile, consent, person, roleAssignment } from '../../people/index.ts';
import { authToken, erasureRequest, recoveryCode } from '../schema.ts';
import { revokeAllSessions } from '../sessions/service.ts';

/** What stays after erasure, and why; shown to the person before they ask and in the export. */
export const RETENTION_EXCEPTIONS = [
  {
    what: 'audit-trail',
    why: 'Art. 17(3)(b) and (e) GDPR: the record of who accessed the data is kept for the retention period of the case files, to prove lawful processing and for legal claims; it holds identifiers, not contents.',
  },
  {
    what: 'case-files',
    why: 'Files of authorities (residence, recognition) follow their own statutory retention periods and are erased by the authority, not here.',
  },
] as const;

export async function requestErasure(
  tx: DbOrTx,
  personId: string,
  reason: string | undefined,
  now: Date,
): Promise<string> {
  const [open] = await tx
    .select({ id: erasureRequest.id })
    .from(erasureRequest)
    .where(and(eq(erasureRequest.personId, personId), isNull(erasureRequest.handledAt)));
  if (open) return open.id;
  const [row] = await tx
    .insert(erasureRequest)
    .values({ personId, requestedAt: now, reason: reason?.slice(0, 1000) ?? null })
    .returning({ id: erasureRequest.id });
  await appendAudit(
    tx,
    {
      actorPersonId: personId,
      action: 'create',
      objectType: 'erasure-request',
      objectId: row?.id ?? null,
      subjectPersonId: personId,
      purpose: 'Art. 17 GDPR',
      result: 'success',
    },
    now,
  );
  return row?.id ?? '';
}

export function listErasureRequests(db: DbOrTx) {
  return db
    .select({
      id: erasureRequest.id,
      personId: erasureRequest.personId,
      requestedAt: erasureRequest.requestedAt,
      reason: erasureRequest.reason,
      handledAt: erasureRequest.handledAt,
      outcome: erasureRequest.outcome,
    })
    .from(erasureRequest)
    .orderBy(desc(erasureRequest.requestedAt));
}

/**
 * Handles an erasure request: `erased` removes the account's personal data (the audit trail
 * stays, see RETENTION_EXCEPTIONS); `refused` records why.
 */
export async function handleErasure(
  tx: DbOrTx,
  requestId: string,
  outcome: 'erased' | 'refused',
  note: string | undefined,
  actorPersonId: string,
  now: Date,
  hooks: readonly ErasureHook[] = [],
  afterCommit: Array<() => Promise<void>> = [],
): Promise<boolean> {
  const [req] = await tx
    .update(erasureRequest)
    .set({ handledAt: now, handledBy: actorPersonId, outcome, note: note?.slice(0, 1000) ?? null })
    .where(and(eq(erasureRequest.id, requestId), isNull(erasureRequest.handledAt)))
    .returning();
  if (!req) return false;
  if (outcome === 'erased') {
    const id = req.personId;
    await tx
      .update(person)
      .set({
        email: `erased-${id}@erased.invalid`,
        displayName: '–',
        passwordHash: null,
        totpSecret: null,
        totpEnabledAt: null,
        emailVerifiedAt: null,
        disabledAt: now,
      })
      .where(eq(person.id, id));
    await tx.delete(applicantProfile).where(eq(applicantProfile.personId, id));
    await tx.delete(consent).where(eq(consent.personId, id));
    await tx.delete(recoveryCode).where(eq(recoveryCode.personId, id));
    await tx.delete(authToken).where(eq(authToken.personId, id));
    await tx
      .update(roleAssignment)
      .set({ revokedAt: now })
      .where(and(eq(roleAssignment.personId, id), isNull(roleAssignment.revokedAt)));
    await revokeAllSessions(tx, id, now);
    afterCommit.push(...(await runErasureHooks(tx, hooks, id)));
  }
  await appendAudit(
    tx,
    {
      actorPersonId,
      actorRole: 'administrator',
      action: 'update',
      objectType: 'erasure-request',
      objectId: requestId,
      subjectPersonId: req.personId,
      purpose: `Art. 17 GDPR: ${outcome}`,
      result: 'success',
    },
    now,
  );
  return true;
}
