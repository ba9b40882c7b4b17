package io.shipready.device.steps;

import static io.shipready.device.steps.TestLine.measurement;
import static io.shipready.device.steps.TestLine.step;
import static org.assertj.core.api.Assertions.assertThat;

import io.shipready.core.event.Event;
import io.shipready.core.model.Measurement;
import io.shipready.core.model.Outcome;
import io.shipready.core.model.RunResult;
import io.shipready.core.model.StepOutcome;
import io.shipready.core.spi.Radio;
import io.shipready.core.spi.Wifi;
import io.shipready.device.sim.Fault;
import io.shipready.device.sim.SimulatedDevice;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Wi-Fi test on an Azure Sphere unit: join the test network, judge the link, forget it. */
class WifiStepTest {
  private static final String WIFI_TEST =
      """
      recipe: sphere-wifi
      version: "1.0"
      station: {device_family: azure-sphere}
      steps:
        - id: join_test_network
          kind: wifi
          with: {action: add, ssid: factory-test, psk: "line-test-1234"}
        - id: link
          kind: wifi
          with: {action: check, ssid: factory-test}
          measurements:
            - {name: wifi_rssi, source: rssi, units: dBm, range: {min: -70, max: -20}}
            - {name: wifi_ssid, source: ssid, equals: factory-test}
            - {name: wifi_connected, source: connected, equals: true}
        - id: forget_networks
          kind: wifi
          with: {action: remove_all}
      """;

  @TempDir Path folder;
  private TestLine line;
  private SimulatedDevice unit;

  @BeforeEach
  void freshUnit() {
    line = new TestLine(folder);
    unit = new SphereLine(line).freshUnit(1);
  }

  @Test
  void joinsTheTestNetworkJudgesTheLinkAndLeavesNoNetworkBehind() throws Exception {
    RunResult run = line.run(WIFI_TEST, unit);

    assertThat(run.message()).isEmpty();
    assertThat(run.outcome()).isEqualTo(Outcome.PASS);
    Measurement rssi = measurement(run, "link", "wifi_rssi");
    // The simulator's Wi-Fi RSSI is -50 dBm with a spread cut at three sigma of 2.5 dB.
    assertThat(((Number) rssi.value()).doubleValue()).isBetween(-58.0, -42.0);
    assertThat(rssi.passed()).isTrue();
    assertThat(rssi.units()).isEqualTo("dBm");
    assertThat(rssi.limits()).containsExactly("-70 <= x <= -20");
    assertThat(measurement(run, "link", "wifi_ssid").value()).isEqualTo("factory-test");
    assertThat(line.events(run, Event.MeasurementTaken.class))
        .extracting(e -> e.measurement().name())
        .containsExactly("wifi_rssi", "wifi_ssid", "wifi_connected");
    assertThat(unit.require(Wifi.class).networks()).isEmpty();
  }

  @Test
  void aWeakLinkFailsWithItsValueAndLimit() throws Exception {
    unit.inject(new Fault.LowRssi(Radio.Band.WIFI, -82));

    RunResult run = line.run(WIFI_TEST, unit);

    assertThat(run.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(run.failedStep()).isEqualTo("link");
    assertThat(run.message()).isEqualTo("wifi_rssi = -82 dBm is outside -70 <= x <= -20");
    // Stopping after the failure leaves the test network on the unit: ready_to_ship must catch it.
    assertThat(step(run, "forget_networks").outcome()).isEqualTo(StepOutcome.SKIPPED);
    assertThat(unit.require(Wifi.class).networks()).containsExactly("factory-test");
  }

  @Test
  void aCheckWithoutANetworkFailsAsNotConnected() throws Exception {
    String checkOnly =
        """
        recipe: sphere-wifi-check
        version: "1.0"
        station: {device_family: azure-sphere}
        steps:
          - id: link
            kind: wifi
            with: {action: check, ssid: factory-test}
        """;

    RunResult run = line.run(checkOnly, unit);

    assertThat(run.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(run.message()).isEqualTo("not connected to factory-test");
  }

  @Test
  void aCheckOnTheWrongNetworkNamesBoth() throws Exception {
    String otherNetwork =
        WIFI_TEST.replace("action: add, ssid: factory-test", "action: add, ssid: office");

    RunResult run = line.run(otherNetwork, unit);

    assertThat(run.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(run.message()).isEqualTo("connected to office, expected factory-test");
  }
}
