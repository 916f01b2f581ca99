import { ShiftType } from './alu';
import { conditionalBranch } from './conditional-branch';
import type { Cpu, Exec } from './cpu';
import { Exception } from './fault-codes';

/**
 * Decoder for the 16-bit Thumb encodings (ARMv7-M A5.2, ARMv6-M A5.2) into closures.
 *
 * Each closure knows its own address, so PC-relative values are constants. Flag-setting of the
 * 16-bit data-processing forms depends on InITBlock() (A7.3), which is read at run time.
 */

/** Cycles beyond the first for loads, stores and taken branches (Cortex-M TRM timing, roughly). */
const LOAD_EXTRA = 1;
const BRANCH_EXTRA = 2;

function undefinedAt(pc: number, hw: number): Exec {
  return (c) => c.undefinedInstruction(pc, hw);
}

export function decode16(hw: number, pc: number, v7m: boolean): Exec {
  const next = (pc + 2) >>> 0;
  const top = hw >>> 10;
  if (top < 0x10) return shiftAddSubMoveCompare(hw, next);
  if (top === 0x10) return dataProcessing(hw, next);
  if (top === 0x11) return specialDataBranch(hw, pc, next);
  if ((hw >>> 11) === 0x09) {
    const t = (hw >>> 8) & 7;
    const address = (((pc + 4) & ~3) + ((hw & 0xff) << 2)) >>> 0;
    return (c) => {
      c.r[t] = c.ldLiteral(address);
      c.cycles += LOAD_EXTRA;
      c.pc = next;
    };
  }
  if ((hw >>> 12) === 0x5 || (hw >>> 13) === 0x3 || (hw >>> 13) === 0x4) return loadStoreSingle(hw, next);
  if ((hw >>> 11) === 0x14) {
    const d = (hw >>> 8) & 7;
    const value = (((pc + 4) & ~3) + ((hw & 0xff) << 2)) | 0;
    return (c) => {
      c.r[d] = value;
      c.pc = next;
    };
  }
  if ((hw >>> 11) === 0x15) {
    const d = (hw >>> 8) & 7;
    const imm = (hw & 0xff) << 2;
    return (c) => {
      c.r[d] = c.r[13]! + imm;
      c.pc = next;
    };
  }
  if ((hw >>> 12) === 0xb) return miscellaneous(hw, pc, next, v7m);
  if ((hw >>> 11) === 0x18) return storeMultiple(hw, pc, next);
  if ((hw >>> 11) === 0x19) return loadMultiple(hw, pc, next);
  if ((hw >>> 12) === 0xd) return conditionalBranchOrSvc(hw, pc, next);
  if ((hw >>> 11) === 0x1c) {
    const target = (pc + 4 + (((hw & 0x7ff) << 21) >> 20)) >>> 0;
    return (c) => {
      c.cycles += BRANCH_EXTRA;
      c.pc = target;
    };
  }
  return undefinedAt(pc, hw);
}

/** A5.2.1: LSL/LSR/ASR immediate, ADD/SUB register and 3-bit immediate, MOV/CMP/ADD/SUB 8-bit immediate. */
function shiftAddSubMoveCompare(hw: number, next: number): Exec {
  const op = (hw >>> 9) & 0x1f;
  const d = hw & 7;
  const m = (hw >>> 3) & 7;
  const n = (hw >>> 3) & 7;
  if (op < 12) {
    const type = (op >>> 2) as ShiftType;
    const imm5 = (hw >>> 6) & 0x1f;
    if (type === ShiftType.Lsl && imm5 === 0) {
      return (c) => {
        const result = c.r[m]!;
        c.r[d] = result;
        if (c.itstate === 0) c.setNZ(result);
        c.pc = next;
      };
    }
    const amount = type === ShiftType.Lsl || imm5 !== 0 ? imm5 : 32;
    return (c) => {
      const result = c.shiftC(c.r[m]!, type, amount);
      c.r[d] = result;
      if (c.itstate === 0) {
        c.setNZ(result);
        c.c = c.shifterCarry;
      }
      c.pc = next;
    };
  }
  switch (op) {
    case 12: {
      const rm = (hw >>> 6) & 7;
      return (c) => {
        const x = c.r[n]!;
        const y = c.r[rm]!;
        c.r[d] = c.itstate === 0 ? c.addWithCarry(x, y, 0) : x + y;
        c.pc = next;
      };
    }
    case 13: {
      const rm = (hw >>> 6) & 7;
      return (c) => {
        const x = c.r[n]!;
        const y = c.r[rm]!;
        c.r[d] = c.itstate === 0 ? c.subtractFlags(x, y) : x - y;
        c.pc = next;
      };
    }
    case 14: {
      const imm = (hw >>> 6) & 7;
      return (c) => {
        const x = c.r[n]!;
        c.r[d] = c.itstate === 0 ? c.addWithCarry(x, imm, 0) : x + imm;
        c.pc = next;
      };
    }
    case 15: {
      const imm = (hw >>> 6) & 7;
      return (c) => {
        const x = c.r[n]!;
        c.r[d] = c.itstate === 0 ? c.subtractFlags(x, imm) : x - imm;
        c.pc = next;
      };
    }
  }
  const dn = (hw >>> 8) & 7;
  const imm8 = hw & 0xff;
  switch (op >>> 2) {
    case 4:
      return (c) => {
        c.r[dn] = imm8;
        if (c.itstate === 0) c.setNZ(imm8);
        c.pc = next;
      };
    case 5:
      return (c) => {
        c.subtractFlags(c.r[dn]!, imm8);
        c.pc = next;
      };
    case 6:
      return (c) => {
        const x = c.r[dn]!;
        c.r[dn] = c.itstate === 0 ? c.addWithCarry(x, imm8, 0) : x + imm8;
        c.pc = next;
      };
    default:
      return (c) => {
        const x = c.r[dn]!;
        c.r[dn] = c.itstate === 0 ? c.subtractFlags(x, imm8) : x - imm8;
        c.pc = next;
      };
  }
}

