/**
 * Building a journey history in a test: the journey service on a clock the test moves, and the service's actors
 * for people of the test (the journey service takes actors, the pages take browsers).
 */
import type { Jurisdiction } from '../../src/domain/access/jurisdiction.ts';
import type { Actor } from '../../src/domain/access/policy.ts';
import type { Role } from '../../src/domain/access/roles.ts';
import { createJourneyService } from '../../src/features/journey/index.ts';
import { createRegistrySnapshot } from '../../src/features/registry/index.ts';
import type { Database } from '../../src/platform/db/client.ts';

/** The person acting in one role, for one organisation (within its jurisdictions) or for themselves. */
export function actorOf(
  personId: string,
  role: Role,
  organisationId: string | null = null,
  jurisdictions: Jurisdiction[] = [],
): Actor {
  return { personId, memberships: [{ role, organisationId, jurisdictions }] };
}

/** The journey service whose events are dated by `now` (the test moves the clock between commands). */
export function clockedJourneys(db: Database, now: () => Date) {
  return createJourneyService(db, { now, registry: createRegistrySnapshot(db) });
}
