/**
 * The probe's nRESET output, as the core needs it for a hardware reset. The probe layer implements
 * it (CMSIS-DAP DAP_SWJ_Pins drives nRESET); a core without one cannot do a `hw` reset.
 */
export interface HardwareResetLine {
  /** Drives nRESET low (`true`) or releases it (`false`). */
  setResetAsserted(asserted: boolean): Promise<void>;
}
