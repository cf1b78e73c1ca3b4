/**
 * The registry's missions abroad from a CSV file (issue 20): the dry run against the missions as they are
 * (src/domain/recognition/mission-csv.ts), and "apply", which adds and corrects the missions of a file without
 * problems in one transaction, each change with its history (who, when, why, before, after — as a correction) and
 * its audit entry; then the registry snapshot is renewed. A file with a problem writes nothing.
 */
import { eq, inArray } from 'drizzle-orm';
import { type ImportReport, readCsvTable, reportOk } from '../../domain/interop/csv-table.ts';
import {
  MISSION_COLUMNS,
  MISSION_LIMITS,
  type MissionChange,
  type MissionValues,
  missionImportReport,
} from '../../domain/recognition/mission-csv.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Database } from '../../platform/db/client.ts';
import { AppError } from '../../platform/http/errors.ts';
import { auditActor, type ChangeActor } from './actor.ts';
import { mission, registryChange } from './schema.ts';

const TABLE = 'mission';

/** A mission of the file that another change added between the check and this transaction: nothing is written. */
function addedMeanwhile(row: number) {
  return new AppError('conflict', {
    detail:
      'Another change added a mission with this key meanwhile; nothing was written. Check the file again.',
    errors: [
      { field: `body.csv.rows[${row}].id`, rule: 'unique', message: 'was added by another change meanwhile' },
    ],
  });
}

/** The missions as the import compares them, by key. */
async function currentMissions(db: Database): Promise<Map<string, MissionValues>> {
  const rows = await db.select().from(mission);
  return new Map(
    rows.map((m) => [
      m.id,
      {
        country: m.country,
        name: m.name,
        city: m.city,
        visaSection: m.visaSection,
        region: m.region,
        notes: m.notes,
        source: m.source,
        asOf: m.asOf,
        confidence: m.confidence,
        verified: m.verified,
      },
    ]),
  );
}

/** The dry run of a missions file: nothing is written. */
export async function checkMissionFile(
  db: Database,
  bytes: Uint8Array,
): Promise<ImportReport<MissionChange>> {
  const table = readCsvTable(bytes, MISSION_COLUMNS, MISSION_LIMITS);
  const current = table.ok ? await currentMissions(db) : new Map<string, MissionValues>();
  return missionImportReport(table, current, new Set(table.ok ? table.columns : []));
}

/** One mission of the registry as the template's example row shows it (the first by key), if there is one. */
export async function exampleMission(db: Database) {
  const [m] = await db.select().from(mission).orderBy(mission.id).limit(1);
  return m;
}

/**
 * Adds and corrects the missions of a report without problems, in one transaction; returns how many changed.
 * `onChange` renews the registry snapshot afterwards.
 */
export async function applyMissionReport(
  db: Database,
  actor: ChangeActor,
  report: ImportReport<MissionChange>,
  reason: string,
  at: Date,
  onChange: () => void,
): Promise<number> {
  if (!reportOk(report)) throw new Error('a missions file with problems is never applied');
  const rows = report.rows.flatMap((r) => (r.outcome === 'new' || r.outcome === 'changed' ? [r] : []));
  if (rows.length === 0) return 0;
  await db.transaction(async (tx) => {
    // Lock the rows to be changed; a mission added meanwhile by another change refuses the whole file (409).
    const ids = rows.map((r) => r.change.id);
    await tx.select({ id: mission.id }).from(mission).where(inArray(mission.id, ids)).for('update');
    for (const r of rows) {
      const { id, values, before } = r.change;
      if (r.outcome === 'new') {
        const added = await tx
          .insert(mission)
          .values({ id, ...values })
          .onConflictDoNothing()
          .returning({ id: mission.id });
        if (added.length === 0) throw addedMeanwhile(r.row);
      } else await tx.update(mission).set(values).where(eq(mission.id, id));
      const changed = r.outcome === 'new' ? Object.keys(values) : Object.keys(before);
      await tx.insert(registryChange).values({
        tableName: TABLE,
        rowKey: id,
        actor: actor.personId,
        at,
        reason,
        before: r.outcome === 'new' ? null : before,
        after: Object.fromEntries(changed.map((k) => [k, values[k as keyof MissionValues]])),
      });
      await appendAudit(
        tx,
        {
          ...auditActor(actor),
          action: r.outcome === 'new' ? 'registry.import.create' : 'registry.import.correct',
          objectType: TABLE,
          objectId: id,
          purpose: reason.slice(0, 200),
          result: 'success',
        },
        at,
      );
    }
  });
  onChange();
  return rows.length;
}
