/**
 * An employer invites a candidate by email into a journey (issue 16). The employer's admins and members of a
 * confirmed employer write to a person; the mail (German and English, through the outbox in the same transaction)
 * carries a single-use link whose token is stored only as its SHA-256 hash and expires after 14 days. The candidate
 * signs in, sees what the employer will see, and agrees or declines; agreeing gives the journey's own
 * `invite-employer` command as the candidate. Every invitation and answer is audited.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import { type Actor, decideFor, type Membership, organisationRelations } from '../../domain/access/policy.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Database, DbOrTx } from '../../platform/db/client.ts';
import { composeMail, mailMoment } from '../../platform/mail/compose.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { localizedUrl } from '../../web/paths.ts';
import { EMPLOYER_PATHS } from './paths.ts';
import { employerCandidateInvitation, type InvitationAnswer } from './schema.ts';
import type { EmployerRow } from './service.ts';

export type InvitationRow = typeof employerCandidateInvitation.$inferSelect;

/** How long the link in the mail works. */
export const INVITATION_DAYS = 14;

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** The address of the candidate's page for a token, in a language. */
export const invitationUrl = (locale: 'de' | 'en', token: string) =>
  localizedUrl(EMPLOYER_PATHS.invitation, locale, { token });

/** The employer membership through which the actor may invite for this employer, if any. */
export function inviterOf(actor: Actor, e: EmployerRow): Membership | undefined {
  const d = decideFor(actor, 'create', 'employer-invitation', (m) =>
    organisationRelations(m, { organisationId: e.organisationId }),
  );
  return d.allow ? d.membership : undefined;
}

async function audit(
  tx: DbOrTx,
  actor: Actor,
  m: Membership | undefined,
  action: 'create' | 'read' | 'update',
  objectId: string,
  purpose: string,
  now: Date,
) {
  await appendAudit(
    tx,
    {
      actorPersonId: actor.personId,
      actorRole: m?.role ?? null,
      actorOrganisationId: m?.organisationId ?? null,
      action,
      objectType: 'employer-invitation',
      objectId,
      purpose,
      result: 'success',
    },
    now,
  );
}

export function createInvitations(db: Database, mailer: Mailer, baseUrl: string) {
  return {
    /** Invites a candidate (the caller checked the membership and that the employer is confirmed). */
    async invite(
      actor: Actor,
      m: Membership,
      e: EmployerRow,
      input: { name: string; email: string },
      now: Date,
    ): Promise<{ id: string; token: string }> {
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000);
      return db.transaction(async (tx) => {
        const [row] = await tx
          .insert(employerCandidateInvitation)
          .values({
            organisationId: e.organisationId,
            email: input.email,
            name: input.name,
            tokenHash: hashOf(token),
            invitedBy: actor.personId,
            createdAt: now,
            expiresAt,
          })
          .returning({ id: employerCandidateInvitation.id });
        if (!row) throw new Error('invitation not stored');
        await mailer.send(
          tx,
          composeMail(input.email, 'employers.mail.invitation', (t) => ({
            name: input.name,
            employer: e.name,
            town: e.town,
            link: `${baseUrl}${invitationUrl(t.locale === 'de' ? 'de' : 'en', token)}`,
            expires: mailMoment(t, expiresAt),
          })),
        );
        await audit(tx, actor, m, 'create', row.id, 'invite a candidate', now);
        return { id: row.id, token };
      });
    },

    /** The employer's invitations, newest first (audited as a read of the list). */
    async list(actor: Actor, m: Membership, organisationId: string, now: Date): Promise<InvitationRow[]> {
      const rows = await db
        .select()
        .from(employerCandidateInvitation)
        .where(eq(employerCandidateInvitation.organisationId, organisationId))
        .orderBy(desc(employerCandidateInvitation.createdAt))
        .limit(200);
      await audit(db, actor, m, 'read', organisationId, 'list invited candidates', now);
      return rows;
    },

    /** The open invitation of a token: unanswered and not expired; undefined otherwise. */
    async open(token: string, now: Date): Promise<InvitationRow | undefined> {
      if (!token || token.length > 100) return undefined;
      const [row] = await db
        .select()
        .from(employerCandidateInvitation)
        .where(
          and(
            eq(employerCandidateInvitation.tokenHash, hashOf(token)),
            isNull(employerCandidateInvitation.answer),
            gt(employerCandidateInvitation.expiresAt, now),
          ),
        );
      return row;
    },

    /**
     * Records the candidate's answer once (a second answer finds nothing and returns false). `journeyId` is the
     * journey the employer was invited into when the candidate agreed.
     */
    async answer(
      actor: Actor,
      row: InvitationRow,
      answer: InvitationAnswer,
      journeyId: string | null,
      now: Date,
    ): Promise<boolean> {
      return db.transaction(async (tx) => {
        const [done] = await tx
          .update(employerCandidateInvitation)
          .set({ answer, answeredAt: now, answeredBy: actor.personId, journeyId })
          .where(and(eq(employerCandidateInvitation.id, row.id), isNull(employerCandidateInvitation.answer)))
          .returning({ id: employerCandidateInvitation.id });
        if (!done) return false;
        await audit(tx, actor, actor.memberships[0], 'update', row.id, `candidate ${answer}`, now);
        return true;
      });
    },
  };
}

export type Invitations = ReturnType<typeof createInvitations>;

/** Where an invitation stands for the employer's list. */
export function invitationStatus(
  row: InvitationRow,
  now: Date,
): 'waiting' | 'expired' | 'accepted' | 'declined' {
  if (row.answer === 'accepted' || row.answer === 'declined') return row.answer;
  return row.expiresAt > now ? 'waiting' : 'expired';
}
