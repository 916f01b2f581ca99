/*
 * Branches (ARMv7-M A7.7.12 B, A7.7.18 BL, A7.7.20 BLX, A7.7.21 BX, A7.7.22 CBNZ/CBZ, A7.7.150
 * TBB/TBH): table branches over every entry of a byte and a halfword table, CBZ/CBNZ taken and
 * not taken, narrow and wide conditional branches forwards and backwards, BL and BLX to a
 * register, and a loop counting down.
 */
  .syntax unified
  .cpu cortex-m4
  .thumb
  .text
  .global main
  .type main, %function
main:
  push {r4-r11, lr}
  movs r4, #0
  movs r0, #0
byte_loop:
  tbb [pc, r0]
byte_table:
  .byte (case0 - byte_table) / 2
  .byte (case1 - byte_table) / 2
  .byte (case2 - byte_table) / 2
  .byte (case3 - byte_table) / 2
case0:
  adds r4, #1
  b byte_next
case1:
  adds r4, #0x10
  b byte_next
case2:
  adds r4, #0x20
  b byte_next
case3:
  adds r4, #0x40
byte_next:
  adds r0, #1
  cmp r0, #4
  blo byte_loop
  movs r0, #0
  ldr r5, =half_table
half_loop:
  tbh [r5, r0, lsl #1]
half_case0:
  add r4, r4, #0x100
  b half_next
half_case1:
  add r4, r4, #0x200
  b half_next
half_case2:
  add r4, r4, #0x400
half_next:
  adds r0, #1
  cmp r0, #3
  blo half_loop
  /* CBZ and CBNZ, taken and not taken. */
  movs r1, #0
  movs r2, #5
  cbz r1, 1f
  movs r6, #0x11
1:
  cbz r2, 2f
  movs r6, #0x22
2:
  cbnz r2, 3f
  movs r6, #0x33
3:
  cbnz r1, 4f
  movs r6, #0x44
4:
  /* A countdown loop with a backward narrow branch and a wide conditional branch. */
  movs r7, #5
5:
  subs r7, #1
  bne 5b
  cmp r7, #0
  beq.w 6f
  movs r7, #0x77
6:
  bl leaf
  ldr r3, =leaf
  blx r3
  adr r3, arm_style_target
  adds r3, #1
  bx r3
  .balign 4
arm_style_target:
  mov r8, r4
  pop {r4-r11, pc}

  .type leaf, %function
leaf:
  adds r4, #0x1000
  bx lr
  .ltorg

  .section .rodata
  .balign 2
half_table:
  .hword (half_case0 - half_loop - 4) / 2
  .hword (half_case1 - half_loop - 4) / 2
  .hword (half_case2 - half_loop - 4) / 2
