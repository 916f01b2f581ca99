import { ShiftType, signedSat, unsignedSat } from './alu';
import { conditionalBranch } from './conditional-branch';
import { type Cpu, type Exec, undefinedExec as undefined32 } from './cpu';
import { Cfsr } from './fault-codes';
import { readSpecial, writeSpecial } from './special-registers';
import { dataProcessingModifiedImmediate, dataProcessingShiftedRegister } from './thumb32-data-processing';
import { loadStoreDualExclusive, loadStoreMultiple, loadStoreSingle } from './thumb32-memory';

/**
 * Decoder for the 32-bit Thumb encodings (ARMv7-M A5.3; on ARMv6-M only BL, MSR, MRS, DMB,
 * DSB, ISB and UDF exist, A5.3 of DDI 0419) into closures.
 */

const BRANCH_EXTRA = 2;


export function decode32(hw1: number, hw2: number, pc: number, c: Cpu): Exec {
  const encoding = ((hw1 << 16) | hw2) >>> 0;
  const next = (pc + 4) >>> 0;
  const op1 = (hw1 >>> 11) & 3;
  const op2 = (hw1 >>> 4) & 0x7f;
  if (!c.v7m) {
    if (op1 === 2 && (hw2 & 0x8000) !== 0) return branchAndMiscellaneous(hw1, hw2, pc, next, c);
    return undefined32(pc, encoding);
  }
  if (op1 === 1) {
    if ((op2 & 0x64) === 0x00) return loadStoreMultiple(hw1, hw2, pc, next, encoding);
    if ((op2 & 0x64) === 0x04) return loadStoreDualExclusive(hw1, hw2, pc, next, encoding);
    if ((op2 & 0x60) === 0x20) return dataProcessingShiftedRegister(hw1, hw2, pc, next, encoding, c);
    return coprocessor(hw2, pc, encoding, c);
  }
  if (op1 === 2) {
    if ((hw2 & 0x8000) !== 0) return branchAndMiscellaneous(hw1, hw2, pc, next, c);
    if ((op2 & 0x20) === 0) return dataProcessingModifiedImmediate(hw1, hw2, pc, next, encoding);
    return dataProcessingPlainImmediate(hw1, hw2, pc, next, encoding, c);
  }
  if ((op2 & 0x71) === 0x00 || (op2 & 0x67) === 0x01 || (op2 & 0x67) === 0x03 || (op2 & 0x67) === 0x05) {
    return loadStoreSingle(hw1, hw2, pc, next, encoding);
  }
  if ((op2 & 0x70) === 0x20) return dataProcessingRegister(hw1, hw2, pc, next, encoding, c);
  if ((op2 & 0x78) === 0x30) return multiply(hw1, hw2, pc, next, encoding);
  if ((op2 & 0x78) === 0x38) return longMultiplyDivide(hw1, hw2, pc, next, encoding);
  if ((op2 & 0x40) !== 0) return coprocessor(hw2, pc, encoding, c);
  return undefined32(pc, encoding);
}

/** Coprocessor space (A5.3.18): NOCP for absent or disabled coprocessors; FPU data ops unsupported. */
function coprocessor(hw2: number, pc: number, encoding: number, c: Cpu): Exec {
  const coproc = (hw2 >>> 8) & 0xf;
  if ((coproc === 10 || coproc === 11) && c.hasFpu) {
    return (cpu) => {
      if (!cpu.fpuEnabled) cpu.usageFault(Cfsr.NoCp);
      cpu.undefinedInstruction(pc, encoding, 'unsupported floating-point instruction');
    };
  }
  return (cpu) => cpu.usageFault(Cfsr.NoCp);
}

