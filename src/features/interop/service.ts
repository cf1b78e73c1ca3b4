/**
 * XAusländer for one journey (issue 20): message 130401 made from the journey's § 81a data for the foreigners'
 * office that owns the § 81a step, and that office's answers brought back as the journey's own commands. The read
 * is the journey service's (step-scoped, audited); every message made or taken is checked against the official
 * XSD first. Nothing is written unless the answer is valid and every command it stands for is accepted.
 */
import { createHash } from 'node:crypto';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../../domain/access/policy.ts';
import { commandsFor, readAnswer } from '../../domain/interop/xauslaender/answers.ts';
import {
  type Application81a,
  export130401,
  type MissingField,
  type PostalAddress,
} from '../../domain/interop/xauslaender/fachkraefte-130401.ts';
import type { Journey } from '../../domain/journey/index.ts';
import type { Config } from '../../platform/config.ts';
import type { Database } from '../../platform/db/client.ts';
import { AppError } from '../../platform/http/errors.ts';
import { document } from '../documents/index.ts';
import { employerProfile } from '../employers/index.ts';
import { type JourneyService, journeyEvent, refusalErrorCode } from '../journey/index.ts';
import { applicantProfile, organisation, person } from '../people/index.ts';
import { isDatatypeC } from './din91379.ts';
import { type SchemaError, validateXAuslaender } from './xsd.ts';

const STEP = 'accelerated-procedure';

export type ExportResult =
  | { readonly ok: true; readonly xml: string; readonly fileName: string }
  | { readonly ok: false; readonly missing: readonly MissingField[]; readonly schemaErrors: SchemaError[] };

/**
 * The street and the "postcode town" line of `OPERATOR_ADDRESS` (lines separated by `;`, as for the imprint; a
 * comma works too): the message's author address. Null when no line starts with a five-digit postcode.
 */
export function operatorAddress(value: string | undefined): PostalAddress | null {
  const lines = (value ?? '')
    .split(/[;,]/)
    .map((l) => l.trim())
    .filter(Boolean);
  const i = lines.findIndex((l) => /^\d{5}\s+\S/.test(l));
  if (i < 1) return null;
  const town = lines[i] as string;
  return { street: lines[i - 1] as string, postcode: town.slice(0, 5), town: town.slice(5).trim() };
}

