/*
 * Data processing and the APSR flags (ARMv7-M A7.7): ADD/ADC/SUB/SBC/RSB with and without S, the
 * compares CMP/CMN/TST/TEQ, modified immediates (A5.3.2) of every rotation form, plain 12- and
 * 16-bit immediates, MOVT, and the multiplies MUL/MLA/MLS/UMULL/SMULL/UMLAL/SMLAL. Operands sit on
 * the carry and overflow edges (0, 1, 0x7fffffff, 0x80000000, 0xffffffff).
 */
  .syntax unified
  .cpu cortex-m4
  .thumb
  .text
  .global main
  .type main, %function
main:
  push {r4-r11, lr}
  ldr r0, =0x7fffffff
  ldr r1, =0x80000000
  movs r2, #1
  mvn r3, #0
  /* Additions across the signed and unsigned edges. */
  adds r4, r0, r2
  adcs r5, r3, r2
  adcs r6, r1, r1
  adc r7, r0, r0
  adds r4, r3, r3
  add r5, r0, #0x12
  addw r6, r0, #0xfff
  adds r7, r1, #0xff000000
  /* Subtractions and reverse subtraction, borrow in and out. */
  subs r4, r1, r2
  sbcs r5, r2, r2
  sbcs r6, r1, r0
  sbc r7, r2, r3
  subs r4, r2, r3
  rsbs r5, r2, #0
  rsb r6, r0, #0x00ab00ab
  subw r7, r0, #0x123
  subs r8, r3, #0x80000000
  /* Compares and tests only set flags. */
  cmp r0, r1
  cmp r1, r0
  cmn r0, r2
  cmn r3, r2
  tst r1, #0x80000000
  tst r2, r1
  teq r3, r3
  teq r1, #0x40000000
  cmp r2, #0xab
  /* Logical operations with every modified-immediate form. */
  ands r4, r3, #0x55
  orrs r5, r1, #0x00560056
  eors r6, r3, #0xab00ab00
  bics r7, r3, #0x3fc00
  orns r8, r2, #0x12121212
  mov r9, #0x7f800000
  mvns r10, #0xff
  movw r11, #0xbeef
  movt r11, #0xdead
  mov r12, #0
  /* Multiplies, flags from MULS, and the 64-bit forms. */
  muls r4, r0, r4
  mul r5, r3, r0
  mla r6, r0, r3, r2
  mls r7, r0, r3, r2
  umull r8, r9, r3, r3
  smull r10, r11, r3, r0
  umlal r8, r9, r0, r1
  smlal r10, r11, r1, r1
  movs r4, #0
  muls r4, r0, r4
  pop {r4-r11, pc}
  .ltorg
