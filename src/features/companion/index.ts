import type { FeaturePlugin } from '../../app-deps.ts';

// The public surface of this feature: what other features and the composition root may use.
export { COMPANION_EMPLOYMENT_PATHS } from './employment/paths.ts';
export { companionEmployment } from './employment/schema.ts';
export { eraseEmploymentsOf } from './employment/service.ts';
export { changeOffer, offerById } from './offer-store.ts';
export { COMPANION_PATHS } from './paths.ts';
export { EXPIRY_REMINDER_JOB, expiryReminderJob, sendExpiryReminders } from './reminders.ts';
export { companionHolder, companionReminder, supportOffer } from './schema.ts';
export { seedSupportOffers } from './seed.ts';
export { companionHoldersConsentingTo, eraseCompanionOf } from './service.ts';
export { transitionOf } from './transition.ts';

/** The § 104c companion (issue 18): support offers, the holder's clock and conditions, as a feature plugin. */
export const companionPlugin: FeaturePlugin = async (app, { deps, services }) => {
  const { registerCompanion } = await import('./routes.tsx');
  registerCompanion(app, deps, services);
  const { registerCompanionEmployment } = await import('./employment/routes.tsx');
  registerCompanionEmployment(app, deps);
  const { registerCompanionStatistics } = await import('./statistics/routes.tsx');
  registerCompanionStatistics(app, deps);
};
