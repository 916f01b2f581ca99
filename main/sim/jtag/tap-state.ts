/**
 * The 16-state TAP controller of IEEE 1149.1 (section 6.1.1, figure 6-1): the state after a
 * rising edge of TCK with the given TMS.
 */
export const enum TapState {
  TestLogicReset,
  RunTestIdle,
  SelectDrScan,
  CaptureDr,
  ShiftDr,
  Exit1Dr,
  PauseDr,
  Exit2Dr,
  UpdateDr,
  SelectIrScan,
  CaptureIr,
  ShiftIr,
  Exit1Ir,
  PauseIr,
  Exit2Ir,
  UpdateIr,
}

/** NEXT[state][tms] */
const NEXT: readonly (readonly [TapState, TapState])[] = [
  [TapState.RunTestIdle, TapState.TestLogicReset],
  [TapState.RunTestIdle, TapState.SelectDrScan],
  [TapState.CaptureDr, TapState.SelectIrScan],
  [TapState.ShiftDr, TapState.Exit1Dr],
  [TapState.ShiftDr, TapState.Exit1Dr],
  [TapState.PauseDr, TapState.UpdateDr],
  [TapState.PauseDr, TapState.Exit2Dr],
  [TapState.ShiftDr, TapState.UpdateDr],
  [TapState.RunTestIdle, TapState.SelectDrScan],
  [TapState.CaptureIr, TapState.TestLogicReset],
  [TapState.ShiftIr, TapState.Exit1Ir],
  [TapState.ShiftIr, TapState.Exit1Ir],
  [TapState.PauseIr, TapState.UpdateIr],
  [TapState.PauseIr, TapState.Exit2Ir],
  [TapState.ShiftIr, TapState.UpdateIr],
  [TapState.RunTestIdle, TapState.SelectDrScan],
];

export function nextTapState(state: TapState, tms: boolean): TapState {
  return NEXT[state]![tms ? 1 : 0];
}
