package io.shipready.output.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EngineerPinTest {
  private static final String CONFIG =
      """
      stationId: PROG-01
      computerName: PC-3
      programmerName: acme-plug
      timeZone: UTC
      outputFolder: output
      archiveFolder: archive
      partNo: 100-0012-01
      manufacturer: Acme
      factory: Shenzhen-2
      hwVersion: "1.2"
      """;

  @Test
  void aHashMatchesItsPinAndNoOther() {
    String hash = EngineerPin.hash("4711".toCharArray());

    assertThat(hash).startsWith("pbkdf2-sha256:").doesNotContain("4711");
    assertThat(EngineerPin.matches(hash, "4711".toCharArray())).isTrue();
    assertThat(EngineerPin.matches(hash, "4712".toCharArray())).isFalse();
    assertThat(EngineerPin.hash("4711".toCharArray())).isNotEqualTo(hash); // salted
  }

  @Test
  void theConfigCarriesTheHashButNeverPrintsIt() {
    String hash = EngineerPin.hash("4711".toCharArray());
    StationConfig config =
        StationConfigReader.parse(
            "station.yaml", CONFIG + "engineerPinHash: " + hash, Path.of("."));

    assertThat(config.engineerPinHash()).isEqualTo(hash);
    assertThat(config.toString()).doesNotContain(hash).contains("engineerPin=set");
    assertThat(StationConfigReader.parse("station.yaml", CONFIG, Path.of(".")).engineerPinHash())
        .isEmpty();
  }

  @Test
  void aPinWrittenInPlaceOfItsHashIsRefusedWithoutEchoingIt() {
    assertThatThrownBy(
            () ->
                StationConfigReader.parse(
                    "station.yaml", CONFIG + "engineerPinHash: 4711", Path.of(".")))
        .isInstanceOf(StationConfigException.class)
        .hasMessageContaining("station.yaml")
        .hasMessageContaining("engineerPinHash is not a PIN hash")
        .hasMessageContaining("--hash-pin")
        .hasMessageNotContaining("4711");
  }
}
