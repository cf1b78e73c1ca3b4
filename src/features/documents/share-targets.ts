import type { StepKind } from '../../domain/journey/index.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import type { StepOwner } from '../journey/index.ts';
import { DOCUMENT_CATEGORIES } from './checklists.ts';
import type { DocumentView } from './document-record.ts';
import { shareableOrganisations } from './sharing.ts';

/** Who owns the steps of a person's journeys: the journey service's answer (`Services.journeys.stepOwnersOf`). */
export type StepOwnersOf = (personId: string) => Promise<readonly StepOwner[]>;

/** An organisation the documents page offers to share with. */
export interface ShareTarget {
  readonly id: string;
  readonly name: string;
  /** The steps of the person's journeys it owns (empty for an organisation only consented to). */
  readonly steps: readonly StepKind[];
  /** Whether the person's consent for it is in effect; without it, sharing asks for it first. */
  readonly consented: boolean;
}

/**
 * The organisations a person can share documents with: the owners of their journeys' steps (in the order of the
 * journey, consented to or not), then the other organisations they have consented to.
 */
export async function shareTargets(
  db: DbOrTx,
  stepOwnersOf: StepOwnersOf,
  personId: string,
): Promise<ShareTarget[]> {
  const [owners, consented] = await Promise.all([
    stepOwnersOf(personId),
    shareableOrganisations(db, personId),
  ]);
  const consentedIds = new Set(consented.map((o) => o.id));
  const ownerIds = new Set(owners.map((o) => o.id));
  return [
    ...owners.map((o) => ({ id: o.id, name: o.name, steps: o.steps, consented: consentedIds.has(o.id) })),
    ...consented
      .filter((o) => !ownerIds.has(o.id))
      .map((o) => ({ id: o.id, name: o.name, steps: [], consented: true })),
  ];
}

/** What a share form names: one document (`document:<id>`) or every document of a kind (`category:<kind>`). */
export type ShareSubject =
  | { readonly documentId: string; readonly fileName: string }
  | { readonly category: string };

/** The subject a form's `target` names among the person's documents; undefined when it names none of them. */
export function subjectOf(target: string, documents: readonly DocumentView[]): ShareSubject | undefined {
  if (target.startsWith('category:')) {
    const category = target.slice('category:'.length);
    return (DOCUMENT_CATEGORIES as readonly string[]).includes(category) ? { category } : undefined;
  }
  const id = target.replace(/^document:/, '');
  const found = documents.find((d) => d.id === id);
  return found ? { documentId: found.id, fileName: found.fileName } : undefined;
}
