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
  /** DPIDR, returned by the IDCODE instruction (ADIv5.2 B3.3.1). */
  readonly idcode: number;
  /**
   * One DPACC or APACC transaction (ADIv5.2 B3.3.2): `a32` is A[3:2] << 2. Returns the ACK
   * and, for reads, the value, which the JTAG-DP presents in the next capture. Transactions
   * while a sticky error is set are ignored by the DP and still answer OK/FAULT.
   */
  access(ap: boolean, read: boolean, a32: number, value: number): { ack: JtagAck; value: number };
  /** A write through the ABORT instruction (ADIv5.2 B3.3.4). */
  writeAbort(value: number): void;
  /** TRST or a move through Test-Logic-Reset. */
  tapReset?(): void;
}
