import type { Config } from './platform/config.ts';
import type { DatabaseHandle } from './platform/db/client.ts';
import type { ErasureHook } from './platform/erasure.ts';
import type { Jobs } from './platform/jobs/index.ts';
import type { WebDeps } from './web/page.tsx';

/** What every feature's routes receive; built once by the composition root. */
export interface AppDeps {
  readonly config: Config;
  readonly database: DatabaseHandle;
  readonly jobs: Jobs | undefined;
  readonly web: WebDeps;
  /** Each feature adds what it erases for a granted erasure request. */
  readonly erasure: ErasureHook[];
}
