/*
 * Multiple loads and stores (ARMv7-M A7.7.40-A7.7.42, A7.7.99-A7.7.101, PUSH/POP A7.7.98-A7.7.99):
 * STMIA/STMDB and LDMIA/LDMDB in 16-bit and 32-bit encodings, with and without writeback, the
 * 16-bit LDM that leaves the base register unwritten when it is in the list, PUSH/POP of low,
 * high and LR/PC registers, and POP {pc} returning through an interworking address.
 */
  .syntax unified
  .cpu cortex-m4
  .thumb
  .text
  .global main
  .type main, %function
main:
  push {r4-r11, lr}
  ldr r0, =block
  ldr r1, =0x11111111
  ldr r2, =0x22222222
  ldr r3, =0x33333333
  ldr r4, =0x44444444
  mov r5, r0
  stmia r5!, {r1-r4}
  stmia.w r5, {r1, r3}
  stmia.w r5!, {r2, r4}
  stmdb r5!, {r3, r4}
  stmdb r5, {r1}
  add r6, r0, #48
  stmdb r6, {r1-r4, r8-r12, lr}
  mov r7, r0
  ldmia r7!, {r1-r3}
  ldmia r7, {r4}
  ldmia.w r7!, {r8, r9}
  ldmdb r7!, {r10, r11}
  ldmdb r7, {r12}
  mov r4, r0
  ldmia r4, {r1, r2, r4}
  mov r3, r0
  ldmia.w r3, {r3, r5}
  add r6, r0, #48
  ldmdb r6!, {r1-r5, r8-r12, lr}
  /* PUSH and POP, narrow and wide, including one register and high registers. */
  push {r0-r3}
  push.w {r8}
  push {r4-r7, lr}
  pop {r0-r3}
  pop.w {r12}
  pop {r4-r7}
  pop {r8}
  push {r1}
  pop {r9}
  push {r10-r12}
  pop {r0-r2}
  /* POP into PC returns to a Thumb address. */
  bl pop_to_pc
  ldr r0, =block
  ldr r1, [r0, #8]
  pop {r4-r11, pc}

  .type pop_to_pc, %function
pop_to_pc:
  push {r4, lr}
  movs r4, #0x44
  pop {r4, pc}
  .ltorg

  .bss
  .balign 4
  .space 16
block:
  .space 96