/** A5.3.3: ADDW/SUBW/ADR, MOVW/MOVT, SSAT/USAT, SBFX/UBFX, BFI/BFC. */
function dataProcessingPlainImmediate(hw1: number, hw2: number, pc: number, next: number, encoding: number, cpu: Cpu): Exec {
  const op = (hw1 >>> 4) & 0x1f;
  const n = hw1 & 0xf;
  const d = (hw2 >>> 8) & 0xf;
  const imm12 = ((hw1 & 0x400) << 1) | ((hw2 >>> 4) & 0x700) | (hw2 & 0xff);
  const imm16 = ((hw1 & 0xf) << 12) | imm12;
  const imm5 = ((hw2 >>> 10) & 0x1c) | ((hw2 >>> 6) & 3);
  const field = hw2 & 0x1f;
  switch (op) {
    case 0x00:
    case 0x0a: {
      const sign = op === 0x0a ? -1 : 1;
      if (n === 15) {
        const value = (((pc + 4) & ~3) + sign * imm12) | 0;
        return (c) => {
          c.r[d] = value;
          c.pc = next;
        };
      }
      const delta = sign * imm12;
      return (c) => {
        c.r[d] = c.r[n]! + delta;
        c.pc = next;
      };
    }
    case 0x04:
      return (c) => {
        c.r[d] = imm16;
        c.pc = next;
      };
    case 0x0c:
      return (c) => {
        c.r[d] = (c.r[d]! & 0xffff) | (imm16 << 16);
        c.pc = next;
      };
    case 0x10:
    case 0x12:
    case 0x18:
    case 0x1a: {
      const unsigned = op >= 0x18;
      if ((op & 2) !== 0 && imm5 === 0) return cpu.hasDsp ? saturate16(n, d, field, unsigned, next) : undefined32(pc, encoding);
      const type = (op & 2) !== 0 ? ShiftType.Asr : ShiftType.Lsl;
      const amount = type === ShiftType.Asr && imm5 === 0 ? 32 : imm5;
      const bits = unsigned ? field : field + 1;
      return (c) => {
        const operand = c.shiftC(c.r[n]!, type, amount);
        const sat = unsigned ? unsignedSat(operand, bits) : signedSat(operand, bits);
        c.r[d] = sat.result;
        if (sat.saturated) c.q = 1;
        c.pc = next;
      };
    }
    case 0x14:
    case 0x1c: {
      const width = field + 1;
      if (imm5 + width > 32) return undefined32(pc, encoding);
      const signed = op === 0x14;
      const left = 32 - imm5 - width;
      const right = 32 - width;
      return (c) => {
        const shifted = c.r[n]! << left;
        c.r[d] = signed ? shifted >> right : shifted >>> right;
        c.pc = next;
      };
    }
    case 0x16: {
      const msb = field;
      const lsb = imm5;
      if (msb < lsb) return undefined32(pc, encoding);
      const mask = (msb - lsb === 31 ? -1 : ((1 << (msb - lsb + 1)) - 1)) << lsb;
      if (n === 15) {
        return (c) => {
          c.r[d] = c.r[d]! & ~mask;
          c.pc = next;
        };
      }
      return (c) => {
        c.r[d] = (c.r[d]! & ~mask) | ((c.r[n]! << lsb) & mask);
        c.pc = next;
      };
    }
    default:
      return undefined32(pc, encoding);
  }
}

/** SSAT16/USAT16 (A7.7.154/A7.7.203, DSP extension). */
function saturate16(n: number, d: number, field: number, unsigned: boolean, next: number): Exec {
  const bits = unsigned ? field & 0xf : (field & 0xf) + 1;
  return (c) => {
    const x = c.r[n]!;
    const lo = (x << 16) >> 16;
    const hi = x >> 16;
    const a = unsigned ? unsignedSat(lo, bits) : signedSat(lo, bits);
    const b = unsigned ? unsignedSat(hi, bits) : signedSat(hi, bits);
    c.r[d] = (a.result & 0xffff) | (b.result << 16);
    if (a.saturated || b.saturated) c.q = 1;
    c.pc = next;
  };
}

