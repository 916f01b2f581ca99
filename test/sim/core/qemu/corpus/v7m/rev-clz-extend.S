/*
 * Byte reversal, bit reversal, leading zeros and extension (ARMv7-M A7.7.111-A7.7.113 REV/REV16/
 * REVSH, A7.7.112 RBIT, A7.7.24 CLZ, A7.7.178-A7.7.184 SXTB/SXTH/UXTB/UXTH with ROR #8/#16/#24, and
 * the Cortex-M4 DSP forms SXTAB/SXTAH/UXTAB/UXTAH/UXTB16/SXTB16), narrow and wide encodings.
 */
  .syntax unified
  .cpu cortex-m4
  .thumb
  .text
  .global main
  .type main, %function
main:
  push {r4-r11, lr}
  ldr r0, =0x8090a0b0
  ldr r1, =0x00f07f81
  movs r2, #0
  rev r3, r0
  rev.w r3, r1
  rev16 r4, r0
  rev16.w r4, r1
  revsh r5, r0
  revsh.w r5, r1
  rbit r6, r0
  rbit r6, r1
  clz r7, r0
  clz r7, r1
  clz r7, r2
  movs r3, #1
  clz r7, r3
  sxtb r8, r0
  sxtb r8, r1
  sxtb.w r8, r0, ror #8
  sxtb r8, r1, ror #16
  sxtb r8, r0, ror #24
  sxth r9, r0
  sxth r9, r1, ror #8
  sxth r9, r0, ror #16
  sxth r9, r1, ror #24
  uxtb r10, r0
  uxtb r10, r1, ror #8
  uxtb r10, r0, ror #16
  uxtb r10, r1, ror #24
  uxth r11, r0
  uxth r11, r1, ror #8
  uxth r11, r0, ror #24
  sxtab r12, r1, r0
  sxtah r12, r1, r0, ror #8
  uxtab r12, r0, r1, ror #16
  uxtah r12, r0, r1
  uxtb16 r12, r0
  sxtb16 r12, r0, ror #8
  pop {r4-r11, pc}
  .ltorg
