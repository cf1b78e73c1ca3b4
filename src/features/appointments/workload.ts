/**
 * The history of an office's work, read from the journey events (issue 15, memo § 3.6): for every step an office
 * owns, the day it was filed and the day it was decided or withdrawn. From these: the durations of the cases
 * finished in the window, the ages of the open ones (the backlog), and the filings (arrivals) and decisions
 * (completions) per week, oldest week first. Days are calendar days in Germany. Nothing here is estimated; the
 * forecast (src/domain/capacity/forecast.ts) works on these figures.
 */
import { sql } from 'drizzle-orm';
import { addDays, daysBetween, type IsoDate } from '../../domain/calendar.ts';
import { momentOf, type StepKind } from '../../domain/journey/index.ts';
import { type DbOrTx, queryRows } from '../../platform/db/client.ts';

/** The window the observed figures cover: 26 weeks (memo § 5.5, "the last 26 weeks"). */
export const WINDOW_WEEKS = 26;

export type OfficeHistory = {
  readonly organisationId: string;
  readonly asOf: IsoDate;
  readonly windowWeeks: number;
  /** Filed → decided, in days, of the cases decided in the window. */
  readonly finishedDays: readonly number[];
  /** Age in days on `asOf` of the cases filed and not yet decided or withdrawn. */
  readonly openAgesDays: readonly number[];
  /** Filings per week of the window, oldest first (the last week ends on `asOf`). */
  readonly weeklyArrivals: readonly number[];
  /** Decisions per week of the window, oldest first. */
  readonly weeklyCompletions: readonly number[];
  /** Cases open at the end of each week of the window (filed, neither decided nor withdrawn by then), oldest first. */
  readonly weeklyOpen: readonly number[];
};

type CaseRow = {
  owner_id: string;
  kind: StepKind;
  submitted: Date | string | null;
  decided: Date | string | null;
  withdrawn: Date | string | null;
};

const dayOf = (v: Date | string | null): IsoDate | null =>
  v === null ? null : momentOf(new Date(v).toISOString()).date;

/** The week a day falls in, counted so that week `windowWeeks − 1` ends on `asOf` (earlier days: below 0). */
export const weekOf = (day: IsoDate, asOf: IsoDate, windowWeeks: number): number =>
  windowWeeks - 1 - Math.floor(daysBetween(day, asOf) / 7);

/** The week of the window a day falls in (0 = oldest), or -1 outside. */
function weekIndex(day: IsoDate, asOf: IsoDate, windowWeeks: number): number {
  const back = daysBetween(day, asOf);
  if (back < 0 || back >= windowWeeks * 7) return -1;
  return weekOf(day, asOf, windowWeeks);
}

/** One case of an office: a step it owns, the days it was filed, decided and withdrawn (calendar days). */
export type OfficeCase = {
  readonly organisationId: string;
  readonly kind: StepKind;
  readonly filed: IsoDate | null;
  readonly decided: IsoDate | null;
  readonly withdrawn: IsoDate | null;
};

