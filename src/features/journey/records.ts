/**
 * A positive (or partial) recognition decision issues the registry's recognition record (docs/registry.md):
 * signed, verifiable by code. The record is issued right after the decision's transaction commits (the records
 * service runs its own); the decision's input is validated first, so a bad record stops the decision.
 */
import type { Actor } from '../../domain/access/policy.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { RecordsService } from '../registry/index.ts';
import type { RecordInput } from './input.ts';
import type { JourneyService } from './service.ts';

export function requireRecord(due: { record: RecordInput | undefined } | null): void {
  if (due !== null && due.record === undefined) {
    throw new AppError('validation-failed', {
      detail: 'A positive or partial recognition decision issues the recognition record: send its data.',
      errors: [
        {
          field: 'body.record',
          rule: 'required',
          message: 'is required for a positive or partial recognition',
        },
      ],
    });
  }
}

/** Issues the record for the decided recognition step of a journey; returns its verification code. */
export async function issueRecord(
  service: JourneyService,
  records: RecordsService,
  actor: Actor,
  journeyId: string,
  due: { outcome: 'positive' | 'partial'; record: RecordInput },
): Promise<string> {
  const read = await service.read(actor, journeyId, 'issue the recognition record');
  const owner = read.row.state.steps.recognition.owner;
  const authority = owner ? (read.organisations.get(owner)?.name ?? owner) : 'unknown';
  const r = due.record;
  const issued = await records.issue(
    { personId: actor.personId, role: read.membership.role, organisationId: read.membership.organisationId },
    {
      person: { name: read.applicantName, birthDate: r.birthDate },
      profession: { title: r.professionTitle, key: r.professionKey, kldb: r.kldb },
      equivalence: due.outcome === 'positive' ? 'full' : 'partial',
      adjustmentMeasures: r.adjustmentMeasures,
      authority,
      legalBasis: r.legalBasis,
      decisionDate: service.now().toISOString().slice(0, 10),
      issuingState: read.row.targetStateCode,
      noticeReference: r.noticeReference,
    },
  );
  return issued.code;
}
