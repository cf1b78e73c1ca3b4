import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { registerPathwaysApi } from './api.ts';

/** The pathway engine over HTTP: the JSON API, the questionnaire, the points calculator, the offer check. */
export function registerPathways(app: FastifyInstance, deps: AppDeps): void {
  registerPathwaysApi(app, deps);
}
