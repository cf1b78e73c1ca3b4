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
  derivable,
  type Line,
  oneWay,
  type Suppression,
  suppress,
  type Table,
  type TwoWayIndex,
  twoWay,
} from './suppression.ts';