/** A5.2.2: the register-to-register data-processing group. */
function dataProcessing(hw: number, next: number): Exec {
  const op = (hw >>> 6) & 0xf;
  const dn = hw & 7;
  const m = (hw >>> 3) & 7;
  switch (op) {
    case 0x0:
      return (c) => {
        const result = c.r[dn]! & c.r[m]!;
        c.r[dn] = result;
        if (c.itstate === 0) c.setNZ(result);
        c.pc = next;
      };
    case 0x1:
      return (c) => {
        const result = c.r[dn]! ^ c.r[m]!;
        c.r[dn] = result;
        if (c.itstate === 0) c.setNZ(result);
        c.pc = next;
      };
    case 0x2:
    case 0x3:
    case 0x4:
    case 0x7: {
      const type = op === 2 ? ShiftType.Lsl : op === 3 ? ShiftType.Lsr : op === 4 ? ShiftType.Asr : ShiftType.Ror;
      return (c) => {
        const result = c.shiftC(c.r[dn]!, type, c.r[m]! & 0xff);
        c.r[dn] = result;
        if (c.itstate === 0) {
          c.setNZ(result);
          c.c = c.shifterCarry;
        }
        c.pc = next;
      };
    }
    case 0x5:
      return (c) => {
        const x = c.r[dn]!;
        const y = c.r[m]!;
        c.r[dn] = c.itstate === 0 ? c.addWithCarry(x, y, c.c) : x + y + c.c;
        c.pc = next;
      };
    case 0x6:
      return (c) => {
        const x = c.r[dn]!;
        const y = c.r[m]!;
        c.r[dn] = c.itstate === 0 ? c.addWithCarry(x, ~y, c.c) : x + ~y + c.c;
        c.pc = next;
      };
    case 0x8:
      return (c) => {
        c.setNZ(c.r[dn]! & c.r[m]!);
        c.pc = next;
      };
    case 0x9:
      return (c) => {
        const y = c.r[m]!;
        c.r[dn] = c.itstate === 0 ? c.subtractFlags(0, y) : -y;
        c.pc = next;
      };
    case 0xa:
      return (c) => {
        c.subtractFlags(c.r[dn]!, c.r[m]!);
        c.pc = next;
      };
    case 0xb:
      return (c) => {
        c.addWithCarry(c.r[dn]!, c.r[m]!, 0);
        c.pc = next;
      };
    case 0xc:
      return (c) => {
        const result = c.r[dn]! | c.r[m]!;
        c.r[dn] = result;
        if (c.itstate === 0) c.setNZ(result);
        c.pc = next;
      };
    case 0xd:
      return (c) => {
        const result = Math.imul(c.r[dn]!, c.r[m]!);
        c.r[dn] = result;
        if (c.itstate === 0) c.setNZ(result);
        c.pc = next;
      };
    case 0xe:
      return (c) => {
        const result = c.r[dn]! & ~c.r[m]!;
        c.r[dn] = result;
        if (c.itstate === 0) c.setNZ(result);
        c.pc = next;
      };
    default:
      return (c) => {
        const result = ~c.r[m]!;
        c.r[dn] = result;
        if (c.itstate === 0) c.setNZ(result);
        c.pc = next;
      };
  }
}

