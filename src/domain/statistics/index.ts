export { type PublishedCount, type PublishedCrossTable, publishCrossTable } from './cross-table.ts';
export {
  addHistograms,
  type DayHistogram,
  daysAsWeeks,
  histogramCount,
  percentileDays,
} from './histogram.ts';
export { DISCLOSURE_RULES, type DisclosureRule, disclosureRuleOn } from './parameters.ts';
export {
  isoWeekMonday,
  MAX_PERIOD_YEARS,
  mondayOf,
  type Period,
  type PeriodProblem,
  parsePeriod,
  parsePeriodBound,
} from './period.ts';
export {
  derivable,
  type Line,
  oneWay,
  type Suppression,
  suppress,
  type Table,
  type TwoWayIndex,
  twoWay,
} from './suppression.ts';
