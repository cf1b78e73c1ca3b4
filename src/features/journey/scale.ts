/**
 * `seed --scale N`: bulk-loads N synthetic journeys with realistic event histories for benchmarks.
 *
 * Histories are made by the pure core once per template (state × facts × stage × start day: every stage of the
 * whole way, deadlines running, paused, met and missed), then copied with fresh ids: multi-row inserts in
 * batches (`jsonb_to_recordset`), one transaction per batch, progress on stderr. No audit entries are written
 * for synthetic data (nobody read or changed anything); the applicants are a pool of synthetic persons.
 */
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { like, sql } from 'drizzle-orm';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
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
import { recognitionCompetence } from '../registry/competence.ts';
import { createRegistrySnapshot } from '../registry/snapshot.ts';
import { resolveOwners } from './access.ts';
import { DEMO_DISTRICTS, SAMPLE_FACTS, sampleOccupation } from './seed.ts';
import { journeyStatus, type StepCommandInput, stepRecord, stepRow } from './service.ts';

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
      occupation: sampleOccupation(facts),
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
      stepsOf(j).map((s) => ({
        journey_id: J,
        ...stepRecord(stepRow(J, s, at)),
        updated_at: at.toISOString(),
      })),
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
  /** PostgreSQL: load with COPY through this pool (much faster than inserts); PGlite: inserts. */
  readonly copy?: pg.Pool;
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
  const registry = createRegistrySnapshot(db);
  for (const state of SIX_STATES) {
    for (const [fi, facts] of SAMPLE_FACTS.entries()) {
      const place = {
        stateCode: state,
        districtAgs: DEMO_DISTRICTS[state] ?? null,
        countryCode: facts.location === 'abroad' ? 'IN' : null,
      };
      const competence = await recognitionCompetence(db, registry, sampleOccupation(facts), place);
      const owners = await resolveOwners(db, place, competence);
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
  const copy = opts.copy ? copyTemplates(templates) : null;
  const ids = journeyIds();
  const loadBatch = async (from: number): Promise<number> => {
    let batchEvents = 0;
    const size = Math.min(batch, n - from);
    const picks: Array<{ t: number; id: string; applicant: string }> = [];
    for (let i = 0; i < size; i++) {
      const t = (from + i) % templates.length;
      picks.push({ t, id: ids(from + i), applicant: applicants[(from + i) % applicants.length] as string });
      batchEvents += (templates[t] as Template).version;
    }
    if (copy && opts.copy) {
      await copyBatch(opts.copy, copy, picks);
    } else {
      const journeys: string[] = [];
      const steps: string[] = [];
      const evs: string[] = [];
      for (const { t: ti, id, applicant } of picks) {
        const t = templates[ti] as Template;
        const swap = (text: string) => text.replaceAll(J, id).replaceAll(A, applicant);
        journeys.push(swap(t.journey));
        steps.push(swap(t.steps).slice(1, -1));
        evs.push(swap(t.events).slice(1, -1));
      }
      await insertBatch(db, journeys, steps, evs);
    }
    written += size;
    opts.onProgress?.(written, n);
    return batchEvents;
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  // Fresh statistics, or the planner guesses from an empty table (hundreds of steps per journey); the steps also
  // vacuumed, so that the work queue's count is an index-only scan at once (the visibility map is set).
  await db.execute(sql`vacuum (analyze) journey_step`);
  await db.execute(sql`analyze journey, journey_event`);
  return { journeys: written, events };
}

/**
 * Journey ids in loading order, time-ordered like UUID version 7 (RFC 9562: 48 bits of Unix milliseconds, then
 * a counter), so that the primary-key indexes of a bulk load grow at their right edge instead of at random pages.
 */
function journeyIds(): (i: number) => string {
  const start = Date.now();
  const random = randomUUID().replaceAll('-', '').slice(16);
  return (i) => {
    const ms = (start + Math.floor(i / 4096)).toString(16).padStart(12, '0');
    const seq = (i % 4096).toString(16).padStart(3, '0');
    const tail = (Number.parseInt(random.slice(0, 4), 16) & 0x3fff) | 0x8000;
    return `${ms.slice(0, 8)}-${ms.slice(8)}-7${seq}-${tail.toString(16)}-${random.slice(4, 16)}`;
  };
}

async function insertBatch(db: Database, journeys: string[], steps: string[], evs: string[]) {
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
}

const COPY_COLUMNS = {
  journey: [
    'id',
    'applicant_id',
    'pathway',
    'occupation',
    'target_state_code',
    'target_district_ags',
    'country_code',
    'employer_id',
    'status',
    'version',
    'state',
    'opened_at',
    'updated_at',
  ],
  journey_step: [
    'journey_id',
    'kind',
    'position',
    'required',
    'status',
    'outcome',
    'owner_id',
    'due_at',
    'paused_since',
    'deadline_rule',
    'deadline_due_at',
    'deadline_closed_on',
    'updated_at',
  ],
  journey_event: [
    'journey_id',
    'version',
    'type',
    'actor_id',
    'actor_role',
    'actor_organisation_id',
    'at',
    'payload',
  ],
} as const;
type CopyTable = keyof typeof COPY_COLUMNS;

/** A value in PostgreSQL's COPY text format: `\N` for null, JSON for objects, with \, tab, LF and CR escaped. */
export function copyValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return text.replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );
}

/** Per template and table: its COPY lines cut at the placeholder ids, so that a copy is a join. */
type Segments = string[][];
function copyTemplates(templates: readonly Template[]): Array<Record<CopyTable, Segments>> {
  const cut = (text: string): Segments => text.split(J).map((part) => part.split(A));
  const lines = (table: CopyTable, rows: Array<Record<string, unknown>>) =>
    rows.map((r) => `${COPY_COLUMNS[table].map((c) => copyValue(r[c])).join('\t')}\n`).join('');
  return templates.map((t) => ({
    journey: cut(lines('journey', [JSON.parse(t.journey)])),
    journey_step: cut(lines('journey_step', JSON.parse(t.steps))),
    journey_event: cut(lines('journey_event', JSON.parse(t.events))),
  }));
}

/** One batch on PostgreSQL: COPY into the three tables in one transaction. */
async function copyBatch(
  pool: pg.Pool,
  copy: Array<Record<CopyTable, Segments>>,
  picks: ReadonlyArray<{ t: number; id: string; applicant: string }>,
) {
  const client = await pool.connect();
  try {
    await client.query('begin');
    for (const table of Object.keys(COPY_COLUMNS) as CopyTable[]) {
      const chunks = function* () {
        let buffer = '';
        for (const { t, id, applicant } of picks) {
          const segments = (copy[t] as Record<CopyTable, Segments>)[table];
          buffer += segments.map((part) => part.join(applicant)).join(id);
          if (buffer.length > 1 << 16) {
            yield buffer;
            buffer = '';
          }
        }
        if (buffer) yield buffer;
      };
      await pipeline(
        Readable.from(chunks()),
        client.query(copyFrom(`copy ${table} (${COPY_COLUMNS[table].join(', ')}) from stdin`)),
      );
    }
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
