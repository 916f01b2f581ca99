/*
 * ARMv6-M extension, byte reversal and branches (ARMv6-M A6.7): SXTB/SXTH/UXTB/UXTH, REV/REV16/
 * REVSH, conditional branches on every condition code, BL, BLX and BX to registers, and the
 * status-register accesses MRS/MSR APSR and the barriers DMB/DSB/ISB.
 */
  .syntax unified
  .cpu cortex-m0
  .thumb
  .text
  .global main
  .type main, %function
main:
  push {r4-r7, lr}
  ldr r0, =0x8090a0b0
  ldr r1, =0x00f07f81
  sxtb r2, r0
  sxtb r2, r1
  sxth r3, r0
  sxth r3, r1
  uxtb r4, r0
  uxth r5, r1
  rev r6, r0
  rev16 r6, r1
  revsh r7, r0
  revsh r7, r1
  movs r4, #0
  movs r2, #1
  cmp r2, #1
  bne 1f
  adds r4, #1
1:
  cmp r2, #2
  bcs 2f
  adds r4, #2
2:
  bmi 3f
  adds r4, #4
3:
  cmp r0, r1
  bvs 4f
  adds r4, #8
4:
  bhi 5f
  adds r4, #16
5:
  bge 6f
  adds r4, #32
6:
  ble 7f
  adds r4, #64
7:
  bgt 8f
  adds r4, #128
8:
  bls 9f
  adds r4, #1
9:
  mrs r5, APSR
  /* Only N Z C V exist in the ARMv6-M APSR (B1.4.2: bits 27:0 reserved); QEMU 7.2 also sets
     bit 27 (Q) from MSR on a Cortex-M0, so the value written keeps the reserved bits clear. */
  movs r6, #0xf
  lsls r6, r6, #28
  msr APSR_nzcvq, r6
  mrs r5, APSR
  dmb
  dsb
  isb
  bl leaf
  ldr r3, =leaf
  blx r3
  adr r3, tail
  adds r3, #1
  bx r3
  .balign 4
tail:
  mov r6, r4
  pop {r4-r7, pc}

  .type leaf, %function
leaf:
  adds r4, #100
  bx lr
  .ltorg
