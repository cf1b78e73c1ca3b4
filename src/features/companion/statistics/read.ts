/**
 * The companion statistics' data (issue 18): every holder's place, permit end, the engine's conditions on the day
 * (with an employer's confirmation as livelihood evidence, as the holder's own page shows it) and the recorded
 * move to § 25a/§ 25b, and the CSV.
 * Only counts leave this module; no name, no date of birth. Reading aggregates is not audited (like the
 * counselling roll-up and the waiting times: no personal data is shown).
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { currentEvidence, withEmploymentEvidence } from '../../../domain/companion/employment.ts';
import { companionPathways, holderProfile } from '../../../domain/companion/holder.ts';
import {
  type CompanionStatistics,
  type HolderCase,
  MEASURES,
  type PublishedLine,
} from '../../../domain/companion/statistics.ts';
import { evaluatePathways } from '../../../domain/law/index.ts';
import type { DbOrTx } from '../../../platform/db/client.ts';
import { journey } from '../../journey/index.ts';
import { companionEmployment } from '../employment/schema.ts';
import { companionHolder } from '../schema.ts';
import { factsOf } from '../service.ts';

const MOVES = ['aufenthg-25a', 'aufenthg-25b'] as const;
type Move = (typeof MOVES)[number];

/**
 * The moves the companion records: each holder's latest own journey on § 25a or § 25b (the transition step at the
 * foreigners' office), with the district it was opened for.
 */
async function movesOf(db: DbOrTx): Promise<Map<string, { pathway: Move; districtAgs: string | null }>> {
  const rows = await db
    .select({
      personId: journey.applicantId,
      pathway: journey.pathway,
      districtAgs: journey.targetDistrictAgs,
    })
    .from(journey)
    .innerJoin(companionHolder, eq(companionHolder.personId, journey.applicantId))
    .where(and(inArray(journey.pathway, [...MOVES]), isNull(journey.linkedTo)))
    .orderBy(asc(journey.openedAt));
  // Later journeys overwrite earlier ones: the latest counts.
  return new Map(rows.map((r) => [r.personId, { pathway: r.pathway as Move, districtAgs: r.districtAgs }]));
}

export async function holderCases(db: DbOrTx, today: string): Promise<HolderCase[]> {
  const [holders, employments, moves] = await Promise.all([
    db.select().from(companionHolder),
    db.select().from(companionEmployment).where(isNull(companionEmployment.withdrawnAt)),
    movesOf(db),
  ]);
  return holders.map((row) => {
    const evidence = currentEvidence(
      employments.filter((e) => e.personId === row.personId),
      today,
    );
    const facts = withEmploymentEvidence(factsOf(row), evidence);
    const move = moves.get(row.personId);
    return {
      stateCode: row.stateCode,
      districtAgs: row.districtAgs ?? move?.districtAgs ?? null,
      expiresOn: row.permitExpiresOn,
      pathways: companionPathways(evaluatePathways(holderProfile(facts, today))),
      moved: move?.pathway ?? null,
    };
  });
}

const cell = (c: { value: number | null }) => (c.value === null ? '' : String(c.value));
const flag = (c: { value: number | null }) => String(c.value === null);

/**
 * The published tables as one CSV (UTF-8, CRLF): `table,state,district,measure,count,count_suppressed`; state
 * `all` is the six states together, an empty district the state's total, district `none` "not given". A hidden
 * count is an empty value with `count_suppressed` true.
 */
export function statisticsCsv(s: CompanionStatistics, states: readonly string[], day: string): string {
  const lines = ['table,day,state,district,measure,count,count_suppressed'];
  const push = (
    table: string,
    state: string,
    district: string,
    measure: string,
    c: { value: number | null },
  ) => lines.push(`${table},${day},${state},${district},${measure},${cell(c)},${flag(c)}`);
  const line = (table: string, measure: string, l: PublishedLine) => {
    states.forEach((st, i) => {
      push(table, st, '', measure, l.parts[i] ?? { value: null });
    });
    push(table, 'all', '', measure, l.total);
  };
  for (const m of MEASURES) line('states', m, s.byState[m]);
  for (const o of s.open) line('open-conditions', o.condition, o.line);
  const d = s.districts;
  if (d)
    for (const m of MEASURES) {
      d.rows.forEach((ags, i) => {
        push('districts', d.state, ags === '' ? 'none' : ags, m, d.byMeasure[m].parts[i] ?? { value: null });
      });
      push('districts', d.state, '', m, d.byMeasure[m].total);
    }
  return `${lines.join('\r\n')}\r\n`;
}
