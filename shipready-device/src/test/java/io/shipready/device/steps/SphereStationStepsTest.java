package io.shipready.device.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.shipready.core.event.Event;
import io.shipready.core.model.Identifier;
import io.shipready.core.model.Outcome;
import io.shipready.core.model.RunResult;
import io.shipready.core.spi.ConnectionInfo;
import io.shipready.core.spi.Fuses;
import io.shipready.device.sim.SimulatedDevice;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Device details, RF settings against an expected e-fuse image, and Ethernet on Azure Sphere. */
class SphereStationStepsTest {
  private static final String DETAILS =
      """
      recipe: sphere-details
      version: "1.0"
      station: {device_family: azure-sphere}
      steps:
        - id: details
          kind: device_details
      """;

  private static final String RF_VERIFY =
      """
      recipe: sphere-rf
      version: "1.0"
      station: {device_family: azure-sphere}
      steps:
        - id: rf_verify
          kind: rf_settings_check
          with: {expected: rf-settings.efuse}
      """;

  private static final String ETHERNET =
      """
      recipe: sphere-ethernet
      version: "1.0"
      station: {device_family: azure-sphere}
      steps:
        - id: load_board_config
          kind: sideload
          with:
            image: images/board-config.imagepackage
            type: board_config
            component_id: board-config
            image_id: board-config-1.0
      %s
        - id: ethernet
          kind: ethernet_check
      """;

  private static final String REBOOT =
      """
        - id: restart
          kind: reboot
      """;

  @TempDir Path folder;
  private TestLine line;
  private SphereLine sphere;
  private SimulatedDevice unit;

  @BeforeEach
  void lineFiles() {
    line = new TestLine(folder);
    sphere = new SphereLine(line);
    unit = sphere.freshUnit(6);
    line.write(
        "rf-settings.efuse",
        """
        # region code and transmit power
        0x36 4445   # region code DE
        64 12 12    # transmit power
        """);
  }

  private Map<String, String> attributes(RunResult run) {
    Map<String, String> attributes = new LinkedHashMap<>();
    line.events(run, Event.AttributeRecorded.class)
        .forEach(a -> attributes.put(a.stepId() + "/" + a.key(), a.value()));
    return attributes;
  }

  private void burn(int offset, String hex) throws Exception {
    unit.require(Fuses.class).write(offset, java.util.HexFormat.of().parseHex(hex));
  }

  @Test
  void deviceDetailsRecordTheDeviceIdIpAddressAndConnectionPath() throws Exception {
    RunResult run = line.run(DETAILS, unit);

    assertThat(run.outcome()).isEqualTo(Outcome.PASS);
    ConnectionInfo connection = unit.require(ConnectionInfo.class);
    assertThat(attributes(run))
        .containsEntry("details/device.connection_path", connection.connectionPath())
        .containsEntry("details/device.ip_address", connection.ipAddress())
        .containsKey("details/device.device_id");
    assertThat(run.identifiers()).extracting(Identifier::kind).contains(Identifier.DEVICE_ID);
    assertThat(attributes(run).get("details/device.device_id"))
        .isEqualTo(
            run.identifiers().stream()
                .filter(id -> id.kind().equals(Identifier.DEVICE_ID))
                .findFirst()
                .orElseThrow()
                .value());
  }

  @Test
  void rfSettingsMatchingTheExpectedImagePassAndAreRecorded() throws Exception {
    burn(0x36, "4445");
    burn(0x40, "1212");

    RunResult run = line.run(RF_VERIFY, unit);

    assertThat(run.outcome()).as(run.message()).isEqualTo(Outcome.PASS);
    assertThat(attributes(run))
        .containsEntry("rf_verify/rf.efuse.54", "4445")
        .containsEntry("rf_verify/rf.efuse.64", "1212")
        .containsKey("rf_verify/rf.wifi_mac");
  }

  @Test
  void rfSettingsThatDifferFailNamingTheSettingAndTheLine() throws Exception {
    burn(0x36, "5553"); // US, not DE

    RunResult run = line.run(RF_VERIFY, unit);

    assertThat(run.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(run.message())
        .contains("0x36 region code DE holds 5553, expected 4445 (line 2)")
        .contains("0x40 transmit power holds 0000, expected 1212 (line 3)");
    // What was read is kept, matching or not.
    assertThat(attributes(run)).containsEntry("rf_verify/rf.efuse.54", "5553");
  }

  @Test
  void aMalformedExpectedImageIsRefusedNamingFileAndLine() throws Exception {
    line.write("rf-settings.efuse", "0x36 4445\nregion DE\n");

    RunResult run = line.run(RF_VERIFY, unit);

    assertThat(run.outcome()).isEqualTo(Outcome.ERROR);
    assertThat(run.message()).contains("rf-settings.efuse:2:").contains("'region DE'");
    assertThat(unit.require(Fuses.class).read(0x36, 2)).containsExactly(0, 0);
  }

  @Test
  void ethernetIsUpOnlyAfterTheBoardConfigurationAndAReboot() throws Exception {
    line.writeSigned(
        "images/board-config.imagepackage",
        SphereLine.packageOf("board-config-1.0"),
        SphereLine.LINE_KEY,
        sphere.lineKey.getPrivate());

    RunResult withoutReboot = line.run(ETHERNET.formatted(""), unit);
    assertThat(withoutReboot.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(withoutReboot.failedStep()).isEqualTo("ethernet");
    assertThat(withoutReboot.message()).contains("Ethernet is down").contains("reboot");

    RunResult withReboot = line.run(ETHERNET.formatted(REBOOT.stripTrailing()), unit);
    assertThat(withReboot.outcome()).as(withReboot.message()).isEqualTo(Outcome.PASS);
    assertThat(attributes(withReboot)).containsEntry("ethernet/ethernet.link", "up");
  }

  @Test
  void theKeystoreRetryIsInTheRecord() throws Exception {
    SimulatedDevice stale = sphere.staleUnit(2);
    String recipe =
        """
        recipe: sphere-sideload
        version: "1.0"
        station: {device_family: azure-sphere}
        steps:
          - id: load_app
            kind: sideload
            with:
              image: %s
              component_id: tracker-app
              image_id: tracker-app-1.4.2
              keystore: %s
              keystore_image_id: keystore-2024
        """
            .formatted(SphereLine.APP, SphereLine.KEYSTORE);

    RunResult run = line.run(recipe, stale);

    assertThat(run.outcome()).isEqualTo(Outcome.PASS);
    assertThat(attributes(run))
        .containsEntry("load_app/keystore.updated", SphereLine.KEYSTORE + " (image keystore-2024)")
        .containsEntry(
            "load_app/keystore.retried", "tracker-app-1.4.2 loaded after the keystore update");
  }
}
