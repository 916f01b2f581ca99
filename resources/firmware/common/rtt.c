/* Our minimal RTT: one up buffer ("Terminal") and one down buffer. See rtt.h. */
#include "rtt.h"
#include "cortex-m.h"

#ifndef RTT_UP_BUFFER_SIZE
#define RTT_UP_BUFFER_SIZE 1024u
#endif
#define RTT_DOWN_BUFFER_SIZE 16u

struct RttControlBlock _SEGGER_RTT;
static char rtt_up_storage[RTT_UP_BUFFER_SIZE];
static char rtt_down_storage[RTT_DOWN_BUFFER_SIZE];
static const char rtt_terminal_name[] = "Terminal";

void rtt_init(void) {
  /* The identifier is kept as two halves in flash so that the complete string
   * only ever exists in RAM inside the control block. */
  static const char id_head[] = "SEGGER";
  static const char id_tail[] = " RTT";
  struct RttControlBlock *cb = &_SEGGER_RTT;

  cb->MaxNumUpBuffers = RTT_MAX_UP_BUFFERS;
  cb->MaxNumDownBuffers = RTT_MAX_DOWN_BUFFERS;
  cb->aUp[0].sName = rtt_terminal_name;
  cb->aUp[0].pBuffer = rtt_up_storage;
  cb->aUp[0].SizeOfBuffer = RTT_UP_BUFFER_SIZE;
  cb->aUp[0].WrOff = 0;
  cb->aUp[0].RdOff = 0;
  cb->aUp[0].Flags = RTT_MODE_NO_BLOCK_SKIP;
  cb->aDown[0].sName = rtt_terminal_name;
  cb->aDown[0].pBuffer = rtt_down_storage;
  cb->aDown[0].SizeOfBuffer = RTT_DOWN_BUFFER_SIZE;
  cb->aDown[0].WrOff = 0;
  cb->aDown[0].RdOff = 0;
  cb->aDown[0].Flags = RTT_MODE_NO_BLOCK_SKIP;

  for (uint32_t i = 0; i < sizeof cb->acID; i++) {
    cb->acID[i] = 0;
  }
  for (uint32_t i = 1; i < sizeof id_head - 1; i++) {
    cb->acID[i] = id_head[i];
  }
  for (uint32_t i = 0; i < sizeof id_tail - 1; i++) {
    cb->acID[sizeof id_head - 1 + i] = id_tail[i];
  }
  cortex_m_dmb();
  cb->acID[0] = id_head[0];
  cortex_m_dmb();
}

uint32_t rtt_write(const char *data, uint32_t length) {
  struct RttBuffer *up = &_SEGGER_RTT.aUp[0];
  uint32_t size = up->SizeOfBuffer;
  uint32_t write = up->WrOff;
  uint32_t read = up->RdOff;
  /* One slot stays empty so that WrOff == RdOff always means "empty". */
  uint32_t free = read > write ? read - write - 1u : size - (write - read) - 1u;
  if (length > free) {
    return 0;
  }
  for (uint32_t i = 0; i < length; i++) {
    up->pBuffer[write] = data[i];
    write++;
    if (write == size) {
      write = 0;
    }
  }
  cortex_m_dmb();
  up->WrOff = write;
  return length;
}

uint32_t rtt_read(char *data, uint32_t capacity) {
  struct RttBuffer *down = &_SEGGER_RTT.aDown[0];
  uint32_t size = down->SizeOfBuffer;
  uint32_t write = down->WrOff;
  uint32_t read = down->RdOff;
  uint32_t count = 0;
  cortex_m_dmb();
  while (read != write && count < capacity) {
    data[count] = down->pBuffer[read];
    count++;
    read++;
    if (read == size) {
      read = 0;
    }
  }
  cortex_m_dmb();
  down->RdOff = read;
  return count;
}
