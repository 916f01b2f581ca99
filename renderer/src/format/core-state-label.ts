// How the toolbar names the core's run state: "Halted: breakpoint @ 0x000004d2", "Running · sleeping".
import type { TargetState } from '../../../shared/api/schemas/target-state';

const REASONS: Record<NonNullable<TargetState['haltReason']>, string> = {
  'debug-request': 'debug request',
  breakpoint: 'breakpoint',
  watchpoint: 'watchpoint',
  step: 'step',
  'vector-catch': 'vector catch',
  external: 'external request',
  unknown: 'unknown reason',
};

export function hex32(value: number): string {
  return `0x${(value >>> 0).toString(16).padStart(8, '0')}`;
}

export function coreStateLabel(state: TargetState): string {
  switch (state.state) {
    case 'halted': {
      const reason = state.haltReason ? `: ${REASONS[state.haltReason]}` : '';
      const at = state.pc !== undefined ? ` @ ${hex32(state.pc)}` : '';
      return `Halted${reason}${at}`;
    }
    // The core runs the program and waits in WFI/WFE for its next event (DHCSR.S_SLEEP).
    case 'sleeping':
      return 'Running · sleeping';
    case 'running':
      return 'Running';
    case 'lockup':
      return 'Locked up';
    case 'reset':
      return 'In reset';
    case 'disconnected':
      return 'Disconnected';
  }
}