/** A5.3.4: B (T3/T4), BL, MSR, MRS, hints, barriers, CLREX, UDF. */
function branchAndMiscellaneous(hw1: number, hw2: number, pc: number, next: number, cpu: Cpu): Exec {
  const encoding = ((hw1 << 16) | hw2) >>> 0;
  const op = (hw1 >>> 4) & 0x7f;
  const op1 = (hw2 >>> 12) & 7;
  const sign = (hw1 >>> 10) & 1;
  const j1 = (hw2 >>> 13) & 1;
  const j2 = (hw2 >>> 11) & 1;
  if ((op1 & 5) === 5) {
    const offset = branchOffset24(hw1, hw2, sign, j1, j2);
    const target = (pc + 4 + offset) >>> 0;
    const lr = next | 1;
    return (c) => {
      c.r[14] = lr;
      c.cycles += BRANCH_EXTRA;
      c.pc = target;
    };
  }
  if ((op1 & 5) === 1) {
    if (!cpu.v7m) return undefined32(pc, encoding);
    const target = (pc + 4 + branchOffset24(hw1, hw2, sign, j1, j2)) >>> 0;
    return (c) => {
      c.cycles += BRANCH_EXTRA;
      c.pc = target;
    };
  }
  if (op1 === 2 && op === 0x7f) return undefined32(pc, encoding);
  if ((op1 & 5) !== 0) return undefined32(pc, encoding);
  if ((op & 0x38) !== 0x38) {
    if (!cpu.v7m) return undefined32(pc, encoding);
    const cond = (hw1 >>> 6) & 0xf;
    const imm = (sign << 20) | (j2 << 19) | (j1 << 18) | ((hw1 & 0x3f) << 12) | ((hw2 & 0x7ff) << 1);
    return conditionalBranch(cond, (pc + 4 + ((imm << 11) >> 11)) >>> 0, next);
  }
  const sysm = hw2 & 0xff;
  if ((op & 0x7e) === 0x38) {
    const n = hw1 & 0xf;
    const mask = (hw2 >>> 10) & 3;
    return (c) => {
      writeSpecial(c, sysm, mask, c.r[n]!);
      c.pc = next;
    };
  }
  if ((op & 0x7e) === 0x3e) {
    const d = (hw2 >>> 8) & 0xf;
    return (c) => {
      c.r[d] = readSpecial(c, sysm);
      c.pc = next;
    };
  }
  if (op === 0x3a && cpu.v7m) return hint32(hw2, next);
  if (op === 0x3b) {
    const option = (hw2 >>> 4) & 0xf;
    if (option === 2 && cpu.v7m) {
      return (c) => {
        c.exclusiveAddress = -1;
        c.pc = next;
      };
    }
    // DSB, DMB and ISB: the simulated memory system is always in order (A3.7).
    if (option >= 4 && option <= 6) {
      return (c) => {
        c.pc = next;
      };
    }
  }
  return undefined32(pc, encoding);
}

/** I1 = NOT(J1 XOR S), I2 = NOT(J2 XOR S); SignExtend(S:I1:I2:imm10:imm11:'0') (A7.7.18). */
function branchOffset24(hw1: number, hw2: number, sign: number, j1: number, j2: number): number {
  const i1 = 1 - (j1 ^ sign);
  const i2 = 1 - (j2 ^ sign);
  const imm = (sign << 24) | (i1 << 23) | (i2 << 22) | ((hw1 & 0x3ff) << 12) | ((hw2 & 0x7ff) << 1);
  return (imm << 7) >> 7;
}

/** NOP.W, YIELD.W, WFE.W, WFI.W, SEV.W, DBG (A5.3.4). */
function hint32(hw2: number, next: number): Exec {
  switch (hw2 & 0xff) {
    case 2:
      return (c) => {
        c.pc = next;
        c.hooks.sleep('wfe');
      };
    case 3:
      return (c) => {
        c.pc = next;
        c.hooks.sleep('wfi');
      };
    case 4:
      return (c) => {
        c.hooks.sendEvent();
        c.pc = next;
      };
    default:
      return (c) => {
        c.pc = next;
      };
  }
}

