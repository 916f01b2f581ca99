/*
 * Exception entry and return (ARMv7-M B1.5.6-B1.5.8): SVC from privileged and unprivileged
 * thread mode on MSP and on PSP, PendSV pended through ICSR (B3.2.4), masking by PRIMASK,
 * FAULTMASK, BASEPRI and BASEPRI_MAX (B1.4.3, B1.5.4), an external interrupt pended through
 * NVIC_ISPR and enabled through NVIC_ISER (B3.4), preemption by a higher priority exception
 * (nested frame, EXC_RETURN 0xFFFFFFF1), tail-chaining into a lower priority exception, stack
 * alignment on entry (CCR.STKALIGN, xPSR bit 9 in the stacked frame) and UsageFault UNDEFINSTR
 * from UDF. Handlers copy stacked values and special registers into R4-R11 so the harness sees them.
 * Priorities use only the top bit of each priority field, so any implemented priority width
 * reads them back the same.
 */
  .syntax unified
  .cpu cortex-m4
  .thumb
  .equ ICSR, 0xe000ed04
  .equ SHPR2, 0xe000ed1c
  .equ SHPR3, 0xe000ed20
  .equ SHCSR, 0xe000ed24
  .equ CFSR, 0xe000ed28
  .equ NVIC_ISER0, 0xe000e100
  .equ NVIC_ISPR0, 0xe000e200
  .equ NVIC_IPR0, 0xe000e400
  .text
  .global main
  .type main, %function
main:
  push {r4-r11, lr}
  /* SVC from privileged thread mode on MSP: the handler returns a value in the stacked R0. */
  movs r0, #0x21
  movs r1, #0x22
  svc #0x12
  mov r4, r0
  /* Entry with SP only 4-byte aligned: the frame is realigned and xPSR bit 9 records it. */
  sub sp, #4
  svc #0x13
  add sp, #4
  /* Thread mode on PSP. */
  ldr r0, =process_stack_top
  msr psp, r0
  movs r0, #2
  msr control, r0
  isb
  mrs r5, control
  mrs r6, msp
  mrs r7, psp
  push {r0-r3}
  svc #0x14
  pop {r0-r3}
  /* PendSV pended through ICSR is taken after the store. */
  ldr r2, =ICSR
  mov r3, #0x10000000
  str r3, [r2]
  mov r8, r9
  /* PRIMASK holds it off until CPSIE. */
  cpsid i
  str r3, [r2]
  /* ICSR is read only in Handler mode: in Thread mode its RETTOBASE bit is UNKNOWN (B3.2.4). */
  mrs r10, primask
  cpsie i
  mrs r10, primask
  /* FAULTMASK likewise. */
  cpsid f
  str r3, [r2]
  mrs r11, faultmask
  cpsie f
  mrs r11, faultmask
  /* PendSV at priority 0x80; BASEPRI 0x80 masks it, BASEPRI_MAX only raises the mask. */
  ldr r0, =SHPR3
  mov r1, #0x00800000
  str r1, [r0]
  movs r1, #0x80
  msr basepri, r1
  str r3, [r2]
  movs r1, #0xc0
  msr basepri_max, r1
  mrs r9, basepri
  movs r1, #0x40
  msr basepri_max, r1
  mrs r9, basepri
  movs r1, #0
  msr basepri, r1
  mrs r9, basepri
  /* External interrupt 0 at priority 0x80; PendSV, raised to 0x40 and pended inside it, preempts
     it (nested frame), and IRQ1 at 0xc0, pended from PendSV, tail-chains after IRQ0 returns. */
  ldr r0, =SHPR3
  mov r1, #0x00400000
  str r1, [r0]
  ldr r0, =NVIC_IPR0
  ldr r1, =0x0000c080
  str r1, [r0]
  ldr r0, =NVIC_ISER0
  movs r1, #3
  str r1, [r0]
  ldr r0, =NVIC_ISPR0
  movs r1, #1
  str r1, [r0]
  mov r8, r4
  /* Back to MSP, then to unprivileged thread mode; SVC brings privilege back. */
  movs r0, #0
  msr control, r0
  isb
  movs r0, #1
  msr control, r0
  isb
  mrs r5, control
  svc #0x15
  mrs r5, control
  /* UDF raises UsageFault once it is enabled in SHCSR. */
  ldr r0, =SHCSR
  ldr r1, [r0]
  orr r1, r1, #0x40000
  str r1, [r0]
  udf #7
  mov r6, r4
  pop {r4-r11, pc}

  .global SVC_Handler
  .type SVC_Handler, %function
SVC_Handler:
  mov r4, lr
  tst lr, #4
  ite eq
  mrseq r0, msp
  mrsne r0, psp
  ldr r1, [r0, #24]
  ldrb r5, [r1, #-2]
  ldr r6, [r0, #28]
  mrs r7, ipsr
  ldr r2, [r0]
  adds r2, #0x100
  str r2, [r0]
  cmp r5, #0x15
  bne 1f
  mrs r3, control
  bic r3, r3, #1
  msr control, r3
1:
  bx lr

  .global PendSV_Handler
  .type PendSV_Handler, %function
PendSV_Handler:
  mrs r9, ipsr
  mov r10, lr
  mov r11, sp
  ldr r0, [sp, #28]
  ldr r1, =NVIC_ISPR0
  movs r2, #2
  str r2, [r1]
  ldr r3, [r1]
  bx lr

  .global IRQ0_Handler
  .type IRQ0_Handler, %function
IRQ0_Handler:
  push {r4, lr}
  mrs r4, ipsr
  ldr r0, =ICSR
  ldr r5, [r0]
  mov r1, #0x10000000
  str r1, [r0]
  ldr r5, [r0]
  pop {r4, pc}

  .global IRQ1_Handler
  .type IRQ1_Handler, %function
IRQ1_Handler:
  mrs r6, ipsr
  mov r7, lr
  bx lr

  .global UsageFault_Handler
  .type UsageFault_Handler, %function
UsageFault_Handler:
  ldr r0, =CFSR
  ldr r4, [r0]
  str r4, [r0]
  ldr r1, [sp, #24]
  adds r1, #2
  str r1, [sp, #24]
  bx lr
  .ltorg

  .bss
  .balign 8
  .space 256
process_stack_top:
