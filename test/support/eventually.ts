import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Polls until the probe returns a value (not undefined, null or false), for work the app does after
 * answering (reset requests, registrations: src/features/identity/after-answer.ts). Fails after
 * `timeoutMs` with the label.
 */
export async function eventually<T>(
  label: string,
  probe: () => Promise<T | undefined | null | false>,
  timeoutMs = 5000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${label}`);
    await sleep(10);
  }
}