/** A5.2.3: ADD/CMP/MOV with high registers, BX and BLX. */
function specialDataBranch(hw: number, pc: number, next: number): Exec {
  const op = (hw >>> 6) & 0xf;
  const m = (hw >>> 3) & 0xf;
  const dn = ((hw >>> 4) & 8) | (hw & 7);
  const pcValue = (pc + 4) | 0;
  const read = (c: Cpu, reg: number): number => (reg === 15 ? pcValue : c.r[reg]!);
  // The common forms name no PC: closures without the R15 tests.
  if (dn !== 15 && m !== 15) {
    switch (op >>> 2) {
      case 0:
        return (c) => {
          c.r[dn] = c.r[dn]! + c.r[m]!;
          c.pc = next;
        };
      case 1:
        return (c) => {
          c.subtractFlags(c.r[dn]!, c.r[m]!);
          c.pc = next;
        };
      case 2:
        return (c) => {
          c.r[dn] = c.r[m]!;
          c.pc = next;
        };
    }
  }
  switch (op >>> 2) {
    case 0:
      return (c) => {
        const result = read(c, dn) + read(c, m);
        if (dn === 15) {
          c.cycles += BRANCH_EXTRA;
          c.pc = (result & ~1) >>> 0;
        } else {
          c.r[dn] = result;
          c.pc = next;
        }
      };
    case 1:
      return (c) => {
        c.subtractFlags(read(c, dn), read(c, m));
        c.pc = next;
      };
    case 2:
      return (c) => {
        const value = read(c, m);
        if (dn === 15) {
          c.cycles += BRANCH_EXTRA;
          c.pc = (value & ~1) >>> 0;
        } else {
          c.r[dn] = value;
          c.pc = next;
        }
      };
    default:
      if ((hw & 0x80) === 0) {
        return (c) => {
          c.cycles += BRANCH_EXTRA;
          c.bxWritePc(read(c, m));
        };
      }
      return (c) => {
        const target = read(c, m);
        c.r[14] = next | 1;
        c.cycles += BRANCH_EXTRA;
        c.bxWritePc(target);
      };
  }
}

/** A5.2.4: loads and stores with register offset and 5-bit immediate offset, and SP-relative. */
function loadStoreSingle(hw: number, next: number): Exec {
  const t = hw & 7;
  const n = (hw >>> 3) & 7;
  if ((hw >>> 12) === 0x5) {
    const m = (hw >>> 6) & 7;
    switch ((hw >>> 9) & 7) {
      case 0:
        return (c) => {
          c.st32(c.r[n]! + c.r[m]!, c.r[t]!);
          c.pc = next;
        };
      case 1:
        return (c) => {
          c.st16(c.r[n]! + c.r[m]!, c.r[t]!);
          c.pc = next;
        };
      case 2:
        return (c) => {
          c.st8(c.r[n]! + c.r[m]!, c.r[t]!);
          c.pc = next;
        };
      case 3:
        return (c) => {
          c.r[t] = (c.ld8(c.r[n]! + c.r[m]!) << 24) >> 24;
          c.cycles += LOAD_EXTRA;
          c.pc = next;
        };
      case 4:
        return (c) => {
          c.r[t] = c.ld32(c.r[n]! + c.r[m]!);
          c.cycles += LOAD_EXTRA;
          c.pc = next;
        };
      case 5:
        return (c) => {
          c.r[t] = c.ld16(c.r[n]! + c.r[m]!);
          c.cycles += LOAD_EXTRA;
          c.pc = next;
        };
      case 6:
        return (c) => {
          c.r[t] = c.ld8(c.r[n]! + c.r[m]!);
          c.cycles += LOAD_EXTRA;
          c.pc = next;
        };
      default:
        return (c) => {
          c.r[t] = (c.ld16(c.r[n]! + c.r[m]!) << 16) >> 16;
          c.cycles += LOAD_EXTRA;
          c.pc = next;
        };
    }
  }
  const imm5 = (hw >>> 6) & 0x1f;
  const load = (hw & 0x800) !== 0;
  switch (hw >>> 12) {
    case 0x6: {
      const off = imm5 << 2;
      return load
        ? (c) => {
            c.r[t] = c.ld32(c.r[n]! + off);
            c.cycles += LOAD_EXTRA;
            c.pc = next;
          }
        : (c) => {
            c.st32(c.r[n]! + off, c.r[t]!);
            c.pc = next;
          };
    }
    case 0x7:
      return load
        ? (c) => {
            c.r[t] = c.ld8(c.r[n]! + imm5);
            c.cycles += LOAD_EXTRA;
            c.pc = next;
          }
        : (c) => {
            c.st8(c.r[n]! + imm5, c.r[t]!);
            c.pc = next;
          };
    case 0x8: {
      const off = imm5 << 1;
      return load
        ? (c) => {
            c.r[t] = c.ld16(c.r[n]! + off);
            c.cycles += LOAD_EXTRA;
            c.pc = next;
          }
        : (c) => {
            c.st16(c.r[n]! + off, c.r[t]!);
            c.pc = next;
          };
    }
    default: {
      const st = (hw >>> 8) & 7;
      const off = (hw & 0xff) << 2;
      return load
        ? (c) => {
            c.r[st] = c.ld32(c.r[13]! + off);
            c.cycles += LOAD_EXTRA;
            c.pc = next;
          }
        : (c) => {
            c.st32(c.r[13]! + off, c.r[st]!);
            c.pc = next;
          };
    }
  }
}

