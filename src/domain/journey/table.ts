/**
 * The state machine table, generated from `decide` itself: for every step status and step command, what the
 * command does when the allowed role issues it (the new status, or the refusal code). docs/journey.md embeds the
 * Markdown rendering; a test keeps the two in step.
 */

import type { Actor, Command, JourneyEvent } from './commands-events.ts';
import { decide } from './decide.ts';
import { INITIAL_STATE, replay } from './evolve.ts';
import { lawParameters } from './parameters.ts';
import { rolesFor, STEP_ROLES } from './roles.ts';
import type { JourneyFacts, JourneyState, Now, Role, StepKind, StepStatus } from './types.ts';
import { STEP_STATUSES } from './types.ts';

const KIND: StepKind = 'recognition';
const APPLICANT: Actor = { role: 'applicant', id: 'applicant' };
const OWNER = 'owner-organisation';
const NOW: Now = { at: '2026-03-02T09:00:00.000Z', date: '2026-03-02' };
const FACTS: JourneyFacts = {
  pathway: 'aufenthg-18a',
  qualification: { kind: 'vocational', regulation: 'federal' },
  employerUses81a: false,
  location: 'abroad',
};

function actor(role: Role): Actor {
  return role === 'applicant' ? APPLICANT : { role, id: role, organisationId: OWNER };
}

export const TABLE_COMMANDS = [
  'submit',
  'start-review',
  'request-documents',
  'submit-documents',
  'documents-complete',
  'attach-documents',
  'decide',
  'withdraw',
  'assign-owner',
] as const;
type TableCommand = (typeof TABLE_COMMANDS)[number];

function command(type: TableCommand): Command {
  const role = rolesFor(type, KIND)[0] as Role;
  const a = actor(role);
  switch (type) {
    case 'assign-owner':
      return { type, actor: a, step: KIND, owner: OWNER };
    case 'request-documents':
      return { type, actor: a, step: KIND, missing: ['translation'] };
    case 'submit-documents':
    case 'attach-documents':
      return { type, actor: a, step: KIND, documents: ['document'] };
    case 'decide':
      return { type, actor: a, step: KIND, outcome: 'positive' };
    default:
      return { type, actor: a, step: KIND };
  }
}

function apply(state: JourneyState, c: Command): JourneyState {
  const d = decide(state, c, NOW, lawParameters);
  if ('refusal' in d) throw new Error(`table fixture: ${c.type} refused (${d.refusal.code})`);
  return replay(d.events as JourneyEvent[], state);
}

/** A journey whose recognition step is in `status`. */
function journeyWith(status: StepStatus): JourneyState {
  const facts: JourneyFacts =
    status === 'not-required'
      ? { ...FACTS, qualification: { kind: 'academic', regulation: 'not-regulated' } }
      : FACTS;
  const opened = apply(INITIAL_STATE, {
    type: 'open-journey',
    actor: APPLICANT,
    journeyId: 'journey',
    facts,
    owners: { [KIND]: OWNER },
  });
  const path: Record<StepStatus, TableCommand[]> = {
    'not-required': [],
    'not-started': [],
    submitted: ['submit'],
    'in-review': ['submit', 'start-review'],
    'waiting-for-applicant': ['submit', 'start-review', 'request-documents'],
    decided: ['submit', 'decide'],
    withdrawn: ['withdraw'],
  };
  return path[status].reduce((s, t) => apply(s, command(t)), opened);
}

/** What `type` does to a step in `status`: the resulting status or `✗ <refusal code>`. */
export function tableCell(status: StepStatus, type: TableCommand): string {
  const state = journeyWith(status);
  const d = decide(state, command(type), NOW, lawParameters);
  if ('refusal' in d) return `✗ ${d.refusal.code}`;
  const after = replay(d.events as JourneyEvent[], state);
  if (after.status !== 'open') return '?';
  const next = after.steps[KIND].status;
  return next === status ? `= ${status}` : `→ ${next}`;
}

function rolesLabel(type: TableCommand): string {
  if (type === 'assign-owner') return 'applicant, counsellor';
  if (type === 'withdraw') return 'applicant, submitters';
  const sample = rolesFor(type, KIND);
  return sample.includes(STEP_ROLES[KIND].owner) ? 'owner role' : 'submitters';
}

/** The Markdown table: one row per command, one column per status. */
export function stateMachineTable(): string {
  const header = `| command (who) | ${STEP_STATUSES.join(' | ')} |`;
  const rule = `| --- | ${STEP_STATUSES.map(() => '---').join(' | ')} |`;
  const rows = TABLE_COMMANDS.map(
    (type) =>
      `| \`${type}\` (${rolesLabel(type)}) | ${STEP_STATUSES.map((s) => tableCell(s, type)).join(' | ')} |`,
  );
  return [header, rule, ...rows].join('\n');
}

/** The Markdown table of roles per step kind. */
export function stepRolesTable(): string {
  const rows = Object.entries(STEP_ROLES).map(
    ([kind, r]) => `| \`${kind}\` | ${r.submitters.join(', ')} | ${r.owner} | ${r.outcomes.join(', ')} |`,
  );
  return ['| step | submitters | owner role | outcomes |', '| --- | --- | --- | --- |', ...rows].join('\n');
}
