import fastifyCompress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

/** Responses smaller than this go out as they are: compressing them saves less than its framing costs. */
export const COMPRESSION_THRESHOLD_BYTES = 1024;

/**
 * Every text response is compressed when the client asks (brotli first, then gzip; ADR 0018). Pages
 * are made per request, so brotli runs at a quick quality; static assets are compressed once, at the
 * highest quality, by the asset store and skip this. A page without its own Cache-Control is revalidated
 * on every visit (`no-cache`), so that a new version of the app reaches the next page view.
 */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(fastifyCompress, {
    global: true,
    encodings: ['br', 'gzip'],
    threshold: COMPRESSION_THRESHOLD_BYTES,
  });
  app.addHook('onSend', async (_req, reply, payload) => {
    const type = String(reply.getHeader('content-type') ?? '');
    if (type.startsWith('text/html') && !reply.hasHeader('cache-control'))
      reply.header('cache-control', 'no-cache');
    return payload;
  });
}
