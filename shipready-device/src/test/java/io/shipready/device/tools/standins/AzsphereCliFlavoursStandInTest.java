package io.shipready.device.tools.standins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shipready.core.device.DeviceException;
import io.shipready.core.device.Image;
import io.shipready.core.device.ImageType;
import io.shipready.core.device.ManufacturingState;
import io.shipready.core.model.Identifier;
import io.shipready.core.spi.Device;
import io.shipready.core.spi.Ethernet;
import io.shipready.core.spi.Identity;
import io.shipready.core.spi.ImageStore;
import io.shipready.core.spi.ImageStore.InstalledImage;
import io.shipready.core.spi.ManufacturingStates;
import io.shipready.core.spi.Power;
import io.shipready.core.spi.Wifi;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Every device command the programming station sends, through the legacy {@code azsphere} and the
 * {@code az sphere} extension, in each output layout (JSON, table, and the classic blocks of a
 * release older than {@code --output}), against the stateful stand-in: the same unit ends the same
 * way whichever is configured, and every command names the unit.
 */
class AzsphereCliFlavoursStandInTest {

  @TempDir Path temp;
  StandIns standIns;

  @BeforeEach
  void standIns() {
    standIns = StandIns.in(temp);
  }

  @ParameterizedTest(name = "{0} --output {1}")
  @CsvSource({"azsphere, json", "azsphere, table", "azsphere, classic", "az, json", "az, table"})
  void aUnitIsProgrammedTheSameWayWithEitherCommandLineInEachLayout(String cli, String output)
      throws Exception {
    standIns.device("create", "--family", "azure-sphere", "--id", "21143");
    standIns.device("create", "--family", "azure-sphere", "--id", "21144");
    Device unit = attach(cli, output);

    assertThat(unit.require(Identity.class).identifiers())
        .extracting(Identifier::kind)
        .containsExactly(Identifier.DEVICE_ID, Identifier.WIFI_MAC);

    ImageStore images = unit.require(ImageStore.class);
    images.install(image("tracker-app-1.4.2.imagepackage", ImageType.APPLICATION));
    images.install(image("board-config-w5500-1.0.imagepackage", ImageType.BOARD_CONFIG));
    assertThat(images.installed())
        .extracting(InstalledImage::type)
        .containsExactlyInAnyOrder(ImageType.APPLICATION, ImageType.BOARD_CONFIG);

    Wifi wifi = unit.require(Wifi.class);
    wifi.addNetwork("shipready-factory-test", null);
    Wifi.Status status = wifi.status();
    assertThat(status.connected()).isTrue();
    assertThat(status.ssid()).isEqualTo("shipready-factory-test");
    assertThat(status.rssiDbm()).isEqualTo(-48);
    assertThat(wifi.networks()).containsExactly("shipready-factory-test");
    wifi.removeAllNetworks();
    assertThat(wifi.networks()).isEmpty();

    // The board configuration enables Ethernet only after a restart.
    assertThat(unit.require(Ethernet.class).linkUp()).isFalse();
    unit.require(Power.class).reboot();
    assertThat(unit.require(Ethernet.class).linkUp()).isTrue();

    ManufacturingStates states = unit.require(ManufacturingStates.class);
    states.advanceTo(ManufacturingState.MODULE1_COMPLETE);
    assertThat(states.current()).isEqualTo(ManufacturingState.MODULE1_COMPLETE);
    assertThat(states.installedCapabilities()).isEmpty();

    List<Map<String, Object>> calls = calls("21143");
    assertThat(calls).isNotEmpty();
    for (Map<String, Object> call : calls) {
      List<String> args = new ArrayList<>();
      ((List<?>) call.get("args")).forEach(arg -> args.add(String.valueOf(arg)));
      assertThat(call.get("tool")).isEqualTo(cli);
      assertThat(args).as("every command names the unit").containsSubsequence("--device", "21143");
      if (cli.equals("az")) {
        assertThat(args.get(0)).isEqualTo("sphere");
      }
      if (output.equals("classic")) {
        assertThat(args).doesNotContain("--output");
      }
    }
    assertThat(calls("21144")).isEmpty();
  }

  @ParameterizedTest(name = "a release without --output asked for {0}")
  @CsvSource({"json", "table"})
  void aClassicReleaseAskedForALayoutSaysSo(String output) throws Exception {
    standIns.device("create", "--family", "azure-sphere", "--id", "21143");

    assertThatThrownBy(() -> attach("azsphere", output, "classic"))
        .isInstanceOf(DeviceException.class)
        .hasMessageContaining("unrecognized arguments: --output " + output);
  }

  private Device attach(String cli, String output) throws InterruptedException {
    return attach(cli, output, output.equals("classic") ? "classic" : "");
  }

  private Device attach(String cli, String output, String release) throws InterruptedException {
    Map<String, String> environment =
        release.isEmpty() ? Map.of() : Map.of("SHIPREADY_STANDIN_AZSPHERE_LAYOUT", release);
    return standIns.attach(
        "slot-1",
        Map.of("driver", "azsphere", "device", "21143", "cli", cli, "output", output),
        Map.of("az", standIns.executable("az")),
        environment);
  }

  private Image image(String file, ImageType type) throws Exception {
    Path path = Path.of("..", "lines", "azure-sphere", "images", file);
    return new Image(file, "1", type, null, null, Files.readAllBytes(path), null);
  }

  /** The unit's calls.log: one JSON object a line, read here as the YAML it also is. */
  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> calls(String unit) throws Exception {
    Path log = standIns.state().resolve(unit).resolve("calls.log");
    List<Map<String, Object>> calls = new ArrayList<>();
    if (Files.exists(log)) {
      for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
        calls.add(
            (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(line));
      }
    }
    return calls;
  }
}
