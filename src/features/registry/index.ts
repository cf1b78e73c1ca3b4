import type { FeaturePlugin } from '../../app-deps.ts';

export {
  healthAuthoritiesOf,
  REGISTRY_BODY_TABLES,
  type RecognitionCompetence,
  type RegistryBodyRef,
  type RegistryBodyTable,
  recognitionCompetence,
  registryBodyKey,
  ZAB_BODY_ID,
} from './competence.ts';
export { createCorrectionsService } from './corrections.ts';
export { type CostKeyFigures, costKeyFigures } from './key-figures.ts';
export { REGISTRY_PATHS } from './paths.ts';
export { listMissions } from './queries.ts';
export { createRecordsService, RECORD_PROFESSIONS, type RecordsService } from './records.ts';
export { createRegisterService, type RegisterService } from './register.ts';
// The public surface of this feature: what other features and the composition root may use.
export {
  craftsChamber,
  mission,
  missionWaitingTime,
  nationwideBody,
  occupation,
  recognitionAuthority,
  statistic,
} from './schema.ts';
export type { OccupationHit } from './search.ts';
export { seedRegistry } from './seed.ts';
export { lazySigningKey, type SigningKey } from './signing.ts';
export {
  createOccupationSearch,
  createRegistrySnapshot,
  type OccupationSearch,
  type RegistrySnapshotSource,
} from './snapshot.ts';

/** The recognition registry, its records and its administration, as an encapsulated feature plugin (ADR 0015). */
export const registryPlugin: FeaturePlugin = async (app, { deps, services }) => {
  const { registerRegistry } = await import('./routes.tsx');
  registerRegistry(app, deps, services);
};
