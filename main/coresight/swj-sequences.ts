/**
 * SWJ-DP protocol selection sequences, bits listed least significant first as DAP_SWJ_Sequence
 * sends them (runtime: plain Node).
 */
const ones = (count: number): bigint => (1n << BigInt(count)) - 1n;

export interface SwjSequence {
  readonly bits: number;
  readonly value: bigint;
}

function concat(parts: readonly SwjSequence[]): SwjSequence {
  let value = 0n;
  let bits = 0;
  for (const part of parts) {
    value |= part.value << BigInt(bits);
    bits += part.bits;
  }
  return { bits, value };
}

/** Line reset: at least 50 cycles with SWDIO high (ADIv5.2 B4.3.3); 51 used, as common probes do. */
const LINE_RESET: SwjSequence = { bits: 51, value: ones(51) };
/** At least two idle cycles with SWDIO low before the first packet (ADIv5.2 B4.3.3). */
const IDLE: SwjSequence = { bits: 8, value: 0n };
/** JTAG-to-SWD select sequence 0xE79E (ADIv5.2 B5.2.1). */
const JTAG_TO_SWD: SwjSequence = { bits: 16, value: 0xe79en };
/** JTAG-to-dormant sequence (ADIv5.2 B5.3.2), sent after TMS high puts the TAP in Test-Logic-Reset. */
const JTAG_TO_DORMANT: SwjSequence = { bits: 31, value: 0x33bbbbban };
/** Dormant-to-SWD (ADIv5.2 B5.3.4): 8 high cycles, the 128-bit Selection Alert, 4 low cycles, SW-DP activation code 0x1A. */
const SELECTION_ALERT: SwjSequence = { bits: 128, value: 0x19bc0ea2_e3ddafe9_86852d95_6209f392n };
const WAKE_PREAMBLE: SwjSequence = { bits: 8, value: ones(8) };
const ACTIVATION_SWD: SwjSequence = { bits: 12, value: 0x1an << 4n };

/** Line reset, JTAG-to-SWD, line reset, idle: selects SWD on an SWJ-DP in JTAG or SWD state. */
export const SWITCH_JTAG_TO_SWD = concat([LINE_RESET, JTAG_TO_SWD, LINE_RESET, IDLE]);

/** Line reset and idle: resynchronises an SW-DP already in SWD state. */
export const SWD_LINE_RESET = concat([LINE_RESET, IDLE]);

/**
 * Wakes a DP from the dormant state into SWD: line reset (TAP to Test-Logic-Reset, or SWD
 * reset), JTAG-to-dormant, then the selection alert with the SWD activation code, and a line reset.
 */
export const SWITCH_DORMANT_TO_SWD = concat([LINE_RESET, JTAG_TO_DORMANT, WAKE_PREAMBLE, SELECTION_ALERT, ACTIVATION_SWD, LINE_RESET, IDLE]);
