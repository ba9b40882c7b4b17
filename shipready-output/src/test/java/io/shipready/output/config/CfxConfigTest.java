package io.shipready.output.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shipready.output.cfx.CfxSettings;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The station configuration's cfx section: read, defaulted, and refused with the fix. */
class CfxConfigTest {
  private static final String STATION =
      """
      stationId: PROG-01
      computerName: PC-3
      programmerName: acme-plug
      timeZone: Asia/Shanghai
      outputFolder: output
      archiveFolder: archive
      partNo: 100-0012-01
      manufacturer: Acme
      factory: Shenzhen-2
      hwVersion: "1.1"
      """;

  private static StationConfig parse(String cfx) {
    return StationConfigReader.parse("station.yaml", STATION + cfx, Path.of("/tmp"));
  }

  @Test
  void withoutTheSectionTheStationPublishesNothing() {
    assertThat(parse("").cfx()).isNull();
  }

  @Test
  void readsBothBrokersAndDefaultsTheTopic() {
    StationConfig config =
        parse(
            """
            cfx:
              handle: acme.shenzhen2.prog-01
              amqp: amqp://shipready@mq.example:5672
              address: /exchange/amq.topic/cfx
              mqtt: tcp://mq.example:1883
            """);
    assertThat(config.cfx())
        .isEqualTo(
            new CfxSettings(
                "acme.shenzhen2.prog-01",
                URI.create("amqp://shipready@mq.example:5672"),
                "/exchange/amq.topic/cfx",
                URI.create("tcp://mq.example:1883"),
                "cfx/acme.shenzhen2.prog-01"));
  }

  @Test
  void refusesAPlaceholderAPasswordAMissingAddressAndAnUnknownKey() {
    assertThatThrownBy(
            () ->
                parse(
                    """
                    cfx:
                      handle: CHANGE_ME
                      amqp: amqp://guest:guest@127.0.0.1:5672
                      mqtt: http://127.0.0.1:1883
                      topc: cfx/x
                    """))
        .isInstanceOf(StationConfigException.class)
        .hasMessageContaining("station.yaml:12")
        .hasMessageContaining("cfx.handle is still CHANGE_ME")
        .hasMessageContaining("cfx.amqp carries a password")
        .hasMessageContaining(CfxSettings.AMQP_PASSWORD_ENV)
        .hasMessageContaining("cfx.mqtt 'http://127.0.0.1:1883' is not a broker address")
        .hasMessageContaining("did you mean 'topic'?")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("guest:guest"));
  }

  @Test
  void refusesAPlaceholderInsideABrokerAddress() {
    assertThatThrownBy(() -> parse("cfx:\n  handle: acme.prog-01\n  mqtt: tcp://CHANGE_ME:1883\n"))
        .isInstanceOf(StationConfigException.class)
        .hasMessageContaining("cfx.mqtt is still CHANGE_ME");
  }

  @Test
  void refusesASectionWithoutABroker() {
    assertThatThrownBy(() -> parse("cfx:\n  handle: acme.prog-01\n"))
        .isInstanceOf(StationConfigException.class)
        .hasMessageContaining("cfx names no broker");
    assertThatThrownBy(() -> parse("cfx:\n  handle: acme.prog-01\n  amqp: amqp://mq.example\n"))
        .isInstanceOf(StationConfigException.class)
        .hasMessageContaining("cfx.address is missing");
  }
}
