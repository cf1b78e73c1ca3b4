import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import type { Services } from '../../services.ts';
import { registerRegistryAdmin } from './routes-admin.ts';
import { registerMissionImport } from './routes-admin-import.tsx';
import { registerRegistryAdminPages } from './routes-admin-web.tsx';
import { registerFinderApi } from './routes-finder-api.ts';
import { registerFinderPages } from './routes-finder-pages.tsx';
import { registerRecognitionRecords } from './routes-records.tsx';

/** The registry's routes: public finder API and pages, recognition records, administration. */
export function registerRegistry(app: FastifyInstance, deps: AppDeps, services: Services) {
  const { registry } = services;
  registerFinderApi(app, deps, services);
  registerFinderPages(app, deps, services);

  const { signingKey: key, records, register, corrections } = services;
  registerRecognitionRecords(app, deps, { records, register, snapshot: registry, key });
  registerRegistryAdmin(app, { corrections, records, register });
  registerRegistryAdminPages(app, deps, { corrections, records, register, snapshot: registry });
  registerMissionImport(app, deps, services);

  return { registry, records, register, key };
}
