/**
 * The simulated memory bus seen by every bus master (runtime: plain Node).
 *
 * Boards map memories and peripherals onto it; the core fetches and loads through it, and the
 * debugger's MEM-AP (ADIv5.2 C2.6, the AHB-AP) reaches the same slaves through it. A slave tells
 * which master is asking, because some registers behave differently for the debugger (read
 * protection, for example) and some side effects only happen for the core.
 */

/** Width of one bus access in bytes. */
export type AccessWidth = 1 | 2 | 4;

/** Who drives an access: the processor or the debug access port. */
export const enum BusMaster {
  Core = 0,
  Debug = 1,
}

/**
 * Returned by a read, or by a write, that the slave answers with an error response (an AHB
 * ERROR): to the core it becomes a BusFault/HardFault, to the MEM-AP a sticky error.
 * Reads otherwise return the unsigned value of the accessed width.
 */
export const BUS_ERROR = -1;

/** Result of a write: true when accepted, false when the slave answered with an error. */
export type WriteResult = boolean;

/**
 * One slave on the bus, decoding `size` bytes from its base. Offsets are relative to the
 * base; accesses are naturally aligned and never cross the slave's end (the bus splits or
 * rejects those before they reach the slave).
 */
export interface BusSlave {
  readonly name: string;
  read(offset: number, width: AccessWidth, master: BusMaster): number;
  write(offset: number, width: AccessWidth, value: number, master: BusMaster): WriteResult;
  /**
   * Memory that may be read directly (instruction fetch and loads without side effects).
   * Only plain RAM/ROM/flash expose this; the bytes are little-endian as on the real parts.
   * Whoever changes these bytes other than through `write` must call `SystemBus.notifyChanged`.
   */
  readonly directBytes?: Uint8Array;
  /** Writes may go straight into `directBytes` (RAM) rather than through `write`. */
  readonly directWritable?: boolean;
}

/** A slave placed at an address. */
export interface BusMapping {
  readonly base: number;
  readonly size: number;
  readonly slave: BusSlave;
}

/** Told when memory content changed behind a reader's back (flash program, debugger write). */
export type ChangeListener = (address: number, length: number) => void;
