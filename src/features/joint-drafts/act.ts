/**
 * What a participating state does with a joint draft (issue 17): its officers add a version (which sets every
 * sign-off back to open: the states agreed to the old text, not the new one; the history stays), comment on a
 * paragraph of a version, and sign off the current version for their own state only. A final draft (every state
 * agreed) takes no new version and no other sign-off.
 */
import { eq } from 'drizzle-orm';
import { type Actor, decideFor, type Resource } from '../../domain/access/policy.ts';
import { checkSignOff, checkText, MAX_REMARKS, paragraphsOf } from '../../domain/workspace/drafts.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Database, DbOrTx } from '../../platform/db/client.ts';
import { answerRelations, auditActor, officerState, projectRelations } from '../joint-projects/index.ts';
import { jointDraft, jointDraftComment, jointDraftSignOff, jointDraftVersion } from './schema.ts';
import { type DraftDetail, draftById } from './service.ts';

export type ActResult =
  | { kind: 'ok' }
  | { kind: 'not-found' }
  | { kind: 'forbidden' }
  | { kind: 'refused'; field: string; rule: string };

type Allowed = { tx: DbOrTx; d: DraftDetail; who: ReturnType<typeof auditActor>; own: string };

/**
 * Runs `act` in one transaction if the actor may: reads the draft, decides (resource and relations), audits the
 * attempt (denied, or success when `act` stores), and refuses a final draft.
 */
async function acting(
  db: Database,
  actor: Actor,
  draftId: string,
  access: { resource: Resource; purpose: string; stateCode?: string },
  act: (a: Allowed) => Promise<ActResult>,
  now: Date,
): Promise<ActResult> {
  return db.transaction(async (tx) => {
    const d = await draftById(tx, draftId);
    if (!d) return { kind: 'not-found' } as const;
    const state = access.stateCode;
    const decision = decideFor(actor, 'update', access.resource, (m) =>
      state === undefined ? projectRelations(m, d.states) : answerRelations(m, state),
    );
    const who = auditActor(actor, decision.allow ? decision.membership : undefined);
    const own = officerState(actor);
    const audit = (result: 'success' | 'denied') =>
      appendAudit(
        tx,
        {
          ...who,
          action: 'update',
          objectType: access.resource,
          objectId: d.id,
          purpose: access.purpose,
          result,
        },
        now,
      );
    if (!decision.allow || !own || !d.states.includes(own) || (state !== undefined && state !== own)) {
      await audit('denied');
      return { kind: 'forbidden' } as const;
    }
    if (d.status === 'final') return { kind: 'refused', field: 'draft', rule: 'final' } as const;
    const result = await act({ tx, d, who, own });
    if (result.kind === 'ok') {
      await tx.update(jointDraft).set({ updatedAt: now }).where(eq(jointDraft.id, d.id));
      await audit('success');
    }
    return result;
  });
}

/** Adds a new version of the full text, by an officer of a participating state. */
export function addVersion(db: Database, actor: Actor, draftId: string, text: string, now: Date) {
  const checked = checkText(text);
  return acting(
    db,
    actor,
    draftId,
    { resource: 'joint-draft', purpose: 'joint draft: new version' },
    async ({ tx, d, who, own }) => {
      if (!checked.ok) return { kind: 'refused', field: checked.field, rule: checked.rule };
      if (checked.text === d.current.body) return { kind: 'refused', field: 'text', rule: 'unchanged' };
      await tx.insert(jointDraftVersion).values({
        draftId: d.id,
        number: d.current.number + 1,
        body: checked.text,
        stateCode: own,
        createdBy: actor.personId,
        organisationId: who.actorOrganisationId,
        createdAt: now,
      });
      return { kind: 'ok' };
    },
    now,
  );
}

/** Comments on one paragraph (1-based) of a version, by an officer of a participating state. */
export function addComment(
  db: Database,
  actor: Actor,
  draftId: string,
  input: { version: number; paragraph: number; text: string },
  now: Date,
) {
  return acting(
    db,
    actor,
    draftId,
    { resource: 'joint-draft', purpose: 'joint draft: comment' },
    async ({ tx, d, who, own }) => {
      const version = d.versions.find((v) => v.number === input.version);
      if (!version) return { kind: 'refused', field: 'version', rule: 'enum' };
      const count = paragraphsOf(version.body).length;
      if (!Number.isInteger(input.paragraph) || input.paragraph < 1 || input.paragraph > count)
        return { kind: 'refused', field: 'paragraph', rule: 'enum' };
      const body = input.text.trim();
      if (body.length === 0) return { kind: 'refused', field: 'comment', rule: 'required' };
      if (body.length > MAX_REMARKS) return { kind: 'refused', field: 'comment', rule: 'max' };
      await tx.insert(jointDraftComment).values({
        versionId: version.id,
        paragraph: input.paragraph,
        stateCode: own,
        body,
        createdBy: actor.personId,
        organisationId: who.actorOrganisationId,
        createdAt: now,
      });
      return { kind: 'ok' };
    },
    now,
  );
}

/** Records a state's sign-off on the current version, by an officer of that state only. */
export function signOff(
  db: Database,
  actor: Actor,
  draftId: string,
  input: { stateCode: string; decision: string; remarks: string },
  now: Date,
) {
  const checked = checkSignOff(input.decision, input.remarks);
  return acting(
    db,
    actor,
    draftId,
    {
      resource: 'joint-draft-sign-off',
      purpose: `joint draft sign-off: ${input.stateCode} ${input.decision}`,
      stateCode: input.stateCode,
    },
    async ({ tx, d, who }) => {
      if (!checked.ok) return { kind: 'refused', field: checked.field, rule: checked.rule };
      await tx.insert(jointDraftSignOff).values({
        draftId: d.id,
        versionId: d.current.id,
        stateCode: input.stateCode,
        decision: checked.decision,
        remarks: checked.remarks,
        personId: actor.personId,
        organisationId: who.actorOrganisationId,
        at: now,
      });
      return { kind: 'ok' };
    },
    now,
  );
}
