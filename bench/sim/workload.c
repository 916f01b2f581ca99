/*
 * CPU-heavy workload for `npm run bench:sim`: integer kernels typical of firmware (CRC, sorting,
 * matrix arithmetic, a sieve, division, byte copies), built freestanding for each core model.
 * It runs a fixed number of rounds, stores a checksum, and ends on BKPT so the benchmark knows
 * the work is done.
 */
#include <stdint.h>

#define ROUNDS 150u
#define SORT_N 256u
#define MAT_N 12u
#define SIEVE_N 4096u
#define BUF_N 1024u

static uint32_t seed = 0x12345678u;
static uint32_t sort_buf[SORT_N];
static int32_t mat_a[MAT_N][MAT_N], mat_b[MAT_N][MAT_N], mat_c[MAT_N][MAT_N];
static uint8_t sieve[SIEVE_N];
static uint8_t bytes_a[BUF_N], bytes_b[BUF_N];
/* At the start of RAM (workload.ld) so the benchmark can read the checksum. */
volatile uint32_t result __attribute__((section(".bench_result")));

static uint32_t next_random(void) {
  seed ^= seed << 13;
  seed ^= seed >> 17;
  seed ^= seed << 5;
  return seed;
}

static uint32_t crc32(const uint8_t *data, uint32_t length) {
  uint32_t crc = 0xffffffffu;
  for (uint32_t i = 0; i < length; i++) {
    crc ^= data[i];
    for (int bit = 0; bit < 8; bit++) crc = (crc >> 1) ^ (0xedb88320u & -(crc & 1u));
  }
  return ~crc;
}

static void shell_sort(uint32_t *a, uint32_t n) {
  for (uint32_t gap = n / 2; gap > 0; gap /= 2) {
    for (uint32_t i = gap; i < n; i++) {
      uint32_t v = a[i];
      uint32_t j = i;
      while (j >= gap && a[j - gap] > v) {
        a[j] = a[j - gap];
        j -= gap;
      }
      a[j] = v;
    }
  }
}

static int32_t matrix_multiply(void) {
  int32_t trace = 0;
  for (uint32_t i = 0; i < MAT_N; i++) {
    for (uint32_t j = 0; j < MAT_N; j++) {
      int32_t sum = 0;
      for (uint32_t k = 0; k < MAT_N; k++) sum += mat_a[i][k] * mat_b[k][j];
      mat_c[i][j] = sum;
    }
    trace += mat_c[i][i];
  }
  return trace;
}

static uint32_t count_primes(void) {
  uint32_t count = 0;
  for (uint32_t i = 0; i < SIEVE_N; i++) sieve[i] = 1;
  for (uint32_t i = 2; i < SIEVE_N; i++) {
    if (!sieve[i]) continue;
    count++;
    for (uint32_t j = i * 2; j < SIEVE_N; j += i) sieve[j] = 0;
  }
  return count;
}

static uint32_t divisions(uint32_t x) {
  uint32_t acc = 0;
  for (uint32_t d = 1; d < 200; d++) acc += (x / d) + (x % (d + 3));
  return acc;
}

static void copy_bytes(uint8_t *dst, const uint8_t *src, uint32_t n) {
  for (uint32_t i = 0; i < n; i++) dst[i] = (uint8_t)(src[i] + (uint8_t)i);
}

int main(void) {
  uint32_t check = 0;
  for (uint32_t i = 0; i < BUF_N; i++) bytes_a[i] = (uint8_t)next_random();
  for (uint32_t i = 0; i < MAT_N; i++) {
    for (uint32_t j = 0; j < MAT_N; j++) {
      mat_a[i][j] = (int32_t)(next_random() & 0xff) - 128;
      mat_b[i][j] = (int32_t)(next_random() & 0xff) - 128;
    }
  }
  for (uint32_t round = 0; round < ROUNDS; round++) {
    for (uint32_t i = 0; i < SORT_N; i++) sort_buf[i] = next_random();
    shell_sort(sort_buf, SORT_N);
    check += sort_buf[SORT_N / 2];
    check += crc32(bytes_a, BUF_N);
    check += (uint32_t)matrix_multiply();
    check += count_primes();
    check += divisions(next_random());
    copy_bytes(bytes_b, bytes_a, BUF_N);
    copy_bytes(bytes_a, bytes_b, BUF_N);
  }
  result = check;
  return 0;
}
