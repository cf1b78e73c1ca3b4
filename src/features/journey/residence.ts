import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { applicantProfile } from '../people/index.ts';

/**
 * The district the person lives in or will live in (their profile), if they gave one: the foreigners' office of
 * that district issues the residence permit and registers the entry (§ 71(1) AufenthG; owners.ts).
 */
export async function residenceOf(db: DbOrTx, personId: string): Promise<string | null> {
  const [row] = await db
    .select({ ags: applicantProfile.residenceAgs })
    .from(applicantProfile)
    .where(eq(applicantProfile.personId, personId));
  return row?.ags ?? null;
}
