import { createHash, randomBytes } from 'node:crypto';
import { pathwayAnswers } from '../../src/features/pathways/schema.ts';
import type { DbOrTx } from '../../src/platform/db/client.ts';

/**
 * Stores questionnaire answers as the questionnaire would, valid for an hour, and returns the
 * token its cookie carries (`ANSWERS_COOKIE`).
 */
export async function storeAnswers(
  db: DbOrTx,
  answers: Record<string, string>,
  steps: readonly string[],
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.insert(pathwayAnswers).values({
    tokenHash: createHash('sha256').update(token).digest('hex'),
    answers,
    steps: [...steps],
    expiresAt: new Date(Date.now() + 60 * 60 * 1000),
  });
  return token;
}
