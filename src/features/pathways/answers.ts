/**
 * Server-side keeping of questionnaire answers: a random token in an HttpOnly, SameSite=Lax
 * cookie; the database holds only its SHA-256. Rows expire 24 hours after the last answer;
 * expired rows are ignored on read, deleted on every write and by the hourly purge job.
 */
import { createHash, randomBytes } from 'node:crypto';
import { eq, lt } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DbOrTx } from '../../platform/db/client.ts';
import type { Answers } from './questionnaire.ts';
import { pathwayAnswers } from './schema.ts';

export const ANSWERS_COOKIE = 'pathway_answers';
export const ANSWERS_TTL_MS = 24 * 60 * 60 * 1000;

export interface SavedAnswers {
  answers: Answers;
  steps: string[];
}

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

function tokenOf(req: FastifyRequest): string | undefined {
  const token = req.cookies[ANSWERS_COOKIE];
  return token && /^[A-Za-z0-9_-]{43}$/.test(token) ? token : undefined;
}

/** Deletes every expired row; returns how many. */
export async function purgeExpiredAnswers(db: DbOrTx, at: Date): Promise<number> {
  const deleted = await db
    .delete(pathwayAnswers)
    .where(lt(pathwayAnswers.expiresAt, at))
    .returning({ tokenHash: pathwayAnswers.tokenHash });
  return deleted.length;
}

export function createAnswerStore(db: DbOrTx, now: () => Date = () => new Date()) {
  return {
    async load(req: FastifyRequest): Promise<SavedAnswers | null> {
      const token = tokenOf(req);
      if (!token) return null;
      const [row] = await db
        .select()
        .from(pathwayAnswers)
        .where(eq(pathwayAnswers.tokenHash, hash(token)));
      if (!row || row.expiresAt <= now()) return null;
      return { answers: row.answers, steps: row.steps };
    },

    /** Saves the answers under the visitor's token (a new one if needed) and renews the cookie. */
    async save(req: FastifyRequest, reply: FastifyReply, saved: SavedAnswers): Promise<void> {
      const at = now();
      await purgeExpiredAnswers(db, at);
      const token = tokenOf(req) ?? randomBytes(32).toString('base64url');
      const expiresAt = new Date(at.getTime() + ANSWERS_TTL_MS);
      await db
        .insert(pathwayAnswers)
        .values({
          tokenHash: hash(token),
          answers: saved.answers,
          steps: saved.steps,
          updatedAt: at,
          expiresAt,
        })
        .onConflictDoUpdate({
          target: pathwayAnswers.tokenHash,
          set: { answers: saved.answers, steps: saved.steps, updatedAt: at, expiresAt },
        });
      reply.setCookie(ANSWERS_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: 'auto',
        maxAge: ANSWERS_TTL_MS / 1000,
      });
    },

    async remove(req: FastifyRequest, reply: FastifyReply): Promise<void> {
      const token = tokenOf(req);
      if (token) await db.delete(pathwayAnswers).where(eq(pathwayAnswers.tokenHash, hash(token)));
      reply.clearCookie(ANSWERS_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: 'auto' });
    },
  };
}

export type AnswerStore = ReturnType<typeof createAnswerStore>;
