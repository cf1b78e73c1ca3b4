import { and, desc, eq, isNull, ne, sql } from 'drizzle-orm';
import { type RoleClass, strictestClass } from '../../../domain/access/roles.ts';
import { sessionState } from '../../../domain/access/sessions.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import { builtOnce, type Database, type DbOrTx } from '../../../platform/db/client.ts';
import {
  type MembershipView,
  membershipsFrom,
  membershipsSql,
  type PersonRow,
  person,
} from '../../people/index.ts';
import { randomToken, sha256 } from '../credentials.ts';
import { session } from '../schema.ts';

export type SessionRow = typeof session.$inferSelect;

/** Writes of last_seen_at are batched: at most one per minute per session. */
const TOUCH_EVERY_MS = 60_000;

export async function createSession(
  db: DbOrTx,
  opts: {
    personId: string;
    roleClass: RoleClass;
    pending: boolean;
    csrfSecret: string | null;
    userAgent: string | undefined;
    now: Date;
  },
): Promise<{ token: string; idHash: string }> {
  const token = randomToken();
  const idHash = sha256(token);
  await db.insert(session).values({
    idHash,
    personId: opts.personId,
    roleClass: opts.roleClass,
    pendingSecondFactor: opts.pending,
    csrfSecretHash: opts.csrfSecret ? sha256(opts.csrfSecret) : null,
    userAgent: opts.userAgent?.slice(0, 200) ?? null,
    createdAt: opts.now,
    lastSeenAt: opts.now,
  });
  return { token, idHash };
}

export interface Authenticated {
  readonly session: SessionRow;
  readonly person: PersonRow;
  readonly memberships: MembershipView[];
}

/**
 * Resolves a session cookie to its person and current roles; ends sessions that have timed out.
 * Returns `pending` for a session that still waits for its second factor.
 */
export async function resolveSession(
  db: DbOrTx,
  token: string,
  now: Date,
): Promise<
  { kind: 'active'; auth: Authenticated } | { kind: 'pending'; session: SessionRow } | { kind: 'none' }
> {
  if (!token || token.length > 100) return { kind: 'none' };
  const idHash = sha256(token);
  // Session, person and roles in one round trip (every signed-in request starts here), prepared once per connection.
  const [found] = await builtOnce(db, 'session-resolve', () =>
    db
      .select({ row: session, person, memberships: membershipsSql(session.personId) })
      .from(session)
      .innerJoin(person, eq(person.id, session.personId))
      .where(eq(session.idHash, sql.placeholder('idHash')))
      .limit(1)
      .prepare('session-resolve'),
  ).execute({ idHash });
  if (!found) return { kind: 'none' };
  const row = found.row;
  const state = sessionState(row, now);
  if (state !== 'active') {
    if (state !== 'revoked')
      await db.update(session).set({ revokedAt: now }).where(eq(session.idHash, idHash));
    return { kind: 'none' };
  }
  const who = found.person;
  if (who.disabledAt) return { kind: 'none' };
  if (row.pendingSecondFactor) return { kind: 'pending', session: row };
  const memberships = membershipsFrom(found.memberships);
  // A role granted since sign-in that needs a stricter class ends this session (sign in again).
  if (strictestClass(memberships.map((m) => m.role)) !== row.roleClass) {
    await db.update(session).set({ revokedAt: now }).where(eq(session.idHash, idHash));
    return { kind: 'none' };
  }
  if (now.getTime() - row.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    await db.update(session).set({ lastSeenAt: now }).where(eq(session.idHash, idHash));
  }
  return { kind: 'active', auth: { session: row, person: who, memberships } };
}

export async function revokeSession(db: DbOrTx, idHash: string, now: Date): Promise<void> {
  await db
    .update(session)
    .set({ revokedAt: now })
    .where(and(eq(session.idHash, idHash), isNull(session.revokedAt)));
}

/** Ends every session of a person, optionally except one (sign out everywhere else). */
export async function revokeAllSessions(
  db: DbOrTx,
  personId: string,
  now: Date,
  except?: string,
): Promise<void> {
  const where = except
    ? and(eq(session.personId, personId), isNull(session.revokedAt), ne(session.idHash, except))
    : and(eq(session.personId, personId), isNull(session.revokedAt));
  await db.update(session).set({ revokedAt: now }).where(where);
}

/** The person's sessions that are still active, newest first. */
export async function listActiveSessions(db: DbOrTx, personId: string, now: Date): Promise<SessionRow[]> {
  const rows = await db
    .select()
    .from(session)
    .where(and(eq(session.personId, personId), isNull(session.revokedAt)))
    .orderBy(desc(session.createdAt));
  return rows.filter((r) => sessionState(r, now) === 'active' && !r.pendingSecondFactor);
}

/** The person's active sessions as they see them, the session of this request marked `current`. */
export async function sessionsOverview(db: DbOrTx, auth: Authenticated, now: Date) {
  const rows = await listActiveSessions(db, auth.person.id, now);
  return rows.map((s) => ({
    id: s.idHash,
    current: s.idHash === auth.session.idHash,
    createdAt: s.createdAt,
    lastSeenAt: s.lastSeenAt,
    userAgent: s.userAgent,
  }));
}

/** Ends one of the person's own active sessions; false when it is not one of theirs (answer 404). */
export async function revokeOwnSession(
  db: DbOrTx,
  personId: string,
  idHash: string,
  now: Date,
): Promise<boolean> {
  const mine = (await listActiveSessions(db, personId, now)).some((s) => s.idHash === idHash);
  if (mine) await revokeSession(db, idHash, now);
  return mine;
}

/** Signs out of this session, or of every session of its person, with its audit entry. */
export async function signOut(
  db: Database,
  auth: Authenticated,
  everywhere: boolean,
  now: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    if (everywhere) await revokeAllSessions(tx, auth.person.id, now);
    else await revokeSession(tx, auth.session.idHash, now);
    await appendAudit(
      tx,
      {
        actorPersonId: auth.person.id,
        action: everywhere ? 'sign-out-everywhere' : 'sign-out',
        objectType: 'session',
        subjectPersonId: auth.person.id,
        purpose: 'authentication',
        result: 'success',
      },
      now,
    );
  });
}
