import { BusMaster } from '../../bus/bus-types';
import type { ClockEvent, VirtualClock } from '../../clock/virtual-clock';
import type { CoreLink } from '../common/board-core';
import type { BoardIo } from '../common/board-io';
import { RegisterBlock, StorageRegister } from '../common/register-block';
import { IRQ_UART0 } from './memory-map';

/** Register offsets of the legacy UART (nRF52840 PS, chapter "UART — Universal asynchronous receiver/transmitter", "Registers"). */
const TASKS_STARTRX = 0x000;
const TASKS_STOPRX = 0x004;
const TASKS_STARTTX = 0x008;
const TASKS_STOPTX = 0x00c;
const TASKS_SUSPEND = 0x01c;
const EVENTS_CTS = 0x100;
const EVENTS_NCTS = 0x104;
const EVENTS_RXDRDY = 0x108;
const EVENTS_TXDRDY = 0x11c;
const EVENTS_ERROR = 0x124;
const EVENTS_RXTO = 0x144;
const SHORTS = 0x200;
const INTENSET = 0x304;
const INTENCLR = 0x308;
const ERRORSRC = 0x480;
const ENABLE = 0x500;
const PSEL_RTS = 0x508;
const PSEL_TXD = 0x50c;
const PSEL_CTS = 0x510;
const PSEL_RXD = 0x514;
const RXD = 0x518;
const TXD = 0x51c;
const BAUDRATE = 0x524;
const CONFIG = 0x56c;

/** ENABLE value selecting the UART (PS register ENABLE: Enabled = 4). */
const ENABLE_UART = 4;
/** INTEN bit of the TXDRDY event (bit 7). */
const INTEN_TXDRDY = 1 << 7;

/**
 * UART0, transmit side (nRF52840 PS, UART chapter "UART transmission"): after STARTTX, a byte
 * written to TXD is shifted out and TXDRDY is generated when it has been sent. One start bit,
 * eight data bits, one stop bit (plus a parity bit when CONFIG.PARITY is included); the bit
 * time comes from BAUDRATE, whose value is the baud rate × 2^32 / 16 MHz (PS register
 * BAUDRATE: 0x01D7E000 = 115200 baud). The receive side has no input here: RXD reads 0 and
 * RXDRDY never fires.
 */
export class Uart0 {
  readonly registers = new RegisterBlock('UART0');
  private readonly enable = new StorageRegister(0, 0xf);
  private readonly baudrate = new StorageRegister(0x0400_0000);
  private readonly config = new StorageRegister(0, 0x1f);
  private readonly shorts = new StorageRegister(0, 0x18);
  private readonly pselRts = new StorageRegister(0xffffffff, 0x8000003f);
  private readonly pselTxd = new StorageRegister(0xffffffff, 0x8000003f);
  private readonly pselCts = new StorageRegister(0xffffffff, 0x8000003f);
  private readonly pselRxd = new StorageRegister(0xffffffff, 0x8000003f);
  private readonly errorSrc = new StorageRegister(0, 0xf);
  private inten = 0;
  private readonly events = new Map<number, number>();
  private txStarted = false;
  private txPending: ClockEvent | undefined;

  constructor(
    private readonly clock: VirtualClock,
    private readonly io: BoardIo,
    private readonly core: CoreLink,
  ) {
    const r = this.registers;
    const task = (offset: number, run: () => void): void =>
      r.defineFn(offset, () => 0, (v) => {
        if ((v & 1) !== 0) run();
      });
    task(TASKS_STARTRX, () => undefined);
    task(TASKS_STOPRX, () => undefined);
    task(TASKS_STARTTX, () => {
      this.txStarted = true;
    });
    task(TASKS_STOPTX, () => {
      this.txStarted = false;
    });
    task(TASKS_SUSPEND, () => {
      this.txStarted = false;
    });
    for (const e of [EVENTS_CTS, EVENTS_NCTS, EVENTS_RXDRDY, EVENTS_ERROR, EVENTS_RXTO]) {
      r.defineFn(e, () => this.events.get(e) ?? 0, (v) => {
        this.events.set(e, v & 1);
      });
    }
    // A core polling TXDRDY while a byte is on the line waits for it in one stall.
    r.defineFn(EVENTS_TXDRDY, (master) => {
      const value = this.events.get(EVENTS_TXDRDY) ?? 0;
      if (value === 0 && master === BusMaster.Core && this.txPending !== undefined) this.core.stallUntil(this.txPending.at);
      return value;
    }, (v) => {
      this.events.set(EVENTS_TXDRDY, v & 1);
    });
    r.define(SHORTS, this.shorts);
    r.defineFn(INTENSET, () => this.inten, (v) => {
      this.inten |= v & 0x2_0287;
    });
    r.defineFn(INTENCLR, () => this.inten, (v) => {
      this.inten &= ~v;
    });
    r.defineFn(ERRORSRC, () => this.errorSrc.value, (v) => {
      this.errorSrc.value &= ~v;
    });
    r.define(ENABLE, this.enable);
    r.define(PSEL_RTS, this.pselRts);
    r.define(PSEL_TXD, this.pselTxd);
    r.define(PSEL_CTS, this.pselCts);
    r.define(PSEL_RXD, this.pselRxd);
    r.defineFn(RXD, () => 0);
    r.defineFn(TXD, () => 0, (v) => this.transmit(v & 0xff));
    r.define(BAUDRATE, this.baudrate);
    r.define(CONFIG, this.config);
  }

  /** Nanoseconds one character occupies the line. */
  characterTimeNs(): number {
    const baud = (this.baudrate.value * 16_000_000) / 2 ** 32;
    const bits = 10 + ((this.config.value >>> 1) & 7 ? 1 : 0) + ((this.config.value >>> 4) & 1);
    return baud > 0 ? (bits * 1e9) / baud : Infinity;
  }

  reset(): void {
    for (const reg of [this.enable, this.baudrate, this.config, this.shorts, this.pselRts, this.pselTxd, this.pselCts, this.pselRxd, this.errorSrc]) reg.reset();
    this.inten = 0;
    this.events.clear();
    this.txStarted = false;
    if (this.txPending !== undefined) this.clock.cancel(this.txPending);
    this.txPending = undefined;
  }

  private transmit(byte: number): void {
    if ((this.enable.value & 0xf) !== ENABLE_UART || !this.txStarted) return;
    const duration = this.characterTimeNs();
    if (!Number.isFinite(duration)) return;
    const start = this.txPending !== undefined ? this.txPending.at : this.clock.now;
    this.txPending = this.clock.schedule(start + duration, () => {
      this.txPending = undefined;
      this.io.uartOutput('UART0', byte, this.clock.now);
      this.events.set(EVENTS_TXDRDY, 1);
      if ((this.inten & INTEN_TXDRDY) !== 0) this.core.setIrqPending(IRQ_UART0);
    });
  }
}
