import { type Cpu, type Exec, undefinedExec as undefined32 } from './cpu';

/**
 * The 32-bit Thumb loads and stores (ARMv7-M A5.3.5-A5.3.10): single items in every addressing
 * form, LDM/STM/PUSH/POP wide, LDRD/STRD, the exclusives with the local monitor, TBB/TBH.
 */

const LOAD_EXTRA = 1;
const BRANCH_EXTRA = 2;

type Access = 'word' | 'half' | 'byte' | 'shalf' | 'sbyte';

/**
 * One load of `access` size. Called with a constant `access` from each decoded closure, so V8
 * inlines it there; a per-access loader function would be one more megamorphic call per load.
 */
function load(c: Cpu, access: Access, a: number): number {
  switch (access) {
    case 'word':
      return c.ld32(a);
    case 'half':
      return c.ld16(a);
    case 'shalf':
      return (c.ld16(a) << 16) >> 16;
    case 'byte':
      return c.ld8(a);
    default:
      return (c.ld8(a) << 24) >> 24;
  }
}

function store(c: Cpu, access: Access, a: number, v: number): void {
  if (access === 'word') c.st32(a, v);
  else if (access === 'half') c.st16(a, v);
  else c.st8(a, v);
}

/** Addressing of A5.3.7-A5.3.10: Rn + offset, Rn + offset with writeback, Rn then writeback, Rn + (Rm << shift). */
const enum Mode {
  Offset,
  PreIndexed,
  PostIndexed,
  Register,
}

/** A5.3.7-A5.3.10: LDR/LDRB/LDRH/LDRSB/LDRSH/STR/STRB/STRH, immediate, register and literal. */
export function loadStoreSingle(hw1: number, hw2: number, pc: number, next: number, encoding: number): Exec {
  const signed = (hw1 & 0x100) !== 0;
  const size = (hw1 >>> 5) & 3;
  const isLoad = (hw1 & 0x10) !== 0;
  const n = hw1 & 0xf;
  const t = (hw2 >>> 12) & 0xf;
  if (size === 3 || (!isLoad && signed) || (!isLoad && n === 15)) return undefined32(pc, encoding);
  if (signed && size === 2) return undefined32(pc, encoding);
  const access: Access = size === 2 ? 'word' : size === 1 ? (signed ? 'shalf' : 'half') : signed ? 'sbyte' : 'byte';
  // Byte and halfword loads to PC are the PLD/PLI preload hints: NOPs here (A5.3.8, A5.3.9).
  if (isLoad && t === 15 && size !== 2) {
    return (c) => {
      c.pc = next;
    };
  }
  const toPc = isLoad && t === 15;
  if (isLoad && n === 15) {
    const base = (pc + 4) & ~3;
    const address = (base + ((hw1 & 0x80) !== 0 ? 1 : -1) * (hw2 & 0xfff)) >>> 0;
    if (toPc) return loadToPc(access, Mode.Offset, n, address, 0, 0);
    return (c) => {
      c.r[t] = load(c, access, address);
      c.cycles += LOAD_EXTRA;
      c.pc = next;
    };
  }
  let mode: Mode;
  let offset = 0;
  let m = 0;
  if ((hw1 & 0x80) !== 0) {
    mode = Mode.Offset;
    offset = hw2 & 0xfff;
  } else if ((hw2 & 0x800) !== 0) {
    const index = (hw2 & 0x400) !== 0;
    const wback = (hw2 & 0x100) !== 0;
    if (!index && !wback) return undefined32(pc, encoding);
    offset = ((hw2 & 0x200) !== 0 ? 1 : -1) * (hw2 & 0xff);
    mode = !wback ? Mode.Offset : index ? Mode.PreIndexed : Mode.PostIndexed;
  } else if ((hw2 & 0xfc0) === 0) {
    mode = Mode.Register;
    m = hw2 & 0xf;
    offset = (hw2 >>> 4) & 3;
  } else {
    return undefined32(pc, encoding);
  }
  if (toPc) return loadToPc(access, mode, n, 0, offset, m);
  if (isLoad) return loadRegister(access, mode, t, n, offset, m, next);
  return storeRegister(access, mode, t, n, offset, m, next);
}

