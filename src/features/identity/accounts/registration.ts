import { checkPassword, type PasswordProblem } from '../../../domain/access/passwords.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import type { DbOrTx } from '../../../platform/db/client.ts';
import { composeMail } from '../../../platform/mail/compose.ts';
import { localizedUrl } from '../../../web/paths.ts';
import {
  applicantProfile,
  findPersonByEmail,
  normaliseEmail,
  person,
  roleAssignment,
} from '../../people/index.ts';
import { commonPasswords, hashPassword } from '../credentials.ts';
import type { IdentityDeps } from '../deps.ts';
import { sendTokenMail } from '../mailed-tokens.ts';
import { IDENTITY_PATHS } from '../paths.ts';

export interface Registration {
  email: string;
  displayName: string;
  passwordHash: string;
}

export type RegisterResult =
  | { kind: 'ok'; registration: Registration }
  | { kind: 'weak'; problem: PasswordProblem };

/**
 * Self-registration as an applicant, first half: the password is checked and hashed (the same work
 * for every address). The routes answer next and then call `storeRegistration`, so that the answer
 * neither says nor takes longer when the address is taken.
 */
export async function prepareRegistration(input: {
  email: string;
  password: string;
  displayName: string;
}): Promise<RegisterResult> {
  const email = normaliseEmail(input.email);
  const problem = checkPassword(input.password, commonPasswords(), email);
  if (problem) return { kind: 'weak', problem };
  const passwordHash = await hashPassword(input.password);
  return {
    kind: 'ok',
    registration: { email, displayName: input.displayName.trim() || email, passwordHash },
  };
}

/**
 * Second half: a new account gets a verification link, an existing one a notice (no enumeration).
 */
export async function storeRegistration(deps: IdentityDeps, r: Registration): Promise<void> {
  const { email, passwordHash } = r;
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    // A registration that arrives while another one with the same address commits finds no row
    // but cannot insert one: it is answered like any registration with a taken address.
    const [row] = (await findPersonByEmail(tx, email))
      ? []
      : await tx
          .insert(person)
          .values({ email, displayName: r.displayName, passwordHash, createdAt: now })
          .onConflictDoNothing({ target: person.email })
          .returning();
    if (!row) {
      await deps.mailer.send(
        tx,
        composeMail(email, 'identity.mail.registration-taken', (t) => ({
          link: `${deps.baseUrl}${localizedUrl(IDENTITY_PATHS.forgotPassword, t.locale)}`,
        })),
      );
      return;
    }
    await tx.insert(roleAssignment).values({ personId: row.id, role: 'applicant', grantedAt: now });
    await sendTokenMail(deps, tx, row, 'verify-email', now);
    await appendAudit(
      tx,
      {
        actorPersonId: row.id,
        action: 'register',
        objectType: 'account',
        subjectPersonId: row.id,
        purpose: 'registration',
        result: 'success',
      },
      now,
    );
  });
}

export async function updateApplicantProfile(
  tx: DbOrTx,
  personId: string,
  input: {
    residenceAgs?: string | null | undefined;
    countryCode?: string | null | undefined;
    nationality?: string | null | undefined;
  },
  now: Date,
): Promise<void> {
  const values = {
    residenceAgs: input.residenceAgs ?? null,
    countryCode: input.countryCode ?? null,
    nationality: input.nationality ?? null,
    updatedAt: now,
  };
  await tx
    .insert(applicantProfile)
    .values({ personId, ...values })
    .onConflictDoUpdate({ target: applicantProfile.personId, set: values });
  await appendAudit(
    tx,
    {
      actorPersonId: personId,
      action: 'update',
      objectType: 'applicant-profile',
      objectId: personId,
      subjectPersonId: personId,
      purpose: 'own data',
      result: 'success',
    },
    now,
  );
}
