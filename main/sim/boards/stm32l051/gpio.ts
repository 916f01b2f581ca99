import type { VirtualClock } from '../../clock/virtual-clock';
import type { BoardIo } from '../common/board-io';
import { RegisterBlock, StorageRegister } from '../common/register-block';

/** Register offsets, RM0377 section 9.4 "GPIO registers". */
const MODER = 0x00;
const OTYPER = 0x04;
const OSPEEDR = 0x08;
const PUPDR = 0x0c;
const IDR = 0x10;
const ODR = 0x14;
const BSRR = 0x18;
const LCKR = 0x1c;
const AFRL = 0x20;
const AFRH = 0x24;
const BRR = 0x28;

/** MODER value of a general-purpose output pin. */
const MODE_OUTPUT = 1;

/**
 * One GPIO port (RM0377 chapter 9). Nothing drives the pins from outside, so IDR shows the
 * level of output pins and 0 for the others. A pin reports its level on the board I/O channel
 * while MODER makes it a general-purpose output, and null otherwise (input, analog, or an
 * alternate function whose peripheral drives it).
 */
export class GpioPort {
  readonly registers: RegisterBlock;
  private readonly moder: StorageRegister;
  private readonly otyper = new StorageRegister(0, 0xffff);
  private readonly ospeedr: StorageRegister;
  private readonly pupdr: StorageRegister;
  private odr = 0;
  private lckr = 0;
  private readonly afrl = new StorageRegister(0);
  private readonly afrh = new StorageRegister(0);

  /** Reset values: port A differs from the others because PA13/PA14 are SWD (RM0377 9.4.1, 9.4.3, 9.4.4). */
  constructor(
    readonly portName: string,
    resets: { moder: number; ospeedr: number; pupdr: number },
    private readonly clock: VirtualClock,
    private readonly io: BoardIo,
  ) {
    this.moder = new StorageRegister(resets.moder);
    this.ospeedr = new StorageRegister(resets.ospeedr);
    this.pupdr = new StorageRegister(resets.pupdr);
    const r = new RegisterBlock(portName);
    this.registers = r;
    const reporting = (reg: StorageRegister) => ({
      read: () => reg.read(),
      write: (v: number, m: number) => {
        reg.write(v, m);
        this.report();
      },
    });
    r.define(MODER, reporting(this.moder));
    r.define(OTYPER, this.otyper);
    r.define(OSPEEDR, this.ospeedr);
    r.define(PUPDR, this.pupdr);
    r.defineFn(IDR, () => this.input());
    r.defineFn(ODR, () => this.odr, (v, m) => this.setOdr((this.odr & ~m) | (v & m & 0xffff)));
    // BSRR: bits 15:0 set, bits 31:16 reset; set wins when both are written (RM0377 GPIOx_BSRR).
    r.defineFn(BSRR, () => 0, (v) => this.setOdr((this.odr & ~(v >>> 16)) | (v & 0xffff)));
    r.defineFn(LCKR, () => this.lckr, (v) => {
      this.lckr = v & 0x1ffff;
    });
    r.define(AFRL, this.afrl);
    r.define(AFRH, this.afrh);
    r.defineFn(BRR, () => 0, (v) => this.setOdr(this.odr & ~(v & 0xffff)));
  }

  reset(): void {
    for (const reg of [this.moder, this.otyper, this.ospeedr, this.pupdr, this.afrl, this.afrh]) reg.reset();
    this.odr = 0;
    this.lckr = 0;
    this.report();
  }

  private setOdr(value: number): void {
    this.odr = value & 0xffff;
    this.report();
  }

  private input(): number {
    let v = 0;
    for (let n = 0; n < 16; n++) if (((this.moder.value >>> (2 * n)) & 3) === MODE_OUTPUT) v |= this.odr & (1 << n);
    return v;
  }

  private report(): void {
    for (let n = 0; n < 16; n++) {
      const output = ((this.moder.value >>> (2 * n)) & 3) === MODE_OUTPUT;
      this.io.gpioLevel(this.portName, n, output ? (((this.odr >>> n) & 1) as 0 | 1) : null, this.clock.now);
    }
  }
}
