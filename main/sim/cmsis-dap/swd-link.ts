import type { DebugPort } from '../adi/debug-port';
import { SwdAck } from '../adi/swd-types';

/**
 * The probe's SWD line driver: it clocks packets and sequences into the simulated DP and
 * charges their bits at the configured SWCLK to the modeled time (ADIv5.2 B4.2 packet
 * format; CMSIS-DAP v2.1 DAP_SWD_Configure for turnaround and the data phase on WAIT/FAULT).
 */

/** The target side of the wire as the probe sees it. */
export interface DapTarget {
  readonly dp: DebugPort;
  now(): number;
  /** Lets `ns` of modeled time pass; the target keeps running meanwhile. */
  advance(ns: number): void;
  /** Drives the nRESET line (true = asserted, low). */
  setResetPin(asserted: boolean): void;
}

export interface SwdLinkCounters {
  transfers: number;
  swdBits: number;
}

/** Extra line faults the fault plan may inject. */
export interface SwdLineFaults {
  /** True when this read's data should arrive with a wrong parity bit. */
  corruptReadParity(): boolean;
}

export interface SwdPacketResult {
  ack: number;
  data: number;
  parityOk: boolean;
}

const HEADER_BITS = 8;
const ACK_BITS = 3;
const DATA_AND_PARITY_BITS = 33;

export class SwdLink {
  swclkHz: number;
  /** Turnaround period in cycles, 1..4 (DAP_SWD_Configure bits [1:0] + 1). */
  turnaround = 1;
  /** Always generate a data phase after WAIT/FAULT (DAP_SWD_Configure bit 2). */
  dataPhase = false;
  /** Idle cycles after each transfer (DAP_TransferConfigure). */
  idleCycles = 0;
  readonly counters: SwdLinkCounters = { transfers: 0, swdBits: 0 };
  private readonly target: DapTarget;
  private readonly transferOverheadNs: number;
  private readonly faults: SwdLineFaults | undefined;

  constructor(target: DapTarget, swclkHz: number, transferOverheadNs: number, faults?: SwdLineFaults) {
    this.target = target;
    this.swclkHz = swclkHz;
    this.transferOverheadNs = transferOverheadNs;
    this.faults = faults;
  }

  /** One SWD packet; `request` carries APnDP in bit 0, RnW in bit 1 and A[3:2] in bits [3:2]. */
  transfer(request: number, writeData: number): SwdPacketResult {
    const apnDp = (request & 1) !== 0;
    const read = (request & 2) !== 0;
    const address = request & 0xc;
    const result = this.target.dp.transfer(apnDp, read, address, writeData);
    let bits = HEADER_BITS + this.turnaround + ACK_BITS;
    let parityOk = result.parityOk;
    if (result.ack === SwdAck.Ok) {
      bits += DATA_AND_PARITY_BITS + this.turnaround + this.idleCycles;
      if (read && this.faults?.corruptReadParity()) parityOk = false;
    } else if (result.ack === SwdAck.Wait || result.ack === SwdAck.Fault) {
      bits += this.turnaround + (this.dataPhase ? DATA_AND_PARITY_BITS : 0);
    } else {
      // No acknowledge: the probe clocks out the rest of a packet to resynchronise.
      bits += this.turnaround + DATA_AND_PARITY_BITS;
    }
    this.counters.transfers++;
    this.spendBits(bits, this.transferOverheadNs);
    return { ack: result.ack, data: result.data, parityOk };
  }

  /** Host-driven bits on SWDIO (DAP_SWJ_Sequence, output phases of DAP_SWD_Sequence). */
  clockOut(bits: number[]): void {
    this.target.dp.wire.clockOut(bits);
    this.spendBits(bits.length, 0);
  }

  /**
   * Input cycles of DAP_SWD_Sequence: outside a packet nobody drives SWDIO and the
   * line's pull-up reads 1 (ADIv5.2 B4.1.1 "Line pull-up").
   */
  clockIn(count: number): number[] {
    this.spendBits(count, 0);
    return new Array<number>(count).fill(1);
  }

  /** Time at the current SWCLK for `bits` cycles. */
  bitTimeNs(bits: number): number {
    return (bits * 1e9) / this.swclkHz;
  }

  private spendBits(bits: number, overheadNs: number): void {
    this.counters.swdBits += bits;
    this.target.advance(this.bitTimeNs(bits) + overheadNs);
  }
}
