/**
 * `seed --scale N`: bulk-loads N synthetic journeys with realistic event histories for benchmarks.
 *
 * Histories are made by the pure core once per template (state × facts × stage × start day: every stage of the
 * whole way, deadlines running, paused, met and missed), then copied with fresh ids: multi-row inserts in
 * batches (`jsonb_to_recordset`), one transaction per batch, progress on stderr. No audit entries are written
 * for synthetic data (nobody read or changed anything); the applicants are a pool of synthetic persons.
 */
import { randomUUID } from 'node:crypto';
import { like, sql } from 'drizzle-orm';
import type {
  Command,
  Actor as DomainActor,
  JourneyEvent,
  JourneyFacts,
  Role,
} from '../../domain/journey/index.ts';
import {
  decide,
  evolve,
  INITIAL_STATE,
  type JourneyState,
  momentOf,
  STEP_ROLES,
  stepsOf,
} from '../../domain/journey/index.ts';
import { SIX_STATES } from '../../domain/recognition/portability.ts';
import type { Database } from '../../platform/db/client.ts';
import { organisation, person, roleAssignment } from '../identity/schema.ts';
import { resolveOwners } from './access.ts';
import { DEMO_DISTRICTS, SAMPLE_FACTS } from './seed.ts';
import { journeyStatus, type StepCommandInput, stepRow } from './service.ts';

const J = '00000000-0000-4000-8000-00000000000a';
const A = '00000000-0000-4000-8000-00000000000b';
const SCALE_DOMAIN = 'scale.example.org';

type Scripted = { who: Role; days: number; command: StepCommandInput };

function script(employerId: string): Scripted[] {
  const s = (who: Role, days: number, command: StepCommandInput): Scripted => ({ who, days, command });
  return [
    s('applicant', 2, { type: 'invite-employer', employerId }),
    s('employer', 3, { type: 'start-accelerated-procedure', powerOfAttorney: true }),
    s('applicant', 2, { type: 'submit', step: 'recognition' }),
    s('applicant', 0, { type: 'submit', step: 'zab-statement' }),
    s('recognition-officer', 9, { type: 'start-review', step: 'recognition' }),
    s('recognition-officer', 4, { type: 'request-documents', step: 'recognition', missing: ['Übersetzung'] }),
    s('applicant', 12, { type: 'submit-documents', step: 'recognition', documents: [randomUUID()] }),
    s('recognition-officer', 3, { type: 'documents-complete', step: 'recognition' }),
    s('recognition-officer', 30, { type: 'decide', step: 'recognition', outcome: 'positive' }),
    s('recognition-officer', 0, { type: 'decide', step: 'zab-statement', outcome: 'positive' }),
    s('foreigners-office-caseworker', 6, {
      type: 'decide',
      step: 'accelerated-procedure',
      outcome: 'positive',
    }),
    s('employer', 1, { type: 'submit', step: 'ba-approval' }),
    s('employment-agency-officer', 5, { type: 'decide', step: 'ba-approval', outcome: 'positive' }),
    s('applicant', 2, { type: 'submit', step: 'visa-appointment' }),
    s('mission-officer', 10, { type: 'decide', step: 'visa-appointment', outcome: 'positive' }),
    s('applicant', 7, { type: 'submit', step: 'visa-decision' }),
    s('mission-officer', 3, { type: 'documents-complete', step: 'visa-decision' }),
    s('mission-officer', 12, { type: 'decide', step: 'visa-decision', outcome: 'positive' }),
    s('applicant', 20, { type: 'submit', step: 'entry-registration' }),
    s('foreigners-office-caseworker', 3, { type: 'decide', step: 'entry-registration', outcome: 'positive' }),
    s('applicant', 5, { type: 'submit', step: 'residence-permit' }),
    s('foreigners-office-caseworker', 20, { type: 'decide', step: 'residence-permit', outcome: 'positive' }),
  ];
}

interface Template {
  /** JSON text with the placeholder ids. */
  readonly journey: string;
  readonly steps: string;
  readonly events: string;
  readonly version: number;
}

