/**
 * The fair pages (issue 16, V4): organisers (ministry officers), exhibitors (confirmed employers) and applicants.
 * Pages work without JavaScript; bad input answers 4xx naming the field; each change is one transaction with its
 * audit entry, authorised by the policy (`fair`, `fair-agreement`, `fair-exhibitor`, `fair-booking`).
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import type { Services } from '../../services.ts';
import { registerApplicantPages } from './applicant-routes.tsx';
import { registerFigurePages } from './figures-routes.tsx';
import { registerOrganiserPages } from './organiser-routes.tsx';
import { registerStandPages } from './stand-routes.tsx';

export function registerFairs(app: FastifyInstance, deps: AppDeps, services: Services) {
  registerOrganiserPages(app, deps, services);
  registerApplicantPages(app, deps, services);
  registerStandPages(app, deps, services);
  registerFigurePages(app, deps, services);
}
