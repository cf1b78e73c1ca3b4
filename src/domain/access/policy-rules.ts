/** The building blocks of the policy table's rules, shared by policy-table.ts and its parts. */
import type { Relation } from './policy.ts';
import { ROLES, type Role } from './roles.ts';

/** For each role that may: the relations of the object to the actor under which it may. */
export type Rules = Partial<Record<Role, readonly Relation[]>>;

export const OWN = ['own'] as const;

/** Every role under the given relations. */
export const everyone = (relations: readonly Relation[]): Rules =>
  Object.fromEntries(ROLES.map((r) => [r, relations])) as Rules;