function loadRegister(access: Access, mode: Mode, t: number, n: number, offset: number, m: number, next: number): Exec {
  switch (mode) {
    case Mode.Offset:
      return (c) => {
        c.r[t] = load(c, access, c.r[n]! + offset);
        c.cycles += LOAD_EXTRA;
        c.pc = next;
      };
    case Mode.PreIndexed:
      return (c) => {
        const address = c.r[n]! + offset;
        const value = load(c, access, address);
        c.r[n] = address;
        c.r[t] = value;
        c.cycles += LOAD_EXTRA;
        c.pc = next;
      };
    case Mode.PostIndexed:
      return (c) => {
        const address = c.r[n]!;
        const value = load(c, access, address);
        c.r[n] = address + offset;
        c.r[t] = value;
        c.cycles += LOAD_EXTRA;
        c.pc = next;
      };
    default:
      return (c) => {
        c.r[t] = load(c, access, c.r[n]! + (c.r[m]! << offset));
        c.cycles += LOAD_EXTRA;
        c.pc = next;
      };
  }
}

function storeRegister(access: Access, mode: Mode, t: number, n: number, offset: number, m: number, next: number): Exec {
  switch (mode) {
    case Mode.Offset:
      return (c) => {
        store(c, access, c.r[n]! + offset, c.r[t]!);
        c.pc = next;
      };
    case Mode.PreIndexed:
      return (c) => {
        const address = c.r[n]! + offset;
        store(c, access, address, c.r[t]!);
        c.r[n] = address;
        c.pc = next;
      };
    case Mode.PostIndexed:
      return (c) => {
        const address = c.r[n]!;
        store(c, access, address, c.r[t]!);
        c.r[n] = address + offset;
        c.pc = next;
      };
    default:
      return (c) => {
        store(c, access, c.r[n]! + (c.r[m]! << offset), c.r[t]!);
        c.pc = next;
      };
  }
}

/** LDR PC (A7.7.42-A7.7.44): LoadWritePC after any writeback; `literal` is the address when n is 15. */
function loadToPc(access: Access, mode: Mode, n: number, literal: number, offset: number, m: number): Exec {
  return (c) => {
    const base = n === 15 ? literal : c.r[n]!;
    const address = mode === Mode.Register ? base + (c.r[m]! << offset) : mode === Mode.PostIndexed ? base : base + offset;
    const value = load(c, access, address);
    if (mode === Mode.PreIndexed || mode === Mode.PostIndexed) c.r[n] = base + offset;
    c.cycles += LOAD_EXTRA + BRANCH_EXTRA;
    c.bxWritePc(value);
  };
}

/** A5.3.5: STM/STMDB/LDM/LDMDB (PUSH.W/POP.W) with optional writeback. */
export function loadStoreMultiple(hw1: number, hw2: number, pc: number, next: number, encoding: number): Exec {
  const op = (hw1 >>> 7) & 3;
  const load = (hw1 & 0x10) !== 0;
  const wback = (hw1 & 0x20) !== 0;
  const n = hw1 & 0xf;
  const list = hw2 & (load ? 0xdfff : 0x5fff);
  if (op === 0 || op === 3 || list === 0 || n === 15) return undefined32(pc, encoding);
  if (load && (hw2 & 0xc000) === 0xc000) return undefined32(pc, encoding);
  const regs: number[] = [];
  for (let i = 0; i < 16; i++) if ((list >>> i) & 1) regs.push(i);
  const size = 4 * regs.length;
  const decrement = op === 2;
  const writesBase = load && ((list >>> n) & 1) !== 0;
  const values = new Int32Array(16);
  if (load) {
    return (c) => {
      const base = c.r[n]!;
      const start = decrement ? base - size : base;
      for (let i = 0; i < regs.length; i++) values[i] = c.ld32a(start + 4 * i);
      if (wback && !writesBase) c.r[n] = decrement ? start : base + size;
      for (let i = 0; i < regs.length; i++) {
        const reg = regs[i]!;
        if (reg !== 15) c.r[reg] = values[i]!;
      }
      c.cycles += regs.length;
      if ((list & 0x8000) !== 0) {
        c.cycles += BRANCH_EXTRA;
        c.bxWritePc(values[regs.length - 1]!);
      } else {
        c.pc = next;
      }
    };
  }
  return (c) => {
    const base = c.r[n]!;
    const start = decrement ? base - size : base;
    for (let i = 0; i < regs.length; i++) c.st32a(start + 4 * i, c.r[regs[i]!]!);
    if (wback) c.r[n] = decrement ? start : base + size;
    c.cycles += regs.length;
    c.pc = next;
  };
}

