/*
 * shipready test firmware for the nRF51822 (BBC micro:bit, real or emulated by QEMU -M microbit).
 *
 * It answers one line per command on the UART (115200 8N1), so a station can check that the image
 * it programmed boots and that the unit is whole:
 *   id        ID serial=<...> ficr=<device id>    the identity block the station wrote, or ID NONE
 *   version   VERSION <firmware version>
 *   selftest  SELFTEST PASS | SELFTEST FAIL <what>
 *   ram       RAM tested=<bytes> errors=<count>
 *   rng       RNG n=<samples> mean=<mean> min=<min> max=<max>
 *   echo <t>  ECHO <t>
 * Anything else gets ERR. At reset it prints BOOT nrf51-test <version>.
 *
 * The identity block lives in the last flash page (0x3FC00): magic "SRID", text length, CRC-32 of
 * the text, then the text ("serial=... " key=value pairs). The chip's FICR device id cannot tell
 * emulated units apart, so the station writes who each unit is there over the debugger.
 */
#include <stddef.h>
#include <stdint.h>

#ifndef FIRMWARE_VERSION
#define FIRMWARE_VERSION "0.0.0"
#endif

#define REG(addr) (*(volatile uint32_t *)(addr))

#define UART_BASE 0x40002000u
#define UART_STARTRX REG(UART_BASE + 0x000)
#define UART_STARTTX REG(UART_BASE + 0x008)
#define UART_RXDRDY REG(UART_BASE + 0x108)
#define UART_TXDRDY REG(UART_BASE + 0x11C)
#define UART_ENABLE REG(UART_BASE + 0x500)
#define UART_PSELTXD REG(UART_BASE + 0x50C)
#define UART_PSELRXD REG(UART_BASE + 0x514)
#define UART_RXD REG(UART_BASE + 0x518)
#define UART_TXD REG(UART_BASE + 0x51C)
#define UART_BAUDRATE REG(UART_BASE + 0x524)

#define RNG_BASE 0x4000D000u
#define RNG_START REG(RNG_BASE + 0x000)
#define RNG_STOP REG(RNG_BASE + 0x004)
#define RNG_VALRDY REG(RNG_BASE + 0x100)
#define RNG_VALUE REG(RNG_BASE + 0x508)

#define FICR_DEVICEID0 REG(0x10000060u)
#define FICR_DEVICEID1 REG(0x10000064u)

#define IDENTITY_ADDR 0x0003FC00u
#define IDENTITY_MAGIC 0x44495253u /* "SRID" */
#define IDENTITY_MAX_TEXT (1024u - 12u)

extern uint32_t __data_load, __data_start, __data_end, __bss_start, __bss_end, __stack_top;

void reset_handler(void);
static void fault_handler(void);

__attribute__((section(".vectors"), used)) static void (*const vectors[16])(void) = {
    (void (*)(void))(&__stack_top), reset_handler, fault_handler, fault_handler,
};

/* gcc may call these for struct copies and array clears even when freestanding. */
void *memset(void *dst, int value, size_t n) {
  uint8_t *d = dst;
  while (n--) *d++ = (uint8_t)value;
  return dst;
}

void *memcpy(void *dst, const void *src, size_t n) {
  uint8_t *d = dst;
  const uint8_t *s = src;
  while (n--) *d++ = *s++;
  return dst;
}

static void uart_init(void) {
  UART_PSELTXD = 24; /* micro:bit edge connector USB bridge pins */
  UART_PSELRXD = 25;
  UART_BAUDRATE = 0x01D7E000u; /* 115200 */
  UART_ENABLE = 4;
  UART_STARTTX = 1;
  UART_STARTRX = 1;
}

static void put_char(char c) {
  UART_TXDRDY = 0;
  UART_TXD = (uint8_t)c;
  while (UART_TXDRDY == 0) {
  }
}

static void put_str(const char *s) {
  while (*s) put_char(*s++);
}

static void put_uint(uint32_t value) {
  char digits[10];
  int n = 0;
  do {
    digits[n++] = (char)('0' + value % 10u);
    value /= 10u;
  } while (value);
  while (n) put_char(digits[--n]);
}

static void put_hex32(uint32_t value) {
  static const char hex[] = "0123456789abcdef";
  for (int shift = 28; shift >= 0; shift -= 4) put_char(hex[(value >> shift) & 0xFu]);
}

static char get_char(void) {
  while (UART_RXDRDY == 0) {
  }
  UART_RXDRDY = 0;
  return (char)UART_RXD;
}