/** A name-based UUID (SHA-256, version 8 layout) so that the same journey version gives the same message id. */
function messageIdOf(journeyId: string, version: number): string {
  const h = createHash('sha256').update(`xauslaender-130401 ${journeyId} ${version}`).digest('hex');
  const variant = ((Number.parseInt(h[16] as string, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

type Settings = Pick<Config, 'OPERATOR_NAME' | 'OPERATOR_ADDRESS' | 'OPERATOR_EMAIL'>;

export function createXAuslaenderService(db: Database, journeys: JourneyService, settings: Settings) {
  /** The step-scoped read: only the office owning the § 81a step (as its caseworker) gets the journey. */
  async function readAsOwner(actor: Actor, journeyId: string, purpose: string) {
    const read = await journeys.read(actor, journeyId, purpose, { step: { kind: STEP, action: 'update' } });
    if (read.membership.role !== 'foreigners-office-caseworker') throw new AppError('not-found');
    return read;
  }

  async function gather(state: Journey, labelOf: (category: string) => string): Promise<Application81a> {
    const step = state.steps[STEP];
    const [applicant] = await db
      .select({ name: person.displayName, nationality: applicantProfile.nationality })
      .from(person)
      .leftJoin(applicantProfile, eq(applicantProfile.personId, person.id))
      .where(eq(person.id, state.applicantId));
    const employerId = state.acceleratedProcedure?.employerId ?? state.employerId;
    const [employer] = employerId
      ? await db
          .select({
            name: organisation.name,
            street: employerProfile.street,
            postcode: employerProfile.postcode,
            town: employerProfile.town,
          })
          .from(organisation)
          .leftJoin(employerProfile, eq(employerProfile.organisationId, organisation.id))
          .where(eq(organisation.id, employerId))
      : [];
    const [started] = await db
      .select({ name: person.displayName })
      .from(journeyEvent)
      .innerJoin(person, sql`${person.id}::text = ${journeyEvent.actorId}`)
      .where(
        and(eq(journeyEvent.journeyId, state.id), eq(journeyEvent.type, 'accelerated-procedure-started')),
      );
    const [reader] = step.owner
      ? await db
          .select({ name: organisation.name, ags: organisation.seatDistrictAgs })
          .from(organisation)
          .where(eq(organisation.id, step.owner))
      : [];
    const docs =
      step.documents.length === 0
        ? []
        : await db
            .select({
              id: document.id,
              fileName: document.fileName,
              mediaType: document.mediaType,
              category: document.category,
            })
            .from(document)
            .where(and(inArray(document.id, [...step.documents]), isNull(document.deletedAt)));
    const now = journeys.now();
    return {
      journeyId: state.id,
      messageId: messageIdOf(state.id, state.version),
      createdAt: now.toISOString(),
      appliedOn: state.acceleratedProcedure?.startedOn ?? null,
      pathway: state.facts.pathway,
      reader: { name: reader?.name ?? '', ags: reader?.ags ?? null, organisationId: step.owner ?? '' },
      author: {
        name: settings.OPERATOR_NAME ?? 'Chancenregion',
        email: settings.OPERATOR_EMAIL ?? null,
        address: operatorAddress(settings.OPERATOR_ADDRESS),
      },
      employer: employer
        ? {
            name: employer.name,
            address:
              employer.street && employer.postcode && employer.town
                ? { street: employer.street, postcode: employer.postcode, town: employer.town }
                : null,
          }
        : null,
      representative: started ? { name: started.name } : null,
      skilledWorker: { name: applicant?.name ?? '', nationality: applicant?.nationality ?? null },
      documents: docs.map((d) => ({ ...d, label: labelOf(d.category) })),
    };
  }

  /** Message 130401 of the journey, valid against the XSD, or what is missing for it (never an invalid file). */
  async function exportMessage(
    actor: Actor,
    journeyId: string,
    labelOf: (category: string) => string,
  ): Promise<ExportResult> {
    const read = await readAsOwner(actor, journeyId, 'export XAusländer message 130401');
    const made = export130401(await gather(read.row.state, labelOf), { textAllowed: isDatatypeC });
    if (!made.ok) return { ok: false, missing: made.missing, schemaErrors: [] };
    const verdict = await validateXAuslaender(made.xml);
    if (!verdict.valid) return { ok: false, missing: [], schemaErrors: verdict.errors };
    return { ok: true, xml: made.xml, fileName: `xauslaender-130401-${journeyId}.xml` };
  }

  /** An answering message: rejected with the validator's report when invalid; else the journey moves (all or none). */
  async function importMessage(actor: Actor, journeyId: string, xml: string) {
    const verdict = await validateXAuslaender(xml);
    if (!verdict.valid)
      throw new AppError('unprocessable', {
        detail: 'The message is not valid against the XAusländer 26.11 schema.',
        errors: verdict.errors.map((e) => ({
          field: e.element ? `xml.${e.element}` : 'xml',
          rule: 'xsd',
          message: e.line === null ? e.message : `line ${e.line}: ${e.message}`,
        })),
      });
    const answer = readAnswer(xml);
    if (answer.kind === 'not-an-answer')
      throw new AppError('unprocessable', {
        errors: [
          { field: `xml.${answer.element}`, rule: 'answer', message: 'not an answer the journey takes' },
        ],
      });
    if (answer.applicationId !== journeyId)
      throw new AppError('unprocessable', {
        errors: [{ field: 'xml.antragsidentifikation', rule: 'journey', message: 'names another journey' }],
      });
    const read = await readAsOwner(actor, journeyId, `import XAusländer ${answer.element}`);
    const inputs = commandsFor(answer, read.row.state.steps[STEP].status);
    const outcome = await journeys.commandsOutcome(actor, journeyId, inputs);
    if (outcome.ok) return { ...outcome.result.body, message: answer.element, messageId: answer.messageId };
    if ('error' in outcome) throw outcome.error;
    // The journey core refused (e.g. the step is already decided): its status, naming the refusal; nothing written.
    const code = outcome.refusal.code;
    throw new AppError(refusalErrorCode(code), {
      detail: `The journey does not take ${answer.element} now.`,
      errors: [{ field: `step.${STEP}`, rule: code, message: code }],
    });
  }

  return { exportMessage, importMessage };
}

export type XAuslaenderService = ReturnType<typeof createXAuslaenderService>;
