/**
 * THE policy table: role × action × resource → the relations of the object to the actor under which the role
 * may do it. The vocabulary (relations, resources, actions) and `decide` are in policy.ts.
 */
import type { Action, Resource } from './policy.ts';
import { everyone, OWN, type Rules } from './policy-rules.ts';
import { COMPANION_RULES } from './policy-table-companion.ts';
import { FAIR_RULES } from './policy-table-fairs.ts';
import { INTEROP_RULES } from './policy-table-interop.ts';
import { EMPLOYER_AND_STATES_RULES } from './policy-table-states.ts';

export type { Rules };
export type PolicyTable = Readonly<Record<Resource, Partial<Record<Action, Rules>>>>;

/** Staff of a service point that gives appointments: a mission, a foreigners' office, a counselling centre. */
const POINT_STAFF: Rules = {
  'mission-officer': ['own-organisation'],
  'foreigners-office-caseworker': ['own-organisation'],
  counsellor: ['own-organisation'],
};

export const POLICY: PolicyTable = {
  /** One's own account: profile, roles, data export. */
  account: {
    read: everyone(OWN),
    update: everyone(OWN),
    export: everyone(OWN),
  },
  /** One's own sign-in sessions. */
  session: {
    read: everyone(OWN),
    /** Administrators may end anyone's sessions (ASVS 7.4.5), e.g. of a stolen device. */
    revoke: { ...everyone(OWN), administrator: ['own', 'other'] },
    'sign-out': everyone(OWN),
  },
  /** "Wer hat meine Daten gesehen?": the audit entries about oneself. */
  'access-log': {
    read: everyone(OWN),
  },
  /** Consent to share one's data with an organisation: only the person concerned decides. */
  consent: {
    read: { applicant: OWN, 'family-member': OWN },
    grant: { applicant: OWN, 'family-member': OWN },
    withdraw: { applicant: OWN, 'family-member': OWN },
  },
  /** An applicant's personal data (name, residence, country). */
  'applicant-profile': {
    read: {
      applicant: OWN,
      'family-member': OWN,
      'employer-admin': ['own', 'own-organisation', 'shared-by-consent'],
      'employer-member': ['own', 'shared-by-consent'],
      counsellor: ['own', 'shared-by-consent'],
      'recognition-officer': ['own', 'shared-by-consent'],
      'foreigners-office-caseworker': ['own', 'within-jurisdiction'],
      'mission-officer': ['own', 'within-jurisdiction'],
      'employment-agency-officer': ['own', 'shared-by-consent'],
      'ministry-officer': OWN,
      administrator: OWN,
    },
    update: { applicant: OWN, 'family-member': OWN },
  },
  /** The directory of organisations (no personal data). */
  organisation: {
    read: everyone(['own', 'own-organisation', 'within-jurisdiction', 'shared-by-consent', 'other']),
    create: { administrator: ['other'] },
    /** Its jurisdiction (from the reference data); administrators only. */
    update: { administrator: ['other'] },
  },
  /** Who holds which role in which organisation. */
  'role-assignment': {
    create: { administrator: ['own-organisation', 'other'], 'employer-admin': ['own-organisation'] },
    revoke: { administrator: ['own-organisation', 'other'], 'employer-admin': ['own-organisation'] },
  },
  /** A request to erase one's account; an administrator handles it (audit entries are kept, by law). */
  'erasure-request': {
    create: everyone(OWN),
    read: { administrator: ['own', 'other'] },
    update: { administrator: ['other'] },
  },
  /** Mails written to the outbox when no SMTP server is configured. */
  outbox: {
    read: { administrator: ['other'] },
  },
  /**
   * A journey (issue 7): the applicant's own; the employer it names (invited or § 81a); a counsellor with
   * consent; an authority that owns one of its steps (own-organisation). Commands are `update`; the journey core
   * then decides which command the role may issue on which step. The principal opens and follows the linked
   * journeys of their family members (family) but does not act on them: each family member acts on their own.
   */
  journey: {
    read: {
      applicant: ['own', 'family'],
      'family-member': ['own', 'family'],
      'employer-admin': ['own-organisation'],
      'employer-member': ['own-organisation'],
      counsellor: ['shared-by-consent'],
      'recognition-officer': ['own-organisation'],
      'foreigners-office-caseworker': ['own-organisation'],
      'mission-officer': ['own-organisation'],
      'employment-agency-officer': ['own-organisation'],
    },
    create: { applicant: ['own', 'family'], 'family-member': ['own', 'family'] },
    update: {
      applicant: OWN,
      'family-member': OWN,
      'employer-admin': ['own-organisation'],
      'employer-member': ['own-organisation'],
      counsellor: ['shared-by-consent'],
      'recognition-officer': ['own-organisation'],
      'foreigners-office-caseworker': ['own-organisation'],
      'mission-officer': ['own-organisation'],
      'employment-agency-officer': ['own-organisation'],
    },
  },
  /**
   * One step of a journey as its step page shows it (the step's documents, the owner's form). Relations are those
   * of the step, not of the journey: **own-organisation** is the organisation that owns this step (an authority,
   * the counselling centre for orientation and integration, the invited employer for the job offer), not the
   * employer the journey names nor an authority owning another step. The reader also needs `journey × read`. The
   * applicant reads their own steps; a counsellor with consent reads them without the owner's form and sees only
   * the documents shared with the centre; an employer, the principal of a family journey and an authority owning
   * another step get 404. `update` is the owner's form (the core then checks the owner again, `not-the-owner`).
   */
  'journey-step': {
    read: {
      applicant: OWN,
      'family-member': OWN,
      'employer-admin': ['own-organisation'],
      'employer-member': ['own-organisation'],
      counsellor: ['own-organisation', 'shared-by-consent'],
      'recognition-officer': ['own-organisation'],
      'foreigners-office-caseworker': ['own-organisation'],
      'mission-officer': ['own-organisation'],
      'employment-agency-officer': ['own-organisation'],
    },
    update: {
      'employer-admin': ['own-organisation'],
      'employer-member': ['own-organisation'],
      counsellor: ['own-organisation'],
      'recognition-officer': ['own-organisation'],
      'foreigners-office-caseworker': ['own-organisation'],
      'mission-officer': ['own-organisation'],
      'employment-agency-officer': ['own-organisation'],
    },
  },
  /** An authority's work queue: the steps its organisation owns. */
  'work-queue': {
    read: {
      'recognition-officer': ['own-organisation'],
      'foreigners-office-caseworker': ['own-organisation'],
      'mission-officer': ['own-organisation'],
      'employment-agency-officer': ['own-organisation'],
    },
  },
  /**
   * An applicant's uploaded document (src/features/documents). Others read it only while the owner
   * shares it with their organisation under a consent that is not withdrawn; jurisdiction alone
   * never opens a document, not even for authorities.
   */
  document: {
    read: {
      applicant: OWN,
      'family-member': OWN,
      'employer-admin': ['shared-by-consent'],
      'employer-member': ['shared-by-consent'],
      counsellor: ['shared-by-consent'],
      'recognition-officer': ['shared-by-consent'],
      'foreigners-office-caseworker': ['shared-by-consent'],
      'mission-officer': ['shared-by-consent'],
      'employment-agency-officer': ['shared-by-consent'],
    },
    create: { applicant: OWN, 'family-member': OWN },
    delete: { applicant: OWN, 'family-member': OWN },
    share: { applicant: OWN, 'family-member': OWN },
  },
  /** Corrections of reference data (authorities, occupations, missions …), with history. */
  'registry-entry': {
    update: { administrator: ['other'] },
  },
  /**
   * A signed recognition record (issue 6): issued and withdrawn by recognition officers, recorded
   * for their own authority or, for an existing paper notice, for the authority that issued it.
   */
  'recognition-record': {
    create: { 'recognition-officer': ['own-organisation', 'other'] },
    withdraw: { 'recognition-officer': ['own-organisation', 'other'] },
  },
  /** Whether a recognition from one state counts in another: maintained by the ministries. */
  'mutual-recognition-register': {
    update: { 'ministry-officer': ['within-jurisdiction', 'other'] },
  },
  /**
   * The § 104c companion (issue 18): the permit dates and facts a holder keeps about themself, with the engine's
   * conditions on them. The person reads and keeps their own; a counsellor reads it while the person consents
   * to the counselling centre.
   */
  companion: {
    read: { applicant: OWN, counsellor: ['shared-by-consent'] },
    update: { applicant: OWN },
  },
  /** A counselling centre's own cases, anonymous or linked by consent (issue 7, agreement V2.1). */
  'counselling-case': {
    read: { counsellor: ['own-organisation'] },
    create: { counsellor: ['own-organisation'] },
    update: { counsellor: ['own-organisation'] },
  },
  /**
   * The counselling cases of all centres counted per state, topic and outcome (issue 19, V2.1): aggregate counts
   * under the disclosure rule, no personal data; every ministry officer of the six states reads every state's.
   */
  'counselling-rollup': {
    read: { 'ministry-officer': ['within-jurisdiction', 'other'] },
  },
  /** What a service point offers and its capacity calendar: kept by its own staff (issue 15). */
  'appointment-calendar': {
    read: POINT_STAFF,
    update: POINT_STAFF,
  },
  /**
   * A request for an appointment: the person files, accepts, declines or withdraws their own; the service point's
   * staff check its documents, run the allocation and record attendance.
   */
  'appointment-request': {
    create: { applicant: OWN },
    read: { applicant: OWN, ...POINT_STAFF },
    update: { applicant: OWN, ...POINT_STAFF },
  },
  /** An office's workload (issue 15, V2.3): aggregate figures of its own organisation, no personal data. */
  'office-workload': {
    read: {
      'recognition-officer': ['own-organisation'],
      'foreigners-office-caseworker': ['own-organisation'],
      'mission-officer': ['own-organisation'],
    },
  },
  /**
   * An office's staff numbers (full-time caseworkers from a day on, with history): kept by its own staff; read by
   * them and by the ministry officers of the office's state (the staffing calculator).
   */
  'office-staffing': {
    read: {
      'recognition-officer': ['own-organisation'],
      'foreigners-office-caseworker': ['own-organisation'],
      'mission-officer': ['own-organisation'],
      'ministry-officer': ['within-jurisdiction'],
    },
    update: {
      'recognition-officer': ['own-organisation'],
      'foreigners-office-caseworker': ['own-organisation'],
      'mission-officer': ['own-organisation'],
    },
  },
  /**
   * The staffing calculator over the offices of a state (aggregate figures, nothing stored): ministry officers,
   * for their own state (within-jurisdiction) or all six states (other).
   */
  'staffing-plan': {
    read: { 'ministry-officer': ['within-jurisdiction', 'other'] },
  },
  /**
   * The standard document checklists per residence title and step that all six states share (issue 15, V2.3
   * "Vereinheitlichung"): reference data, no personal data; read by everyone (the journey's step pages, the ready
   * check), edited with history by ministry officers.
   */
  'document-checklists': {
    read: everyone(['other']),
    update: { 'ministry-officer': ['other'] },
  },
  /**
   * One's own private calendar address (issue 20): its deadlines, or the work queue of one's authority. Fetching it
   * reads under the person's own memberships, audited like the pages that show the same.
   */
  'calendar-feed': {
    read: everyone(OWN),
    create: everyone(OWN),
    revoke: everyone(OWN),
  },
  ...EMPLOYER_AND_STATES_RULES,
  ...FAIR_RULES,
  ...COMPANION_RULES,
  ...INTEROP_RULES,
};
