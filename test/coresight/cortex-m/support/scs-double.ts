/**
 * An in-memory MemoryInterface that models the halting-debug registers as the ARMv7-M ARM C1.6
 * describes them (and the ARMv6-M subset), for unit tests of the host's Cortex-M control before
 * the full simulator is reachable. It does not execute instructions: a step advances the PC by
 * one 16-bit instruction, and tests trigger breakpoint or watchpoint halts explicitly.
 */
import type { MemoryInterface } from '../../../../main/coresight/memory-interface';

export interface ScsDoubleOptions {
  cpuid: number;
  baseline: boolean;
  fpu?: boolean;
  /** FP_CTRL.REV: 0 for FPB v1 / BPU, 1 for FPB v2. */
  fpbRevision?: number;
  fpbComparators?: number;
  dwtComparators?: number;
  /** DHCSR reads that show S_REGRDY clear after each DCRSR write. */
  regReadyDelay?: number;
  /** DHCSR reads that keep S_RESET_ST after a reset request (core held in reset). */
  resetHoldReads?: number;
  flashSize?: number;
  ramSize?: number;
  /** Reset vectors written into flash at 0: [initial SP, reset handler | 1]. */
  vectors?: [number, number];
}

const FLASH_BASE = 0x00000000;
const RAM_BASE = 0x20000000;

export class TransferFault extends Error {
  constructor(readonly address: number) {
    super(`Transfer fault at 0x${address.toString(16).padStart(8, '0')}`);
  }
}

export class ScsDouble implements MemoryInterface {
  readonly flash: Uint8Array;
  readonly ram: Uint8Array;
  readonly core = new Uint32Array(0x60);
  halted = false;
  debugEnabled = false;
  maskInts = false;
  dfsr = 0;
  demcr = 0;
  cpacr = 0;
  vtor = 0;
  resetSticky = false;
  resetHold = 0;
  regReadyCountdown = 0;
  readonly fpComp: number[];
  fpCtrlEnable = false;
  readonly dwtComp: number[];
  readonly dwtMask: number[];
  readonly dwtFunction: number[];
  /** Every DHCSR value written with the key, for assertions on C_MASKINTS handling. */
  readonly dhcsrWrites: number[] = [];
  readonly aircrWrites: number[] = [];
  resets = 0;
  resetLineAsserted = false;

  constructor(readonly options: ScsDoubleOptions) {
    this.flash = new Uint8Array(options.flashSize ?? 0x10000);
    this.ram = new Uint8Array(options.ramSize ?? 0x10000);
    this.fpComp = new Array<number>(options.fpbComparators ?? 4).fill(0);
    const dwt = options.dwtComparators ?? 2;
    this.dwtComp = new Array<number>(dwt).fill(0);
    this.dwtMask = new Array<number>(dwt).fill(0);
    this.dwtFunction = new Array<number>(dwt).fill(0);
    const [sp, reset] = options.vectors ?? [0x20004000, 0x00000101];
    new DataView(this.flash.buffer).setUint32(0, sp, true);
    new DataView(this.flash.buffer).setUint32(4, reset, true);
  }

  /** nRESET as a probe drives it: a system reset when released. */
  readonly resetLine = {
    setResetAsserted: async (asserted: boolean): Promise<void> => {
      if (this.resetLineAsserted && !asserted) this.systemReset();
      this.resetLineAsserted = asserted;
    },
    pulseReset: async (durationMs: number): Promise<void> => {
      this.resetPulses.push(durationMs);
      this.systemReset();
    },
  };
  /** Durations of the nRESET pulses the core asked the probe for. */
  readonly resetPulses: number[] = [];

  /** What the core does on leaving reset (B1.5.5), including the reset vector catch (C1.6.5). */
  systemReset(): void {
    this.resets++;
    this.resetSticky = true;
    this.resetHold = this.options.resetHoldReads ?? 0;
    const view = new DataView(this.flash.buffer);
    this.core.fill(0);
    this.core[17] = view.getUint32(0, true) & ~3;
    this.core[13] = this.core[17]!;
    const vector = view.getUint32(4, true);
    this.core[15] = vector & ~1;
    this.core[14] = 0xffffffff;
    this.core[16] = (vector & 1) << 24;
    if (this.demcr & 1 && this.debugEnabled) {
      this.halted = true;
      this.dfsr |= 1 << 3;
    } else {
      this.halted = false;
    }
  }

