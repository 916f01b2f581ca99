/*
 * Exclusive access with the local monitor (ARMv7-M A3.4): LDREX/STREX word, LDREXB/STREXB,
 * LDREXH/STREXH, STREX without a preceding LDREX failing, CLREX clearing the monitor, a second
 * STREX after a successful one failing, a word offset on LDREX/STREX, and an exception return
 * clearing the monitor (ARMv7-M B1.5.8: ClearExclusiveLocal on exception entry and return).
 */
  .syntax unified
  .cpu cortex-m4
  .thumb
  .text
  .global main
  .type main, %function
main:
  push {r4-r11, lr}
  ldr r0, =cell
  ldr r1, =0xa5a5a5a5
  str r1, [r0]
  ldrex r2, [r0]
  adds r2, #1
  strex r3, r2, [r0]
  ldr r4, [r0]
  strex r3, r1, [r0]
  ldr r4, [r0]
  ldrex r2, [r0]
  clrex
  strex r3, r1, [r0]
  ldrexb r5, [r0]
  strexb r6, r1, [r0]
  ldrexb r5, [r0]
  ldrexh r7, [r0]
  strexh r6, r2, [r0]
  ldr r4, [r0]
  ldrex r8, [r0, #4]
  strex r6, r1, [r0, #4]
  ldr r9, [r0, #4]
  /* The monitor opened here is cleared by the SVC's exception entry and return. */
  ldrex r2, [r0]
  svc #0
  strex r3, r1, [r0]
  ldrex r2, [r0]
  strex r3, r2, [r0]
  pop {r4-r11, pc}

  .global SVC_Handler
  .type SVC_Handler, %function
SVC_Handler:
  movs r0, #0
  bx lr
  .ltorg

  .bss
  .balign 4
cell:
  .space 16