/** A5.3.6: LDRD/STRD, LDREX/STREX (word, byte, halfword), TBB/TBH. */
export function loadStoreDualExclusive(hw1: number, hw2: number, pc: number, next: number, encoding: number): Exec {
  const op1 = (hw1 >>> 7) & 3;
  const op2 = (hw1 >>> 4) & 3;
  const op3 = (hw2 >>> 4) & 0xf;
  const n = hw1 & 0xf;
  const t = (hw2 >>> 12) & 0xf;
  const t2 = (hw2 >>> 8) & 0xf;
  if (op1 === 0 && op2 === 0) {
    const d = t2;
    const offset = (hw2 & 0xff) << 2;
    return (c) => {
      const address = (c.r[n]! + offset) >>> 0;
      c.r[d] = storeExclusive(c, address, 4, c.r[t]!);
      c.pc = next;
    };
  }
  if (op1 === 0 && op2 === 1) {
    const offset = (hw2 & 0xff) << 2;
    return (c) => {
      const address = (c.r[n]! + offset) >>> 0;
      c.r[t] = c.ld32a(address);
      c.exclusiveAddress = address;
      c.pc = next;
    };
  }
  if ((op1 & 2) !== 0 || (op2 & 2) !== 0) return dual(hw1, hw2, pc, next, encoding);
  if (op1 === 1 && op2 === 0 && (op3 === 4 || op3 === 5)) {
    const width = op3 === 4 ? 1 : 2;
    const d = hw2 & 0xf;
    return (c) => {
      c.r[d] = storeExclusive(c, c.r[n]! >>> 0, width, c.r[t]!);
      c.pc = next;
    };
  }
  if (op1 === 1 && op2 === 1) {
    if (op3 === 0 || op3 === 1) {
      const m = hw2 & 0xf;
      const half = op3 === 1;
      const base = n === 15 ? (pc + 4) | 0 : -1;
      return (c) => {
        const rn = n === 15 ? base : c.r[n]!;
        const entry = half ? c.ld16a(rn + (c.r[m]! << 1)) : c.ld8(rn + c.r[m]!);
        c.cycles += BRANCH_EXTRA + LOAD_EXTRA;
        c.pc = (pc + 4 + 2 * entry) >>> 0;
      };
    }
    if (op3 === 4 || op3 === 5) {
      const half = op3 === 5;
      return (c) => {
        const address = c.r[n]! >>> 0;
        c.r[t] = half ? c.ld16a(address) : c.ld8(address);
        c.exclusiveAddress = address;
        c.pc = next;
      };
    }
  }
  return undefined32(pc, encoding);
}

/**
 * STREX with the local monitor only (A3.4.2): succeeds (0) when the monitor holds this address,
 * and always returns the monitor to Open Access.
 */
function storeExclusive(c: Cpu, address: number, width: number, value: number): number {
  if ((address & (width - 1)) !== 0) {
    if (width === 4) c.st32a(address, value);
    else c.st16a(address, value);
  }
  if (c.exclusiveAddress !== address) {
    c.exclusiveAddress = -1;
    return 1;
  }
  if (width === 4) c.st32a(address, value);
  else if (width === 2) c.st16a(address, value);
  else c.st8(address, value);
  c.exclusiveAddress = -1;
  return 0;
}

/** LDRD/STRD immediate and LDRD literal (A7.7.50, A7.7.51, A7.7.163). */
function dual(hw1: number, hw2: number, pc: number, next: number, encoding: number): Exec {
  const index = (hw1 & 0x100) !== 0;
  const add = (hw1 & 0x80) !== 0;
  const wback = (hw1 & 0x20) !== 0;
  const load = (hw1 & 0x10) !== 0;
  const n = hw1 & 0xf;
  const t = (hw2 >>> 12) & 0xf;
  const t2 = (hw2 >>> 8) & 0xf;
  if (!index && !wback) return undefined32(pc, encoding);
  const offset = (add ? 1 : -1) * ((hw2 & 0xff) << 2);
  if (load && n === 15) {
    const address = (((pc + 4) & ~3) + offset) | 0;
    return (c) => {
      const a = c.ld32a(address);
      const b = c.ld32a(address + 4);
      c.r[t] = a;
      c.r[t2] = b;
      c.cycles += 2;
      c.pc = next;
    };
  }
  if (n === 15) return undefined32(pc, encoding);
  return (c) => {
    const base = c.r[n]!;
    const address = index ? base + offset : base;
    if (load) {
      const a = c.ld32a(address);
      const b = c.ld32a(address + 4);
      c.r[t] = a;
      c.r[t2] = b;
    } else {
      c.st32a(address, c.r[t]!);
      c.st32a(address + 4, c.r[t2]!);
    }
    if (wback) c.r[n] = base + offset;
    c.cycles += 2;
    c.pc = next;
  };
}
