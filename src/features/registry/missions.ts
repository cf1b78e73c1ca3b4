import { countryOfName } from './mission-words.ts';
import type { MissionRow, WaitingTimeRow } from './queries.ts';
import type { RegistrySnapshot } from './snapshot.ts';

export interface MissionAnswer {
  country: string;
  missions: (MissionRow & { waitingTimes: WaitingTimeRow[] })[];
  /** Figures for the whole country, not one mission. */
  countryWaitingTimes: WaitingTimeRow[];
  /** The legal target of the accelerated procedure (§ 81a AufenthG, § 31a AufenthV). */
  acceleratedProcedure: WaitingTimeRow | null;
}

export function missionCountries(s: RegistrySnapshot): string[] {
  return [...new Set(s.missions.map((m) => m.country))].sort((a, b) => a.localeCompare(b));
}

/** Missions of a country (English or German name, any case); null when the registry has none. */
export function missionAnswer(s: RegistrySnapshot, country: string): MissionAnswer | null {
  const name = (countryOfName(country) ?? country.trim()).toLowerCase();
  const missions = s.missionsByCountry.get(name);
  if (!missions || missions.length === 0) return null;
  const first = missions[0] as MissionRow;
  return {
    country: first.country,
    missions: missions.map((m) => ({
      ...m,
      waitingTimes: s.waitingTimes.filter((w) => w.missionId === m.id),
    })),
    countryWaitingTimes: s.waitingTimes.filter(
      (w) => w.missionId === null && w.country.toLowerCase() === name,
    ),
    acceleratedProcedure:
      s.waitingTimes.find((w) => w.country === '(all)' && w.category === 'legal target') ?? null,
  };
}
