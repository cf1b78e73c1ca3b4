/**
 * Filing and answering a request, the same for the page and the API. Filing: the step of the person's own journey it is for (404 when
 * they may not ask for it, as for a journey that is not theirs), the journey step filed with its owner (for the
 * visa appointment under § 81a this starts the 3-week period of § 31a(1) AufenthV and puts the request in the
 * statutory class with that deadline), then the request itself.
 */
import type { Actor } from '../../domain/access/policy.ts';
import type { IsoDate } from '../../domain/calendar.ts';
import type { StepKind } from '../../domain/journey/index.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Services } from '../../services.ts';
import { SERVICE_TYPE_INFO } from './calendar.ts';
import type { ANSWERS } from './forms.ts';
import type { RequestRow } from './requests.ts';
import type { AppointmentsService, Eligible } from './service.ts';

export type RequestValues = {
  readonly passportNumber: string;
  readonly nationality: string;
  readonly birthDate: IsoDate;
  readonly acceptsEarlierSlots: boolean;
  readonly shortNoticeOk: boolean;
};

/** The step of the person's journey the request would be for, if they may ask for it now; else 404. */
export async function eligibleFor(
  appointments: AppointmentsService,
  personId: string,
  journeyId: string,
  serviceType: string,
): Promise<Eligible> {
  const own = await appointments.own(personId);
  const found = (await appointments.eligible(personId, own)).find(
    (e) => e.journeyId === journeyId && e.serviceType === serviceType,
  );
  if (!found) throw new AppError('not-found');
  return found;
}

export async function fileRequest(
  services: Pick<Services, 'appointments' | 'journeys' | 'now'>,
  actor: Actor,
  found: Eligible,
  values: RequestValues,
): Promise<RequestRow> {
  const { journeys, appointments, now } = services;
  const step = SERVICE_TYPE_INFO[found.serviceType].step as StepKind;
  const read = await journeys.read(actor, found.journeyId, 'appointment request');
  if (read.row.state.steps[step].status === 'not-started')
    await journeys.command(actor, found.journeyId, { type: 'submit', step });
  const after = await journeys.read(actor, found.journeyId, 'appointment request');
  const s = after.row.state.steps[step];
  const statutory = after.row.state.acceleratedProcedure !== null && s.dueAt !== null;
  return appointments.requests.create(
    {
      personId: actor.personId,
      journeyId: found.journeyId,
      organisationId: found.organisationId,
      serviceType: found.serviceType,
      passportNumber: values.passportNumber,
      nationality: values.nationality,
      birthDate: values.birthDate,
      priorityClass: statutory ? 'statutory-deadline' : 'standard',
      deadline: statutory ? s.dueAt : null,
      acceptsEarlierSlots: values.acceptsEarlierSlots,
      shortNoticeOk: values.shortNoticeOk,
    },
    now(),
  );
}

/**
 * The person's answer to their request, the same for the page and the API: take the offer, decline its day,
 * withdraw, confirm the agreed appointment, take or refuse an earlier one, want earlier ones or not.
 */
export function answerRequest(
  appointments: AppointmentsService,
  actor: { readonly personId: string; readonly role: string; readonly organisationId: null },
  id: string,
  answer: (typeof ANSWERS)[number],
  now: Date,
  today: IsoDate,
): Promise<RequestRow> {
  const r = appointments.requests;
  if (answer === 'accept') return r.accept(actor, id, now, today);
  if (answer === 'decline') return r.decline(actor, id, now, today);
  if (answer === 'reconfirm') return appointments.reconfirmation.reconfirm(actor, id, now, today);
  const e = appointments.earlier;
  if (answer === 'accept-earlier') return e.acceptEarlier(actor, id, now, today);
  if (answer === 'keep-current') return e.declineEarlier(actor, id, now, today);
  if (answer === 'earlier-on' || answer === 'earlier-off')
    return e.setAcceptsEarlier(actor, id, answer === 'earlier-on', now, today);
  return r.withdraw(actor, id, now, today);
}
