/**
 * What the JTAG-DP scan chains drive: the debug port's register file and its access ports.
 * The same DP model serves SWD and this JTAG test port; only the wire protocol differs.
 */

/** The JTAG-DP ACK values of ADIv5.2 B3.3.2 (Table B3-2): OK and FAULT share one code. */
export const enum JtagAck {
  Wait = 0b001,
  OkFault = 0b010,
}

export interface JtagDpPort {
  /** The value the IDCODE instruction captures (ADIv5.2 B3.2.2). */
  readonly idcode: number;
  /**
   * True while the previous transaction has not completed: the Capture-DR of the next DPACC or
   * APACC scan returns WAIT and its Update-DR is ignored (ADIv5.2 B3.3.2).
   */
  inProgress(): boolean;
  /** A scan captured WAIT (for overrun detection, ADIv5.2 B2.2.2 ORUNDETECT). */
  waited(): void;
  /**
   * One DPACC or APACC transaction at Update-DR (ADIv5.2 B3.3.2): `a32` is A[3:2] << 2.
   * Returns the read result, which the JTAG-DP presents in the next capture (0 for writes).
   */
  access(ap: boolean, read: boolean, a32: number, value: number): number;
  /** A write through the ABORT instruction (ADIv5.2 B3.3.4). */
  writeAbort(value: number): void;
}
