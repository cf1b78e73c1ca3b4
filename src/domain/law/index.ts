/** Public entry point of the pathway engine (the Skilled Immigration Act as explainable, effective-dated rules). */

export { chancenkartePoints } from './chancenkarte-points.ts';
export {
  evaluatePathways,
  evaluateSomePathways,
  type PathwayCatalogueEntry,
  pathwayCatalogue,
} from './engine.ts';
export { generateProfiles } from './generate.ts';
export { BA_SHORTAGE_ISCO_CODES, BLUE_CARD_SHORTAGE_GROUPS, IT_GROUPS } from './occupations.ts';
export type { ParameterId, ParameterValueOf } from './parameters/data.ts';
export {
  PARAMETER_IDS,
  type ParameterSnapshot,
  type ParameterTableRow,
  type ParameterValue,
  parameter,
  parametersOn,
  parameterTable,
} from './parameters/parameters.ts';
export { ENGINE_HORIZON_START, PARAMETER_UNITS, type ParameterUnit } from './parameters/periods.ts';
export type { Source } from './parameters/sources.ts';
export type { InForce } from './pathway.ts';
export * from './types.ts';
