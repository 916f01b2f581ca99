/*
 * Bit-field and saturation instructions (ARMv7-M A7.7.13 BFC, A7.7.14 BFI, A7.7.151 UBFX,
 * A7.7.116 SBFX, A7.7.131 SSAT, A7.7.147 USAT, and the DSP halfword forms SSAT16/USAT16 of the
 * Cortex-M4): widths 1 to 32, lsb 0 to 31, shifted saturation inputs, and the sticky Q flag,
 * cleared through MSR APSR_nzcvq and observed through MRS.
 */
  .syntax unified
  .cpu cortex-m4
  .thumb
  .text
  .global main
  .type main, %function
main:
  push {r4-r11, lr}
  ldr r0, =0x12345678
  ldr r1, =0xfedcba98
  mov r2, r0
  bfc r2, #4, #8
  bfc r2, #0, #32
  mov r3, r1
  bfi r3, r0, #8, #12
  bfi r3, r0, #31, #1
  bfi r3, r1, #0, #32
  ubfx r4, r1, #4, #8
  ubfx r4, r1, #31, #1
  ubfx r4, r1, #0, #32
  sbfx r5, r1, #4, #8
  sbfx r5, r0, #28, #4
  sbfx r5, r1, #0, #1
  /* Saturation: in range, saturating (Q set, sticky), and shifted inputs. */
  movs r6, #0
  msr APSR_nzcvq, r6
  ssat r7, #8, r0
  mrs r8, APSR
  ssat r7, #16, r1, asr #8
  ssat r7, #32, r1
  ssat r7, #1, r6
  usat r9, #8, r0
  usat r9, #8, r1
  usat r9, #0, r0
  usat r9, #31, r0, lsl #4
  usat r9, #16, r6
  mrs r8, APSR
  msr APSR_nzcvq, r6
  mrs r8, APSR
  ssat r7, #16, r0, lsl #1
  usat r9, #12, r0, asr #20
  mrs r8, APSR
  ssat16 r10, #8, r0
  usat16 r11, #4, r1
  mrs r8, APSR
  msr APSR_nzcvq, r6
  qadd r12, r0, r0
  mrs r8, APSR
  msr APSR_nzcvq, r6
  pop {r4-r11, pc}
  .ltorg