/** Every case of the offices, from the journey events (one query, grouped by office, journey and step kind). */
export async function officeCases(db: DbOrTx, organisationIds: readonly string[]): Promise<OfficeCase[]> {
  if (organisationIds.length === 0) return [];
  const ids = sql.join(
    organisationIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const rows = await queryRows<CaseRow>(
    db,
    sql`
    select s.owner_id, s.kind,
           min(e.at) filter (where e.type = 'step-submitted') as submitted,
           max(e.at) filter (where e.type = 'step-decided') as decided,
           max(e.at) filter (where e.type = 'step-withdrawn') as withdrawn
      from journey_step s
      join journey_event e on e.journey_id = s.journey_id and e.payload->>'step' = s.kind
     where s.owner_id in (${ids})
       and e.type in ('step-submitted', 'step-decided', 'step-withdrawn')
     group by s.owner_id, s.journey_id, s.kind`,
  );
  return rows.map((r) => ({
    organisationId: r.owner_id,
    kind: r.kind,
    filed: dayOf(r.submitted),
    decided: dayOf(r.decided),
    withdrawn: dayOf(r.withdrawn),
  }));
}

type MutableHistory = OfficeHistory & {
  finishedDays: number[];
  openAgesDays: number[];
  weeklyArrivals: number[];
  weeklyCompletions: number[];
  weeklyOpen: number[];
};

const emptyHistory = (organisationId: string, asOf: IsoDate, windowWeeks: number): MutableHistory => ({
  organisationId,
  asOf,
  windowWeeks,
  finishedDays: [],
  openAgesDays: [],
  weeklyArrivals: Array.from({ length: windowWeeks }, () => 0),
  weeklyCompletions: Array.from({ length: windowWeeks }, () => 0),
  weeklyOpen: Array.from({ length: windowWeeks }, () => 0),
});

/** The last day of each week of the window, oldest first, and the window's first day. */
const windowOf = (asOf: IsoDate, windowWeeks: number) => ({
  weekEnds: Array.from({ length: windowWeeks }, (_, i) => addDays(asOf, -7 * (windowWeeks - 1 - i))),
  from: addDays(asOf, -windowWeeks * 7 + 1),
});

/** One case (filed, and perhaps decided or withdrawn) counted into a history. */
function addCase(
  h: MutableHistory,
  w: ReturnType<typeof windowOf>,
  filed: IsoDate,
  decided: IsoDate | null,
  withdrawn: IsoDate | null,
) {
  const { asOf, windowWeeks } = h;
  for (let i = 0; i < windowWeeks; i++) {
    const end = w.weekEnds[i] as IsoDate;
    const closed = (decided !== null && decided <= end) || (withdrawn !== null && withdrawn <= end);
    if (filed <= end && !closed) h.weeklyOpen[i] = (h.weeklyOpen[i] ?? 0) + 1;
  }
  const arrival = weekIndex(filed, asOf, windowWeeks);
  if (arrival >= 0) h.weeklyArrivals[arrival] = (h.weeklyArrivals[arrival] ?? 0) + 1;
  if (decided !== null && decided <= asOf) {
    const done = weekIndex(decided, asOf, windowWeeks);
    if (done >= 0) h.weeklyCompletions[done] = (h.weeklyCompletions[done] ?? 0) + 1;
    if (decided >= w.from) h.finishedDays.push(Math.max(0, daysBetween(filed, decided)));
  } else if (withdrawn === null || withdrawn > asOf) h.openAgesDays.push(daysBetween(filed, asOf));
}

export type OfficeAndStepHistories = {
  /** Per office, over all its steps together. */
  readonly offices: Map<string, OfficeHistory>;
  /** Per office, per step kind that has at least one filed case (the same cases, split by the step). */
  readonly steps: Map<string, Map<StepKind, OfficeHistory>>;
};

/**
 * The histories of several offices at once, over all their steps and per step kind, from one query (grouped by
 * office, journey and step kind), keyed by organisation id.
 */
export async function officeAndStepHistories(
  db: DbOrTx,
  organisationIds: readonly string[],
  asOf: IsoDate,
  windowWeeks = WINDOW_WEEKS,
): Promise<OfficeAndStepHistories> {
  const offices = new Map<string, MutableHistory>();
  const steps = new Map<string, Map<StepKind, MutableHistory>>();
  if (organisationIds.length === 0) return { offices, steps };
  const rows = await officeCases(db, organisationIds);
  for (const id of organisationIds) {
    offices.set(id, emptyHistory(id, asOf, windowWeeks));
    steps.set(id, new Map());
  }
  const w = windowOf(asOf, windowWeeks);
  for (const r of rows) {
    const h = offices.get(r.organisationId);
    const byStep = steps.get(r.organisationId);
    const { filed } = r;
    if (!h || !byStep || filed === null || filed > asOf) continue;
    let s = byStep.get(r.kind);
    if (!s) {
      s = emptyHistory(r.organisationId, asOf, windowWeeks);
      byStep.set(r.kind, s);
    }
    for (const into of [h, s]) addCase(into, w, filed, r.decided, r.withdrawn);
  }
  return { offices, steps };
}

/** One history from cases given as days (filed, and decided or withdrawn or neither), e.g. appointment requests. */
export function historyOfCases(
  organisationId: string,
  cases: readonly Pick<OfficeCase, 'filed' | 'decided' | 'withdrawn'>[],
  asOf: IsoDate,
  windowWeeks = WINDOW_WEEKS,
): OfficeHistory {
  const h = emptyHistory(organisationId, asOf, windowWeeks);
  const w = windowOf(asOf, windowWeeks);
  for (const c of cases)
    if (c.filed !== null && c.filed <= asOf) addCase(h, w, c.filed, c.decided, c.withdrawn);
  return h;
}

/** The histories of several offices at once (one query), keyed by organisation id. */
export async function officeHistories(
  db: DbOrTx,
  organisationIds: readonly string[],
  asOf: IsoDate,
  windowWeeks = WINDOW_WEEKS,
): Promise<Map<string, OfficeHistory>> {
  return (await officeAndStepHistories(db, organisationIds, asOf, windowWeeks)).offices;
}
