import { asc } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { district, state } from './schema.ts';

export type StateRow = typeof state.$inferSelect;
export type DistrictRow = typeof district.$inferSelect;

export function listStates(db: DbOrTx): Promise<StateRow[]> {
  return db.select().from(state).orderBy(asc(state.agsPrefix));
}

export function listDistricts(db: DbOrTx): Promise<DistrictRow[]> {
  return db.select().from(district).orderBy(asc(district.stateCode), asc(district.name));
}
