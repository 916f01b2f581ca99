/** Breakpoint kinds, named as pyOCD's BreakpointType so the user-script facade maps one to one. */
export const BreakpointType = {
  /** A comparator in the FPB (ARMv7-M) or BPU (ARMv6-M). */
  Hw: 'hw',
  /** A BKPT instruction written into RAM. */
  Sw: 'sw',
  /** Hardware when a comparator can reach the address and one is free, otherwise software. */
  Auto: 'auto',
} as const;
export type BreakpointType = (typeof BreakpointType)[keyof typeof BreakpointType];

export interface Breakpoint {
  readonly address: number;
  readonly type: typeof BreakpointType.Hw | typeof BreakpointType.Sw;
}
