/* Vector table and reset handler for the benchmark workload: zero .bss, copy .data, run main, BKPT. */
  .syntax unified
  .thumb
  .section .vectors, "a"
  .word __stack_top
  .word reset_handler
  .rept 14
  .word fault_handler
  .endr

  .text
  .thumb_func
  .global reset_handler
reset_handler:
  ldr r0, =__bss_start
  ldr r1, =__bss_end
  movs r2, #0
1:
  cmp r0, r1
  bhs 2f
  str r2, [r0]
  adds r0, #4
  b 1b
2:
  ldr r0, =__data_start
  ldr r1, =__data_end
  ldr r2, =__data_load
3:
  cmp r0, r1
  bhs 4f
  ldr r3, [r2]
  str r3, [r0]
  adds r0, #4
  adds r2, #4
  b 3b
4:
  bl main
  bkpt #0
  b .

  .thumb_func
fault_handler:
  bkpt #1
  b .
