/*
 * Shifts and the carry flag (ARMv7-M A7.4.2 Shift_C): LSL/LSR/ASR/ROR by immediate and by register
 * with amounts 0, 1, 31, 32, 33 and 255 (the register forms take the bottom byte), RRX, and
 * shifted-register operands of flag-setting logical instructions, where the shifter's carry
 * reaches APSR.C.
 */
  .syntax unified
  .cpu cortex-m4
  .thumb
  .text
  .global main
  .type main, %function
main:
  push {r4-r11, lr}
  ldr r0, =0x80000001
  ldr r1, =0x40000003
  movs r2, #0
  movs r3, #1
  movs r4, #31
  movs r5, #32
  movs r6, #33
  ldr r7, =0x1ff
  /* Immediate shifts. */
  lsls r8, r0, #1
  lsls r8, r1, #31
  lsrs r8, r0, #1
  lsrs r8, r0, #32
  asrs r8, r0, #1
  asrs r8, r0, #32
  asrs r8, r1, #32
  rors r8, r0, #1
  rors r8, r1, #31
  rrxs r8, r0
  rrxs r8, r1
  movs r8, r0, lsl #0
  /* Register shifts, amount in the bottom byte of Rm. */
  lsls r8, r0, r2
  lsls r8, r0, r3
  lsls r8, r1, r4
  lsls r8, r1, r5
  lsls r8, r0, r6
  lsrs r8, r0, r5
  lsrs r8, r0, r6
  lsrs r8, r1, r7
  asrs r8, r0, r5
  asrs r8, r1, r6
  asrs r8, r0, r7
  rors r8, r0, r5
  rors r8, r1, r6
  rors r8, r0, r2
  lsl r9, r1, r3
  ror r9, r0, r7
  /* Shifted-register operands: logical ops take C from the shifter, arithmetic ops do not. */
  ands r10, r0, r1, lsl #1
  orrs r10, r2, r0, lsr #1
  eors r10, r0, r0, asr #31
  bics r10, r0, r1, ror #2
  movs r10, r0, rrx
  tst r1, r0, lsl #31
  teq r1, r0, lsr #1
  adds r11, r0, r1, lsl #2
  subs r11, r0, r1, asr #1
  adc r11, r1, r0, ror #3
  rsbs r11, r1, r0, lsl #4
  cmp r0, r1, lsl #1
  cmn r1, r0, lsr #31
  /* 16-bit shifts inside and outside IT set flags or not. */
  movs r12, #3
  lsls r12, r12, #30
  lsrs r12, r12, #31
  asrs r12, r0, #4
  pop {r4-r11, pc}
  .ltorg