/** A5.2.5: SP adjust, CBZ/CBNZ, extends, PUSH/POP, CPS, REV*, BKPT, IT and hints. */
function miscellaneous(hw: number, pc: number, next: number, v7m: boolean): Exec {
  const op = (hw >>> 5) & 0x7f;
  if ((op & 0x7c) === 0x00) {
    const imm = (hw & 0x7f) << 2;
    return (c) => {
      c.r[13] = c.r[13]! + imm;
      c.pc = next;
    };
  }
  if ((op & 0x7c) === 0x04) {
    const imm = (hw & 0x7f) << 2;
    return (c) => {
      c.r[13] = c.r[13]! - imm;
      c.pc = next;
    };
  }
  if ((op & 0x28) === 0x08) {
    if (!v7m) return undefinedAt(pc, hw);
    const n = hw & 7;
    const nonzero = (hw & 0x800) !== 0;
    const target = (pc + 4 + ((((hw >>> 9) & 1) << 6) | (((hw >>> 3) & 0x1f) << 1))) >>> 0;
    return (c) => {
      if ((c.r[n] !== 0) === nonzero) {
        c.cycles += BRANCH_EXTRA;
        c.pc = target;
      } else {
        c.pc = next;
      }
    };
  }
  const d = hw & 7;
  const m = (hw >>> 3) & 7;
  if ((op & 0x78) === 0x10) {
    switch ((op >>> 1) & 3) {
      case 0:
        return (c) => {
          c.r[d] = (c.r[m]! << 16) >> 16;
          c.pc = next;
        };
      case 1:
        return (c) => {
          c.r[d] = (c.r[m]! << 24) >> 24;
          c.pc = next;
        };
      case 2:
        return (c) => {
          c.r[d] = c.r[m]! & 0xffff;
          c.pc = next;
        };
      default:
        return (c) => {
          c.r[d] = c.r[m]! & 0xff;
          c.pc = next;
        };
    }
  }
  if ((op & 0x70) === 0x20) return push(hw & 0xff, (hw & 0x100) !== 0, next);
  if ((op & 0x70) === 0x60) return pop(hw & 0xff, (hw & 0x100) !== 0, next);
  if ((hw & 0xffe8) === 0xb660) return changeProcessorState(hw, next, v7m);
  if ((op & 0x78) === 0x50) {
    switch ((op >>> 1) & 3) {
      case 0:
        return (c) => {
          const x = c.r[m]!;
          c.r[d] = ((x >>> 24) | ((x >>> 8) & 0xff00) | ((x & 0xff00) << 8) | (x << 24)) | 0;
          c.pc = next;
        };
      case 1:
        return (c) => {
          const x = c.r[m]!;
          c.r[d] = ((x >>> 8) & 0x00ff00ff) | ((x & 0x00ff00ff) << 8);
          c.pc = next;
        };
      case 3:
        return (c) => {
          const x = c.r[m]!;
          c.r[d] = ((((x & 0xff) << 24) >> 16) | ((x >>> 8) & 0xff)) | 0;
          c.pc = next;
        };
      default:
        return undefinedAt(pc, hw);
    }
  }
  if ((op & 0x78) === 0x70) {
    return (c) => c.hooks.breakpoint();
  }
  if ((op & 0x78) === 0x78) return ifThenOrHint(hw, pc, next, v7m);
  return undefinedAt(pc, hw);
}

function push(list: number, lr: boolean, next: number): Exec {
  const regs: number[] = [];
  for (let i = 0; i < 8; i++) if ((list >>> i) & 1) regs.push(i);
  if (lr) regs.push(14);
  const size = 4 * regs.length;
  return (c) => {
    let address = c.r[13]! - size;
    const start = address;
    for (const reg of regs) {
      c.st32a(address, c.r[reg]!);
      address += 4;
    }
    c.r[13] = start;
    c.cycles += regs.length;
    c.pc = next;
  };
}

