/**
 * Building blocks for criteria: the constructor, three-valued logic, and money comparison to the cent.
 * A criterion's message key is `law.criterion.<id>.<status>` unless a more specific `reason` is given
 * (`law.criterion.<id>.<reason>`).
 */
import type { Criterion, CriterionStatus, Message, MessageValues } from './types.ts';

export type CriterionOptions = {
  readonly value?: number | string | boolean;
  readonly threshold?: number | string;
  readonly verified?: boolean;
  /** Message variant; defaults to the status. */
  readonly reason?: string;
  /** Extra ICU values besides `value` and `threshold`. */
  readonly values?: MessageValues;
};

const EMPTY_VALUES: MessageValues = Object.freeze({});

export function criterion(
  id: string,
  status: CriterionStatus,
  citation: string,
  options: CriterionOptions = {},
): Criterion {
  const { value, threshold, reason, values } = options;
  let messageValues: MessageValues = values ?? EMPTY_VALUES;
  if ((value !== undefined && typeof value !== 'boolean') || threshold !== undefined) {
    const merged: Record<string, string | number> = { ...values };
    if (value !== undefined && typeof value !== 'boolean') merged.value = value;
    if (threshold !== undefined) merged.threshold = threshold;
    messageValues = merged;
  }
  const message: Message = { key: `law.criterion.${id}.${reason ?? status}`, values: messageValues };
  const result: {
    id: string;
    status: CriterionStatus;
    citation: string;
    value?: number | string | boolean;
    threshold?: number | string;
    verified: boolean;
    message: Message;
  } = { id, status, citation, verified: options.verified ?? true, message };
  if (value !== undefined) result.value = value;
  if (threshold !== undefined) result.threshold = threshold;
  return result;
}

export function message(key: string, values: MessageValues = EMPTY_VALUES): Message {
  return { key, values };
}

/** A frozen message without values, safe to share between results. */
export function staticMessage(key: string): Message {
  return Object.freeze({ key, values: EMPTY_VALUES });
}

/** Status from a boolean fact: true → met, false → unmet, undefined → unknown. */
export function fromFact(fact: boolean | undefined): CriterionStatus {
  return fact === undefined ? 'unknown' : fact ? 'met' : 'unmet';
}

/** Three-valued AND. */
export function all(...statuses: CriterionStatus[]): CriterionStatus {
  let unknown = false;
  for (const s of statuses) {
    if (s === 'unmet') return 'unmet';
    if (s === 'unknown') unknown = true;
  }
  return unknown ? 'unknown' : 'met';
}

/** Three-valued OR. */
export function any(...statuses: CriterionStatus[]): CriterionStatus {
  let unknown = false;
  for (const s of statuses) {
    if (s === 'met') return 'met';
    if (s === 'unknown') unknown = true;
  }
  return unknown ? 'unknown' : 'unmet';
}

export function cents(amount: number): number {
  return Math.round(amount * 100);
}

/** amount ≥ threshold, compared to the cent. */
export function atLeast(amount: number, threshold: number): boolean {
  return cents(amount) >= cents(threshold);
}

export function round2(amount: number): number {
  return Math.round(amount * 100) / 100;
}
