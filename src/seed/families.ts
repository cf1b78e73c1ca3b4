/**
 * The demo's family (`seed --demo`): the demo applicant adds her husband (the demo family-member account, which
 * can sign in) and their daughter (invited by mail, in the outbox) to her journey, through the family service,
 * so that the family section, the linked journeys and the link back show something true.
 */
import { eq } from 'drizzle-orm';
import type { Actor } from '../domain/access/policy.ts';
import {
  createFamilyService,
  createJourneyService,
  JourneyRefusal,
  journey,
} from '../features/journey/index.ts';
import type { Database } from '../platform/db/client.ts';
import { createMailer } from '../platform/mail/mailer.ts';
import { DEMO_DOMAIN } from './identity-demo.ts';

const DAY = 86_400_000;

/** Adds the family to the principal's journey a week before `today`; returns the number of linked journeys. */
export async function seedDemoFamily(
  db: Database,
  principal: Actor,
  principalJourneyId: string,
  today: Date,
): Promise<number> {
  let clock = new Date(today.getTime() - 7 * DAY);
  const service = createJourneyService(db, { now: () => clock });
  const family = createFamilyService(service, {
    db,
    mailer: createMailer({ from: `demo@${DEMO_DOMAIN}` }),
    now: () => clock,
    baseUrl: 'http://localhost:3000',
  });
  const husband = await family.add(principal, principalJourneyId, {
    relationship: 'spouse',
    name: 'Arjun Nair',
    birthDate: '1990-02-11',
    travel: 'with-principal',
    email: `familie@${DEMO_DOMAIN}`,
  });
  await family.add(principal, principalJourneyId, {
    relationship: 'child',
    name: 'Anaya Nair',
    birthDate: '2019-08-21',
    travel: 'later',
    email: `familie-kind@${DEMO_DOMAIN}`,
  });
  // The husband has started his own part: orientation asked for, the visa appointment requested.
  const [row] = await db
    .select({ applicantId: journey.applicantId })
    .from(journey)
    .where(eq(journey.id, husband.body.journeyId));
  const self: Actor = {
    personId: row?.applicantId as string,
    memberships: [{ role: 'family-member', organisationId: null, jurisdictions: [] }],
  };
  for (const step of ['orientation', 'visa-appointment'] as const) {
    clock = new Date(clock.getTime() + 2 * DAY);
    try {
      await service.command(self, husband.body.journeyId, { type: 'submit', step });
    } catch (error) {
      if (!(error instanceof JourneyRefusal)) throw error;
    }
  }
  return 2;
}
