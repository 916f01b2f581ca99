/*
 * Symbols of the demo application that a debugger is meant to look at or set.
 * Their names and the DemoState layout are documented in README.md.
 */
#ifndef DEMO_H
#define DEMO_H

#include <stdint.h>

#define DEMO_STATE_MAGIC 0xC0FFEE42u
/* major << 16 | minor << 8 | patch */
#define DEMO_STATE_VERSION 0x00010000u
#define DEMO_NAME_LENGTH 32u

/* SysTick rate and how many ticks separate two "tick N" lines (LED toggles). */
#define DEMO_TICK_HZ 100u
#define DEMO_TICKS_PER_LINE 50u

/* demo_fault_request values. */
#define DEMO_FAULT_NONE 0u
/* A load from an address no memory or peripheral decodes: a precise bus error. */
#define DEMO_FAULT_BUS_ERROR 1u
/* A permanently undefined instruction (UDF). */
#define DEMO_FAULT_UNDEFINED_INSTRUCTION 2u

/* Nothing is mapped at 0x90000000 on either part: it lies in the architectural
 * "external device" region (ARMv7-M ARM B3.1, ARMv6-M ARM B3.1), which neither
 * the nRF52840 (PS memory map) nor the STM32L051 (RM0377 memory map) populates. */
#define DEMO_UNMAPPED_ADDRESS 0x90000000u

struct DemoState {
  uint32_t magic;
  uint32_t version;
  char name[DEMO_NAME_LENGTH];
  uint32_t device_id;
  uint32_t core_clock_hz;
  uint32_t lines_sent;
  uint32_t led_on;
  uint32_t rtt_echoed;
  uint32_t faulted;
};

extern volatile struct DemoState demo_state;
extern volatile uint32_t demo_ticks;
extern volatile uint32_t demo_fault_request;

void SysTick_Handler(void);
void HardFault_Handler(void);
void Default_Handler(void);
/* Never returns: the demo loop runs until reset. */
int main(void) __attribute__((noreturn));

#endif
