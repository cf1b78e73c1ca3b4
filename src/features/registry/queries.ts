import { asc } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import {
  craftsChamber,
  craftsChamberDistrict,
  mission,
  missionWaitingTime,
  nationwideBody,
  occupation,
  occupationTerm,
  recognitionAuthority,
} from './schema.ts';

export type OccupationRow = typeof occupation.$inferSelect;
export type AuthorityRow = typeof recognitionAuthority.$inferSelect;
export type BodyRow = typeof nationwideBody.$inferSelect;
export type ChamberRow = typeof craftsChamber.$inferSelect;
export type ChamberDistrictRow = typeof craftsChamberDistrict.$inferSelect;
export type MissionRow = typeof mission.$inferSelect;
export type WaitingTimeRow = typeof missionWaitingTime.$inferSelect;

export const listOccupations = (db: DbOrTx) => db.select().from(occupation).orderBy(asc(occupation.kldb));
export const listOccupationTerms = (db: DbOrTx) =>
  db
    .select({ kldb: occupationTerm.kldb, term: occupationTerm.term })
    .from(occupationTerm)
    .orderBy(asc(occupationTerm.kldb), asc(occupationTerm.lang), asc(occupationTerm.term));
export const listAuthorities = (db: DbOrTx) =>
  db.select().from(recognitionAuthority).orderBy(asc(recognitionAuthority.id));
export const listBodies = (db: DbOrTx) => db.select().from(nationwideBody).orderBy(asc(nationwideBody.id));
export const listChambers = (db: DbOrTx) => db.select().from(craftsChamber).orderBy(asc(craftsChamber.name));
export const listChamberDistricts = (db: DbOrTx) => db.select().from(craftsChamberDistrict);
export const listMissions = (db: DbOrTx) =>
  db.select().from(mission).orderBy(asc(mission.country), asc(mission.name));
export const listWaitingTimes = (db: DbOrTx) =>
  db.select().from(missionWaitingTime).orderBy(asc(missionWaitingTime.id));
