import { decodeImmShift, expandImm, ShiftType } from './alu';
import { type Cpu, type Exec, undefinedExec as undefined32 } from './cpu';

/**
 * The 32-bit data-processing instructions with a modified immediate (ARMv7-M A5.3.1) or a
 * shifted register (A5.3.11): AND, TST, BIC, ORR, MOV, ORN, MVN, EOR, TEQ, ADD, CMN, ADC, SBC,
 * SUB, CMP, RSB, and PKHBT/PKHTB.
 *
 * Every operation and flag-setting choice gets a closure of its own at decode time. Operations
 * that take NOT(operand) share the closure of their plain partner with the operand inverted:
 * BIC is AND, ORN is ORR, MVN is MOV, SBC is ADC, and SUB is AddWithCarry(Rn, NOT(op), 1),
 * exactly as the pseudocode of A7.7 writes them.
 */

/** Opcode field values (A5.3.1 and A5.3.11 share them). */
const enum Op {
  And = 0x0,
  Bic = 0x1,
  Orr = 0x2,
  Orn = 0x3,
  Eor = 0x4,
  Pkh = 0x6,
  Add = 0x8,
  Adc = 0xa,
  Sbc = 0xb,
  Sub = 0xd,
  Rsb = 0xe,
}

const VALID_OPS = new Set<number>([Op.And, Op.Bic, Op.Orr, Op.Orn, Op.Eor, Op.Add, Op.Adc, Op.Sbc, Op.Sub, Op.Rsb]);

/** The fields both forms share; `invert` is all ones for the operations on NOT(operand). */
interface Fields {
  op: number;
  s: boolean;
  n: number;
  d: number;
  /** TST, TEQ, CMN, CMP: Rd = 1111 with S set only writes the flags. */
  test: boolean;
  /** MOV, MVN: ORR/ORN with Rn = 1111. */
  move: boolean;
  invert: number;
  next: number;
}

function fields(hw1: number, hw2: number, next: number): Fields {
  const op = (hw1 >>> 5) & 0xf;
  const s = (hw1 & 0x10) !== 0;
  const n = hw1 & 0xf;
  const d = (hw2 >>> 8) & 0xf;
  return {
    op,
    s,
    n,
    d,
    test: d === 15 && s && (op === Op.And || op === Op.Eor || op === Op.Add || op === Op.Sub),
    move: n === 15 && (op === Op.Orr || op === Op.Orn),
    invert: op === Op.Bic || op === Op.Orn || op === Op.Sbc || op === Op.Sub ? -1 : 0,
    next,
  };
}

/** The logical operations with S: N and Z from the result, C from the shifter or unchanged (carry -1). */
function logicalFlags(c: Cpu, result: number, carry: number): void {
  c.setNZ(result);
  if (carry >= 0) c.c = carry;
}

