/*
 * ARMv6-M data processing and flags (ARMv6-M A6.7): ADDS/ADCS/SUBS/SBCS/RSBS (NEGS), CMP/CMN/TST,
 * ANDS/ORRS/EORS/BICS/MVNS, MULS, high-register ADD/MOV/CMP, ADD/SUB SP and ADR, and the shifts
 * LSLS/LSRS/ASRS/RORS by immediate and by register with amounts 0, 1, 31, 32, 33 and 255.
 */
  .syntax unified
  .cpu cortex-m0
  .thumb
  .text
  .global main
  .type main, %function
main:
  push {r4-r7, lr}
  ldr r0, =0x7fffffff
  ldr r1, =0x80000000
  movs r2, #1
  mvns r3, r2
  adds r3, r3, #1
  adds r4, r0, r2
  adcs r4, r3
  adds r5, r3, r3
  adcs r5, r1
  subs r6, r1, r2
  sbcs r6, r2
  subs r7, r2, #3
  sbcs r7, r0
  rsbs r4, r2, #0
  negs r5, r1
  adds r6, r6, #200
  subs r7, r7, #255
  cmp r0, r1
  cmp r1, r0
  cmp r2, #1
  cmn r0, r2
  cmn r3, r2
  tst r1, r0
  tst r1, r1
  movs r4, #0x5a
  ands r4, r3
  orrs r4, r1
  eors r4, r0
  bics r4, r2
  mvns r5, r4
  movs r6, #13
  muls r6, r0
  muls r6, r3
  mov r8, r0
  mov r9, r1
  add r8, r9
  add r8, r2
  cmp r8, r9
  cmp r9, r2
  mov r10, sp
  add sp, #16
  sub sp, #16
  add r7, sp, #8
  adr r6, literal
  ldr r5, literal
  /* Shifts by immediate and register; register amounts use the bottom byte. */
  lsls r4, r0, #1
  lsls r4, r1, #31
  lsrs r4, r1, #32
  lsrs r4, r0, #1
  asrs r4, r1, #32
  asrs r4, r0, #31
  movs r4, r0
  movs r5, #0
  movs r6, #1
  movs r7, #33
  lsls r4, r5
  lsls r4, r6
  lsrs r4, r6
  mov r4, r1
  lsls r4, r7
  mov r4, r1
  asrs r4, r7
  mov r4, r1
  rors r4, r7
  movs r7, #32
  mov r4, r0
  lsls r4, r7
  mov r4, r1
  lsrs r4, r7
  mov r4, r1
  rors r4, r7
  movs r7, #255
  mov r4, r1
  asrs r4, r7
  mov r4, r0
  rors r4, r6
  mov r4, r0
  rors r4, r5
  pop {r4-r7, pc}
  .balign 4
literal:
  .word 0x13579bdf
  .ltorg
