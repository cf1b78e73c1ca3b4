/**
 * Turns the engine's result (message keys with values) into the JSON the API answers with and the
 * pages and the CLI show: every message rendered in the requested language.
 */
import {
  type Criterion,
  evaluatePathways,
  type Message,
  type ParameterId,
  type ParameterSnapshot,
  type ParameterValue,
  type PathwayOutcome,
  type PathwayProfile,
  type PathwayResult,
  type PointsBreakdown,
  pathwayCatalogue,
} from '../../domain/law/index.ts';
import type { Translator } from '../../platform/i18n/index.ts';

export interface CriterionJson {
  id: string;
  status: Criterion['status'];
  citation: string;
  value: number | string | boolean | null;
  threshold: number | string | null;
  verified: boolean;
  message: string;
}

export interface PointsItemJson {
  nr: number;
  id: string;
  label: string;
  points: number;
  potential: number;
  status: Criterion['status'];
  verified: boolean;
}

export interface PointsJson {
  total: number;
  maxPossible: number;
  minimum: number | null;
  items: PointsItemJson[];
}

export interface PathwayJson {
  id: PathwayOutcome['id'];
  title: string;
  citation: string;
  outcome: PathwayOutcome['outcome'];
  variant: PathwayOutcome['variant'] | null;
  baApproval: boolean | null;
  points: number | null;
  pointsBreakdown?: PointsJson;
  criteria: CriterionJson[];
  nextSteps: string[];
}

export interface EvaluationJson {
  date: string;
  pathways: PathwayJson[];
  procedures: {
    'aufenthg-81a': {
      available: boolean | null;
      title: string;
      message: string;
      fee: number | null;
      deadlines: Record<string, { value: number; unit: string }>;
    };
  };
  settlement: {
    applicable: boolean;
    title: string;
    route: string | null;
    status: Criterion['status'] | null;
    earliestDate: string | null;
    criteria: CriterionJson[];
    message: string;
  };
  family: {
    spouseLanguageWaiver: { waived: boolean | null; pathways: string[]; message: string };
    parents: { available: boolean | null; message: string };
  };
  parameters: PublicParameters;
}

/** A parameter as the public sees it: its public source (title and address), without the research note. */
export type PublicParameter = Omit<ParameterValue, 'source'> & {
  source: { title: { de: string; en: string }; url: string };
};
export type PublicParameters = { [Id in ParameterId]?: PublicParameter };

/** Drops the research note and the address the research read from: those are for reviewers only. */
export function publicParameter<P extends ParameterValue>(p: P): Omit<P, 'source'> & PublicParameter {
  const { researchNote: _note, researchUrl: _url, ...source } = p.source;
  return { ...p, source };
}

function publicParameters(snapshot: ParameterSnapshot): PublicParameters {
  const out: PublicParameters = {};
  for (const [id, p] of Object.entries(snapshot) as [ParameterId, ParameterValue][]) {
    out[id] = publicParameter(p);
  }
  return out;
}

/**
 * A message in the translator's language. It never fails the answer: an unknown key shows as
 * itself, and a value the engine did not supply shows as "…" (a message of the catalogue that
 * names a value its criterion does not always carry).
 */
export function renderMessage(t: Translator, m: Message): string {
  if (!t.has(m.key)) return m.key;
  const values = readableValues(t, m.values);
  try {
    return t.t(m.key, values);
  } catch {
    const lenient = new Proxy({ ...values } as Record<string, string | number>, {
      has: () => true,
      get: (target, name) => (typeof name === 'string' && name in target ? target[name] : MISSING),
    });
    try {
      return t.t(m.key, lenient);
    } catch {
      return m.key;
    }
  }
}

const MISSING = '…';
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Dates in the page's way of writing them ("1. Juni 2024", "June 1, 2024"), never as ISO dates in prose. */
function readableValues(t: Translator, values: Message['values']): Message['values'] {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(values))
    out[k] = typeof v === 'string' && ISO_DATE.test(v) ? t.date(v) : v;
  return out;
}

export function criterionJson(t: Translator, c: Criterion): CriterionJson {
  return {
    id: c.id,
    status: c.status,
    citation: c.citation,
    value: c.value ?? null,
    threshold: c.threshold ?? null,
    verified: c.verified,
    message: renderMessage(t, c.message),
  };
}

export function pointsJson(t: Translator, b: PointsBreakdown): PointsJson {
  return {
    total: b.total,
    maxPossible: b.maxPossible,
    minimum: b.minimum,
    items: b.items.map((i) => ({
      nr: i.nr,
      id: i.id,
      label: t.has(`law.points.${i.id}`) ? t.t(`law.points.${i.id}`) : i.id,
      points: i.points,
      potential: i.potential,
      status: i.status,
      verified: i.verified,
    })),
  };
}

const CATALOGUE = new Map(pathwayCatalogue().map((p) => [p.id, p]));

export function pathwayJson(t: Translator, p: PathwayOutcome): PathwayJson {
  const entry = CATALOGUE.get(p.id);
  const json: PathwayJson = {
    id: p.id,
    title: entry && t.has(entry.titleKey) ? t.t(entry.titleKey) : p.id,
    citation: entry?.citation ?? '',
    outcome: p.outcome,
    variant: p.variant ?? null,
    baApproval: p.baApproval,
    points: p.points,
    criteria: p.criteria.map((c) => criterionJson(t, c)),
    nextSteps: p.nextSteps.map((m) => renderMessage(t, m)),
  };
  if (p.pointsBreakdown) json.pointsBreakdown = pointsJson(t, p.pointsBreakdown);
  return json;
}

export function resultJson(t: Translator, r: PathwayResult): EvaluationJson {
  const p81a = r.procedures['aufenthg-81a'];
  return {
    date: r.date,
    pathways: r.pathways.map((p) => pathwayJson(t, p)),
    procedures: {
      'aufenthg-81a': {
        available: p81a.available,
        title: t.t('law.procedure.81a.title'),
        message: renderMessage(t, p81a.message),
        fee: p81a.fee,
        deadlines: { ...p81a.deadlines },
      },
    },
    settlement: {
      applicable: r.settlement.applicable,
      title: t.t('law.settlement.title'),
      route: r.settlement.route,
      status: r.settlement.status,
      earliestDate: r.settlement.earliestDate,
      criteria: r.settlement.criteria.map((c) => criterionJson(t, c)),
      message: renderMessage(t, r.settlement.message),
    },
    family: {
      spouseLanguageWaiver: {
        waived: r.family.spouseLanguageWaiver.waived,
        pathways: [...r.family.spouseLanguageWaiver.pathways],
        message: renderMessage(t, r.family.spouseLanguageWaiver.message),
      },
      parents: {
        available: r.family.parents.available,
        message: renderMessage(t, r.family.parents.message),
      },
    },
    parameters: publicParameters(r.parameters),
  };
}

/** Evaluates a validated profile and renders it in one language. */
export function evaluateAndRender(t: Translator, profile: PathwayProfile): EvaluationJson {
  return resultJson(t, evaluatePathways(profile));
}

const OUTCOME_ORDER = { eligible: 0, 'needs-review': 1, 'not-eligible': 2 } as const;

/** Open ways first (eligible, then to be clarified, then closed), otherwise in catalogue order. */
export function byOpenness<T extends { outcome: PathwayOutcome['outcome'] }>(pathways: readonly T[]): T[] {
  return pathways
    .map((p, i) => ({ p, i }))
    .sort((a, b) => OUTCOME_ORDER[a.p.outcome] - OUTCOME_ORDER[b.p.outcome] || a.i - b.i)
    .map((x) => x.p);
}
