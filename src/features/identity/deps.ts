import type { Database } from '../../platform/db/client.ts';
import type { ErasureHook } from '../../platform/erasure.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import type { AfterAnswer } from './after-answer.ts';

export interface IdentityDeps {
  readonly db: Database;
  readonly mailer: Mailer;
  readonly now: () => Date;
  /** Absolute base URL for links in mails, e.g. http://localhost:3000 */
  readonly baseUrl: string;
  /** What other features erase with a person (their documents …); see src/platform/erasure.ts. */
  readonly erasureHooks?: readonly ErasureHook[];
  /** Work done after the answer (reset requests, registrations); without it, the work is done at once. */
  readonly afterAnswer?: AfterAnswer;
}
