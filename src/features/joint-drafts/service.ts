/**
 * Joint drafts (issue 17): an officer of a participating state starts a draft with its first version; every state's
 * ministry officers read the drafts. Each change is one transaction with its audit entry; a refused attempt is
 * audited as denied.
 */
import { asc, desc, eq, inArray } from 'drizzle-orm';
import { type Actor, decideFor } from '../../domain/access/policy.ts';
import {
  type DraftKind,
  type DraftStatus,
  type DraftTarget,
  draftStatus,
  standingsOf,
} from '../../domain/workspace/drafts.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Database, DbOrTx } from '../../platform/db/client.ts';
import { auditActor, officerState, projectRelations } from '../joint-projects/index.ts';
import { organisation } from '../people/index.ts';
import {
  jointDraft,
  jointDraftComment,
  jointDraftSignOff,
  jointDraftState,
  jointDraftVersion,
} from './schema.ts';

export interface NewDraft {
  readonly kind: DraftKind;
  readonly title: string;
  readonly target: DraftTarget;
  readonly targetDate: string;
  readonly deadline: string;
  readonly states: readonly string[];
  /** The first version's text, normalised (paragraphs separated by one blank line). */
  readonly text: string;
}

export type DraftResult = { kind: 'ok'; id: string } | { kind: 'forbidden' };

/** Starts a draft with its states and first version, if one of the actor's states takes part. */
export async function createDraft(
  db: Database,
  actor: Actor,
  input: NewDraft,
  now: Date,
): Promise<DraftResult> {
  const d = decideFor(actor, 'create', 'joint-draft', (m) => projectRelations(m, input.states));
  const who = auditActor(actor, d.allow ? d.membership : undefined);
  const audit = { action: 'create', objectType: 'joint-draft', purpose: 'joint draft' } as const;
  const own = officerState(actor);
  if (!d.allow || !own || !input.states.includes(own)) {
    await appendAudit(db, { ...who, ...audit, result: 'denied' }, now);
    return { kind: 'forbidden' };
  }
  return db.transaction(async (tx) => {
    const id = await storeDraft(
      tx,
      { personId: actor.personId, organisationId: who.actorOrganisationId, own },
      input,
      now,
    );
    await appendAudit(tx, { ...who, ...audit, objectId: id, result: 'success' }, now);
    return { kind: 'ok', id } as const;
  });
}

/** Stores a draft, its states and its first version (the caller decides who may, and audits). */
export async function storeDraft(
  tx: DbOrTx,
  by: { personId: string; organisationId: string | null; own: string },
  input: NewDraft,
  now: Date,
): Promise<string> {
  const [d] = await tx
    .insert(jointDraft)
    .values({
      kind: input.kind,
      title: input.title,
      target: input.target,
      targetDate: input.targetDate,
      deadline: input.deadline,
      createdBy: by.personId,
      createdByOrganisationId: by.organisationId,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: jointDraft.id });
  if (!d) throw new Error('the draft was not stored');
  await tx.insert(jointDraftState).values(input.states.map((stateCode) => ({ draftId: d.id, stateCode })));
  await tx.insert(jointDraftVersion).values({
    draftId: d.id,
    number: 1,
    body: input.text,
    stateCode: by.own,
    createdBy: by.personId,
    organisationId: by.organisationId,
    createdAt: now,
  });
  return d.id;
}

export type DraftRow = typeof jointDraft.$inferSelect;
export type VersionRow = typeof jointDraftVersion.$inferSelect & { organisationName: string | null };
export type CommentRow = typeof jointDraftComment.$inferSelect & { organisationName: string | null };
export type SignOffRow = typeof jointDraftSignOff.$inferSelect & {
  organisationName: string | null;
  versionNumber: number;
};

export interface DraftSummary extends DraftRow {
  readonly states: readonly string[];
  readonly current: VersionRow;
  readonly standings: ReadonlyMap<string, SignOffRow | null>;
  readonly status: DraftStatus;
}

export interface DraftDetail extends DraftSummary {
  /** Oldest first. */
  readonly versions: readonly VersionRow[];
  readonly comments: readonly CommentRow[];
  /** Every sign-off on every version, oldest first: the history of who agreed to what. */
  readonly signOffs: readonly SignOffRow[];
}

async function detailsOf(db: DbOrTx, drafts: readonly DraftRow[]): Promise<DraftDetail[]> {
  if (drafts.length === 0) return [];
  const ids = drafts.map((d) => d.id);
  const states = await db
    .select()
    .from(jointDraftState)
    .where(inArray(jointDraftState.draftId, ids))
    .orderBy(asc(jointDraftState.stateCode));
  const versions = (
    await db
      .select({ v: jointDraftVersion, organisationName: organisation.name })
      .from(jointDraftVersion)
      .leftJoin(organisation, eq(organisation.id, jointDraftVersion.organisationId))
      .where(inArray(jointDraftVersion.draftId, ids))
      .orderBy(asc(jointDraftVersion.number))
  ).map((r) => ({ ...r.v, organisationName: r.organisationName }));
  const number = new Map(versions.map((v) => [v.id, v.number]));
  const signOffs = (
    await db
      .select({ s: jointDraftSignOff, organisationName: organisation.name })
      .from(jointDraftSignOff)
      .leftJoin(organisation, eq(organisation.id, jointDraftSignOff.organisationId))
      .where(inArray(jointDraftSignOff.draftId, ids))
      .orderBy(asc(jointDraftSignOff.at))
  ).map((r) => ({
    ...r.s,
    organisationName: r.organisationName,
    versionNumber: number.get(r.s.versionId) ?? 0,
  }));
  const versionIds = versions.map((v) => v.id);
  const comments = (
    await db
      .select({ c: jointDraftComment, organisationName: organisation.name })
      .from(jointDraftComment)
      .leftJoin(organisation, eq(organisation.id, jointDraftComment.organisationId))
      .where(inArray(jointDraftComment.versionId, versionIds))
      .orderBy(asc(jointDraftComment.createdAt))
  ).map((r) => ({ ...r.c, organisationName: r.organisationName }));
  return drafts.map((d) => {
    const mine = versions.filter((v) => v.draftId === d.id);
    const current = mine.at(-1) as VersionRow;
    const codes = states.filter((s) => s.draftId === d.id).map((s) => s.stateCode);
    const own = signOffs.filter((s) => s.draftId === d.id);
    const standings = standingsOf(codes, current.id, own);
    return {
      ...d,
      states: codes,
      current,
      standings,
      status: draftStatus(standings),
      versions: mine,
      comments: comments.filter((c) => mine.some((v) => v.id === c.versionId)),
      signOffs: own,
    };
  });
}

/** Every draft with its states, current version and standings, newest first. */
export async function listDrafts(db: DbOrTx): Promise<DraftDetail[]> {
  return detailsOf(db, await db.select().from(jointDraft).orderBy(desc(jointDraft.createdAt)));
}

/** One draft with its versions, comments and sign-offs. */
export async function draftById(db: DbOrTx, id: string): Promise<DraftDetail | undefined> {
  const rows = await db.select().from(jointDraft).where(eq(jointDraft.id, id)).limit(1);
  return (await detailsOf(db, rows))[0];
}
