import { getTableColumns, getTableName, lt, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../db/client.ts';
import { referenceCheck, type StaleRow } from './schema.ts';

/** A reference table with provenance columns and the column that names a row. */
export interface ReferenceTable {
  table: PgTable;
  key: AnyPgColumn;
}

export interface ReferenceCheckResult {
  checkedRows: number;
  stale: StaleRow[];
}

/**
 * Finds reference rows whose as-of date is older than `maxAgeDays` before `today`
 * and records the run. Returns what it found.
 */
export async function checkReferenceAge(
  db: DbOrTx,
  tables: readonly ReferenceTable[],
  maxAgeDays: number,
  today: string,
): Promise<ReferenceCheckResult> {
  const cutoff = new Date(`${today}T00:00:00Z`);
  cutoff.setUTCDate(cutoff.getUTCDate() - maxAgeDays);
  const cutoffDate = cutoff.toISOString().slice(0, 10);
  const stale: StaleRow[] = [];
  let checkedRows = 0;
  for (const { table, key } of tables) {
    const asOf = getTableColumns(table).asOf as AnyPgColumn | undefined;
    if (!asOf) throw new Error(`reference table ${getTableName(table)} has no as_of column`);
    const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(table);
    checkedRows += count?.n ?? 0;
    const rows = await db
      .select({ key: sql<string>`${key}::text`, asOf: sql<string>`${asOf}::text` })
      .from(table)
      .where(lt(asOf, cutoffDate));
    for (const r of rows) stale.push({ table: getTableName(table), key: r.key, asOf: r.asOf });
  }
  await db.insert(referenceCheck).values({ maxAgeDays, checkedRows, staleCount: stale.length, stale });
  return { checkedRows, stale };
}
