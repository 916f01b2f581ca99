/**
 * Vocabulary shared by the simulated SW-DP and its access ports (ARM IHI 0031, ADIv5.2).
 */

/** The three-bit acknowledge of an SWD packet (ADIv5.2 B4.2.1); NoResponse is the undriven line. */
export const enum SwdAck {
  Ok = 0b001,
  Wait = 0b010,
  Fault = 0b100,
  NoResponse = 0b111,
}

/** Outcome of one SWD packet as the host sees it on the wire. */
export interface SwdResult {
  ack: SwdAck;
  /** Read data (0 when the packet was a write or did not complete). */
  data: number;
  /** False when the read data phase carried a wrong parity bit (ADIv5.2 B4.2.2). */
  parityOk: boolean;
  /** True when the target drove a data phase after WAIT/FAULT because ORUNDETECT is set (B4.2.5). */
  dataPhaseAfterError: boolean;
}

/** What an AP access returned to the DP. */
export type ApResponse = { kind: 'ok'; value: number } | { kind: 'error' };

/**
 * One access port behind the DP (ADIv5.2 C1). Addresses are the byte offsets of the AP
 * register space, SELECT.APBANKSEL << 4 | A[3:2] << 2.
 */
export interface AccessPort {
  readonly name: string;
  read(register: number): ApResponse;
  write(register: number, value: number): ApResponse;
  /** True while an earlier transaction is still on the bus: the DP answers WAIT (B4.2.4). */
  busy(): boolean;
  /** DAPABORT: the AP abandons its outstanding transaction (ADIv5.2 B2.2.1). */
  abort(): void;
}

/** The even parity bit of a 32-bit word (ADIv5.2 B4.2.2). */
export function parity32(value: number): number {
  let v = value >>> 0;
  v ^= v >>> 16;
  v ^= v >>> 8;
  v ^= v >>> 4;
  v ^= v >>> 2;
  v ^= v >>> 1;
  return v & 1;
}
