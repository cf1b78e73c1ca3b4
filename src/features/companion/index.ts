import type { FeaturePlugin } from '../../app-deps.ts';

export { changeOffer, offerById } from './offer-store.ts';
// The public surface of this feature: what other features and the composition root may use.
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
};
