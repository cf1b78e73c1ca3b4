/**
 * Joint projects (issue 17): an officer of a participating state creates a project with its budget and key; the
 * split is calculated and stored with the key figures used, in one transaction with its history entry and audit
 * entry. Every state's ministry officers read the projects.
 */
import { asc, desc, eq, inArray } from 'drizzle-orm';
import { type Actor, decideFor, type Membership } from '../../domain/access/policy.ts';
import type { KeyKind } from '../../domain/workspace/cost-sharing.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Database, DbOrTx } from '../../platform/db/client.ts';
import { organisation } from '../people/index.ts';
import { projectRelations } from './access.ts';
import { calculateSplit, type SplitRow } from './calculate.ts';
import { jointProject, jointProjectEvent, jointProjectState } from './schema.ts';

export interface NewProject {
  readonly title: string;
  readonly description: string;
  readonly leadStateCode: string;
  readonly states: readonly string[];
  readonly budgetCents: number;
  readonly keyKind: KeyKind;
  readonly keyYear: string | null;
  readonly weights: Readonly<Record<string, number>> | null;
}

export type CreateResult =
  | { kind: 'ok'; id: string }
  | { kind: 'forbidden' }
  | { kind: 'refused'; field: string; rule: string };

/** Who acted, for the audit and the history: the membership that allowed it, else the first ministry role. */
export function auditActor(actor: Actor, m: Membership | undefined) {
  const who = m ?? actor.memberships.find((x) => x.role === 'ministry-officer') ?? actor.memberships[0];
  return {
    actorPersonId: actor.personId,
    actorRole: who?.role ?? null,
    actorOrganisationId: who?.organisationId ?? null,
  };
}

/** Creates a project with its calculated split, if one of the actor's states takes part. */
export async function createProject(
  db: Database,
  actor: Actor,
  input: NewProject,
  now: Date,
): Promise<CreateResult> {
  const d = decideFor(actor, 'create', 'joint-project', (m) => projectRelations(m, input.states));
  const who = auditActor(actor, d.allow ? d.membership : undefined);
  const audit = { action: 'create', objectType: 'joint-project', purpose: 'joint project' } as const;
  if (!d.allow) {
    await appendAudit(db, { ...who, ...audit, result: 'denied' }, now);
    return { kind: 'forbidden' };
  }
  return db.transaction(async (tx) => {
    const stored = await storeProject(
      tx,
      { personId: actor.personId, organisationId: who.actorOrganisationId },
      input,
      now,
    );
    if (stored.kind === 'ok')
      await appendAudit(tx, { ...who, ...audit, objectId: stored.id, result: 'success' }, now);
    return stored;
  });
}

/**
 * Stores a project with its split calculated from the key data, and its first history entry (the caller decides
 * who may, and audits). Refuses a key without figures for a state, or a split the core refuses.
 */
export async function storeProject(
  tx: DbOrTx,
  by: { personId: string; organisationId: string | null },
  input: NewProject,
  now: Date,
): Promise<CreateResult> {
  const split = await calculateSplit(tx, input);
  if (!split.ok) return { kind: 'refused', field: split.field, rule: split.rule };
  const [p] = await tx
    .insert(jointProject)
    .values({
      title: input.title,
      description: input.description,
      leadStateCode: input.leadStateCode,
      budgetCents: input.budgetCents,
      currency: 'EUR',
      keyKind: input.keyKind,
      keyYear: input.keyKind === 'koenigstein' ? input.keyYear : null,
      negotiatedWeights: input.keyKind === 'negotiated' ? { ...input.weights } : null,
      calculatedAt: now,
      createdBy: by.personId,
      createdByOrganisationId: by.organisationId,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: jointProject.id });
  if (!p) throw new Error('the project was not stored');
  await tx.insert(jointProjectState).values(split.rows.map((r) => stateValues(p.id, r)));
  await tx.insert(jointProjectEvent).values({
    projectId: p.id,
    kind: 'created',
    actorPersonId: by.personId,
    actorOrganisationId: by.organisationId,
    at: now,
  });
  return { kind: 'ok', id: p.id };
}

export function stateValues(projectId: string, r: SplitRow) {
  return {
    projectId,
    stateCode: r.stateCode,
    keyValue: r.keyValue,
    keyPeriod: r.keyPeriod,
    keySource: r.keySource,
    keyVerified: r.verified,
    shareCents: r.shareCents,
  };
}

export type ProjectRow = typeof jointProject.$inferSelect;
export type ProjectStateRow = typeof jointProjectState.$inferSelect;
export type ProjectEventRow = typeof jointProjectEvent.$inferSelect & { organisationName: string | null };

export interface ProjectSummary extends ProjectRow {
  readonly states: readonly ProjectStateRow[];
}

/** Every project with its states, newest first. */
export async function listProjects(db: DbOrTx): Promise<ProjectSummary[]> {
  const projects = await db.select().from(jointProject).orderBy(desc(jointProject.createdAt));
  if (projects.length === 0) return [];
  const states = await db
    .select()
    .from(jointProjectState)
    .where(
      inArray(
        jointProjectState.projectId,
        projects.map((p) => p.id),
      ),
    )
    .orderBy(asc(jointProjectState.stateCode));
  return projects.map((p) => ({ ...p, states: states.filter((s) => s.projectId === p.id) }));
}

export interface ProjectDetail extends ProjectSummary {
  readonly events: readonly ProjectEventRow[];
}

/** One project with its states and its history (oldest first). */
export async function projectById(db: DbOrTx, id: string): Promise<ProjectDetail | undefined> {
  const [p] = await db.select().from(jointProject).where(eq(jointProject.id, id)).limit(1);
  if (!p) return undefined;
  const states = await db
    .select()
    .from(jointProjectState)
    .where(eq(jointProjectState.projectId, id))
    .orderBy(asc(jointProjectState.stateCode));
  const events = await db
    .select({ event: jointProjectEvent, organisationName: organisation.name })
    .from(jointProjectEvent)
    .leftJoin(organisation, eq(organisation.id, jointProjectEvent.actorOrganisationId))
    .where(eq(jointProjectEvent.projectId, id))
    .orderBy(asc(jointProjectEvent.at), asc(jointProjectEvent.kind));
  return {
    ...p,
    states,
    events: events.map((e) => ({ ...e.event, organisationName: e.organisationName })),
  };
}
