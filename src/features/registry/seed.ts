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
  statistic,
} from './schema.ts';
import { craftsChamberRows, nationwideBodyRows, recognitionAuthorityRows } from './seed-bodies.ts';
import { missionRows } from './seed-missions.ts';
import { occupationRows, occupationTermRows } from './seed-occupations.ts';
import { statisticRows } from './seed-statistics.ts';

export interface RegistrySeedResult {
  occupations: number;
  terms: number;
  authorities: number;
  nationwideBodies: number;
  chambers: number;
  missions: number;
  waitingTimes: number;
  statistics: number;
}

/**
 * Inserts the registry rows that are missing; never overwrites a row that exists, so an
 * administrator's correction survives every later seed. Needs the regions seed first.
 */
export async function seedRegistry(db: DbOrTx): Promise<RegistrySeedResult> {
  const o = await db
    .insert(occupation)
    .values(occupationRows())
    .onConflictDoNothing()
    .returning({ k: occupation.kldb });
  const t = await db
    .insert(occupationTerm)
    .values(occupationTermRows())
    .onConflictDoNothing()
    .returning({ k: occupationTerm.kldb });
  const a = await db
    .insert(recognitionAuthority)
    .values(recognitionAuthorityRows())
    .onConflictDoNothing()
    .returning({ k: recognitionAuthority.id });
  const n = await db
    .insert(nationwideBody)
    .values(nationwideBodyRows())
    .onConflictDoNothing()
    .returning({ k: nationwideBody.id });
  const chambers = craftsChamberRows();
  const c = await db
    .insert(craftsChamber)
    .values(chambers.map((x) => x.chamber))
    .onConflictDoNothing()
    .returning({ k: craftsChamber.id });
  await db
    .insert(craftsChamberDistrict)
    .values(chambers.flatMap((x) => x.districts))
    .onConflictDoNothing();
  const { missions, waiting } = missionRows();
  const m = await db.insert(mission).values(missions).onConflictDoNothing().returning({ k: mission.id });
  const w = await db
    .insert(missionWaitingTime)
    .values(waiting)
    .onConflictDoNothing()
    .returning({ k: missionWaitingTime.id });
  const s = await db
    .insert(statistic)
    .values(statisticRows())
    .onConflictDoNothing()
    .returning({ k: statistic.id });
  return {
    occupations: o.length,
    terms: t.length,
    authorities: a.length,
    nationwideBodies: n.length,
    chambers: c.length,
    missions: m.length,
    waitingTimes: w.length,
    statistics: s.length,
  };
}
