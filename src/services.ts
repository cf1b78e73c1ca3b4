import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import {
  type AppointmentsService,
  createAppointmentsService,
  createWaitingTimes,
  type WaitingTimesService,
} from './features/appointments/index.ts';
import { eraseCompanionOf, eraseEmploymentsOf } from './features/companion/index.ts';
import { createCounsellingService } from './features/counselling/index.ts';
import {
  type ChecklistService,
  createChecklistService,
  type DocumentsDeps,
  diskStorage,
  eraseDocumentsOf,
} from './features/documents/index.ts';
import { createFairsService, type FairsService } from './features/fairs/index.ts';
import type { IdentityDeps } from './features/identity/index.ts';
import {
  type CookieNames,
  cookieNames,
  createAccessControl,
  createAfterAnswer,
} from './features/identity/index.ts';
import { createXAuslaenderService, type XAuslaenderService } from './features/interop/index.ts';
import {
  type CalendarFeeds,
  createCalendarFeeds,
  createFamilyService,
  createJourneyService,
  eraseFamilyNameOf,
  type FamilyService,
  type JourneyService,
} from './features/journey/index.ts';
import { type AnswerStore, createAnswerStore } from './features/pathways/index.ts';
import { createRegionsService, type RegionsService } from './features/regions/index.ts';
import {
  createCorrectionsService,
  createOccupationSearch,
  createRecordsService,
  createRegisterService,
  createRegistrySnapshot,
  lazySigningKey,
  type OccupationSearch,
  type RecordsService,
  type RegisterService,
  type RegistrySnapshotSource,
  type SigningKey,
} from './features/registry/index.ts';
import { createStatistics, type StatisticsService } from './features/statistics/index.ts';
import { createWebhookSettings, type WebhookSettings } from './features/webhooks/index.ts';
import type { Config } from './platform/config.ts';
import type { DatabaseHandle } from './platform/db/client.ts';
import type { ErasureHook } from './platform/erasure.ts';
import type { AccessControl } from './platform/http/policy.ts';
import { createMailer, type Mailer } from './platform/mail/mailer.ts';

/** Every service of the app, each built once by `createServices` and shared by the features that use it. */
export interface Services {
  /** The one clock: every service and page reads the time from here. */
  readonly now: () => Date;
  readonly mailer: Mailer;
  /** The one registry snapshot: a correction invalidates it for the finders, the journeys and the admin pages alike. */
  readonly registry: RegistrySnapshotSource;
  /** The typo-tolerant occupation search, answered from the registry snapshot in memory. */
  readonly occupationSearch: OccupationSearch;
  readonly regions: RegionsService;
  readonly signingKey: () => SigningKey;
  readonly records: RecordsService;
  readonly register: RegisterService;
  readonly corrections: ReturnType<typeof createCorrectionsService>;
  readonly cookieNames: CookieNames;
  readonly identity: IdentityDeps;
  /** Authenticates every request and enforces route policies; installed on the root instance. */
  readonly access: AccessControl;
  readonly documents: DocumentsDeps;
  /** The standard document checklists (current versions kept in memory; an edit drops them). */
  readonly checklists: ChecklistService;
  readonly journeys: JourneyService;
  readonly family: FamilyService;
  /** Private calendar addresses of deadlines and work queues (issue 20). */
  readonly calendarFeeds: CalendarFeeds;
  readonly xauslaender: XAuslaenderService;
  /** Joint virtual job fairs (issue 16, V4); the hand-off opens journeys through `journeys`. */
  readonly fairs: FairsService;
  readonly counselling: ReturnType<typeof createCounsellingService>;
  readonly appointments: AppointmentsService;
  /** The published waiting times per office: computed by a job, stored, held in memory (waiting-store.ts). */
  readonly waiting: WaitingTimesService;
  /** The published statistics: a rollup refreshed by a job, read and disclosure-controlled (issue 19). */
  readonly statistics: StatisticsService;
  readonly answers: AnswerStore;
  /** Signed webhooks of organisations (issue 20): the seal key of the secrets and the delivery settings. */
  readonly webhooks: WebhookSettings;
  /** What a granted erasure request erases beyond the account, in this order (declared here, not by registration). */
  readonly erasure: readonly ErasureHook[];
}

/**
 * The composition root's service half (ADR 0015): builds every service once, in dependency order, with one
 * clock. Features receive them through `FeatureOptions` and build none of their own.
 */
export function createServices(
  config: Config,
  database: DatabaseHandle,
  now: () => Date,
  log: FastifyBaseLogger,
): Services {
  const db = database.db;
  const mailer = createMailer({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM });
  const registry = createRegistrySnapshot(db);
  const signingKey = lazySigningKey(config);
  const documents: DocumentsDeps = {
    db,
    storage: diskStorage(path.join(config.DATA_DIR, 'documents')),
    now,
    maxBytes: config.DOCUMENT_MAX_BYTES,
  };
  // Declared order: the documents (their files deleted after the commit), then the name in families.
  const erasure: readonly ErasureHook[] = Object.freeze([
    (tx, personId) => eraseDocumentsOf(tx, documents.storage, personId),
    eraseFamilyNameOf,
    eraseCompanionOf,
    eraseEmploymentsOf,
  ]);
  const identity: IdentityDeps = {
    db,
    mailer,
    now,
    baseUrl: config.PUBLIC_URL?.replace(/\/$/, '') ?? `http://${config.HOST}:${config.PORT}`,
    erasureHooks: erasure,
    afterAnswer: createAfterAnswer(log),
  };
  const names = cookieNames(config);
  const checklists = createChecklistService(db, { now });
  const journeys = createJourneyService(db, {
    now,
    registry,
    deadlines: { nearBreachDays: config.DEADLINE_NEAR_BREACH_DAYS },
    idempotencyTtlHours: config.IDEMPOTENCY_KEY_TTL_HOURS,
  });
  return {
    now,
    mailer,
    registry,
    occupationSearch: createOccupationSearch(registry),
    regions: createRegionsService(db),
    signingKey,
    records: createRecordsService(db, signingKey, { now }),
    register: createRegisterService(db, now),
    corrections: createCorrectionsService(db, () => registry.invalidate(), now),
    cookieNames: names,
    identity,
    access: createAccessControl(identity, names, {
      tokenRequestsPerMinute: config.RATE_LIMIT_PER_MINUTE * 20,
    }),
    documents,
    checklists,
    journeys,
    family: createFamilyService(journeys, identity),
    calendarFeeds: createCalendarFeeds(db, now, {
      baseUrl: identity.baseUrl,
      nearBreachDays: config.DEADLINE_NEAR_BREACH_DAYS,
    }),
    xauslaender: createXAuslaenderService(db, journeys, config),
    fairs: createFairsService(db, journeys),
    counselling: createCounsellingService(db),
    appointments: createAppointmentsService(db, config.COOKIE_SECRET, mailer, checklists),
    waiting: createWaitingTimes(db, now, { nearBreachDays: config.DEADLINE_NEAR_BREACH_DAYS }),
    statistics: createStatistics(db, now),
    answers: createAnswerStore(db, now),
    webhooks: createWebhookSettings(config),
    erasure,
  };
}
