/** The talent pool's routes (issue 16, V4): the applicant's side and the readers' side. */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import type { Services } from '../../services.ts';
import { registerApplicantPool } from './applicant-routes.tsx';
import { registerReaderPool } from './reader-routes.tsx';

export function registerTalentPool(app: FastifyInstance, deps: AppDeps, services: Services) {
  registerApplicantPool(app, deps, services);
  registerReaderPool(app, deps, services);
}
