/**
 * The arithmetic pseudo-functions of the ARMv7-M ARM chapter A2.2 (AddWithCarry, Shift_C,
 * ThumbExpandImm_C, saturation) over int32 values.
 */

/** Shift types of DecodeImmShift / DecodeRegShift (A7.4.2); 4 is RRX. */
export const enum ShiftType {
  Lsl = 0,
  Lsr = 1,
  Asr = 2,
  Ror = 3,
  Rrx = 4,
}

/**
 * The APSR condition flags with the pseudo-functions that write them. Cpu extends this class,
 * so a decoded closure calls them as methods of the one Cpu shape, which V8 inlines; a call
 * through another module's export would cost a binding lookup per executed instruction.
 */
export class ConditionFlags {
  n = 0;
  z = 0;
  c = 0;
  v = 0;
  /** Carry out of the last `shiftC` call (Shift_C returns a pair; this is its second half). */
  shifterCarry = 0;

  /**
   * AddWithCarry (A2.2.1), writing N, Z, C and V. Returns the int32 result. C and V come from
   * bit 31 of the operands and the result (carry out of a full adder: both operand bits set,
   * or one set and the result bit clear), so everything stays int32 arithmetic for V8 instead
   * of an unsigned 33-bit sum in floating point.
   */
  addWithCarry(x: number, y: number, carry: number): number {
    const result = (x + y + carry) | 0;
    this.n = result >>> 31;
    this.z = result === 0 ? 1 : 0;
    this.c = ((x & y) | ((x | y) & ~result)) >>> 31;
    this.v = ((x ^ result) & (y ^ result)) >>> 31;
    return result;
  }

  /** x - y with flags, as AddWithCarry(x, NOT(y), 1). */
  subtractFlags(x: number, y: number): number {
    return this.addWithCarry(x, ~y, 1);
  }

  setNZ(result: number): void {
    this.n = result >>> 31;
    this.z = result === 0 ? 1 : 0;
  }

  /**
   * Shift_C (A2.2.2) with the current C flag as carry-in: an amount of 0 leaves value and carry;
   * register shifts pass amounts up to 255. The carry out goes to `shifterCarry`.
   */
  shiftC(value: number, type: ShiftType, amount: number): number {
    if (type === ShiftType.Rrx) {
      this.shifterCarry = value & 1;
      return (this.c << 31) | (value >>> 1);
    }
    if (amount === 0) {
      this.shifterCarry = this.c;
      return value | 0;
    }
    switch (type) {
      case ShiftType.Lsl:
        if (amount < 32) {
          this.shifterCarry = (value >>> (32 - amount)) & 1;
          return value << amount;
        }
        this.shifterCarry = amount === 32 ? value & 1 : 0;
        return 0;
      case ShiftType.Lsr:
        if (amount < 32) {
          this.shifterCarry = (value >>> (amount - 1)) & 1;
          return (value >>> amount) | 0;
        }
        this.shifterCarry = amount === 32 ? value >>> 31 : 0;
        return 0;
      case ShiftType.Asr:
        if (amount < 32) {
          this.shifterCarry = (value >> (amount - 1)) & 1;
          return value >> amount;
        }
        this.shifterCarry = value >>> 31;
        return value >> 31;
      default: {
        const n = amount & 31;
        const result = n === 0 ? value | 0 : (value >>> n) | (value << (32 - n));
        this.shifterCarry = result >>> 31;
        return result;
      }
    }
  }

  /** ConditionPassed for a 4-bit condition code (ARMv7-M A7.3). */
  conditionPassed(cond: number): boolean {
    let result: boolean;
    switch (cond >> 1) {
      case 0: result = this.z === 1; break;
      case 1: result = this.c === 1; break;
      case 2: result = this.n === 1; break;
      case 3: result = this.v === 1; break;
      case 4: result = this.c === 1 && this.z === 0; break;
      case 5: result = this.n === this.v; break;
      case 6: result = this.n === this.v && this.z === 0; break;
      default: return true;
    }
    return (cond & 1) === 0 ? result : !result;
  }
}

/** DecodeImmShift (A7.4.2): the (type, amount) pair as [type, amount]. */
export function decodeImmShift(type: number, imm5: number): [ShiftType, number] {
  switch (type) {
    case 0:
      return [ShiftType.Lsl, imm5];
    case 1:
      return [ShiftType.Lsr, imm5 === 0 ? 32 : imm5];
    case 2:
      return [ShiftType.Asr, imm5 === 0 ? 32 : imm5];
    default:
      return imm5 === 0 ? [ShiftType.Rrx, 1] : [ShiftType.Ror, imm5];
  }
}

/**
 * ThumbExpandImm_C (A5.3.2). Returns the constant, or undefined for the UNPREDICTABLE zero
 * byte patterns; `expandCarry` tells whether the carry comes from the rotation (else it is unchanged).
 */
export function expandImm(imm12: number): { value: number; rotated: boolean; carry: number } | undefined {
  const imm8 = imm12 & 0xff;
  if ((imm12 & 0xc00) === 0) {
    switch ((imm12 >> 8) & 3) {
      case 0:
        return { value: imm8, rotated: false, carry: 0 };
      case 1:
        return imm8 === 0 ? undefined : { value: imm8 | (imm8 << 16), rotated: false, carry: 0 };
      case 2:
        return imm8 === 0 ? undefined : { value: (imm8 << 8) | (imm8 << 24), rotated: false, carry: 0 };
      default:
        return imm8 === 0 ? undefined : { value: imm8 | (imm8 << 8) | (imm8 << 16) | (imm8 << 24), rotated: false, carry: 0 };
    }
  }
  const unrotated = 0x80 | (imm12 & 0x7f);
  const rot = (imm12 >> 7) & 0x1f;
  const value = (unrotated >>> rot) | (unrotated << (32 - rot));
  return { value: value | 0, rotated: true, carry: value >>> 31 };
}

/** SignedSatQ (A2.2.3): saturates to `bits` signed bits; `saturated` tells whether it clipped. */
export function signedSat(value: number, bits: number): { result: number; saturated: boolean } {
  const max = 2 ** (bits - 1) - 1;
  const min = -(2 ** (bits - 1));
  if (value > max) return { result: max, saturated: true };
  if (value < min) return { result: min, saturated: true };
  return { result: value, saturated: false };
}

/** UnsignedSatQ (A2.2.3). */
export function unsignedSat(value: number, bits: number): { result: number; saturated: boolean } {
  const max = 2 ** bits - 1;
  if (value > max) return { result: max, saturated: true };
  if (value < 0) return { result: 0, saturated: true };
  return { result: value, saturated: false };
}
