/**
 * Finds the events of the last hours that subscriptions ask for and writes one delivery per event and
 * subscription (at most once: `event_key`). The events are what the journey, documents and appointments already
 * record, read where they are kept:
 *
 * - `step.status-changed`: the applicant's status notice (`journey_notice`, kind `status-changed`);
 * - `deadline.near`, `deadline.breached`: the deadline alerts to the owner (`journey_notice`, the alert job);
 * - `document.shared`: a share of a document or category with the organisation (`document_share`);
 * - `appointment.offered`: a slot offered to a request at the organisation's service point, or an earlier one.
 *
 * An event goes to an organisation only when a token of that organisation could read the journey: its kind has a
 * service role and the declared policy allows that role to read the journey (the organisation owns one of its
 * steps). Events before the subscription was created are not sent.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { tokenRoleFor } from '../../domain/access/api-tokens.ts';
import { decide, type Relation } from '../../domain/access/policy.ts';
import { isOrganisationKind } from '../../domain/access/roles.ts';
import { isWebhookEvent, payloadOf } from '../../domain/access/webhooks.ts';
import { type DbOrTx, queryRows } from '../../platform/db/client.ts';
import { journeyRelations } from '../journey/index.ts';
import { webhookDelivery } from './schema.ts';

interface Candidate {
  event_key: string;
  event_type: string;
  journey_id: string;
  step: string | null;
  at: string | Date;
  status: string | null;
  due_on: string | null;
  subscription_id: string;
  organisation_id: string;
  organisation_kind: string;
  applicant_id: string;
  employer_id: string | null;
  owner_ids: string[];
}

/** Whether a token of the organisation could read the journey under the declared policy. */
export function mayReceive(
  c: Pick<Candidate, 'organisation_id' | 'organisation_kind' | 'applicant_id' | 'employer_id' | 'owner_ids'>,
): boolean {
  if (!isOrganisationKind(c.organisation_kind)) return false;
  const role = tokenRoleFor(c.organisation_kind);
  if (!role) return false;
  const membership = { role, organisationId: c.organisation_id, jurisdictions: [] };
  const relations: ReadonlySet<Relation> = journeyRelations(c.organisation_id, membership, {
    applicantId: c.applicant_id,
    principalApplicantId: null,
    employerId: c.employer_id,
    ownerIds: c.owner_ids,
    consentedIds: [],
  });
  return decide([role], 'read', 'journey', () => relations).allow;
}

/** The events since `since` for every enabled subscription, with what the policy check needs. */
function candidates(db: DbOrTx, since: Date) {
  const from = since.toISOString();
  return queryRows<Candidate>(
    db,
    sql`
    with ev as (
      select 'notice:' || n.id::text as event_key,
        case n.kind when 'status-changed' then 'step.status-changed' when 'near-breach' then 'deadline.near'
          else 'deadline.breached' end as event_type,
        n.journey_id, n.step, n.created_at as at, n."values"->>'status' as status, n."values"->>'dueAt' as due_on,
        n.recipient_organisation_id as only_org
      from journey_notice n
      where n.created_at > ${from}::timestamptz and n.kind in ('status-changed', 'near-breach', 'breached')
      union all
      select 'share:' || s.id::text || ':' || j.id::text, 'document.shared', j.id, null, s.created_at, null, null,
        s.organisation_id
      from document_share s join journey j on j.applicant_id = s.owner_person_id
      where s.created_at > ${from}::timestamptz and s.revoked_at is null
      union all
      select 'offer:' || r.id::text || ':' || coalesce(r.offer_expires_at::text, r.earlier_offer_expires_at::text),
        'appointment.offered', r.journey_id,
        case when r.service_type in ('visa-application', 'residence-permit') then r.service_type end,
        r.updated_at, null, null, r.organisation_id
      from appointment_request r
      where r.updated_at > ${from}::timestamptz
        and (r.state = 'offered' or (r.state = 'booked' and r.earlier_offer_expires_at is not null))
    )
    select ev.event_key, ev.event_type, ev.journey_id, ev.step, ev.at, ev.status, ev.due_on,
      w.id as subscription_id, w.organisation_id, o.kind as organisation_kind, j.applicant_id, j.employer_id,
      array(select distinct st.owner_id::text from journey_step st
        where st.journey_id = ev.journey_id and st.owner_id is not null) as owner_ids
    from ev
    join webhook_subscription w on w.disabled_at is null and ev.at >= w.created_at
      and (' ' || w.events || ' ') like ('% ' || ev.event_type || ' %')
      and (ev.only_org is null or ev.only_org = w.organisation_id)
    join organisation o on o.id = w.organisation_id
    join journey j on j.id = ev.journey_id
    where exists (select 1 from journey_step st where st.journey_id = ev.journey_id and st.owner_id = w.organisation_id)
      and not exists (select 1 from webhook_delivery d where d.subscription_id = w.id and d.event_key = ev.event_key)
    order by ev.at
    limit 2000`,
  );
}

/** Writes the deliveries of the events since `since`; returns the ids of the new deliveries (due now). */
export async function collectEvents(db: DbOrTx, since: Date, now: Date): Promise<string[]> {
  const found = (await candidates(db, since)).filter((c) => isWebhookEvent(c.event_type) && mayReceive(c));
  if (found.length === 0) return [];
  const rows = found.map((c) => ({
    id: randomUUID(),
    subscriptionId: c.subscription_id,
    eventKey: c.event_key,
    eventType: c.event_type,
    journeyId: c.journey_id,
    payload: payloadOf(
      c.event_type as Parameters<typeof payloadOf>[0],
      new Date(c.at),
      c.journey_id,
      c.step,
      { status: c.status ?? undefined, dueOn: c.due_on ?? undefined },
    ),
    state: 'pending' as const,
    nextAttemptAt: now,
    createdAt: now,
  }));
  const inserted = await db
    .insert(webhookDelivery)
    .values(rows)
    .onConflictDoNothing({ target: [webhookDelivery.subscriptionId, webhookDelivery.eventKey] })
    .returning({ id: webhookDelivery.id });
  return inserted.map((r) => r.id);
}