/** Plays a prefix of the script through the core (in memory) and keeps the result as a template. */
function buildTemplate(
  facts: JourneyFacts,
  owners: Partial<Record<string, string>>,
  employerId: string,
  stage: number,
  start: Date,
  place: { stateCode: string; districtAgs: string | null; countryCode: string | null },
): Template {
  let clock = start;
  const events: JourneyEvent[] = [];
  let state: JourneyState = INITIAL_STATE;
  const apply = (command: Command) => {
    const d = decide(state, command, momentOf(clock.toISOString()));
    if ('refusal' in d) return;
    for (const e of d.events) {
      events.push(e);
      state = evolve(state, e);
    }
  };
  apply({ type: 'open-journey', actor: { role: 'applicant', id: A }, journeyId: J, facts, owners });
  for (const s of script(employerId).slice(0, stage)) {
    clock = new Date(clock.getTime() + s.days * 86_400_000);
    let actor: DomainActor;
    if (s.who === 'applicant') actor = { role: 'applicant', id: A };
    else if (s.who === 'employer') actor = { role: 'employer', id: A, organisationId: employerId };
    else {
      const step = 'step' in s.command ? s.command.step : null;
      const owner = step && STEP_ROLES[step].owner === s.who ? owners[step] : undefined;
      if (!owner) continue;
      actor = { role: s.who, id: A, organisationId: owner };
    }
    apply({ ...s.command, actor } as Command);
  }
  if (state.status !== 'open') throw new Error('template did not open');
  const { status: _s, ...j } = state;
  const at = new Date(clock);
  return {
    journey: JSON.stringify({
      id: J,
      applicant_id: A,
      pathway: facts.pathway,
      occupation: facts.qualification.kind === 'academic' ? 'Softwareentwicklung' : 'Pflege',
      target_state_code: place.stateCode,
      target_district_ags: place.districtAgs,
      country_code: place.countryCode,
      employer_id: j.employerId,
      status: journeyStatus(j),
      version: j.version,
      state: j,
      opened_at: j.openedAt,
      updated_at: at.toISOString(),
    }),
    steps: JSON.stringify(
      stepsOf(j).map((s) => {
        const r = stepRow(J, s, at);
        return {
          journey_id: J,
          kind: r.kind,
          position: r.position,
          required: r.required,
          status: r.status,
          outcome: r.outcome,
          owner_id: r.ownerId,
          due_at: r.dueAt,
          paused_since: r.pausedSince,
          deadline_rule: r.deadlineRule,
          deadline_due_at: r.deadlineDueAt,
          deadline_closed_on: r.deadlineClosedOn,
          updated_at: at.toISOString(),
        };
      }),
    ),
    events: JSON.stringify(
      events.map((e, i) => ({
        journey_id: J,
        version: i + 1,
        type: e.type,
        actor_id: e.actor.id,
        actor_role: e.actor.role,
        actor_organisation_id: e.actor.organisationId ?? null,
        at: e.at,
        payload: e,
      })),
    ),
    version: j.version,
  };
}

async function applicantPool(db: Database, size: number): Promise<string[]> {
  const existing = await db
    .select({ id: person.id })
    .from(person)
    .where(like(person.email, `%@${SCALE_DOMAIN}`));
  if (existing.length >= size) return existing.map((r) => r.id);
  const rows = Array.from({ length: size - existing.length }, (_, i) => ({
    id: randomUUID(),
    email: `scale-${existing.length + i}-${randomUUID().slice(0, 8)}@${SCALE_DOMAIN}`,
    displayName: `Synthetic Applicant ${existing.length + i}`,
  }));
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    await db.insert(person).values(chunk);
    await db
      .insert(roleAssignment)
      .values(chunk.map((r) => ({ personId: r.id, role: 'applicant' as const, grantedAt: new Date() })));
  }
  return [...existing.map((r) => r.id), ...rows.map((r) => r.id)];
}

export interface ScaleOptions {
  readonly batch?: number;
  /** Batches loaded at the same time (PostgreSQL: several connections; PGlite: 1). */
  readonly concurrency?: number;
  readonly today?: Date;
  readonly onProgress?: (done: number, total: number) => void;
}

