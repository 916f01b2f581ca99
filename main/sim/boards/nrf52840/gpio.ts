import type { VirtualClock } from '../../clock/virtual-clock';
import type { BoardIo } from '../common/board-io';
import type { RegisterBlock } from '../common/register-block';

/** Offsets inside one port's register set, relative to the port base (PS chapter "GPIO — General purpose input/output", "Registers"). */
const OUT = 0x504;
const OUTSET = 0x508;
const OUTCLR = 0x50c;
const IN = 0x510;
const DIR = 0x514;
const DIRSET = 0x518;
const DIRCLR = 0x51c;
const LATCH = 0x520;
const DETECTMODE = 0x524;
const PIN_CNF = 0x700;
/** PIN_CNF reset value: input, input buffer disconnected (PS register PIN_CNF[n]). */
const PIN_CNF_RESET = 0x0000_0002;
/** PIN_CNF.INPUT (bit 1) = 1 disconnects the input buffer. */
const PIN_CNF_INPUT_DISCONNECT = 1 << 1;

/**
 * One GPIO port (P0 with 32 pins, P1 with 16), nRF52840 PS "GPIO". DIR and PIN_CNF[n].DIR are
 * the same bit. Nothing drives the pins from outside, so IN shows the driven level of output
 * pins whose input buffer is connected and 0 elsewhere. Every change of a pin's driven level
 * is reported on the board I/O channel.
 */
export class GpioPort {
  private out = 0;
  private readonly pinCnf: number[];
  private latch = 0;
  private detectMode = 0;

  constructor(
    readonly portName: string,
    private readonly pinCount: number,
    private readonly clock: VirtualClock,
    private readonly io: BoardIo,
  ) {
    this.pinCnf = new Array<number>(pinCount).fill(PIN_CNF_RESET);
  }

  /** Defines this port's registers in `block` at `portOffset` (P0: 0x000, P1: 0x300). */
  mapInto(block: RegisterBlock, portOffset: number): void {
    const at = (o: number): number => portOffset + o;
    const mask = this.pinCount === 32 ? 0xffffffff : (1 << this.pinCount) - 1;
    block.defineFn(at(OUT), () => this.out, (v, m) => this.setOut((this.out & ~m) | (v & m & mask)));
    block.defineFn(at(OUTSET), () => this.out, (v) => this.setOut(this.out | (v & mask)));
    block.defineFn(at(OUTCLR), () => this.out, (v) => this.setOut(this.out & ~v));
    block.defineFn(at(IN), () => this.input());
    block.defineFn(at(DIR), () => this.dir(), (v, m) => this.setDir((this.dir() & ~m) | (v & m & mask)));
    block.defineFn(at(DIRSET), () => this.dir(), (v) => this.setDir(this.dir() | (v & mask)));
    block.defineFn(at(DIRCLR), () => this.dir(), (v) => this.setDir(this.dir() & ~v));
    block.defineFn(at(LATCH), () => this.latch, (v) => {
      this.latch &= ~v;
    });
    block.defineFn(at(DETECTMODE), () => this.detectMode, (v) => {
      this.detectMode = v & 1;
    });
    for (let n = 0; n < this.pinCount; n++) {
      block.defineFn(at(PIN_CNF + 4 * n), () => this.pinCnf[n]!, (v, m) => {
        this.pinCnf[n] = ((this.pinCnf[n]! & ~m) | (v & m)) & 0x0003_070f;
        this.report();
      });
    }
  }

  reset(): void {
    this.out = 0;
    this.pinCnf.fill(PIN_CNF_RESET);
    this.latch = 0;
    this.detectMode = 0;
    this.report();
  }

  private dir(): number {
    let d = 0;
    for (let n = 0; n < this.pinCount; n++) d |= (this.pinCnf[n]! & 1) << n;
    return d >>> 0;
  }

  private setDir(value: number): void {
    for (let n = 0; n < this.pinCount; n++) this.pinCnf[n] = (this.pinCnf[n]! & ~1) | ((value >>> n) & 1);
    this.report();
  }

  private setOut(value: number): void {
    this.out = value >>> 0;
    this.report();
  }

  private input(): number {
    let v = 0;
    for (let n = 0; n < this.pinCount; n++) {
      const cnf = this.pinCnf[n]!;
      if ((cnf & PIN_CNF_INPUT_DISCONNECT) === 0 && (cnf & 1) === 1) v |= ((this.out >>> n) & 1) << n;
    }
    return v >>> 0;
  }

  private report(): void {
    for (let n = 0; n < this.pinCount; n++) {
      const level = (this.pinCnf[n]! & 1) === 1 ? (((this.out >>> n) & 1) as 0 | 1) : null;
      this.io.gpioLevel(this.portName, n, level, this.clock.now);
    }
  }
}
