/*
 * Hardware division (ARMv7-M A7.7.127 SDIV, A7.7.145 UDIV): rounding towards zero for every sign
 * combination, the 0x80000000 / -1 overflow case, and division by zero: with CCR.DIV_0_TRP clear
 * the result is 0; with it set the instruction raises UsageFault with CFSR.DIVBYZERO
 * (B3.2.15). The UsageFault handler (enabled in SHCSR) reads CFSR, clears it, and returns past
 * the faulting instruction.
 */
  .syntax unified
  .cpu cortex-m4
  .thumb
  .text
  .global main
  .type main, %function
main:
  push {r4-r11, lr}
  movs r0, #100
  movs r1, #7
  mvn r2, #6
  ldr r3, =0x80000000
  mvn r4, #0
  movs r5, #0
  udiv r6, r0, r1
  sdiv r7, r0, r2
  sdiv r8, r2, r1
  sdiv r9, r2, r2
  udiv r10, r4, r1
  sdiv r11, r3, r4
  udiv r12, r3, r4
  udiv r6, r0, r5
  sdiv r7, r2, r5
  /* Enable UsageFault, then trap division by zero. */
  ldr r0, =0xe000ed24
  ldr r1, [r0]
  orr r1, r1, #0x40000
  str r1, [r0]
  ldr r0, =0xe000ed14
  ldr r1, [r0]
  orr r1, r1, #0x10
  str r1, [r0]
  ldr r1, [r0]
  movs r0, #100
  movs r6, #0x66
  udiv r6, r0, r5
  movs r7, #0x77
  sdiv r7, r2, r5
  movs r8, #9
  udiv r8, r0, r8
  pop {r4-r11, pc}

  .global UsageFault_Handler
  .type UsageFault_Handler, %function
UsageFault_Handler:
  ldr r0, =0xe000ed28
  ldr r1, [r0]
  str r1, [r0]
  ldr r2, [r0]
  ldr r3, [sp, #24]
  adds r3, #4
  str r3, [sp, #24]
  bx lr
  .ltorg
