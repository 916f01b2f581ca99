import { BusMaster } from '../../bus/bus-types';
import type { ClockEvent, VirtualClock } from '../../clock/virtual-clock';
import type { CoreLink } from '../common/board-core';
import type { BoardIo } from '../common/board-io';
import { RegisterBlock, StorageRegister } from '../common/register-block';

/** Register offsets, RM0377 section 24.8 "USART registers". */
const CR1 = 0x00;
const CR2 = 0x04;
const CR3 = 0x08;
const BRR = 0x0c;
const GTPR = 0x10;
const RTOR = 0x14;
const RQR = 0x18;
const ISR = 0x1c;
const ICR = 0x20;
const RDR = 0x24;
const TDR = 0x28;

const CR1_UE = 1 << 0;
const CR1_TE = 1 << 3;
const CR1_TCIE = 1 << 6;
const CR1_TXEIE = 1 << 7;
const CR1_M0 = 1 << 12;
const CR1_OVER8 = 1 << 15;
const CR1_M1 = 1 << 28;
const ISR_TC = 1 << 6;
const ISR_TXE = 1 << 7;
const ISR_TEACK = 1 << 21;
const ICR_TCCF = 1 << 6;

/**
 * A USART, transmit side (RM0377 chapter 24 "USART", "USART transmitter"): with UE and TE set,
 * a byte written to TDR moves to the shift register as soon as it is free (TXE set again),
 * is shifted out in one frame time, and TC is set when the last frame ends with TDR empty.
 * Frame = start bit + M data bits + the STOP bits of CR2; the baud rate is fck / BRR
 * (OVER8 = 0) or 2·fck / BRR (OVER8 = 1), fck from `kernelClockHz`. Nothing is received.
 */
export class Usart {
  readonly registers: RegisterBlock;
  private readonly cr1 = new StorageRegister(0, 0x1fff_fffd);
  private readonly cr2 = new StorageRegister(0, 0xffff_fff0);
  private readonly cr3 = new StorageRegister(0, 0x00f7_ffff);
  private readonly brr = new StorageRegister(0, 0xffff);
  private readonly gtpr = new StorageRegister(0, 0xffff);
  private readonly rtor = new StorageRegister(0, 0xffff_ffff);
  private isrFlags = ISR_TC | ISR_TXE;
  private tdr: number | undefined;
  private shifting: ClockEvent | undefined;

  constructor(
    readonly portName: string,
    private readonly irq: number,
    private readonly kernelClockHz: () => number,
    private readonly clock: VirtualClock,
    private readonly io: BoardIo,
    private readonly core: CoreLink,
  ) {
    const r = new RegisterBlock(portName);
    this.registers = r;
    r.define(CR1, {
      read: () => this.cr1.read(),
      write: (v, m) => {
        this.cr1.write(v, m);
        this.interrupts();
      },
    });
    r.define(CR2, this.cr2);
    r.define(CR3, this.cr3);
    r.define(BRR, this.brr);
    r.define(GTPR, this.gtpr);
    r.define(RTOR, this.rtor);
    r.defineFn(RQR, () => 0, () => undefined);
    // A core polling TXE/TC while a frame is on the line waits for it in one stall.
    r.defineFn(ISR, (master) => {
      if (master === BusMaster.Core && this.shifting !== undefined) this.core.stallUntil(this.shifting.at);
      return this.isr();
    });
    r.defineFn(ICR, () => 0, (v) => {
      if ((v & ICR_TCCF) !== 0) this.isrFlags &= ~ISR_TC;
    });
    r.defineFn(RDR, () => 0);
    r.defineFn(TDR, () => this.tdr ?? 0, (v) => this.writeTdr(v & 0x1ff));
  }

  reset(): void {
    for (const reg of [this.cr1, this.cr2, this.cr3, this.brr, this.gtpr, this.rtor]) reg.reset();
    this.isrFlags = ISR_TC | ISR_TXE;
    this.tdr = undefined;
    if (this.shifting !== undefined) this.clock.cancel(this.shifting);
    this.shifting = undefined;
  }

  /** Nanoseconds one frame occupies the line at the current settings. */
  frameTimeNs(): number {
    const cr1 = this.cr1.value;
    const dataBits = (cr1 & CR1_M1) !== 0 ? 7 : (cr1 & CR1_M0) !== 0 ? 9 : 8;
    const stopBits = [1, 0.5, 2, 1.5][(this.cr2.value >>> 12) & 3]!;
    const brr = this.brr.value;
    const baud = brr === 0 ? 0 : (cr1 & CR1_OVER8) !== 0 ? (2 * this.kernelClockHz()) / brr : this.kernelClockHz() / brr;
    return baud > 0 ? ((1 + dataBits + stopBits) * 1e9) / baud : Infinity;
  }

  private enabled(): boolean {
    const cr1 = this.cr1.value;
    return (cr1 & CR1_UE) !== 0 && (cr1 & CR1_TE) !== 0;
  }

  private isr(): number {
    return this.isrFlags | (this.enabled() ? ISR_TEACK : 0);
  }

  private writeTdr(value: number): void {
    if (!this.enabled() || !Number.isFinite(this.frameTimeNs())) return;
    if (this.shifting === undefined) this.shiftOut(value);
    else {
      this.tdr = value;
      this.isrFlags &= ~ISR_TXE;
    }
  }

  private shiftOut(value: number): void {
    this.isrFlags = (this.isrFlags | ISR_TXE) & ~ISR_TC;
    this.shifting = this.clock.after(this.frameTimeNs(), () => {
      this.shifting = undefined;
      this.io.uartOutput(this.portName, value & 0xff, this.clock.now);
      const next = this.tdr;
      this.tdr = undefined;
      if (next !== undefined && this.enabled()) this.shiftOut(next);
      else this.isrFlags |= ISR_TC | ISR_TXE;
      this.interrupts();
    });
    this.interrupts();
  }

  private interrupts(): void {
    const cr1 = this.cr1.value;
    if (((cr1 & CR1_TXEIE) !== 0 && (this.isrFlags & ISR_TXE) !== 0) || ((cr1 & CR1_TCIE) !== 0 && (this.isrFlags & ISR_TC) !== 0)) {
      this.core.setIrqPending(this.irq);
    }
  }
}