  /** Simulates the program hitting a breakpoint (bit 1) or watchpoint (bit 2) at `pc`. */
  haltBy(dfsrBit: number, pc: number): void {
    this.core[15] = pc;
    this.halted = true;
    this.dfsr |= dfsrBit;
  }

  private dhcsr(): number {
    let value = 0;
    if (this.debugEnabled) value |= 1;
    if (this.halted) value |= 1 << 17 | 1 << 1;
    if (this.maskInts) value |= 1 << 3;
    if (this.regReadyCountdown > 0) this.regReadyCountdown--;
    else value |= 1 << 16;
    if (this.resetSticky) {
      value |= 1 << 25;
      if (this.resetHold > 0) this.resetHold--;
      else this.resetSticky = false;
    }
    return value >>> 0;
  }

  private writeDhcsr(value: number): void {
    if (value >>> 16 !== 0xa05f) return;
    this.dhcsrWrites.push(value >>> 0);
    this.debugEnabled = (value & 1) !== 0;
    const cHalt = (value & 2) !== 0;
    const cStep = (value & 4) !== 0;
    if (this.halted) this.maskInts = (value & 8) !== 0;
    if (!this.debugEnabled) {
      this.halted = false;
      return;
    }
    if (cHalt) {
      if (!this.halted) this.dfsr |= 1;
      this.halted = true;
    } else if (cStep && this.halted) {
      this.core[15] = (this.core[15]! + 2) >>> 0;
      this.dfsr |= 1;
    } else {
      this.halted = false;
    }
  }

  private writeDcrsr(value: number): void {
    if (!this.halted) return;
    const regsel = value & 0x7f;
    this.regReadyCountdown = this.options.regReadyDelay ?? 0;
    const fpuReg = regsel === 0x21 || regsel >= 0x40;
    if (fpuReg && !this.options.fpu) return;
    if (value & (1 << 16)) {
      const v = this.dcrdr;
      if (regsel === 13) this.core[this.core[0x14]! & (1 << 25) ? 18 : 17] = v;
      this.core[regsel] = v;
      if (regsel === 17 && !(this.core[0x14]! & (1 << 25))) this.core[13] = v;
    } else {
      this.dcrdr = this.core[regsel]!;
    }
  }

  private dcrdr = 0;

  private register(address: number): number | undefined {
    switch (address) {
      case 0xe000ed00: return this.options.cpuid;
      case 0xe000ed08: return this.options.baseline ? 0 : this.vtor;
      case 0xe000ed0c: return 0xfa050000;
      case 0xe000ed30: return this.dfsr;
      case 0xe000ed88: return this.cpacr;
      case 0xe000ef40: return this.options.fpu ? 0x10110021 : 0;
      case 0xe000edf0: return this.dhcsr();
      case 0xe000edf4: return 0;
      case 0xe000edf8: return this.dcrdr;
      case 0xe000edfc: return this.demcr;
      case 0xe0002000: {
        const n = this.fpComp.length;
        return ((this.options.fpbRevision ?? 0) << 28) | ((n >> 4) << 12) | ((n & 0xf) << 4) | (this.fpCtrlEnable ? 1 : 0);
      }
      case 0xe0001000: return this.dwtComp.length << 28;
    }
    if (address >= 0xe0002008 && address < 0xe0002008 + 4 * this.fpComp.length) return this.fpComp[(address - 0xe0002008) / 4];
    if (address >= 0xe0001020 && address < 0xe0001020 + 16 * this.dwtComp.length) {
      const i = (address - 0xe0001020) >> 4;
      return [this.dwtComp[i], this.dwtMask[i], this.dwtFunction[i], 0][(address & 0xf) >> 2];
    }
    return undefined;
  }

