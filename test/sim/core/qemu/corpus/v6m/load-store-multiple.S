/*
 * ARMv6-M loads and stores (ARMv6-M A6.7): immediate offsets for word, halfword and byte, register
 * offsets including the signed LDRSB/LDRSH, PC-relative literal and SP-relative forms, LDM with and
 * without writeback (base in the list), STM with writeback, and PUSH/POP of low registers with
 * LR and PC.
 */
  .syntax unified
  .cpu cortex-m0
  .thumb
  .text
  .global main
  .type main, %function
main:
  push {r4-r7, lr}
  ldr r0, =buffer
  ldr r1, =0x89abcdef
  ldr r2, =0x01234567
  movs r3, #8
  str r1, [r0]
  str r2, [r0, #4]
  str r1, [r0, #124]
  strh r1, [r0, #8]
  strh r2, [r0, #62]
  strb r1, [r0, #10]
  strb r2, [r0, #31]
  ldr r4, [r0]
  ldr r5, [r0, #124]
  ldrh r6, [r0, #8]
  ldrh r7, [r0, #62]
  ldrb r4, [r0, #10]
  ldrb r5, [r0, #31]
  str r2, [r0, r3]
  ldr r4, [r0, r3]
  strh r1, [r0, r3]
  ldrh r5, [r0, r3]
  ldrsh r6, [r0, r3]
  strb r1, [r0, r3]
  ldrb r7, [r0, r3]
  ldrsb r4, [r0, r3]
  movs r3, #12
  ldrsb r5, [r0, r3]
  ldrsh r6, [r0, r3]
  ldr r7, literal
  sub sp, #8
  str r1, [sp, #4]
  ldr r4, [sp, #4]
  ldr r5, [sp]
  add sp, #8
  /* Multiple transfers. */
  mov r4, r0
  stm r4!, {r1, r2, r3}
  mov r4, r0
  ldm r4!, {r5, r6, r7}
  mov r4, r0
  ldm r4, {r3, r4, r5}
  mov r3, r0
  ldm r3!, {r1, r2}
  push {r0-r3}
  pop {r4-r7}
  push {r1, lr}
  bl leaf
  pop {r1, r2}
  pop {r4-r7, pc}

  .type leaf, %function
leaf:
  push {r4, lr}
  movs r4, #0x44
  pop {r4, pc}
  .balign 4
literal:
  .word 0xfeedf00d
  .ltorg

  .bss
  .balign 4
buffer:
  .space 128
