/** How the fair pages say things: dates, times in a person's own time zone, countries, occupations, states. */
import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import type { ViewContext } from '../../web/context.ts';
import { countryName } from '../../web/countries.ts';
import { stateNameIn } from '../regions/index.ts';
import { occupation } from '../registry/index.ts';

/** Zones the runtime still lists under a former name of their city: the current name (IANA), so that it is chosen. */
const RENAMED: Record<string, string> = {
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Europe/Kiev': 'Europe/Kyiv',
};

/** Every time zone the runtime knows, by its place name (the zone's region and city). */
let zones: { value: string; label: string }[] | undefined;
export function zoneOptions(): { value: string; label: string }[] {
  zones ??= Intl.supportedValuesOf('timeZone')
    .map((z) => RENAMED[z] ?? z)
    .map((z) => ({ value: z, label: zoneName(z) }))
    .sort((a, b) => a.label.localeCompare(b.label, 'en'));
  return zones;
}

/** A moment in a time zone, in the page's language, with the zone's name (Intl: never a hand-written offset). */
export function timeIn(ctx: ViewContext, at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat(ctx.locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(at);
}

/** The fair's days. */
export const fairDays = (ctx: ViewContext, f: { startsOn: string; endsOn: string }) =>
  f.startsOn === f.endsOn ? ctx.t.date(f.startsOn) : `${ctx.t.date(f.startsOn)} – ${ctx.t.date(f.endsOn)}`;

export const zoneName = (z: string) => z.replace(/_/g, ' ').replace(/\//g, ' – ');

export const countriesText = (ctx: ViewContext, codes: readonly string[]) =>
  ctx.t.list(codes.map((c) => countryName(c, ctx.locale)).sort((a, b) => a.localeCompare(b, ctx.locale)));

export const statesText = (ctx: ViewContext, codes: readonly string[]) =>
  ctx.t.list(codes.map((c) => stateNameIn(ctx.locale, c)));

export type OccupationTitles = Map<string, { titleDe: string; titleEn: string }>;

/** The names of the fair's occupations (read from the registry). */
export async function occupationTitles(db: DbOrTx, kldbs: readonly string[]): Promise<OccupationTitles> {
  if (kldbs.length === 0) return new Map();
  const rows = await db
    .select({ kldb: occupation.kldb, titleDe: occupation.titleDe, titleEn: occupation.titleEn })
    .from(occupation)
    .where(inArray(occupation.kldb, [...kldbs]));
  return new Map(rows.map((r) => [r.kldb, r]));
}

export const occupationsText = (ctx: ViewContext, kldbs: readonly string[], names: OccupationTitles) =>
  ctx.t.list(
    kldbs.flatMap((k) => {
      const o = names.get(k);
      return o ? [ctx.locale === 'de' ? o.titleDe : o.titleEn] : [];
    }),
  );
