/*
 * ARMv6-M faults, all of which are HardFault (ARMv6-M B1.5.14): an undefined instruction (UDF),
 * BX to an address with bit 0 clear (EPSR.T cleared, fault on the next instruction), unaligned
 * halfword and word accesses, LDM from an unaligned base, and an SVC executed with PRIMASK set
 * (it cannot be taken, so it escalates). The handler records IPSR and the stacked PC, and resumes
 * after the faulting instruction, or at the BX target with EPSR.T set in the stacked xPSR.
 */
  .syntax unified
  .cpu cortex-m0
  .thumb
  .text
  .global main
  .type main, %function
main:
  push {r4-r7, lr}
  ldr r6, =words
  movs r4, #0
  udf #1
  adr r0, thumb_again
  bx r0
  .balign 4
thumb_again:
  movs r7, #0x17
  movs r1, #1
  ldrh r2, [r6, r1]
  movs r1, #2
  ldr r2, [r6, r1]
  adds r5, r6, #2
  ldm r5!, {r1, r2}
  cpsid i
  svc #4
  /* The escalated SVC returns after itself (it was executed); the handler's skip lands past this. */
  nop
  cpsie i
  mov r0, r4
  pop {r4-r7, pc}

  .global HardFault_Handler
  .type HardFault_Handler, %function
HardFault_Handler:
  adds r4, #1
  mrs r3, ipsr
  mov r0, sp
  ldr r1, [r0, #28]
  ldr r2, =0x01000000
  tst r1, r2
  bne 1f
  orrs r1, r2
  str r1, [r0, #28]
  bx lr
1:
  ldr r1, [r0, #24]
  adds r1, #2
  str r1, [r0, #24]
  bx lr

  .global SVC_Handler
  .type SVC_Handler, %function
SVC_Handler:
  movs r5, #0x5c
  bx lr
  .ltorg

  .data
  .balign 4
words:
  .word 0x03020100, 0x07060504, 0x0b0a0908, 0x0f0e0d0c
