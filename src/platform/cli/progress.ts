/**
 * Progress output for the command line: each step is announced before it starts and reported
 * with its duration when it ends, so anything that takes longer than a second is visible.
 * Written to stderr, so that stdout stays clean for data (JSON output of commands).
 */
export interface Progress {
  step<T>(label: string, work: () => Promise<T>): Promise<T>;
  info(message: string): void;
}

export function createProgress(out: NodeJS.WritableStream = process.stderr): Progress {
  const tty = 'isTTY' in out && Boolean((out as NodeJS.WriteStream).isTTY);
  return {
    async step(label, work) {
      const started = performance.now();
      out.write(tty ? `… ${label}` : `… ${label}\n`);
      let timer: NodeJS.Timeout | undefined;
      if (tty) {
        timer = setInterval(
          () => out.write(`\r… ${label} (${((performance.now() - started) / 1000).toFixed(0)} s)`),
          1000,
        );
      }
      try {
        const result = await work();
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        out.write(`${tty ? '\r' : ''}✓ ${label} (${seconds} s)${tty ? '\x1b[K' : ''}\n`);
        return result;
      } catch (error) {
        out.write(`${tty ? '\r' : ''}✗ ${label}\n`);
        throw error;
      } finally {
        if (timer) clearInterval(timer);
      }
    },
    info(message) {
      out.write(`${message}\n`);
    },
  };
}
