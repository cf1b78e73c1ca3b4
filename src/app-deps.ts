import type { FastifyPluginAsync } from 'fastify';
import type { Config } from './platform/config.ts';
import type { DatabaseHandle } from './platform/db/client.ts';
import type { Jobs } from './platform/jobs/index.ts';
import type { Services } from './services.ts';
import type { WebDeps } from './web/page.tsx';

/** What every feature's routes receive; built once by the composition root (src/server.ts). */
export interface AppDeps {
  readonly config: Config;
  readonly database: DatabaseHandle;
  readonly jobs: Jobs | undefined;
  readonly web: WebDeps;
  /** The one clock of the app; every service built by `createServices` reads the same one. */
  readonly now: () => Date;
}

/** What the composition root hands to every feature plugin. */
export interface FeatureOptions {
  readonly deps: AppDeps;
  readonly services: Services;
}

/**
 * A feature: an encapsulated Fastify plugin (`app.register(journeyPlugin, { deps, services })`) that
 * registers its routes with the services the root built. It builds no service of its own and adds no
 * hook that another feature relies on; route policies, the error handler and the route collectors
 * are the root's (ADR 0015).
 */
export type FeaturePlugin = FastifyPluginAsync<FeatureOptions>;
