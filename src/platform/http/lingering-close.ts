import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';

/** How long a refused request body is still read and discarded after the answer, in all. */
export const LINGER_MS = 5_000;
/** How long the client may stay silent before the connection is closed at once. */
export const LINGER_IDLE_MS = 1_000;

/**
 * A refusal sent before the client has finished sending its body (413 on an oversize upload) ends
 * with `Connection: close`. Closing the socket while unread bytes are still arriving makes the
 * kernel answer them with a reset, and a reset can throw away the answer before the client
 * has read it: the applicant would see "connection reset" instead of the error page. So, like the
 * lingering close of Apache and nginx, the server half-closes after the answer, reads and discards
 * what still comes, and closes once the client is done, silent for {@link LINGER_IDLE_MS} or
 * {@link LINGER_MS} have passed — a bounded cost, never the whole body.
 */
export function lingerOnClose(req: IncomingMessage, ms = LINGER_MS, idleMs = LINGER_IDLE_MS): void {
  const socket = req.socket;
  // Node's HTTP server calls destroySoon() once a `Connection: close` answer is written.
  socket.destroySoon = () => {
    let idle: NodeJS.Timeout | undefined;
    const close = () => {
      clearTimeout(all);
      clearTimeout(idle);
      // Never cut off the answer itself: destroy only once it has been handed to the kernel.
      if (socket.writableFinished) socket.destroy();
      else socket.once('finish', () => socket.destroy());
    };
    const all = setTimeout(close, ms);
    const quiet = () => {
      clearTimeout(idle);
      idle = setTimeout(close, idleMs);
    };
    // The rest of the body still runs through the HTTP parser into the request: discard it there.
    req.on('data', quiet);
    req.once('end', close);
    socket.once('end', close);
    socket.once('error', close);
    socket.end(quiet);
    req.resume();
  };
}

/** Applies {@link lingerOnClose} to every answer that closes its connection while refusing a body. */
export function registerLingeringClose(app: FastifyInstance): void {
  app.addHook('onSend', async (req, reply, payload) => {
    if (
      reply.statusCode === 413 &&
      String(reply.getHeader('connection') ?? '').toLowerCase() === 'close' &&
      !req.raw.complete
    ) {
      lingerOnClose(req.raw);
    }
    return payload;
  });
}