/** A5.3.12: shifts by register, extends with rotation, and the miscellaneous group. */
function dataProcessingRegister(hw1: number, hw2: number, pc: number, next: number, encoding: number, cpu: Cpu): Exec {
  const op1 = (hw1 >>> 4) & 0xf;
  const op2 = (hw2 >>> 4) & 0xf;
  const n = hw1 & 0xf;
  const d = (hw2 >>> 8) & 0xf;
  const m = hw2 & 0xf;
  if ((op1 & 0x8) === 0 && op2 === 0) {
    const type = ((op1 >>> 1) & 3) as ShiftType;
    const s = (op1 & 1) !== 0;
    return (c) => {
      const result = c.shiftC(c.r[n]!, type, c.r[m]! & 0xff);
      c.r[d] = result;
      if (s) {
        c.setNZ(result);
        c.c = c.shifterCarry;
      }
      c.pc = next;
    };
  }
  if ((op1 & 0x8) === 0 && (op2 & 0x8) !== 0) return extend(op1, n, d, m, (hw2 >>> 4) & 3, pc, next, encoding, cpu);
  if ((op1 & 0xc) === 0x8 && (op2 & 0xc) === 0x8) {
    const group = ((op1 & 3) << 2) | (op2 & 3);
    switch (group) {
      case 0x4:
        return (c) => {
          const x = c.r[m]!;
          c.r[d] = ((x >>> 24) | ((x >>> 8) & 0xff00) | ((x & 0xff00) << 8) | (x << 24)) | 0;
          c.pc = next;
        };
      case 0x5:
        return (c) => {
          const x = c.r[m]!;
          c.r[d] = ((x >>> 8) & 0x00ff00ff) | ((x & 0x00ff00ff) << 8);
          c.pc = next;
        };
      case 0x6:
        return (c) => {
          let x = c.r[m]! >>> 0;
          let result = 0;
          for (let i = 0; i < 32; i++) {
            result = (result << 1) | (x & 1);
            x >>>= 1;
          }
          c.r[d] = result;
          c.pc = next;
        };
      case 0x7:
        return (c) => {
          const x = c.r[m]!;
          c.r[d] = (((x & 0xff) << 24) >> 16) | ((x >>> 8) & 0xff);
          c.pc = next;
        };
      case 0xc:
        return (c) => {
          c.r[d] = Math.clz32(c.r[m]!);
          c.pc = next;
        };
      case 0x0:
      case 0x1:
      case 0x2:
      case 0x3:
        if (cpu.hasDsp) return saturatingAddSubtract(group, n, d, m, next);
        return undefined32(pc, encoding);
      default:
        return undefined32(pc, encoding, 'unsupported DSP instruction');
    }
  }
  return undefined32(pc, encoding, cpu.hasDsp ? 'unsupported DSP instruction' : undefined);
}

/** QADD, QDADD, QSUB, QDSUB (A7.7.95-A7.7.101, DSP extension). */
function saturatingAddSubtract(group: number, n: number, d: number, m: number, next: number): Exec {
  const doubling = (group & 1) !== 0;
  const subtract = (group & 2) !== 0;
  return (c) => {
    let y = c.r[n]!;
    if (doubling) {
      const doubled = signedSat(2 * y, 32);
      y = doubled.result;
      if (doubled.saturated) c.q = 1;
    }
    const sum = signedSat(subtract ? c.r[m]! - y : c.r[m]! + y, 32);
    c.r[d] = sum.result;
    if (sum.saturated) c.q = 1;
    c.pc = next;
  };
}

/** SXTH/UXTH/SXTB/UXTB with rotation, and their add forms SXTAH/SXTAB/UXTAH/UXTAB of the DSP extension (A5.3.12). */
function extend(op1: number, n: number, d: number, m: number, rotate: number, pc: number, next: number, encoding: number, cpu: Cpu): Exec {
  const rot = rotate * 8;
  const kind = op1 >>> 1;
  const unsigned = (op1 & 1) !== 0;
  if (kind === 1) return cpu.hasDsp ? extend16(n, d, m, rot, unsigned, next) : undefined32(pc, encoding);
  if (kind > 2) return undefined32(pc, encoding);
  const halfword = kind === 0;
  if (n !== 15 && !cpu.hasDsp) return undefined32(pc, encoding);
  return (c) => {
    const x = c.r[m]!;
    const rotated = rot === 0 ? x : (x >>> rot) | (x << (32 - rot));
    const value = halfword ? (unsigned ? rotated & 0xffff : (rotated << 16) >> 16) : unsigned ? rotated & 0xff : (rotated << 24) >> 24;
    c.r[d] = n === 15 ? value : c.r[n]! + value;
    c.pc = next;
  };
}