/** A5.3.1: the operand is the ThumbExpandImm_C constant (A5.3.2). */
export function dataProcessingModifiedImmediate(hw1: number, hw2: number, pc: number, next: number, encoding: number): Exec {
  const f = fields(hw1, hw2, next);
  const imm12 = ((hw1 & 0x400) << 1) | ((hw2 >>> 4) & 0x700) | (hw2 & 0xff);
  const imm = expandImm(imm12);
  if (imm === undefined || !VALID_OPS.has(f.op)) return undefined32(pc, encoding);
  const y = imm.value ^ f.invert;
  // The logical operations take C from the rotation, or leave it when the constant was not rotated.
  const carry = imm.rotated ? imm.carry : -1;
  const { n, d } = f;
  switch (f.op) {
    case Op.And:
    case Op.Bic:
      if (!f.s) {
        return (c) => {
          c.r[d] = c.r[n]! & y;
          c.pc = next;
        };
      }
      if (f.test) {
        return (c) => {
          logicalFlags(c, c.r[n]! & y, carry);
          c.pc = next;
        };
      }
      return (c) => {
        const result = c.r[n]! & y;
        c.r[d] = result;
        logicalFlags(c, result, carry);
        c.pc = next;
      };
    case Op.Orr:
    case Op.Orn:
      if (f.move) {
        if (!f.s) {
          return (c) => {
            c.r[d] = y;
            c.pc = next;
          };
        }
        return (c) => {
          c.r[d] = y;
          logicalFlags(c, y, carry);
          c.pc = next;
        };
      }
      if (!f.s) {
        return (c) => {
          c.r[d] = c.r[n]! | y;
          c.pc = next;
        };
      }
      return (c) => {
        const result = c.r[n]! | y;
        c.r[d] = result;
        logicalFlags(c, result, carry);
        c.pc = next;
      };
    case Op.Eor:
      if (!f.s) {
        return (c) => {
          c.r[d] = c.r[n]! ^ y;
          c.pc = next;
        };
      }
      if (f.test) {
        return (c) => {
          logicalFlags(c, c.r[n]! ^ y, carry);
          c.pc = next;
        };
      }
      return (c) => {
        const result = c.r[n]! ^ y;
        c.r[d] = result;
        logicalFlags(c, result, carry);
        c.pc = next;
      };
    case Op.Add:
    case Op.Sub: {
      const carryIn = f.op === Op.Sub ? 1 : 0;
      if (!f.s) {
        const addend = (y + carryIn) | 0;
        return (c) => {
          c.r[d] = c.r[n]! + addend;
          c.pc = next;
        };
      }
      if (f.test) {
        return (c) => {
          c.addWithCarry(c.r[n]!, y, carryIn);
          c.pc = next;
        };
      }
      return (c) => {
        c.r[d] = c.addWithCarry(c.r[n]!, y, carryIn);
        c.pc = next;
      };
    }
    case Op.Adc:
    case Op.Sbc:
      if (!f.s) {
        return (c) => {
          c.r[d] = c.r[n]! + y + c.c;
          c.pc = next;
        };
      }
      return (c) => {
        c.r[d] = c.addWithCarry(c.r[n]!, y, c.c);
        c.pc = next;
      };
    default:
      if (!f.s) {
        return (c) => {
          c.r[d] = y - c.r[n]!;
          c.pc = next;
        };
      }
      return (c) => {
        c.r[d] = c.addWithCarry(y, ~c.r[n]!, 1);
        c.pc = next;
      };
  }
}

