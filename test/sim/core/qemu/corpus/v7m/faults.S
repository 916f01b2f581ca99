/*
 * Synchronous faults (ARMv7-M B1.5.14, B3.2.15 CFSR, B3.2.16 HFSR): UsageFault UNALIGNED from a
 * word load with CCR.UNALIGN_TRP set and from an unaligned LDRD (which faults whatever the trap
 * bit), INVSTATE from BX to an address with bit 0 clear, UNDEFINSTR from a 32-bit UDF, NOCP from a
 * floating-point instruction while CPACR leaves the FPU off, and escalation to HardFault
 * (HFSR.FORCED) when UsageFault is disabled, and from an SVC executed with PRIMASK set. The
 * handlers copy CFSR/HFSR into R4/R5, clear them, and resume after the faulting instruction (or,
 * for INVSTATE, at the target with EPSR.T set in the stacked xPSR).
 */
  .syntax unified
  .cpu cortex-m4
  .fpu fpv4-sp-d16
  .thumb
  .equ CCR, 0xe000ed14
  .equ SHCSR, 0xe000ed24
  .equ CFSR, 0xe000ed28
  .equ HFSR, 0xe000ed2c
  .text
  .global main
  .type main, %function
main:
  push {r4-r11, lr}
  ldr r0, =SHCSR
  ldr r1, [r0]
  orr r1, r1, #0x40000
  str r1, [r0]
  ldr r6, =words
  /* Unaligned word load: allowed, then trapped once CCR.UNALIGN_TRP is set. */
  ldr r7, [r6, #1]
  ldr r0, =CCR
  ldr r1, [r0]
  orr r1, r1, #0x8
  str r1, [r0]
  ldr r7, [r6, #2]
  bic r1, r1, #0x8
  str r1, [r0]
  /* LDRD needs word alignment whatever UNALIGN_TRP says. */
  add r2, r6, #2
  ldrd r8, r9, [r2]
  /* BX to an even address clears EPSR.T: INVSTATE on the next instruction. */
  adr r0, thumb_again
  bx r0
  .balign 4
thumb_again:
  movs r7, #0x17
  /* Permanently undefined 32-bit encoding. */
  udf.w #0x12
  /* Coprocessor instruction with the FPU disabled in CPACR. */
  vmov s0, r7
  /* With UsageFault disabled the same fault escalates to HardFault (FORCED). */
  ldr r0, =SHCSR
  ldr r1, [r0]
  bic r1, r1, #0x40000
  str r1, [r0]
  udf #3
  /* An SVC that cannot be taken because PRIMASK masks it escalates too. */
  cpsid i
  svc #9
  /* The escalated SVC returns after itself (it was executed); the handler's skip lands past this. */
  nop
  cpsie i
  pop {r4-r11, pc}

  .global UsageFault_Handler
  .type UsageFault_Handler, %function
UsageFault_Handler:
  ldr r0, =CFSR
  ldr r4, [r0]
  str r4, [r0]
  ldr r5, [r0]
  b resume

  .global HardFault_Handler
  .type HardFault_Handler, %function
HardFault_Handler:
  ldr r0, =HFSR
  ldr r5, [r0]
  str r5, [r0]
  ldr r0, =CFSR
  ldr r4, [r0]
  str r4, [r0]
  b resume

  .global SVC_Handler
  .type SVC_Handler, %function
SVC_Handler:
  movs r10, #0x5c
  bx lr

/* Resume after the faulting instruction: 4 bytes when its first halfword is 0b111xx with xx != 00
   (A5.1), else 2; an INVSTATE return goes back to the same address with EPSR.T set. */
  .type resume, %function
resume:
  ldr r1, [sp, #28]
  tst r1, #0x01000000
  bne 1f
  orr r1, r1, #0x01000000
  str r1, [sp, #28]
  bx lr
1:
  ldr r2, [sp, #24]
  ldrh r3, [r2]
  lsrs r3, r3, #11
  cmp r3, #0x1d
  ite hs
  addhs r2, #4
  addlo r2, #2
  str r2, [sp, #24]
  bx lr
  .ltorg

  .data
  .balign 4
words:
  .word 0x03020100, 0x07060504, 0x0b0a0908, 0x0f0e0d0c
