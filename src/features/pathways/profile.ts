/** How the questionnaire's saved answers become the engine's profile. */
import type { PathwayProfile } from '../../domain/law/index.ts';
import { type Answers, type FieldDef, STEPS } from './questionnaire.ts';

/** Today in Germany (the evaluation date of the questionnaire). */
export function todayIso(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(now);
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node: Record<string, unknown> = target;
  for (let i = 0; i < parts.length - 1; i++) {
    const key = parts[i] as string;
    const nextIsIndex = /^\d+$/.test(parts[i + 1] as string);
    node[key] ??= nextIsIndex ? [] : {};
    node = node[key] as Record<string, unknown>;
  }
  node[parts[parts.length - 1] as string] = value;
}

function typedValue(f: FieldDef, raw: string): unknown {
  switch (f.kind) {
    case 'yes-no':
      return raw === 'yes';
    case 'whole':
    case 'amount':
      return Number(raw);
    default:
      return raw;
  }
}

/**
 * The engine's profile from the saved answers, on `date`. Without a birth date there is no
 * profile. Without a job offer the job facts are left out (the engine then reads them as open).
 */
export function profileFrom(answers: Answers, date: string): PathwayProfile | null {
  if (!answers.birthDate) return null;
  const profile: Record<string, unknown> = { date };
  const noJob = answers.hasJobOffer === 'no';
  for (const step of STEPS) {
    for (const f of step.fields) {
      const raw = answers[f.name];
      if (!raw || !f.path) continue;
      if (noJob && f.path.startsWith('job.')) continue;
      setPath(profile, f.path, typedValue(f, raw));
    }
  }
  const person = profile.person as Record<string, unknown>;
  if (answers.hasExperience === 'no') person.experience = [];
  else if (Array.isArray(person.experience)) {
    const jobs = (person.experience as Array<Record<string, unknown> | undefined>).filter(
      (e): e is Record<string, unknown> => e?.from !== undefined,
    );
    if (jobs.length > 0) person.experience = jobs;
    else delete person.experience;
  }
  if (answers.hasJobOffer === 'yes') profile.job ??= {};
  return profile as PathwayProfile;
}
