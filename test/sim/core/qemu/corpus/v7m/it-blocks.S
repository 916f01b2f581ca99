/*
 * IT blocks (ARMv7-M A7.3.3, A7.7.38): every condition code, blocks of one to four instructions
 * with mixed then/else, 16-bit instructions that do not set flags inside a block, a flag-setting
 * compare inside a block changing the later conditions, and a branch as the last instruction.
 */
  .syntax unified
  .cpu cortex-m4
  .thumb
  .text
  .global main
  .type main, %function
main:
  push {r4-r11, lr}
  movs r0, #0
  movs r1, #1
  mvn r2, #0
  ldr r3, =0x7fffffff
  movs r4, #0
  cmp r1, r0
  ite eq
  addeq r4, r4, #1
  addne r4, r4, #2
  cmp r0, r0
  itt eq
  addeq r4, #4
  moveq r5, #9
  cmp r2, r1
  itete cs
  movcs r6, #1
  movcc r6, #2
  addcs r6, #4
  addcc r6, #8
  cmn r3, r1
  ittt vs
  movvs r7, #1
  addvs r7, r7, r7
  lslvs r7, r7, #3
  cmp r0, r1
  itee mi
  movmi r8, #1
  movpl r8, #2
  addpl r8, #3
  cmp r1, r0
  ite hi
  movhi r9, #1
  movls r9, #2
  cmp r2, r1
  ite ge
  movge r10, #1
  movlt r10, #2
  cmp r1, r2
  ite gt
  movgt r11, #1
  movle r11, #2
  cmp r0, r0
  ite le
  movle r12, #1
  movgt r12, #2
  cmp r3, r2
  itt vc
  movvc r5, #3
  movvc r6, #4
  /* 16-bit arithmetic inside IT does not set flags: the second add sees the first compare. */
  cmp r0, r1
  itt ne
  addne r5, r5, r1
  addne r5, r5, r1
  /* A compare inside the block updates the flags used by the rest of it. */
  cmp r0, r0
  ittee eq
  cmpeq r1, r0
  moveq r7, #0x11
  movne r7, #0x22
  addne r7, r7, #1
  /* Single-instruction blocks on more conditions. */
  movs r4, #0
  cmp r1, r1
  it pl
  addpl r4, #1
  it vc
  addvc r4, #2
  it ls
  addls r4, #4
  it lt
  addlt r4, #8
  it gt
  addgt r4, #16
  /* Branch as the last instruction of a block. */
  cmp r0, r1
  itt lt
  movlt r5, #0x55
  blt 1f
  movs r5, #0xaa
1:
  cmp r1, r0
  it eq
  beq 2f
  movs r6, #0x66
2:
  pop {r4-r11, pc}
  .ltorg
