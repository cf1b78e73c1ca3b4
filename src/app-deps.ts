import type { Config } from './platform/config.ts';
import type { DatabaseHandle } from './platform/db/client.ts';
import type { Jobs } from './platform/jobs/index.ts';
import type { WebDeps } from './web/page.tsx';

/** What every feature's routes receive; built once by the composition root. */
export interface AppDeps {
  readonly config: Config;
  readonly database: DatabaseHandle;
  readonly jobs: Jobs | undefined;
  readonly web: WebDeps;
}
