import type { FastifyBaseLogger, FastifyReply } from 'fastify';

/**
 * Work that starts once the answer has gone out, so that how long the answer takes cannot tell
 * what the work found: the password reset request and the registration look the account up,
 * issue tokens and queue mail only after answering, for an address with an account and one
 * without alike (no enumeration by timing, ASVS 6.3.8). With SMTP the mail's round trip is no
 * longer in the answer either.
 *
 * The work is tracked: closing the app waits for it. A failure is logged with the work's name and
 * the error's code only (no addresses, no parameters) and never becomes an unhandled rejection.
 * When the process dies in between, the work is lost; the person asks again.
 */
export interface AfterAnswer {
  run(reply: FastifyReply, name: string, work: () => Promise<unknown>): void;
  /** Resolves when all work started so far has ended (closing the app; tests). */
  settled(): Promise<void>;
}

export function createAfterAnswer(log: FastifyBaseLogger): AfterAnswer {
  const running = new Set<Promise<void>>();
  return {
    run(reply, name, work) {
      let started = false;
      const start = () => {
        if (started) return;
        started = true;
        const done: Promise<void> = work()
          .then(
            () => undefined,
            (error: unknown) => {
              const code = (error as { code?: unknown } | null)?.code;
              log.error(
                { work: name, code: typeof code === 'string' ? code : undefined },
                'work after the answer failed',
              );
            },
          )
          .finally(() => running.delete(done));
        running.add(done);
      };
      // 'finish': the answer is handed to the network; 'close': the client went away before that.
      // The work starts on the next turn of the event loop, after what the answer set in motion (an
      // embedded database runs on this thread: work begun at once would still delay the answer).
      const later = () => setImmediate(start);
      reply.raw.once('finish', later);
      reply.raw.once('close', later);
    },
    async settled() {
      while (running.size > 0) await Promise.all(running);
    },
  };
}

/** Runs the work after the answer where the app provides for it, else at once (CLI, seeds). */
export async function afterAnswer(
  deps: { readonly afterAnswer?: AfterAnswer | undefined },
  reply: FastifyReply,
  name: string,
  work: () => Promise<unknown>,
): Promise<void> {
  if (deps.afterAnswer) deps.afterAnswer.run(reply, name, work);
  else await work();
}
