/*
 * Loads and stores of every addressing form (ARMv7-M A5.3.7-A5.3.10, A6.2.4): immediate offset
 * (16-bit and 32-bit, positive and negative), pre-indexed and post-indexed with writeback,
 * register offset with LSL #0-3, PC-relative literal (both directions), SP-relative, byte,
 * halfword and signed forms, LDRD/STRD with offset and writeback, the unprivileged LDRT/STRT
 * forms, and unaligned word and halfword accesses (allowed on v7-M while CCR.UNALIGN_TRP is 0).
 */
  .syntax unified
  .cpu cortex-m4
  .thumb
  .text
  .balign 4
far_back:
  .word 0x5a5aa5a5
  .global main
  .type main, %function
main:
  push {r4-r11, lr}
  ldr r0, =buffer
  ldr r1, =0x89abcdef
  ldr r2, =0x01234567
  movs r3, #2
  /* Immediate offsets, 16-bit and 32-bit encodings. */
  str r1, [r0]
  str r2, [r0, #4]
  str.w r1, [r0, #8]
  str r2, [r0, #0x7c]
  strh r1, [r0, #12]
  strh.w r2, [r0, #14]
  strb r1, [r0, #16]
  strb.w r2, [r0, #17]
  add r4, r0, #64
  str r1, [r4, #-4]
  strh r2, [r4, #-6]
  strb r1, [r4, #-7]
  ldr r5, [r0]
  ldr r6, [r0, #4]
  ldr.w r7, [r0, #0x7c]
  ldrh r8, [r0, #12]
  ldrsh r9, [r0, #12]
  ldrb r10, [r0, #16]
  ldrsb r11, [r0, #16]
  ldr r5, [r4, #-4]
  ldrh r6, [r4, #-6]
  ldrsb r7, [r4, #-7]
  ldrsh.w r8, [r4, #-6]
  ldrb.w r9, [r4, #-7]
  /* Pre-indexed and post-indexed with writeback. */
  mov r4, r0
  str r1, [r4, #4]!
  str r2, [r4], #8
  strh r1, [r4, #2]!
  strb r2, [r4], #-3
  ldr r5, [r4, #-3]!
  ldrh r6, [r4], #6
  ldrsb r7, [r4, #-1]!
  ldrsh r8, [r4], #-2
  ldrb r9, [r4, #1]!
  /* Register offsets, shifted left by 0..3. */
  movs r10, #1
  str r1, [r0, r3, lsl #2]
  strh r2, [r0, r3]
  strb r1, [r0, r10, lsl #3]
  str.w r2, [r0, r10, lsl #1]
  ldr r5, [r0, r3, lsl #2]
  ldrh r6, [r0, r3]
  ldrsh r7, [r0, r3]
  ldrb r8, [r0, r10, lsl #3]
  ldrsb r9, [r0, r10, lsl #3]
  ldr.w r11, [r0, r10, lsl #1]
  /* Literal loads in both directions, and ADR. */
  ldr r5, near_literal
  ldr.w r6, far_back
  ldrh r7, near_literal
  ldrsb r8, near_literal + 3
  adr r9, near_literal
  adr.w r10, far_back
  /* SP-relative. */
  sub sp, #16
  str r1, [sp, #4]
  str r2, [sp, #8]
  ldr r5, [sp, #4]
  ldr r6, [sp, #8]
  ldrh r7, [sp, #6]
  add sp, #16
  /* Doublewords with offset, pre-index and post-index. */
  strd r1, r2, [r0, #32]
  strd r2, r1, [r0, #-8]
  mov r4, r0
  strd r1, r1, [r4, #8]!
  strd r2, r2, [r4], #-8
  ldrd r5, r6, [r0, #32]
  ldrd r7, r8, [r0, #-8]
  ldrd r9, r10, [r4, #8]!
  ldrd r11, r12, [r4], #16
  /* Unprivileged forms (privileged thread mode: same as the normal forms). */
  strt r1, [r0, #20]
  ldrt r5, [r0, #20]
  ldrbt r6, [r0, #21]
  ldrsht r7, [r0, #20]
  /* Unaligned word and halfword accesses. */
  str r1, [r0, #41]
  ldr r5, [r0, #41]
  strh r2, [r0, #45]
  ldrh r6, [r0, #45]
  ldrsh r7, [r0, #43]
  pop {r4-r11, pc}
  .balign 4
near_literal:
  .word 0xf1e2d3c4
  .ltorg

  .bss
  .balign 8
  .space 64
buffer:
  .space 192
