/**
 * Demo journeys for `seed --demo`: about fifty journeys in every stage across the six states, made through the
 * service (so every event, audit entry and projection row is real), with clocks set in the past so that some
 * deadlines run, some are close and some have passed.
 */
import { and, count, eq, inArray, isNull, like } from 'drizzle-orm';
import type { Actor, Membership } from '../domain/access/policy.ts';
import type { Role } from '../domain/access/roles.ts';
import { SIX_STATES } from '../domain/recognition/portability.ts';
import { createOrganisation, withUntakenBodies } from '../features/identity/index.ts';
import { createJourneyService, JourneyRefusal, journey } from '../features/journey/index.ts';
import { consent, organisation, person, roleAssignment } from '../features/people/index.ts';
import { createRegistrySnapshot } from '../features/registry/index.ts';
import type { Database } from '../platform/db/client.ts';
import { DEMO_DISTRICTS, demoAuthorities } from './demo-authorities.ts';
import { seedDemoFamily } from './families.ts';
import { DEMO_DOMAIN } from './identity-demo.ts';
import { demoScript, SAMPLE_FACTS, sampleOccupation } from './sample-journeys.ts';

async function ensurePerson(db: Database, email: string, name: string, role: Role, orgId: string | null) {
  const [found] = await db.select({ id: person.id }).from(person).where(eq(person.email, email));
  if (found) return found.id;
  const [row] = await db
    .insert(person)
    .values({ email, displayName: name, passwordHash: null, emailVerifiedAt: new Date() })
    .returning({ id: person.id });
  const id = row?.id as string;
  await db
    .insert(roleAssignment)
    .values({ personId: id, role, organisationId: orgId, grantedAt: new Date() });
  return id;
}

/** Where the demo job is (and the demo applicant will live): Leipzig, Stadt — the demo employer's seat. */
const DEMO_JOB_DISTRICT = '14713';

const membership = (role: Role, organisationId: string | null): Membership => ({
  role,
  organisationId,
  jurisdictions: [],
});

/**
 * Creates the demo journeys (idempotent: does nothing when the demo applicant has a journey), and the demo
 * applicant's family with its linked journeys. Needs the identity demo (organisations and accounts). Returns the
 * number of journeys made.
 */
