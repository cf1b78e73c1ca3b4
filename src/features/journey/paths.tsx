/** Where the journey's pages live (German and English paths), and the links other pages make to them. */
import type { ViewContext } from '../../web/context.ts';
import { localizedUrl } from '../../web/paths.ts';

export const JOURNEY_PATHS = {
  mine: { de: '/mein-weg', en: '/my-journey' },
  journey: { de: '/wege/:id', en: '/journeys/:id' },
  command: { de: '/wege/:id/befehl', en: '/journeys/:id/command' },
  step: { de: '/wege/:id/schritte/:step', en: '/journeys/:id/steps/:step' },
  employer: { de: '/arbeitgeber/wege', en: '/employer/journeys' },
  counsellor: { de: '/beratung/wege', en: '/counselling/journeys' },
  queue: { de: '/behoerde/arbeitsliste', en: '/authority/work-queue' },
  addFamily: { de: '/wege/:id/familie/neu', en: '/journeys/:id/family/new' },
  calendar: { de: '/fristen-im-kalender', en: '/deadlines-in-your-calendar' },
} as const;

/** The XAusländer message 130401 of a journey, for the office owning its § 81a step (the interop feature serves it). */
export const XAUSLAENDER_FILE_PATHS = {
  de: '/wege/:id/xauslaender.xml',
  en: '/journeys/:id/xauslaender.xml',
} as const;

export const href = (
  ctx: ViewContext,
  key: keyof typeof JOURNEY_PATHS,
  params: Record<string, string> = {},
) => localizedUrl(JOURNEY_PATHS[key], ctx.locale, params);

/** Links to the journey pages a person's roles open (for the account page; the navigation is the same for all). */
export function JourneyLinks({ ctx, roles }: { ctx: ViewContext; roles: readonly string[] }) {
  const { t } = ctx;
  const links: { key: keyof typeof JOURNEY_PATHS; label: string }[] = [];
  if (roles.some((r) => r === 'applicant' || r === 'family-member'))
    links.push({ key: 'mine', label: t.t('journeys.nav.mine') });
  if (roles.some((r) => r === 'employer-admin' || r === 'employer-member'))
    links.push({ key: 'employer', label: t.t('journeys.employer.title') });
  if (roles.includes('counsellor'))
    links.push({ key: 'counsellor', label: t.t('journeys.counsellor.title') });
  if (
    roles.some((r) =>
      [
        'recognition-officer',
        'foreigners-office-caseworker',
        'mission-officer',
        'employment-agency-officer',
      ].includes(r),
    )
  )
    links.push({ key: 'queue', label: t.t('journeys.queue.title') });
  if (links.length === 0) return null;
  return (
    <ul class="kern-list journey-links">
      {links.map((l) => (
        <li key={l.key}>
          <a class="kern-link" href={href(ctx, l.key)}>
            {l.label}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** "Start a journey with this way": the form of "Mein Weg" with the pathway chosen (for the pathway results). */
export function startJourneyUrl(locale: 'de' | 'en' | string, pathway: string): string {
  const lang = locale === 'en' ? 'en' : 'de';
  return `${localizedUrl(JOURNEY_PATHS.mine, lang)}?pathway=${encodeURIComponent(pathway)}#start`;
}
