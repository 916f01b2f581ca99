/**
 * Typed errors of the probe layer (runtime: plain Node).
 *
 * A `TransferError` is what a failed debug access rejects with: the SWD acknowledge classes of
 * CMSIS-DAP v2.1 "DAP_Transfer" (Transfer Response: OK=1, WAIT=2, FAULT=4, no ACK=7, bit 3
 * protocol error) map to one subclass each, and the probe-level failures (unplugged, no answer in
 * time) are subclasses too because they also end an access. Layers above add the address they
 * were accessing with `atAddress`, so the message names it.
 */
export interface TransferErrorOptions {
  readonly address?: number;
  readonly cause?: unknown;
}

export class TransferError extends Error {
  /** The target address being accessed, when a MEM-AP access failed. */
  readonly address: number | undefined;

  constructor(message: string, options: TransferErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.address = options.address;
  }

  /** The same kind of error, re-worded to name the memory access that failed. */
  atAddress(address: number, access: string): this {
    const Kind = this.constructor as new (message: string, options: TransferErrorOptions) => this;
    const at = `0x${(address >>> 0).toString(16).padStart(8, '0')}`;
    return new Kind(`${access} at ${at} failed: ${this.message}`, { address: address >>> 0, cause: this });
  }
}

/** SWD ACK FAULT: a sticky error flag is set in the DP (ADIv5.2 B4.2.3), e.g. after a bus error. */
export class TransferFaultError extends TransferError {}

/** SWD ACK WAIT still returned after the configured retries (CMSIS-DAP DAP_TransferConfigure). */
export class TransferWaitTimeoutError extends TransferError {}

/** No ACK from the target: not connected, not powered, or the SWD wire not activated. */
export class NoAckError extends TransferError {}

/** SWD parity error, or a response that does not follow the CMSIS-DAP packet format. */
export class ProtocolError extends TransferError {}

/** The USB device went away, or a USB transfer failed. The probe must be reopened. */
export class ProbeDisconnectedError extends TransferError {}

/** The probe did not answer a command within the timeout. The probe must be reopened. */
export class ProbeTimeoutError extends TransferError {}

/** A CMSIS-DAP command answered DAP_ERROR or a setting the probe cannot honour. */
export class ProbeCommandError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProbeCommandError';
  }
}
