/** What every fair route needs from a request: the signed-in actor, a parameter, the 404 of no such fair. */
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../domain/access/policy.ts';
import { AppError } from '../../platform/http/errors.ts';

export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('unauthenticated', { detail: 'Sign in first.' });
  return req.actor;
}

export const param = (req: FastifyRequest, name: string) =>
  (req.params as Record<string, string>)[name] ?? '';

export const noFair = () => new AppError('not-found', { detail: 'No such job fair.' });
