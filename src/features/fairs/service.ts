/**
 * The fairs service (issue 16, V4), built once by the composition root (src/services.ts): the organisers', the
 * exhibitors' and the applicants' use cases over one database, and the hand-off through the journey service.
 */
import type { Actor } from '../../domain/access/policy.ts';
import type { Database } from '../../platform/db/client.ts';
import type { JourneyService } from '../journey/index.ts';
import { bookSlot, myBookings, registerForFair, registrationOf } from './booking.ts';
import { handOff } from './hand-off.ts';
import { addSession, answerFair, createFair, decideExhibitor } from './organise.ts';
import { allFairs, exhibitorAds, fairById, slotsOf } from './read.ts';
import { applyToFair, bookingById, publishSlot, recordOutcome, standBookings } from './stand.ts';

type Rest<F> = F extends (db: Database, ...rest: infer R) => infer O ? (...rest: R) => O : never;
const bind = <F extends (db: Database, ...rest: never[]) => unknown>(db: Database, f: F): Rest<F> =>
  ((...rest: never[]) => f(db, ...rest)) as Rest<F>;

export function createFairsService(db: Database, journeys: JourneyService) {
  return {
    db,
    fairById: bind(db, fairById),
    allFairs: bind(db, allFairs),
    slotsOf: bind(db, slotsOf),
    exhibitorAds: bind(db, exhibitorAds),
    create: bind(db, createFair),
    answer: bind(db, answerFair),
    decideExhibitor: bind(db, decideExhibitor),
    addSession: bind(db, addSession),
    apply: bind(db, applyToFair),
    publishSlot: bind(db, publishSlot),
    standBookings: bind(db, standBookings),
    bookingById: bind(db, bookingById),
    recordOutcome: bind(db, recordOutcome),
    register: bind(db, registerForFair),
    registrationOf: bind(db, registrationOf),
    book: bind(db, bookSlot),
    myBookings: bind(db, myBookings),
    handOff: (actor: Actor, input: { bookingId: string; adId: string }, now: Date) =>
      handOff(db, journeys, actor, input, now),
  };
}

export type FairsService = ReturnType<typeof createFairsService>;
