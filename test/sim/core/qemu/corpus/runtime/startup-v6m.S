/*
 * Start-up code for the ARMv6-M corpus programs (QEMU microbit, nRF51822 Cortex-M0).
 *
 * TakeReset (ARMv6-M B1.5.5) leaves R0-R12, LR and the APSR flags UNKNOWN, so the first thing the
 * program does is give every one of them a defined value; the differential harness compares them
 * from the label `registers_defined` on. Then .data is copied from flash, .bss zeroed, main
 * called, and the program ends in the idle loop `test_done`, where the harness stops stepping.
 */
  .syntax unified
  .cpu cortex-m0
  .thumb

  .section .vectors, "a"
  .global vector_table
vector_table:
  .word __stack_top
  .word Reset_Handler
  .word NMI_Handler
  .word HardFault_Handler
  .word 0, 0, 0, 0, 0, 0, 0
  .word SVC_Handler
  .word 0, 0
  .word PendSV_Handler
  .word SysTick_Handler
  .word IRQ0_Handler
  .word IRQ1_Handler
  .word IRQ2_Handler
  .word IRQ3_Handler
  .rept 28
  .word Default_Handler
  .endr

  .text
  .global Reset_Handler
  .type Reset_Handler, %function
  .thumb_func
Reset_Handler:
  movs r0, #0
  movs r1, #1
  movs r2, #2
  movs r3, #3
  movs r4, #4
  movs r5, #5
  movs r6, #6
  movs r7, #7
  mov r8, r0
  mov r9, r1
  mov r10, r2
  mov r11, r3
  mov r12, r4
  mov lr, r5
  msr APSR_nzcvq, r0
  .global registers_defined
registers_defined:
  ldr r0, =__data_start
  ldr r1, =__data_end
  ldr r2, =__data_load
copy_data:
  cmp r0, r1
  bhs copy_done
  ldr r3, [r2]
  str r3, [r0]
  adds r0, #4
  adds r2, #4
  b copy_data
copy_done:
  ldr r1, =__bss_end
  movs r3, #0
zero_bss:
  cmp r0, r1
  bhs zero_done
  str r3, [r0]
  adds r0, #4
  b zero_bss
zero_done:
  bl main
  .global test_done
  .type test_done, %function
test_done:
  b test_done

  .global Default_Handler
  .type Default_Handler, %function
  .thumb_func
Default_Handler:
  b Default_Handler

  .weak NMI_Handler, HardFault_Handler, SVC_Handler, PendSV_Handler, SysTick_Handler
  .weak IRQ0_Handler, IRQ1_Handler, IRQ2_Handler, IRQ3_Handler
  .thumb_set NMI_Handler, Default_Handler
  .thumb_set HardFault_Handler, Default_Handler
  .thumb_set SVC_Handler, Default_Handler
  .thumb_set PendSV_Handler, Default_Handler
  .thumb_set SysTick_Handler, Default_Handler
  .thumb_set IRQ0_Handler, Default_Handler
  .thumb_set IRQ1_Handler, Default_Handler
  .thumb_set IRQ2_Handler, Default_Handler
  .thumb_set IRQ3_Handler, Default_Handler
  .ltorg
