// The engine's core state and halt reason in the API's words (shared/api/schemas/target-state.ts).
import type { CoreState, HaltReason } from '../coresight/cortex-m/core-state';
import type { TargetState } from '../../shared/api/schemas/target-state';

const STATES: Record<CoreState, TargetState['state']> = {
  running: 'running',
  halted: 'halted',
  sleeping: 'sleeping',
  lockedUp: 'lockup',
  reset: 'reset',
};

const REASONS: Record<HaltReason, NonNullable<TargetState['haltReason']>> = {
  debug: 'debug-request',
  step: 'step',
  breakpoint: 'breakpoint',
  watchpoint: 'watchpoint',
  vectorCatch: 'vector-catch',
  external: 'external',
  unknown: 'unknown',
};

export interface CoreSnapshot {
  readonly core: number;
  readonly state: CoreState;
  readonly haltReason?: HaltReason;
  readonly pc?: number;
}

export function targetStateOf(snapshot: CoreSnapshot): TargetState {
  const state = STATES[snapshot.state];
  if (state !== 'halted') return { core: snapshot.core, state };
  return {
    core: snapshot.core,
    state,
    ...(snapshot.haltReason !== undefined ? { haltReason: REASONS[snapshot.haltReason] } : {}),
    ...(snapshot.pc !== undefined ? { pc: snapshot.pc >>> 0 } : {}),
  };
}

export const DISCONNECTED_CORE: TargetState = { core: 0, state: 'disconnected' };