/** Loads `n` synthetic journeys; returns the number of journeys and events written. */
export async function seedScale(
  db: Database,
  n: number,
  opts: ScaleOptions = {},
): Promise<{ journeys: number; events: number }> {
  const batch = opts.batch ?? 1000;
  const today = opts.today ?? new Date();
  const [employer] = await db
    .select({ id: organisation.id })
    .from(organisation)
    .where(sql`${organisation.kind} = 'employer'`)
    .limit(1);
  const employerId = employer?.id ?? randomUUID();
  const templates: Template[] = [];
  const stages = script(employerId).length + 1;
  for (const state of SIX_STATES) {
    for (const [fi, facts] of SAMPLE_FACTS.entries()) {
      const place = {
        stateCode: state,
        districtAgs: DEMO_DISTRICTS[state] ?? null,
        countryCode: facts.location === 'abroad' ? 'IN' : null,
      };
      const owners = await resolveOwners(db, place);
      for (let stage = 0; stage < stages; stage++) {
        for (const offset of [3, 20, 60, 150]) {
          const span = script(employerId)
            .slice(0, stage)
            .reduce((sum, s) => sum + s.days, 0);
          const start = new Date(today.getTime() - (span + offset + fi) * 86_400_000);
          templates.push(buildTemplate(facts, owners, employerId, stage, start, place));
        }
      }
    }
  }
  const applicants = await applicantPool(db, Math.min(10_000, Math.max(10, Math.ceil(n / 100))));
  let written = 0;
  let events = 0;
  const concurrency = Math.max(1, opts.concurrency ?? 1);
  const starts: number[] = [];
  for (let from = 0; from < n; from += batch) starts.push(from);
  let next = 0;
  const worker = async () => {
    for (;;) {
      const from = starts[next++];
      if (from === undefined) return;
      const loaded = await loadBatch(from);
      events += loaded;
    }
  };
  const loadBatch = async (from: number): Promise<number> => {
    let batchEvents = 0;
    const size = Math.min(batch, n - from);
    const journeys: string[] = [];
    const steps: string[] = [];
    const evs: string[] = [];
    for (let i = 0; i < size; i++) {
      const t = templates[(from + i) % templates.length] as Template;
      const id = randomUUID();
      const applicant = applicants[(from + i) % applicants.length] as string;
      const swap = (text: string) => text.replaceAll(J, id).replaceAll(A, applicant);
      journeys.push(swap(t.journey));
      steps.push(swap(t.steps).slice(1, -1));
      evs.push(swap(t.events).slice(1, -1));
      batchEvents += t.version;
    }
    await db.transaction(async (tx) => {
      await tx.execute(sql`insert into journey (id, applicant_id, linked_to, pathway, occupation, target_state_code,
          target_district_ags, country_code, employer_id, status, version, state, opened_at, updated_at)
        select id, applicant_id, null, pathway, occupation, target_state_code, target_district_ags, country_code,
          employer_id, status, version, state, opened_at, updated_at
        from jsonb_to_recordset(${`[${journeys.join(',')}]`}::jsonb) as x(id uuid, applicant_id uuid, pathway text,
          occupation text, target_state_code text, target_district_ags text, country_code text, employer_id uuid,
          status text, version int, state jsonb, opened_at timestamptz, updated_at timestamptz)`);
      await tx.execute(sql`insert into journey_step (journey_id, kind, position, required, status, outcome, owner_id,
          due_at, paused_since, deadline_rule, deadline_due_at, deadline_closed_on, updated_at)
        select * from jsonb_to_recordset(${`[${steps.join(',')}]`}::jsonb) as x(journey_id uuid, kind text,
          position int, required text, status text, outcome text, owner_id uuid, due_at date, paused_since date,
          deadline_rule text, deadline_due_at date, deadline_closed_on date, updated_at timestamptz)`);
      await tx.execute(sql`insert into journey_event (journey_id, version, type, actor_id, actor_role,
          actor_organisation_id, at, payload)
        select * from jsonb_to_recordset(${`[${evs.join(',')}]`}::jsonb) as x(journey_id uuid, version int,
          type text, actor_id text, actor_role text, actor_organisation_id text, at timestamptz, payload jsonb)`);
    });
    written += size;
    opts.onProgress?.(written, n);
    return batchEvents;
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { journeys: written, events };
}
