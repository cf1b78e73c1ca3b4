/**
 * The counselling roll-up for the ministries (issue 19, agreement V2.1): the cases that all counselling centres
 * opened in a year, per state by topic and by outcome. Only counts leave the database; they are published under
 * the disclosure rule of the statistics (threshold 5, secondary suppression), so that a ministry officer sees
 * what no single centre sees, and nobody can be singled out.
 */
import { and, count, gte, lt } from 'drizzle-orm';
import {
  disclosureRuleOn,
  type PublishedCrossTable,
  publishCrossTable,
} from '../../domain/statistics/index.ts';
import type { Database } from '../../platform/db/client.ts';
import { STATE_CODES, type StateCode } from '../regions/index.ts';
import { counsellingCase, OUTCOMES, TOPICS } from './schema.ts';

export type RollupRow = { stateCode: string; topic: string; outcome: string; n: number };

/** The counts of the cases opened in `year`, per state, topic and outcome (one grouped query). */
export async function readStateRollup(db: Database, year: number): Promise<RollupRow[]> {
  return db
    .select({
      stateCode: counsellingCase.stateCode,
      topic: counsellingCase.topic,
      outcome: counsellingCase.outcome,
      n: count(),
    })
    .from(counsellingCase)
    .where(
      and(gte(counsellingCase.openedOn, `${year}-01-01`), lt(counsellingCase.openedOn, `${year + 1}-01-01`)),
    )
    .groupBy(counsellingCase.stateCode, counsellingCase.topic, counsellingCase.outcome);
}

export type StateRollup = {
  readonly year: number;
  readonly state: StateCode;
  readonly threshold: number;
  /** Rows: topics; columns: the six states. */
  readonly byStateTopic: PublishedCrossTable;
  /** Rows: topics; columns: outcomes; the chosen state only. */
  readonly byTopicOutcome: PublishedCrossTable;
};

/** The two published tables: the six states by topic, and one state by topic and outcome. Pure. */
export function publishStateRollup(
  rows: readonly RollupRow[],
  year: number,
  state: StateCode,
  today: string,
): StateRollup {
  const { threshold } = disclosureRuleOn(today);
  const n = (pick: (r: RollupRow) => boolean) => rows.filter(pick).reduce((a, r) => a + r.n, 0);
  const byStateTopic = publishCrossTable(
    TOPICS.map((topic) => STATE_CODES.map((s) => n((r) => r.stateCode === s && r.topic === topic))),
    threshold,
  );
  const byTopicOutcome = publishCrossTable(
    TOPICS.map((topic) =>
      OUTCOMES.map((o) => n((r) => r.stateCode === state && r.topic === topic && r.outcome === o)),
    ),
    threshold,
  );
  return { year, state, threshold, byStateTopic, byTopicOutcome };
}

const cell = (c: { value: number | null }) => (c.value === null ? '' : String(c.value));
const flag = (c: { value: number | null }) => String(c.value === null);

/**
 * Both tables as one CSV (UTF-8, CRLF): `table,state,topic,outcome,count,count_suppressed`; a total is an empty
 * topic or outcome (or state `all`). A hidden count is an empty value with `count_suppressed` true.
 */
export function stateRollupCsv(r: StateRollup): string {
  const lines = ['table,year,state,topic,outcome,count,count_suppressed'];
  const push = (table: string, state: string, topic: string, outcome: string, c: { value: number | null }) =>
    lines.push(`${table},${r.year},${state},${topic},${outcome},${cell(c)},${flag(c)}`);
  TOPICS.forEach((topic, i) => {
    STATE_CODES.forEach((s, j) => {
      push('state-topic', s, topic, '', r.byStateTopic.cells[i]?.[j] ?? { value: null });
    });
    push('state-topic', 'all', topic, '', r.byStateTopic.rowTotals[i] ?? { value: null });
  });
  STATE_CODES.forEach((s, j) => {
    push('state-topic', s, '', '', r.byStateTopic.colTotals[j] ?? { value: null });
  });
  push('state-topic', 'all', '', '', r.byStateTopic.grand);
  TOPICS.forEach((topic, i) => {
    OUTCOMES.forEach((o, j) => {
      push('topic-outcome', r.state, topic, o, r.byTopicOutcome.cells[i]?.[j] ?? { value: null });
    });
    push('topic-outcome', r.state, topic, '', r.byTopicOutcome.rowTotals[i] ?? { value: null });
  });
  OUTCOMES.forEach((o, j) => {
    push('topic-outcome', r.state, '', o, r.byTopicOutcome.colTotals[j] ?? { value: null });
  });
  push('topic-outcome', r.state, '', '', r.byTopicOutcome.grand);
  return `${lines.join('\r\n')}\r\n`;
}
