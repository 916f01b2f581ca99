/*
 * ARMv6-M exception entry and return (ARMv6-M B1.5.6-B1.5.8): SVC on MSP and on PSP, PendSV pended
 * through ICSR, PRIMASK holding it off until CPSIE, an external interrupt pended through NVIC_ISPR
 * and enabled through NVIC_ISER, preemption by PendSV at a higher priority (nested frame),
 * entry with SP only 4-byte aligned (ARMv6-M always aligns, xPSR bit 9 in the frame), and a
 * HardFault from an unaligned word load whose handler steps over it. Priorities use only the top
 * two bits of each field, the width ARMv6-M implements.
 *
 * The program never loads ICSR into a register: its bits 11:6 are reserved on ARMv6-M (there is
 * no RETTOBASE), but QEMU 7.2 sets bit 11 there, so a load would show QEMU's error, not ours.
 * Whether PendSV stays pending is seen from when it is taken.
 */
  .syntax unified
  .cpu cortex-m0
  .thumb
  .equ ICSR, 0xe000ed04
  .equ SHPR3, 0xe000ed20
  .equ NVIC_ISER, 0xe000e100
  .equ NVIC_ISPR, 0xe000e200
  .equ NVIC_IPR0, 0xe000e400
  .text
  .global main
  .type main, %function
main:
  push {r4-r7, lr}
  movs r0, #0x21
  svc #0x12
  mov r4, r0
  sub sp, #4
  svc #0x13
  add sp, #4
  ldr r0, =process_stack_top
  msr psp, r0
  movs r0, #2
  msr control, r0
  isb
  mrs r5, control
  mrs r6, msp
  mrs r7, psp
  svc #0x14
  ldr r2, =ICSR
  ldr r3, =0x10000000
  str r3, [r2]
  mov r8, r4
  cpsid i
  str r3, [r2]
  mrs r6, primask
  cpsie i
  mrs r6, primask
  movs r0, #0
  msr control, r0
  isb
  /* IRQ0 at 0x80; PendSV, raised to 0x40 and pended inside it, preempts it. */
  ldr r0, =SHPR3
  ldr r1, =0x00400000
  str r1, [r0]
  ldr r0, =NVIC_IPR0
  movs r1, #0x80
  str r1, [r0]
  ldr r0, =NVIC_ISER
  movs r1, #1
  str r1, [r0]
  ldr r0, =NVIC_ISPR
  str r1, [r0]
  mov r9, r4
  /* An unaligned word load is a HardFault on ARMv6-M. */
  ldr r0, =process_stack_top
  movs r1, #1
  ldr r1, [r0, r1]
  mov r10, r4
  pop {r4-r7, pc}

  .global SVC_Handler
  .type SVC_Handler, %function
SVC_Handler:
  mov r4, lr
  movs r0, #4
  mov r1, lr
  tst r0, r1
  bne 1f
  mrs r0, msp
  b 2f
1:
  mrs r0, psp
2:
  ldr r1, [r0, #24]
  subs r1, #2
  ldrb r5, [r1]
  ldr r6, [r0, #28]
  mrs r7, ipsr
  ldr r2, [r0]
  adds r2, #100
  str r2, [r0]
  bx lr

  .global PendSV_Handler
  .type PendSV_Handler, %function
PendSV_Handler:
  mrs r4, ipsr
  mov r5, lr
  mov r6, sp
  mrs r7, psp
  bx lr

  .global IRQ0_Handler
  .type IRQ0_Handler, %function
IRQ0_Handler:
  push {r4, lr}
  mrs r4, ipsr
  ldr r0, =NVIC_ISPR
  ldr r5, [r0]
  ldr r0, =ICSR
  ldr r1, =0x10000000
  str r1, [r0]
  mov r5, r1
  pop {r4, pc}

  .global HardFault_Handler
  .type HardFault_Handler, %function
HardFault_Handler:
  mrs r4, ipsr
  mov r0, sp
  ldr r1, [r0, #24]
  adds r1, #2
  str r1, [r0, #24]
  bx lr
  .ltorg

  .bss
  .balign 8
  .space 256
process_stack_top:
