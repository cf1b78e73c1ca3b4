import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { FeatureOptions } from '../../app-deps.ts';

/**
 * Health, OpenAPI, the problem catalogue and `/`, as an encapsulated feature plugin (ADR 0015). `root` is the
 * app's root instance, whose collected API routes the OpenAPI document describes.
 */
export const systemPlugin: FastifyPluginAsync<FeatureOptions & { readonly root: FastifyInstance }> = async (
  app,
  { deps, root },
) => {
  const { registerSystem } = await import('./routes.ts');
  const { registerApiReference } = await import('./reference.tsx');
  registerSystem(app, deps, root);
  registerApiReference(app, deps, root);
};