  private writeRegister(address: number, value: number): boolean {
    value >>>= 0;
    switch (address) {
      case 0xe000ed08: this.vtor = value; return true;
      case 0xe000ed0c:
        if (value >>> 16 !== 0x05fa) return true;
        this.aircrWrites.push(value);
        if (value & 4 || (value & 1 && !this.options.baseline)) this.systemReset();
        return true;
      case 0xe000ed30: this.dfsr &= ~value; return true;
      case 0xe000ed88: this.cpacr = this.options.fpu ? value & 0x00f00000 : 0; return true;
      case 0xe000edf0: this.writeDhcsr(value); return true;
      case 0xe000edf4: this.writeDcrsr(value); return true;
      case 0xe000edf8: this.dcrdr = value; return true;
      case 0xe000edfc: this.demcr = this.options.baseline ? value & 0x01000401 : value & 0x010f07f1; return true;
      case 0xe0002000: if (value & 2) this.fpCtrlEnable = (value & 1) !== 0; return true;
    }
    if (address >= 0xe0002008 && address < 0xe0002008 + 4 * this.fpComp.length) {
      this.fpComp[(address - 0xe0002008) / 4] = value;
      return true;
    }
    if (address >= 0xe0001020 && address < 0xe0001020 + 16 * this.dwtComp.length) {
      const i = (address - 0xe0001020) >> 4;
      const which = (address & 0xf) >> 2;
      if (which === 0) this.dwtComp[i] = value;
      else if (which === 1) this.dwtMask[i] = value;
      else if (which === 2) this.dwtFunction[i] = value;
      return true;
    }
    return false;
  }

  private bytes(address: number, length: number): { mem: Uint8Array; offset: number; writable: boolean } {
    if (address >= FLASH_BASE && address + length <= FLASH_BASE + this.flash.length) return { mem: this.flash, offset: address - FLASH_BASE, writable: false };
    if (address >= RAM_BASE && address + length <= RAM_BASE + this.ram.length) return { mem: this.ram, offset: address - RAM_BASE, writable: true };
    throw new TransferFault(address);
  }

  private readN(address: number, n: number): number {
    const { mem, offset } = this.bytes(address, n);
    let v = 0;
    for (let i = n - 1; i >= 0; i--) v = (v << 8) | mem[offset + i]!;
    return v >>> 0;
  }

  private writeN(address: number, n: number, value: number): void {
    const { mem, offset, writable } = this.bytes(address, n);
    if (!writable) throw new TransferFault(address);
    for (let i = 0; i < n; i++) mem[offset + i] = (value >>> (8 * i)) & 0xff;
  }

  async read8(address: number): Promise<number> { return this.readN(address, 1); }
  async read16(address: number): Promise<number> { return this.readN(address, 2); }
  async read32(address: number): Promise<number> {
    const reg = this.register(address >>> 0);
    return reg !== undefined ? reg >>> 0 : this.readN(address, 4);
  }
  async write8(address: number, value: number): Promise<void> { this.writeN(address, 1, value); }
  async write16(address: number, value: number): Promise<void> { this.writeN(address, 2, value); }
  async write32(address: number, value: number): Promise<void> {
    if (!this.writeRegister(address >>> 0, value)) this.writeN(address, 4, value);
  }
  async readBlock32(address: number, count: number): Promise<Uint32Array> {
    return Uint32Array.from({ length: count }, (_, i) => this.readN(address + 4 * i, 4));
  }
  async writeBlock32(address: number, words: Uint32Array | readonly number[]): Promise<void> {
    Array.from(words).forEach((w, i) => this.writeN(address + 4 * i, 4, w));
  }
  async readBytes(address: number, length: number): Promise<Uint8Array> {
    return Uint8Array.from({ length }, (_, i) => this.readN(address + i, 1));
  }
  async writeBytes(address: number, data: Uint8Array): Promise<void> {
    data.forEach((b, i) => this.writeN(address + i, 1, b));
  }
}

export const CORTEX_M4_CPUID = 0x410fc241;
export const CORTEX_M0PLUS_CPUID = 0x410cc601;

export function m4Double(overrides: Partial<ScsDoubleOptions> = {}): ScsDouble {
  return new ScsDouble({ cpuid: CORTEX_M4_CPUID, baseline: false, fpu: true, fpbRevision: 0, fpbComparators: 6, dwtComparators: 4, ...overrides });
}

export function m0plusDouble(overrides: Partial<ScsDoubleOptions> = {}): ScsDouble {
  return new ScsDouble({ cpuid: CORTEX_M0PLUS_CPUID, baseline: true, fpu: false, fpbRevision: 0, fpbComparators: 4, dwtComparators: 2, ...overrides });
}
