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
import type pg from 'pg';
import { SIX_STATES } from '../domain/recognition/portability.ts';
import { resolveOwners } from '../features/journey/index.ts';
import { organisation, person, roleAssignment } from '../features/people/index.ts';
import { createRegistrySnapshot, recognitionCompetence } from '../features/registry/index.ts';
import type { Database } from '../platform/db/client.ts';
import { DEMO_DISTRICTS } from './demo-authorities.ts';
import { SAMPLE_FACTS, sampleOccupation } from './sample-journeys.ts';
import { copyBatch, copyTemplates, insertBatch, journeyIds } from './scale-copy.ts';
import { A, buildTemplate, J, scaleScript, type Template } from './scale-templates.ts';

const SCALE_DOMAIN = 'scale.example.org';

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
  const stages = scaleScript(employerId).length + 1;
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
          const span = scaleScript(employerId)
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