/** A5.3.11: the operand is Rm shifted by an immediate (DecodeImmShift, A7.4.2). */
export function dataProcessingShiftedRegister(hw1: number, hw2: number, pc: number, next: number, encoding: number, cpu: Cpu): Exec {
  const f = fields(hw1, hw2, next);
  const m = hw2 & 0xf;
  const imm5 = ((hw2 >>> 10) & 0x1c) | ((hw2 >>> 6) & 3);
  const [type, amount] = decodeImmShift((hw2 >>> 4) & 3, imm5);
  if (f.op === Op.Pkh && cpu.hasDsp) return packHalfword(hw2, f.n, f.d, m, imm5, next);
  if (!VALID_OPS.has(f.op)) return undefined32(pc, encoding);
  const { n, d, invert } = f;
  if (type === ShiftType.Lsl && amount === 0 && !f.s) return unshifted(f, m);
  switch (f.op) {
    case Op.And:
    case Op.Bic:
      if (!f.s) {
        return (c) => {
          c.r[d] = c.r[n]! & (c.shiftC(c.r[m]!, type, amount) ^ invert);
          c.pc = next;
        };
      }
      if (f.test) {
        return (c) => {
          const y = c.shiftC(c.r[m]!, type, amount);
          logicalFlags(c, c.r[n]! & y, c.shifterCarry);
          c.pc = next;
        };
      }
      return (c) => {
        const result = c.r[n]! & (c.shiftC(c.r[m]!, type, amount) ^ invert);
        c.r[d] = result;
        logicalFlags(c, result, c.shifterCarry);
        c.pc = next;
      };
    case Op.Orr:
    case Op.Orn:
      if (f.move) {
        return (c) => {
          const result = c.shiftC(c.r[m]!, type, amount) ^ invert;
          c.r[d] = result;
          if (f.s) logicalFlags(c, result, c.shifterCarry);
          c.pc = next;
        };
      }
      return (c) => {
        const result = c.r[n]! | (c.shiftC(c.r[m]!, type, amount) ^ invert);
        c.r[d] = result;
        if (f.s) logicalFlags(c, result, c.shifterCarry);
        c.pc = next;
      };
    case Op.Eor:
      if (f.test) {
        return (c) => {
          const y = c.shiftC(c.r[m]!, type, amount);
          logicalFlags(c, c.r[n]! ^ y, c.shifterCarry);
          c.pc = next;
        };
      }
      return (c) => {
        const result = c.r[n]! ^ c.shiftC(c.r[m]!, type, amount);
        c.r[d] = result;
        if (f.s) logicalFlags(c, result, c.shifterCarry);
        c.pc = next;
      };
    case Op.Add:
    case Op.Sub: {
      const carryIn = f.op === Op.Sub ? 1 : 0;
      if (!f.s) {
        return (c) => {
          c.r[d] = c.r[n]! + (c.shiftC(c.r[m]!, type, amount) ^ invert) + carryIn;
          c.pc = next;
        };
      }
      if (f.test) {
        return (c) => {
          c.addWithCarry(c.r[n]!, c.shiftC(c.r[m]!, type, amount) ^ invert, carryIn);
          c.pc = next;
        };
      }
      return (c) => {
        c.r[d] = c.addWithCarry(c.r[n]!, c.shiftC(c.r[m]!, type, amount) ^ invert, carryIn);
        c.pc = next;
      };
    }
    case Op.Adc:
    case Op.Sbc:
      return (c) => {
        const y = c.shiftC(c.r[m]!, type, amount) ^ invert;
        c.r[d] = f.s ? c.addWithCarry(c.r[n]!, y, c.c) : c.r[n]! + y + c.c;
        c.pc = next;
      };
    default:
      return (c) => {
        const y = c.shiftC(c.r[m]!, type, amount);
        c.r[d] = f.s ? c.addWithCarry(y, ~c.r[n]!, 1) : y - c.r[n]!;
        c.pc = next;
      };
  }
}

/** The register forms without a shift and without S (ADD.W, SUB.W, MOV.W Rd, Rm and the logical ones). */
function unshifted(f: Fields, m: number): Exec {
  const { n, d, invert, next } = f;
  switch (f.op) {
    case Op.Add:
      return (c) => {
        c.r[d] = c.r[n]! + c.r[m]!;
        c.pc = next;
      };
    case Op.Sub:
      return (c) => {
        c.r[d] = c.r[n]! - c.r[m]!;
        c.pc = next;
      };
    case Op.Orr:
    case Op.Orn:
      if (f.move) {
        return (c) => {
          c.r[d] = c.r[m]! ^ invert;
          c.pc = next;
        };
      }
      return (c) => {
        c.r[d] = c.r[n]! | (c.r[m]! ^ invert);
        c.pc = next;
      };
    case Op.And:
    case Op.Bic:
      return (c) => {
        c.r[d] = c.r[n]! & (c.r[m]! ^ invert);
        c.pc = next;
      };
    case Op.Eor:
      return (c) => {
        c.r[d] = c.r[n]! ^ c.r[m]!;
        c.pc = next;
      };
    case Op.Adc:
    case Op.Sbc:
      return (c) => {
        c.r[d] = c.r[n]! + (c.r[m]! ^ invert) + c.c;
        c.pc = next;
      };
    default:
      return (c) => {
        c.r[d] = c.r[m]! - c.r[n]!;
        c.pc = next;
      };
  }
}

/** PKHBT/PKHTB (A7.7.93, DSP extension). */
function packHalfword(hw2: number, n: number, d: number, m: number, imm5: number, next: number): Exec {
  const top = (hw2 & 0x20) !== 0;
  return (c) => {
    const operand = top ? c.shiftC(c.r[m]!, ShiftType.Asr, imm5 === 0 ? 32 : imm5) : c.r[m]! << imm5;
    const x = c.r[n]!;
    c.r[d] = top ? (x & 0xffff0000) | (operand & 0xffff) : (operand & 0xffff0000) | (x & 0xffff);
    c.pc = next;
  };
}
