/**
 * Public entry point of the journey core: one case per person and goal across recognition, the accelerated
 * procedure, the employment agency's approval, the visa and the residence permit. Pure: no I/O, no clock.
 * See docs/journey.md.
 */

export * from './commands-events.ts';
export {
  addPeriod,
  deadlineParameterFor,
  deadlineStatus,
  effectiveDueAt,
  inAcceleratedProcedure,
  preApprovalDate,
  recognitionLaw,
  runningDeadline,
} from './deadlines.ts';
export { decide, FEE_REFERENCE_MAX } from './decide.ts';
export { evolve, INITIAL_STATE, replay, stepsOf } from './evolve.ts';
export {
  FAMILY_RELATIONSHIPS,
  FAMILY_TRAVEL,
  type FamilyProblem,
  type FamilyRelationship,
  type FamilyTravel,
  familyFacts,
  familyProblems,
} from './family.ts';
export {
  type HistoryEvent,
  type HistoryLine,
  type HistoryPerspective,
  type HistorySentence,
  historyLines,
  historySentence,
} from './history.ts';
export { momentOf } from './moment.ts';
export {
  chooseOwners,
  OWNER_RULES,
  type OwnerCandidate,
  type OwnerFacts,
  type OwnerPlace,
  type OwnerRule,
  stateOfDistrict,
} from './owners.ts';
export {
  type DeadlineSettings,
  JOURNEY_PARAMETER_IDS,
  type JourneyParameterId,
  type JourneyParameters,
  type JourneyParameterValue,
  lawParameters,
} from './parameters.ts';
export { PATHWAY_TRAITS, planJourney } from './plan.ts';
export { invalidFactsField, replan } from './replan.ts';
export {
  DEEMED_APPROVAL_ROLES,
  JOURNEY_COMMAND_ROLES,
  rolesFor,
  STEP_ROLES,
  type StepRoles,
} from './roles.ts';
export {
  type Blocker,
  type Mover,
  type NextAction,
  type TaskList,
  type TaskListItem,
  type TaskListViewer,
  type TaskState,
  taskList,
} from './task-list.ts';
export { applicantTasks, type Task } from './tasks.ts';
export * from './types.ts';
