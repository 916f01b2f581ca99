/** Cortex-M halting debug: the public surface of this folder. */
export { CortexM, type CortexMOptions, type CoreStateListener } from './cortex-m';
export { BreakpointType, type Breakpoint } from './breakpoint-type';
export { CoreError, CoreNotHaltedError, CoreTimeoutError, CoreUnsupportedError, MemoryFaultError } from './core-errors';
export { CoreState, HaltReason } from './core-state';
export { decodeCpuid, isBaseline, type ArchitectureVersion, type CpuidInfo } from './cpuid';
export { WatchpointType, type Watchpoint } from './dwt-watchpoints';
export type { FpuInfo } from './fpu-detect';
export type { HardwareResetLine } from './hardware-reset-line';
export { ResetType, RESET_TYPES, isResetType } from './reset-type';
export { VectorCatch, parseVectorCatchLetters } from './vector-catch';
export type { CoreRegisterInfo } from './core-registers';