export async function seedJourneyDemo(db: Database, today: Date = new Date(), total = 50): Promise<number> {
  const [applicantRow] = await db
    .select({ id: person.id })
    .from(person)
    .where(eq(person.email, `antragstellerin@${DEMO_DOMAIN}`));
  if (!applicantRow) return 0;
  const [existing] = await db
    .select({ n: count() })
    .from(journey)
    .where(eq(journey.applicantId, applicantRow.id));
  if ((existing?.n ?? 0) > 0) return 0;

  const authorities = demoAuthorities();
  for (const org of authorities) {
    const [found] = await db
      .select({ id: organisation.id })
      .from(organisation)
      .where(eq(organisation.slug, org.slug));
    if (!found) await createOrganisation(db, await withUntakenBodies(db, org), today, null);
  }
  const orgs = new Map(
    (
      await db
        .select({ id: organisation.id, slug: organisation.slug, kind: organisation.kind })
        .from(organisation)
        .where(like(organisation.slug, 'demo-%'))
    ).map((o) => [o.slug, o]),
  );
  const orgId = (slug: string) => orgs.get(slug)?.id ?? null;
  const employerId = orgId('demo-pflege-leipzig');
  const centreId = orgId('demo-beratung-dresden');
  if (!employerId) return 0;
  const employerPerson = await db
    .select({ id: roleAssignment.personId })
    .from(roleAssignment)
    .where(and(eq(roleAssignment.organisationId, employerId), isNull(roleAssignment.revokedAt)));

  const [counsellor] = centreId
    ? await db
        .select({ id: roleAssignment.personId })
        .from(roleAssignment)
        .where(and(eq(roleAssignment.organisationId, centreId), eq(roleAssignment.role, 'counsellor')))
    : [];
  const counsellorId = counsellor?.id ?? null;
  // Officers for the other states' authorities (no password: they cannot sign in; they make the demo's history).
  const officers = new Map<string, string>();
  for (const [slug, o] of orgs) {
    const role: Role | null =
      o.kind === 'recognition-authority'
        ? 'recognition-officer'
        : o.kind === 'foreigners-office' || o.kind === 'central-foreigners-office'
          ? 'foreigners-office-caseworker'
          : o.kind === 'mission'
            ? 'mission-officer'
            : o.kind === 'employment-agency'
              ? 'employment-agency-officer'
              : null;
    if (role === null) continue;
    const [member] = await db
      .select({ id: roleAssignment.personId })
      .from(roleAssignment)
      .where(and(eq(roleAssignment.organisationId, o.id), eq(roleAssignment.role, role)));
    officers.set(
      o.id,
      member?.id ??
        (await ensurePerson(db, `officer-${slug}@${DEMO_DOMAIN}`, `Sachbearbeitung ${slug}`, role, o.id)),
    );
  }

  const steps = demoScript(employerId);
  const registry = createRegistrySnapshot(db);
  let made = 0;
  for (let i = 0; i < total; i++) {
    // The demo applicant's own journey is for the demo job, in Leipzig; the others spread over the six states.
    const state = i === 0 ? 'SN' : (SIX_STATES[i % SIX_STATES.length] as string);
    const facts = i === 0 ? SAMPLE_FACTS[0] : SAMPLE_FACTS[i % SAMPLE_FACTS.length];
    if (!facts) continue;
    const applicantId =
      i === 0
        ? applicantRow.id
        : await ensurePerson(
            db,
            `weg-${String(i).padStart(2, '0')}@${DEMO_DOMAIN}`,
            `Demo Person ${i}`,
            'applicant',
            null,
          );
    if (i > 0 && (i % 3 === 0 || state === 'SN') && centreId) {
      await db.insert(consent).values({ personId: applicantId, organisationId: centreId, grantedAt: today });
    }
    // Journey i walks `stage` commands of the script, spread over every stage; it started so long ago that its
    // last command falls a few days before today.
    const stage = i === 0 ? 15 : i % (steps.length + 1);
    const walked = steps.slice(0, stage);
    const span = walked.reduce((sum, s) => sum + s.days, 0) + 2 + (i % 9);
    let clock = new Date(today.getTime() - span * 86_400_000);
    const service = createJourneyService(db, { now: () => clock, registry });
    const applicant: Actor = { personId: applicantId, memberships: [membership('applicant', null)] };
    const abroad = facts.location === 'abroad';
    const opened = await service.open(applicant, {
      facts,
      occupation: sampleOccupation(facts),
      place: {
        stateCode: state,
        districtAgs:
          i === 0
            ? DEMO_JOB_DISTRICT
            : state === 'SN' && i % 2 === 0
              ? '14626'
              : (DEMO_DISTRICTS[state] ?? null),
        countryCode: abroad ? 'IN' : null,
      },
    });
    const id = opened.body.journeyId;
    const [row] = await db.select({ state: journey.state }).from(journey).where(eq(journey.id, id));
    const ownerOf = (kind: string) => row?.state.steps[kind as keyof typeof row.state.steps]?.owner ?? null;
    for (const s of walked) {
      clock = new Date(clock.getTime() + s.days * 86_400_000);
      let actor: Actor | null = null;
      if (s.who === 'applicant') actor = applicant;
      else if (s.who === 'counsellor')
        actor =
          centreId && counsellorId
            ? { personId: counsellorId, memberships: [membership('counsellor', centreId)] }
            : null;
      else if (s.who === 'employer')
        actor = {
          personId: employerPerson[0]?.id ?? applicantId,
          memberships: [membership('employer-admin', employerId)],
        };
      else {
        // The § 81a fee is recorded by the office owning the § 81a step.
        const step =
          'step' in s.command
            ? s.command.step
            : s.command.type === 'record-fee-payment'
              ? 'accelerated-procedure'
              : null;
        const owner = step ? ownerOf(step) : null;
        const officer = owner ? officers.get(owner) : undefined;
        if (owner && officer) actor = { personId: officer, memberships: [membership(s.who as Role, owner)] };
      }
      if (actor === null) continue;
      try {
        await service.command(actor, id, s.command);
      } catch (error) {
        if (
          !(error instanceof JourneyRefusal) &&
          !(error instanceof Error && error.message === 'No such journey.')
        )
          throw error;
      }
    }
    made++;
    if (i === 0) made += await seedDemoFamily(db, applicant, id, today);
  }
  return made;
}

/** How many journeys the demo applicants have (for tests and the CLI's summary). */
export async function demoJourneyCount(db: Database): Promise<number> {
  const ids = await db
    .select({ id: person.id })
    .from(person)
    .where(like(person.email, `%@${DEMO_DOMAIN}`));
  if (ids.length === 0) return 0;
  const [row] = await db
    .select({ n: count() })
    .from(journey)
    .where(
      inArray(
        journey.applicantId,
        ids.map((r) => r.id),
      ),
    );
  return row?.n ?? 0;
}
