/**
 * The probe's nRESET output, as the core needs it for a hardware reset. The probe layer implements
 * it (CMSIS-DAP DAP_SWJ_Pins drives nRESET); a core without one cannot do a `hw` reset.
 */
export interface HardwareResetLine {
  /** Drives nRESET low (`true`) or releases it (`false`). */
  setResetAsserted(asserted: boolean): Promise<void>;
  /** Drives nRESET low for `durationMs`, then releases it, timed by the probe itself. */
  pulseReset(durationMs: number): Promise<void>;
}
