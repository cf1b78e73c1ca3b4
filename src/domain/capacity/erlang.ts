/**
 * Erlang C (M/M/c) for walk-in counters and hotlines, where people wait minutes rather than weeks: memo §3.3
 * and test case 3 of §5.9 (`/work/shared/research/capacity-appointments.md`).
 *
 * With `a = λ/μ` and `ρ = a/c < 1`:
 * - `P_wait` (Erlang C), computed through the stable Erlang B recursion `B(k) = a·B(k−1) / (k + a·B(k−1))`,
 *   `C = c·B / (c − a·(1 − B))`;
 * - `W_q = P_wait / (cμ − λ)`;
 * - `P(W ≤ τ) = 1 − P_wait · exp(−(cμ − λ) τ)`.
 * All rates share one time unit (e.g. per hour); waits come out in that unit. `ρ ≥ 1` is the value
 * `{ ok: false, code: 'unstable' }`, not an exception.
 */

export type CounterInput = {
  /** λ: arrivals per time unit. */
  readonly arrivalRate: number;
  /** μ: services one server completes per time unit (1 / mean service time). */
  readonly serviceRate: number;
  /** c: servers (counters, agents), a positive integer. */
  readonly servers: number;
};

export type ErlangFailure = { readonly ok: false; readonly code: 'unstable' | 'invalid' };

export type ErlangResult =
  | {
      readonly ok: true;
      /** ρ = λ / (cμ). */
      readonly utilisation: number;
      /** Probability that an arrival has to wait at all. */
      readonly pWait: number;
      /** Mean wait in the queue W_q, in the time unit of the rates. */
      readonly meanWait: number;
    }
  | ErlangFailure;

function invalid(input: CounterInput): boolean {
  const { arrivalRate, serviceRate, servers } = input;
  return (
    !Number.isFinite(arrivalRate) ||
    arrivalRate < 0 ||
    !Number.isFinite(serviceRate) ||
    serviceRate <= 0 ||
    !Number.isInteger(servers) ||
    servers < 1
  );
}

/** Erlang C: probability of waiting and mean wait for c servers. */
export function erlangC(input: CounterInput): ErlangResult {
  if (invalid(input)) return { ok: false, code: 'invalid' };
  const { arrivalRate, serviceRate, servers } = input;
  const a = arrivalRate / serviceRate;
  const utilisation = a / servers;
  if (utilisation >= 1) return { ok: false, code: 'unstable' };
  let erlangB = 1;
  for (let k = 1; k <= servers; k++) erlangB = (a * erlangB) / (k + a * erlangB);
  const pWait = (servers * erlangB) / (servers - a * (1 - erlangB));
  const meanWait = pWait / (servers * serviceRate - arrivalRate);
  return { ok: true, utilisation, pWait, meanWait };
}

export type ServiceLevelResult = ErlangFailure | { readonly ok: true; readonly serviceLevel: number };

/** Service level `P(W ≤ τ)`: the share of arrivals who wait at most `withinTime` (same time unit). */
export function serviceLevel(input: CounterInput, withinTime: number): ServiceLevelResult {
  if (!(withinTime >= 0)) return { ok: false, code: 'invalid' };
  const result = erlangC(input);
  if (!result.ok) return result;
  const decay = input.servers * input.serviceRate - input.arrivalRate;
  return { ok: true, serviceLevel: 1 - result.pWait * Math.exp(-decay * withinTime) };
}

export type StaffingTarget = {
  readonly arrivalRate: number;
  readonly serviceRate: number;
  /** τ: the wait that counts as "served in time". */
  readonly withinTime: number;
  /** Required share waiting at most τ, in (0, 1). */
  readonly level: number;
};

/**
 * Smallest c with `P(W ≤ τ) ≥ level` (test case 3: λ 10/h, μ 3/h, 80 % within 10 min → 5). Starts at the
 * first stable c, so it always terminates for a level below 1.
 */
export function smallestServers(
  target: StaffingTarget,
): { readonly ok: true; readonly servers: number; readonly serviceLevel: number } | ErlangFailure {
  const { arrivalRate, serviceRate, withinTime, level } = target;
  if (!(level > 0 && level < 1) || invalid({ arrivalRate, serviceRate, servers: 1 })) {
    return { ok: false, code: 'invalid' };
  }
  for (let servers = Math.floor(arrivalRate / serviceRate) + 1; ; servers++) {
    const result = serviceLevel({ arrivalRate, serviceRate, servers }, withinTime);
    if (!result.ok) return result;
    if (result.serviceLevel >= level) return { ok: true, servers, serviceLevel: result.serviceLevel };
  }
}
