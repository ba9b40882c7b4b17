package io.shipready.device.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class IntelHexTest {
  @Test
  void encodesDataRecordsWithChecksumsAndAnEndRecord() {
    byte[] hex = IntelHex.encode(new byte[] {0x01, 0x02, 0x03, 0x04}, 0x0);

    assertThat(new String(hex, StandardCharsets.US_ASCII))
        .isEqualTo(":020000040000FA\n:0400000001020304F2\n:00000001FF\n");
  }

  @Test
  void startsANewUpperAddressAtEach64KiBBoundary() {
    byte[] data = new byte[20];
    String hex = new String(IntelHex.encode(data, 0x1FFF8), StandardCharsets.US_ASCII);

    assertThat(hex.lines())
        .containsExactly(
            ":020000040001F9",
            ":08FFF800000000000000000001",
            ":020000040002F8",
            ":0C000000000000000000000000000000F4",
            ":00000001FF");
  }

  @Test
  void recognisesAHexFile() {
    assertThat(IntelHex.looksLikeHex(":00000001FF".getBytes(StandardCharsets.US_ASCII))).isTrue();
    assertThat(IntelHex.looksLikeHex(new byte[] {0x7f, 'E', 'L', 'F'})).isFalse();
  }
}