static uint32_t crc32(const uint8_t *data, uint32_t length) {
  uint32_t crc = 0xFFFFFFFFu;
  for (uint32_t i = 0; i < length; i++) {
    crc ^= data[i];
    for (int bit = 0; bit < 8; bit++) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

/* 0: no block, 1: valid, -1: present but corrupt. */
static int identity(const char **text, uint32_t *length) {
  const uint32_t *block = (const uint32_t *)IDENTITY_ADDR;
  if (block[0] != IDENTITY_MAGIC) return 0;
  if (block[1] == 0 || block[1] > IDENTITY_MAX_TEXT) return -1;
  const uint8_t *bytes = (const uint8_t *)&block[3];
  if (crc32(bytes, block[1]) != block[2]) return -1;
  *text = (const char *)bytes;
  *length = block[1];
  return 1;
}

static void cmd_id(void) {
  const char *text;
  uint32_t length;
  int state = identity(&text, &length);
  if (state == 0) {
    put_str("ID NONE");
  } else if (state < 0) {
    put_str("ID CORRUPT");
  } else {
    put_str("ID ");
    for (uint32_t i = 0; i < length; i++) put_char(text[i]);
  }
  put_str(" ficr=");
  put_hex32(FICR_DEVICEID1);
  put_hex32(FICR_DEVICEID0);
  put_str("\r\n");
}

static uint8_t ram_buffer[4096];

static uint32_t ram_errors(void) {
  /* March over the buffer with address-dependent patterns, so stuck and coupled cells show. */
  uint32_t errors = 0;
  volatile uint8_t *cells = ram_buffer;
  for (uint32_t pass = 0; pass < 2; pass++) {
    for (uint32_t i = 0; i < sizeof ram_buffer; i++) cells[i] = (uint8_t)((i * 7u + pass) ^ (pass ? 0xFFu : 0u));
    for (uint32_t i = 0; i < sizeof ram_buffer; i++) {
      if (cells[i] != (uint8_t)((i * 7u + pass) ^ (pass ? 0xFFu : 0u))) errors++;
    }
  }
  return errors;
}

static uint8_t rng_byte(void) {
  RNG_VALRDY = 0;
  RNG_START = 1;
  while (RNG_VALRDY == 0) {
  }
  RNG_VALRDY = 0;
  RNG_STOP = 1;
  return (uint8_t)RNG_VALUE;
}

static void rng_stats(uint32_t samples, uint32_t *mean, uint32_t *min, uint32_t *max) {
  uint32_t sum = 0;
  *min = 255;
  *max = 0;
  for (uint32_t i = 0; i < samples; i++) {
    uint32_t value = rng_byte();
    sum += value;
    if (value < *min) *min = value;
    if (value > *max) *max = value;
  }
  *mean = sum / samples;
}

static void cmd_selftest(void) {
  const char *text;
  uint32_t length, mean, min, max;
  if (ram_errors() != 0) {
    put_str("SELFTEST FAIL ram\r\n");
    return;
  }
  if (identity(&text, &length) != 1) {
    put_str("SELFTEST FAIL identity\r\n");
    return;
  }
  rng_stats(64, &mean, &min, &max);
  if (min == max) {
    put_str("SELFTEST FAIL rng\r\n");
    return;
  }
  put_str("SELFTEST PASS\r\n");
}

static int starts_with(const char *line, const char *word) {
  while (*word) {
    if (*line++ != *word++) return 0;
  }
  return *line == '\0' || *line == ' ';
}

static void handle(const char *line) {
  if (line[0] == '\0') return;
  if (starts_with(line, "id")) {
    cmd_id();
  } else if (starts_with(line, "version")) {
    put_str("VERSION " FIRMWARE_VERSION "\r\n");
  } else if (starts_with(line, "selftest")) {
    cmd_selftest();
  } else if (starts_with(line, "ram")) {
    put_str("RAM tested=");
    put_uint(sizeof ram_buffer);
    put_str(" errors=");
    put_uint(ram_errors());
    put_str("\r\n");
  } else if (starts_with(line, "rng")) {
    uint32_t mean, min, max;
    rng_stats(256, &mean, &min, &max);
    put_str("RNG n=256 mean=");
    put_uint(mean);
    put_str(" min=");
    put_uint(min);
    put_str(" max=");
    put_uint(max);
    put_str("\r\n");
  } else if (starts_with(line, "echo")) {
    put_str("ECHO");
    put_str(line + 4);
    put_str("\r\n");
  } else {
    put_str("ERR unknown command '");
    put_str(line);
    put_str("'\r\n");
  }
}

void reset_handler(void) {
  uint32_t *src = &__data_load;
  for (uint32_t *dst = &__data_start; dst < &__data_end;) *dst++ = *src++;
  for (uint32_t *dst = &__bss_start; dst < &__bss_end;) *dst++ = 0;
  uart_init();
  put_str("\r\nBOOT nrf51-test " FIRMWARE_VERSION "\r\n");
  char line[80];
  uint32_t length = 0;
  for (;;) {
    char c = get_char();
    if (c == '\r' || c == '\n') {
      line[length] = '\0';
      handle(line);
      length = 0;
    } else if (length < sizeof line - 1) {
      line[length++] = c;
    }
  }
}

static void fault_handler(void) {
  for (;;) {
  }
}