/** SXTB16/UXTB16 and SXTAB16/UXTAB16 (DSP extension). */
function extend16(n: number, d: number, m: number, rot: number, unsigned: boolean, next: number): Exec {
  return (c) => {
    const x = c.r[m]!;
    const rotated = rot === 0 ? x : (x >>> rot) | (x << (32 - rot));
    let lo = unsigned ? rotated & 0xff : (rotated << 24) >> 24;
    let hi = unsigned ? (rotated >>> 16) & 0xff : (rotated << 8) >> 24;
    if (n !== 15) {
      lo += c.r[n]! & 0xffff;
      hi += c.r[n]! >>> 16;
    }
    c.r[d] = (lo & 0xffff) | (hi << 16);
    c.pc = next;
  };
}

/** A5.3.16: MUL, MLA, MLS (the DSP halfword multiplies are not supported). */
function multiply(hw1: number, hw2: number, pc: number, next: number, encoding: number): Exec {
  const op1 = (hw1 >>> 4) & 7;
  const op2 = (hw2 >>> 4) & 3;
  const n = hw1 & 0xf;
  const a = (hw2 >>> 12) & 0xf;
  const d = (hw2 >>> 8) & 0xf;
  const m = hw2 & 0xf;
  if (op1 !== 0) return undefined32(pc, encoding, 'unsupported DSP instruction');
  if (op2 === 0 && a === 15) {
    return (c) => {
      c.r[d] = Math.imul(c.r[n]!, c.r[m]!);
      c.pc = next;
    };
  }
  if (op2 === 0) {
    return (c) => {
      c.r[d] = Math.imul(c.r[n]!, c.r[m]!) + c.r[a]!;
      c.pc = next;
    };
  }
  if (op2 === 1) {
    return (c) => {
      c.r[d] = c.r[a]! - Math.imul(c.r[n]!, c.r[m]!);
      c.pc = next;
    };
  }
  return undefined32(pc, encoding);
}

/** A5.3.17: SMULL, UMULL, SMLAL, UMLAL, UMAAL, SDIV, UDIV (with CCR.DIV_0_TRP). */
function longMultiplyDivide(hw1: number, hw2: number, pc: number, next: number, encoding: number): Exec {
  const op1 = (hw1 >>> 4) & 7;
  const op2 = (hw2 >>> 4) & 0xf;
  const n = hw1 & 0xf;
  const lo = (hw2 >>> 12) & 0xf;
  const hi = (hw2 >>> 8) & 0xf;
  const m = hw2 & 0xf;
  if ((op1 === 1 || op1 === 3) && op2 === 0xf) {
    const signed = op1 === 1;
    const d = hi;
    return (c) => {
      const divisor = c.r[m]!;
      if (divisor === 0) {
        if (c.divZeroTrap) c.usageFault(Cfsr.DivByZero);
        c.r[d] = 0;
      } else if (signed) {
        c.r[d] = c.r[n]! === -0x80000000 && divisor === -1 ? -0x80000000 : Math.trunc(c.r[n]! / divisor);
      } else {
        c.r[d] = Math.trunc((c.r[n]! >>> 0) / (divisor >>> 0));
      }
      c.cycles += 6;
      c.pc = next;
    };
  }
  const kinds: Record<string, { signed: boolean; accumulate: boolean; umaal?: boolean }> = {
    '0:0': { signed: true, accumulate: false },
    '2:0': { signed: false, accumulate: false },
    '4:0': { signed: true, accumulate: true },
    '6:0': { signed: false, accumulate: true },
    '6:6': { signed: false, accumulate: false, umaal: true },
  };
  const kind = kinds[`${op1}:${op2}`];
  if (kind === undefined) return undefined32(pc, encoding, 'unsupported DSP instruction');
  return (c) => {
    const x = kind.signed ? BigInt(c.r[n]!) : BigInt(c.r[n]! >>> 0);
    const y = kind.signed ? BigInt(c.r[m]!) : BigInt(c.r[m]! >>> 0);
    let product = x * y;
    if (kind.accumulate) product += (BigInt(c.r[hi]! >>> 0) << 32n) | BigInt(c.r[lo]! >>> 0);
    if (kind.umaal) product += BigInt(c.r[hi]! >>> 0) + BigInt(c.r[lo]! >>> 0);
    c.r[lo] = Number(BigInt.asIntN(32, product));
    c.r[hi] = Number(BigInt.asIntN(32, product >> 32n));
    c.cycles += 2;
    c.pc = next;
  };
}
