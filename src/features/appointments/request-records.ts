/**
 * The records of the request service: a request row, the refusals of a change (stable code, field, status), the
 * audit entry of an access, and the requests as people see them (with the slot's time, the service point's name
 * and the person's name).
 */
import { and, desc, eq, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { IsoDate } from '../../domain/calendar.ts';
import type { PriorityClass } from '../../domain/capacity/types.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { organisation, person } from '../people/index.ts';
import { appointmentRequest, appointmentSlot, type ServiceType } from './schema.ts';

export type RequestRow = typeof appointmentRequest.$inferSelect;

/** A refused change: the stable code, the field at fault, the HTTP status. */
export type AppointmentRefusalCode =
  | 'duplicate-request'
  | 'no-appointments'
  | 'offer-not-open'
  | 'slot-taken'
  | 'not-possible'
  | 'reconfirmation-closed'
  | 'documents-missing'
  | 'not-found';

export class AppointmentRefusal extends Error {
  readonly code: AppointmentRefusalCode;
  readonly status: 404 | 409 | 422;
  readonly field: string | undefined;
  /** For `documents-missing`: the checklist's required document categories not shared with the service point. */
  readonly missing: readonly string[];
  constructor(
    code: AppointmentRefusalCode,
    status: 404 | 409 | 422,
    field?: string,
    missing: readonly string[] = [],
  ) {
    super(missing.length > 0 ? `${code}: ${missing.join(', ')}` : code);
    this.name = 'AppointmentRefusal';
    this.code = code;
    this.status = status;
    this.field = field;
    this.missing = missing;
  }
}

export type NewRequest = {
  readonly personId: string;
  readonly journeyId: string;
  readonly organisationId: string;
  readonly serviceType: ServiceType;
  readonly passportNumber: string;
  readonly nationality: string;
  readonly birthDate: IsoDate;
  readonly priorityClass: PriorityClass;
  readonly deadline: IsoDate | null;
  readonly acceptsEarlierSlots: boolean;
  readonly shortNoticeOk: boolean;
};

/** A request with what the person or the staff needs to see: the slot's time and the service point's name. */
export type RequestView = RequestRow & {
  readonly startsAt: Date | null;
  /** The earlier slot offered to this booked request (pull-forward.ts), if any. */
  readonly earlierStartsAt: Date | null;
  readonly organisationName: string;
  readonly personName: string;
};

export type Actor = {
  readonly personId: string;
  readonly role: string;
  readonly organisationId: string | null;
};

export function entry(actor: Actor, action: string, row: RequestRow, purpose: string) {
  return {
    actorPersonId: actor.personId || null,
    actorRole: actor.role,
    actorOrganisationId: actor.organisationId,
    action,
    objectType: 'appointment-request',
    objectId: row.id,
    subjectPersonId: row.personId,
    purpose,
    result: 'success' as const,
  };
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const earlierSlot = alias(appointmentSlot, 'earlier_slot');

export async function requestViews(tx: DbOrTx, where: SQL | undefined): Promise<RequestView[]> {
  const rows = await tx
    .select({
      request: appointmentRequest,
      startsAt: appointmentSlot.startsAt,
      earlierStartsAt: earlierSlot.startsAt,
      organisationName: organisation.name,
      personName: person.displayName,
    })
    .from(appointmentRequest)
    .innerJoin(organisation, eq(organisation.id, appointmentRequest.organisationId))
    .innerJoin(person, eq(person.id, appointmentRequest.personId))
    .leftJoin(appointmentSlot, eq(appointmentSlot.id, appointmentRequest.slotId))
    .leftJoin(
      earlierSlot,
      and(eq(earlierSlot.requestId, appointmentRequest.id), eq(earlierSlot.state, 'earlier-offer')),
    )
    .where(where)
    .orderBy(desc(appointmentRequest.createdAt));
  return rows.map((r) => ({
    ...r.request,
    startsAt: r.startsAt,
    earlierStartsAt: r.earlierStartsAt,
    organisationName: r.organisationName,
    personName: r.personName,
  }));
}
