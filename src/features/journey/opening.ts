/** What a journey about to be opened is: the applicant's opening, and its owners when it runs alone. */
import type { Actor } from '../../domain/access/policy.ts';
import type { RecognitionCompetence } from '../registry/index.ts';
import { resolveOwners } from './access.ts';
import { openerMembership } from './authorise.ts';
import type { OpenInput, Opening, Outcome } from './command-types.ts';
import { residenceOf } from './residence.ts';
import type { Session } from './store.ts';

/** The opening of the signed-in applicant's journey, with the owners the registry names for its place. */
export function openingOf(
  actor: Actor,
  input: OpenInput,
  owners: (o: OpenInput) => Promise<Opening['owners']>,
) {
  return async (): Promise<Opening | Outcome> => {
    const opener = openerMembership(actor);
    if (!opener.ok) return opener;
    return {
      membership: opener.membership,
      applicantId: actor.personId,
      facts: input.facts,
      occupation: input.occupation,
      place: input.place,
      owners: await owners(input),
      audit: { action: 'journey.open-journey', purpose: 'open a journey' },
    };
  };
}

/**
 * The opening of one journey alone in its transaction: the competent bodies read before (the registry snapshot
 * loads on the outer connection; PGlite runs one query at a time), the owners in the transaction.
 */
export function aloneOpening(actor: Actor, input: OpenInput, competence: RecognitionCompetence) {
  return (s: Session) =>
    openingOf(actor, input, async (i) =>
      resolveOwners(s.db, { ...i.place, residenceAgs: await residenceOf(s.db, actor.personId) }, competence),
    )();
}
