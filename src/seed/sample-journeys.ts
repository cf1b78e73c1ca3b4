/** Typical facts of demo and synthetic journeys, and the scripted way each demo journey walks a prefix of. */
import type { JourneyFacts } from '../domain/journey/index.ts';
import type { StepCommandInput } from '../features/journey/index.ts';

/** Typical facts of demo and synthetic journeys (shared with seed --scale). */
export const SAMPLE_FACTS: readonly JourneyFacts[] = [
  {
    pathway: 'aufenthg-18a',
    qualification: { kind: 'vocational', regulation: 'federal' },
    employerUses81a: false,
    location: 'abroad',
  },
  {
    pathway: 'aufenthg-18b',
    qualification: { kind: 'academic', regulation: 'not-regulated' },
    employerUses81a: false,
    location: 'abroad',
  },
  {
    pathway: 'aufenthg-18a',
    qualification: { kind: 'vocational', regulation: 'state' },
    employerUses81a: false,
    location: 'abroad',
  },
  {
    pathway: 'aufenthg-16d-1',
    qualification: { kind: 'vocational', regulation: 'federal' },
    employerUses81a: false,
    location: 'germany',
  },
];

/** The occupation of a demo or synthetic journey: titles the registry knows (nurse, software developer). */
export function sampleOccupation(facts: JourneyFacts): string {
  return facts.qualification.kind === 'academic' ? 'Softwareentwicklerin' : 'Pflegefachkraft';
}

export type Step = { who: string; command: StepCommandInput; days: number };

/** The whole way, in order; each demo journey walks a prefix of it (refused commands are skipped). */
export function demoScript(employerId: string): Step[] {
  const s = (who: string, days: number, command: StepCommandInput): Step => ({ who, days, command });
  return [
    s('applicant', 1, { type: 'submit', step: 'orientation' }),
    s('counsellor', 3, { type: 'decide', step: 'orientation', outcome: 'positive' }),
    s('applicant', 2, { type: 'invite-employer', employerId }),
    s('applicant', 0, { type: 'submit', step: 'job-offer' }),
    s('employer', 2, { type: 'decide', step: 'job-offer', outcome: 'positive' }),
    s('employer', 3, { type: 'start-accelerated-procedure', powerOfAttorney: true }),
    s('applicant', 2, { type: 'submit', step: 'recognition' }),
    s('applicant', 0, { type: 'submit', step: 'zab-statement' }),
    s('recognition-officer', 9, { type: 'start-review', step: 'recognition' }),
    s('recognition-officer', 0, { type: 'start-review', step: 'zab-statement' }),
    s('recognition-officer', 4, {
      type: 'request-documents',
      step: 'recognition',
      missing: ['Beglaubigte Übersetzung des Abschlusszeugnisses'],
    }),
    s('applicant', 12, {
      type: 'submit-documents',
      step: 'recognition',
      documents: ['00000000-0000-4000-8000-000000000001'],
    }),
    s('recognition-officer', 3, { type: 'documents-complete', step: 'recognition' }),
    s('recognition-officer', 30, {
      type: 'decide',
      step: 'recognition',
      outcome: 'positive',
      reason: 'Gleichwertigkeit festgestellt.',
    }),
    s('recognition-officer', 0, { type: 'decide', step: 'zab-statement', outcome: 'positive' }),
    s('foreigners-office-caseworker', 0, {
      type: 'record-fee-payment',
      reference: 'Kassenzeichen 81A-2026-0042',
    }),
    s('foreigners-office-caseworker', 6, {
      type: 'decide',
      step: 'accelerated-procedure',
      outcome: 'positive',
      reason: 'Vorabzustimmung erteilt.',
    }),
    s('employer', 1, { type: 'submit', step: 'ba-approval' }),
    s('employment-agency-officer', 5, { type: 'decide', step: 'ba-approval', outcome: 'positive' }),
    s('applicant', 2, { type: 'submit', step: 'visa-appointment' }),
    s('mission-officer', 10, { type: 'decide', step: 'visa-appointment', outcome: 'positive' }),
    s('applicant', 7, { type: 'submit', step: 'visa-decision' }),
    s('mission-officer', 2, { type: 'start-review', step: 'visa-decision' }),
    s('mission-officer', 1, { type: 'documents-complete', step: 'visa-decision' }),
    s('mission-officer', 12, { type: 'decide', step: 'visa-decision', outcome: 'positive' }),
    s('applicant', 20, { type: 'submit', step: 'entry-registration' }),
    s('foreigners-office-caseworker', 3, { type: 'decide', step: 'entry-registration', outcome: 'positive' }),
    s('applicant', 5, { type: 'submit', step: 'residence-permit' }),
    s('foreigners-office-caseworker', 20, {
      type: 'decide',
      step: 'residence-permit',
      outcome: 'positive',
      reason: 'Aufenthaltserlaubnis erteilt.',
    }),
    s('applicant', 3, { type: 'submit', step: 'integration' }),
    s('counsellor', 30, { type: 'decide', step: 'integration', outcome: 'positive' }),
  ];
}