function pop(list: number, pc: boolean, next: number): Exec {
  const regs: number[] = [];
  for (let i = 0; i < 8; i++) if ((list >>> i) & 1) regs.push(i);
  const count = regs.length;
  const size = 4 * (count + (pc ? 1 : 0));
  const values = new Int32Array(8);
  return (c) => {
    const address = c.r[13]!;
    // Load everything first so a faulting load leaves the registers unchanged.
    for (let i = 0; i < count; i++) values[i] = c.ld32a(address + 4 * i);
    const target = pc ? c.ld32a(address + 4 * count) : 0;
    for (let i = 0; i < count; i++) c.r[regs[i]!] = values[i]!;
    c.r[13] = address + size;
    c.cycles += count;
    if (pc) {
      c.cycles += 1 + BRANCH_EXTRA;
      c.bxWritePc(target);
    } else {
      c.pc = next;
    }
  };
}

/** CPS (B5.2.1): PRIMASK, and FAULTMASK on v7-M; ignored when unprivileged. */
function changeProcessorState(hw: number, next: number, v7m: boolean): Exec {
  const disable = (hw & 0x10) !== 0;
  const affectI = (hw & 2) !== 0;
  const affectF = v7m && (hw & 1) !== 0;
  return (c) => {
    if (c.privileged) {
      if (affectI) c.primask = disable ? 1 : 0;
      // FAULTMASK can only be set below HardFault priority (B5.2.1: ExecutionPriority() > -1).
      if (affectF) c.faultmask = disable ? (c.ipsr === Exception.HardFault || c.ipsr === Exception.Nmi ? c.faultmask : 1) : 0;
      c.hooks.priorityChanged();
    }
    c.pc = next;
  };
}

/** IT (A7.7.38) and the hint instructions NOP, YIELD, WFE, WFI, SEV (A5.2.5). */
function ifThenOrHint(hw: number, pc: number, next: number, v7m: boolean): Exec {
  if ((hw & 0xf) !== 0) {
    if (!v7m) return undefinedAt(pc, hw);
    const state = hw & 0xff;
    return (c) => {
      c.itstate = state;
      // The fast loop runs only outside IT blocks: leave it for the conditional path.
      c.limit = -1;
      c.pc = next;
    };
  }
  switch ((hw >>> 4) & 0xf) {
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
      // NOP, YIELD and the unallocated hints execute as NOP (A5.2.5).
      return (c) => {
        c.pc = next;
      };
  }
}

/** STM (A7.7.156): STMIA Rn! with writeback. */
function storeMultiple(hw: number, pc: number, next: number): Exec {
  const n = (hw >>> 8) & 7;
  const list = hw & 0xff;
  if (list === 0) return undefinedAt(pc, hw);
  const regs: number[] = [];
  for (let i = 0; i < 8; i++) if ((list >>> i) & 1) regs.push(i);
  return (c) => {
    const base = c.r[n]!;
    let address = base;
    for (const reg of regs) {
      c.st32a(address, c.r[reg]!);
      address += 4;
    }
    c.r[n] = address;
    c.cycles += regs.length;
    c.pc = next;
  };
}

/** LDM (A7.7.40): writeback unless the base is in the list. */
function loadMultiple(hw: number, pc: number, next: number): Exec {
  const n = (hw >>> 8) & 7;
  const list = hw & 0xff;
  if (list === 0) return undefinedAt(pc, hw);
  const regs: number[] = [];
  for (let i = 0; i < 8; i++) if ((list >>> i) & 1) regs.push(i);
  const writeback = ((list >>> n) & 1) === 0;
  const count = regs.length;
  const values = new Int32Array(8);
  return (c) => {
    const base = c.r[n]!;
    for (let i = 0; i < count; i++) values[i] = c.ld32a(base + 4 * i);
    for (let i = 0; i < count; i++) c.r[regs[i]!] = values[i]!;
    if (writeback) c.r[n] = base + 4 * count;
    c.cycles += count;
    c.pc = next;
  };
}

/** B<c> T1, UDF and SVC (A5.2.6). */
function conditionalBranchOrSvc(hw: number, pc: number, next: number): Exec {
  const cond = (hw >>> 8) & 0xf;
  if (cond === 0xe) return undefinedAt(pc, hw);
  if (cond === 0xf) {
    return (c) => {
      c.pc = next;
      c.raise(Exception.SvCall);
    };
  }
  return conditionalBranch(cond, (pc + 4 + (((hw & 0xff) << 24) >> 23)) >>> 0, next);
}
