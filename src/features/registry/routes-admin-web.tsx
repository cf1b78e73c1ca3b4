import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import type { AdminPageServices } from './admin-page-fields.ts';
import { registerCorrectionPages } from './routes-admin-corrections.tsx';
import { registerRecordFormPages } from './routes-admin-record-form.tsx';
import { registerRecordPages } from './routes-admin-records.tsx';
import { registerMutualRecognitionPages } from './routes-admin-register.tsx';

/**
 * The write side of the registry as web forms (German and English, no JavaScript needed):
 * administrators correct entries, recognition officers issue and withdraw records, ministry
 * officers maintain the mutual-recognition register. Same services and policy pairs as the API.
 */
export function registerRegistryAdminPages(app: FastifyInstance, deps: AppDeps, services: AdminPageServices) {
  registerCorrectionPages(app, deps, services);
  registerRecordPages(app, deps, services);
  registerRecordFormPages(app, deps, services);
  registerMutualRecognitionPages(app, deps, services);
}
