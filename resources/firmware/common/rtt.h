/*
 * A minimal implementation, written for this project, of the publicly
 * documented SEGGER RTT memory layout: a control block that starts with the
 * 16-byte identifier "SEGGER RTT", the up/down buffer counts, then the up and
 * down buffer descriptors. A debugger finds the block by its symbol
 * (_SEGGER_RTT) or by scanning RAM for the identifier, and moves data by
 * reading/writing the ring buffers and their offsets while the core runs.
 */
#ifndef RTT_H
#define RTT_H

#include <stdint.h>

/* Buffer descriptor, 24 bytes: the target writes WrOff of an up buffer and the
 * host writes RdOff; for a down buffer the roles swap. */
struct RttBuffer {
  const char *sName;
  char *pBuffer;
  uint32_t SizeOfBuffer;
  volatile uint32_t WrOff;
  volatile uint32_t RdOff;
  uint32_t Flags;
};

#define RTT_MAX_UP_BUFFERS 1
#define RTT_MAX_DOWN_BUFFERS 1

struct RttControlBlock {
  char acID[16];
  int32_t MaxNumUpBuffers;
  int32_t MaxNumDownBuffers;
  struct RttBuffer aUp[RTT_MAX_UP_BUFFERS];
  struct RttBuffer aDown[RTT_MAX_DOWN_BUFFERS];
};

/* Flags value: when the up buffer cannot take a whole write, drop the write
 * (the "no block, skip" mode, value 0 in the public layout). */
#define RTT_MODE_NO_BLOCK_SKIP 0u

extern struct RttControlBlock _SEGGER_RTT;

/* Fills the descriptors, then writes the identifier last so that a scanning
 * host never sees a half-initialised block. */
void rtt_init(void);

/* Appends length bytes to up buffer 0 if they all fit; returns bytes written. */
uint32_t rtt_write(const char *data, uint32_t length);

/* Takes up to capacity bytes from down buffer 0; returns bytes read. */
uint32_t rtt_read(char *data, uint32_t capacity);

#endif
