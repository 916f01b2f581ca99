/*
 * Vector table and reset handler for both demos.
 * Vector table layout: ARMv7-M ARM B1.5.2-B1.5.3 (exception numbers 1-15, then
 * external interrupts) and ARMv6-M ARM B1.5.2 (same numbering; MemManage,
 * BusFault, UsageFault and DebugMonitor do not exist there, so their slots are
 * reserved and hold 0). DEMO_IRQ_COUNT is the part's interrupt count.
 */
#include <stdint.h>
#include "demo.h"

#ifndef DEMO_IRQ_COUNT
#error "DEMO_IRQ_COUNT must give the number of external interrupts"
#endif

/* Linker script symbols (see the board's .ld file). */
extern uint32_t _estack;
extern uint32_t _sidata;
extern uint32_t _sdata;
extern uint32_t _edata;
extern uint32_t _sbss;
extern uint32_t _ebss;

void Reset_Handler(void);

typedef void (*Vector)(void);

#if defined(__ARM_ARCH_7EM__) || defined(__ARM_ARCH_7M__)
#define V7M_ONLY(handler) (handler)
#else
#define V7M_ONLY(handler) 0
#endif

__attribute__((section(".vectors"), used)) const Vector vector_table[16 + DEMO_IRQ_COUNT] = {
    [0] = (Vector)(uintptr_t)&_estack,
    [1] = Reset_Handler,
    [2] = Default_Handler,               /* NMI */
    [3] = HardFault_Handler,
    [4] = V7M_ONLY(Default_Handler),     /* MemManage */
    [5] = V7M_ONLY(Default_Handler),     /* BusFault */
    [6] = V7M_ONLY(Default_Handler),     /* UsageFault */
    [11] = Default_Handler,              /* SVCall */
    [12] = V7M_ONLY(Default_Handler),    /* DebugMonitor */
    [14] = Default_Handler,              /* PendSV */
    [15] = SysTick_Handler,
    [16 ... 16 + DEMO_IRQ_COUNT - 1] = Default_Handler,
};

/* Copies initialised data from its load address in flash, clears .bss, then
 * runs the demo. Written as plain word loops (the sections are word aligned
 * by the linker script) so that no library routine is needed. */
void Reset_Handler(void) {
  const uint32_t *source = &_sidata;
  for (uint32_t *destination = &_sdata; destination < &_edata;) {
    *destination++ = *source++;
  }
  for (uint32_t *destination = &_sbss; destination < &_ebss;) {
    *destination++ = 0;
  }
  main();
}
