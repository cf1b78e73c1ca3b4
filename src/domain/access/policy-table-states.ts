/**
 * The part of THE policy table (policy-table.ts) for employers and for the states' shared workspace (issues 16
 * and 17): kept in its own file so that each stays readable; policy-table.ts spreads it into `POLICY`.
 */
import { everyone, OWN } from './policy-rules.ts';
import type { PolicyTable } from './policy-table.ts';

export const EMPLOYER_AND_STATES_RULES = {
  /**
   * An employer's registration (issue 16): any signed-in person registers one and becomes its employer
   * administrator; its members read it; ministry officers of every state read it with its trust level (other).
   */
  employer: {
    create: everyone(OWN),
    read: {
      'employer-admin': ['own-organisation'],
      'employer-member': ['own-organisation'],
      'ministry-officer': ['within-jurisdiction', 'other'],
    },
    /** Completing the registration of an employer organisation that has none: its administrator. */
    update: { 'employer-admin': ['own-organisation'] },
  },
  /**
   * An employer's invitation of a candidate by email (issue 16): written and listed by the employer's people; the
   * candidate (an applicant holding the mailed link) answers it.
   */
  'employer-invitation': {
    create: { 'employer-admin': ['own-organisation'], 'employer-member': ['own-organisation'] },
    read: { 'employer-admin': ['own-organisation'], 'employer-member': ['own-organisation'] },
    update: { applicant: OWN },
  },
  /**
   * The check of an employer by a state's ministry: the officers of the state of the employer's district see the
   * queue and confirm, refuse or withdraw (with a reason); every other state's officers only read the trust level.
   */
  'employer-confirmation': {
    read: { 'ministry-officer': ['within-jurisdiction'] },
    update: { 'ministry-officer': ['within-jurisdiction'] },
  },
  /**
   * A job ad (issue 16): the employer administrators and members of the ad's organisation write their own ads
   * (draft, publish, pause) and read them in every state; a published ad of a confirmed employer is public (the
   * search and the ad page are public routes and read nothing personal).
   */
  'job-ad': {
    create: { 'employer-admin': ['own-organisation'], 'employer-member': ['own-organisation'] },
    read: { 'employer-admin': ['own-organisation'], 'employer-member': ['own-organisation'] },
    update: { 'employer-admin': ['own-organisation'], 'employer-member': ['own-organisation'] },
  },
  /**
   * A support offer of the companion's directory (issue 18): reference data, read by everyone on the public pages (a
   * public route, not a rule). The platform's administrators keep every offer (other); a state's ministry officers
   * keep the offers placed in their state, of whatever level (within-jurisdiction); nationwide offers are the
   * administrators'. Each change is a version with who, when and why.
   */
  'support-offer': {
    read: { administrator: ['other'], 'ministry-officer': ['within-jurisdiction'] },
    create: { administrator: ['other'], 'ministry-officer': ['within-jurisdiction'] },
    update: { administrator: ['other'], 'ministry-officer': ['within-jurisdiction'] },
  },
  /**
   * An activity of a state to win international workers (issue 17, V4): recorded and changed by the ministry
   * officers of that state (within-jurisdiction); read, with its contact, by the officers of all six states (other).
   * Entries a state marks public are also shown without sign-in, without the contact (a public route, not a rule).
   */
  'state-activity': {
    read: { 'ministry-officer': ['within-jurisdiction', 'other'] },
    create: { 'ministry-officer': ['within-jurisdiction'] },
    update: { 'ministry-officer': ['within-jurisdiction'] },
  },
  /**
   * A joint project of states and its cost split (issue 17): every state's ministry officers read it (other); an
   * officer of a participating state (within-jurisdiction) creates it and recalculates its split.
   */
  'joint-project': {
    read: { 'ministry-officer': ['within-jurisdiction', 'other'] },
    create: { 'ministry-officer': ['within-jurisdiction'] },
    update: { 'ministry-officer': ['within-jurisdiction'] },
  },
  /**
   * One's own talent pool profile (issue 16, V4): only the applicant writes, reads and withdraws it.
   */
  'pool-profile': {
    read: { applicant: OWN },
    update: { applicant: OWN },
    withdraw: { applicant: OWN },
  },
  /**
   * The search of the talent pool: employer people (the service admits only those of a confirmed employer) and
   * ministry officers read the released facts of profiles in their state's pool (other); every row read is audited.
   */
  'pool-search': {
    read: {
      'employer-admin': ['other'],
      'employer-member': ['other'],
      'ministry-officer': ['other'],
    },
  },
  /**
   * A contact request to a pool profile: sent by those who may search, listed by their own organisation; the
   * applicant reads their own requests and answers them (reveal or decline).
   */
  'pool-contact': {
    create: {
      'employer-admin': ['other'],
      'employer-member': ['other'],
      'ministry-officer': ['other'],
    },
    read: {
      applicant: OWN,
      'employer-admin': ['own-organisation'],
      'employer-member': ['own-organisation'],
      'ministry-officer': ['own-organisation'],
    },
    update: { applicant: OWN },
  },
  /** A participating state's answer to a joint project and its split: only the officers of that state. */
  'joint-project-agreement': { update: { 'ministry-officer': ['within-jurisdiction'] } },
  /**
   * A joint draft for a conference (issue 17): every state's ministry officers read it and export it (other); an
   * officer of a participating state (within-jurisdiction) starts it, adds versions and comments on paragraphs.
   */
  'joint-draft': {
    read: { 'ministry-officer': ['within-jurisdiction', 'other'] },
    export: { 'ministry-officer': ['within-jurisdiction', 'other'] },
    create: { 'ministry-officer': ['within-jurisdiction'] },
    update: { 'ministry-officer': ['within-jurisdiction'] },
  },
  /** A participating state's sign-off on a draft's current version: only the officers of that state. */
  'joint-draft-sign-off': { update: { 'ministry-officer': ['within-jurisdiction'] } },
} satisfies Partial<PolicyTable>;

/** Who manages an organisation's webhooks (issue 20): administrators, and a service authority's own officers. */
export const WEBHOOK_RULES = {
  administrator: ['own-organisation', 'other'],
  'recognition-officer': ['own-organisation'],
  'foreigners-office-caseworker': ['own-organisation'],
  'mission-officer': ['own-organisation'],
  'employment-agency-officer': ['own-organisation'],
} as const;
