/*
 * A mixed C program, compiled for the Cortex-M0 as ordinary firmware would be: structures,
 * arrays, function pointers, recursion, 64-bit arithmetic, signed and unsigned division (through the libgcc helpers ARMv6-M needs),
 * byte/halfword types, a CRC loop and an insertion sort. The compiler chooses the instructions.
 */
#include <stdint.h>

struct sample {
  int16_t value;
  uint8_t tag;
  uint32_t weight;
};

static struct sample samples[6] = {
  { -300, 1, 7 }, { 1200, 2, 3 }, { -5, 3, 11 }, { 77, 4, 1 }, { 32000, 5, 2 }, { -32000, 6, 9 },
};

static uint32_t crc32_update(uint32_t crc, const uint8_t *bytes, unsigned length) {
  crc = ~crc;
  for (unsigned i = 0; i < length; i++) {
    crc ^= bytes[i];
    for (int bit = 0; bit < 8; bit++) crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

static void sort_by_value(struct sample *s, int n) {
  for (int i = 1; i < n; i++) {
    struct sample key = s[i];
    int j = i - 1;
    while (j >= 0 && s[j].value > key.value) {
      s[j + 1] = s[j];
      j--;
    }
    s[j + 1] = key;
  }
}

static int fib(int n) {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

static int32_t scale(int32_t v) { return v * 3 / -7; }
static int32_t halve(int32_t v) { return v / 2; }

int main(void) {
  int32_t (*volatile ops[2])(int32_t) = { scale, halve };
  sort_by_value(samples, 6);
  int64_t acc = 0;
  uint32_t checksum = 0;
  for (int i = 0; i < 6; i++) {
    acc += (int64_t)samples[i].value * (int64_t)samples[i].weight * 100003;
    checksum += (uint32_t)ops[i & 1](samples[i].value) % (samples[i].tag + 3u);
  }
  volatile uint32_t crc = crc32_update(0, (const uint8_t *)samples, sizeof samples);
  volatile int32_t result = (int32_t)(acc >> 7) ^ (int32_t)checksum ^ fib(7);
  return (int)(crc + (uint32_t)result);
}
