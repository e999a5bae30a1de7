import type { ProcedureAction, ProcedureState, StepType } from '../contract/index.js';

/**
 * Which action may follow which state (domain.md §3). Everything not listed
 * is refused with procedure/illegalTransition, so a stray click cannot, say,
 * adjourn a closed hearing.
 */
const allowed: Record<ProcedureAction, readonly ProcedureState[]> = {
  start: ['notStarted'],
  next: ['inProgress', 'deliberating'],
  adjourn: ['inProgress'],
  suspend: ['inProgress', 'adjourned', 'deliberating'],
  postpone: ['notStarted', 'inProgress', 'adjourned', 'suspended'],
  resume: ['adjourned', 'suspended', 'postponed'],
  close: ['inProgress'],
};

export function isAllowed(action: ProcedureAction, state: ProcedureState): boolean {
  return allowed[action].includes(state);
}

/** The state a running hearing is in while a step of this type is current: 评议 is private, the rest is the sitting. */
export function stateForStep(type: StepType): ProcedureState {
  return type === 'deliberation' ? 'deliberating' : 'inProgress';
}

/** Steps the hearing may not enter before the room is in order: the sitting proper begins with the opening. */
export const gatedStepTypes: ReadonlySet<StepType> = new Set(['opening']);
