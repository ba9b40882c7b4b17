package io.shipready.device.tools.standins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shipready.core.device.DeviceUnreachableException;
import io.shipready.core.device.FlashFailedException;
import io.shipready.core.device.Image;
import io.shipready.core.device.ImageType;
import io.shipready.core.model.Identifier;
import io.shipready.core.spi.CloudConnection;
import io.shipready.core.spi.Device;
import io.shipready.core.spi.Identity;
import io.shipready.core.spi.Power;
import io.shipready.core.spi.Programmer;
import io.shipready.core.spi.Settings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Particle CLI driver against the particle stand-in. */
class ParticleStandInTest {
  private static final String PORT = "/dev/ttyACM0";

  @TempDir Path temp;
  StandIns standIns;

  @BeforeEach
  void standIns() {
    standIns = StandIns.in(temp);
  }

  @Test
  void aUnitIsIdentifiedFlashedAndVerified() throws Exception {
    standIns.device(
        "create",
        "--family",
        "particle",
        "--id",
        PORT,
        "--device-id",
        "e00fce68333a0b7e12345678",
        "--imei",
        "356726103912345",
        "--iccid",
        "89014103271529912345",
        "--system-firmware",
        "4.2.0");
    Device unit = slot();
    Image app = image("tracker-edge", "18");

    assertThat(unit.require(Identity.class).identifiers())
        .containsExactly(
            new Identifier(Identifier.DEVICE_ID, "e00fce68333a0b7e12345678"),
            new Identifier(Identifier.IMEI, "356726103912345"),
            new Identifier(Identifier.ICCID, "89014103271529912345"));
    assertThat(unit.require(Identity.class).versions()).containsEntry("system", "4.2.0");
    unit.require(Programmer.class).write(app);

    assertThat(unit.require(Programmer.class).readBackSha256("tracker-edge"))
        .isEqualTo(app.sha256());
    assertThat(standIns.device("show", PORT))
        .contains("\"tracker-edge-18.bin\"")
        .contains("\"sha256\": \"" + app.sha256() + "\"");
  }

  @Test
  void aUnitOutOfListeningModeIsNotIdentified() throws Exception {
    standIns.device("create", "--family", "particle", "--id", PORT, "--setup-done");

    assertThatThrownBy(() -> slot().require(Identity.class).identifiers())
        .isInstanceOf(DeviceUnreachableException.class)
        .hasMessageContaining("listening mode");
  }

  @Test
  void aFailedTransferFailsTheWrite() throws Exception {
    standIns.device("create", "--family", "particle", "--id", PORT);
    standIns.device("fault", PORT, "flash-fails");
    Programmer programmer = slot().require(Programmer.class);

    assertThatThrownBy(() -> programmer.write(image("tracker-edge", "18")))
        .isInstanceOf(FlashFailedException.class)
        .hasMessageContaining("Error writing firmware");
    assertThat(programmer.readBackSha256("tracker-edge")).isEmpty();
  }

  @Test
  void aUnitThatIsNotOnUsbIsUnreachable() throws Exception {
    standIns.device("create", "--family", "particle", "--id", PORT);
    standIns.device("fault", PORT, "not-attached");

    assertThatThrownBy(() -> slot().require(Identity.class).identifiers())
        .isInstanceOf(DeviceUnreachableException.class);
  }

  @Test
  void theSetupDoneFlagHoldsAcrossARestartAndVersionsAreStillRead() throws Exception {
    standIns.device("create", "--family", "particle", "--id", PORT, "--platform", "Tracker");
    Device unit = slot();
    unit.require(Identity.class).identifiers();
    unit.require(Programmer.class).write(image("system", "4.2.0"));
    unit.require(Programmer.class).write(image("ncp", "0.0.7"));
    Settings settings = unit.require(Settings.class);
    assertThat(settings.get("setup_done")).contains("0");

    settings.set("setup_done", "1");
    assertThat(settings.get("setup_done")).contains("1");
    unit.require(Power.class).reboot();

    assertThat(standIns.device("show", PORT))
        .contains("\"setup_done\": true")
        .contains("\"listening\": false");
    assertThat(unit.require(Identity.class).versions())
        .containsEntry("system", "4.2.0")
        .containsEntry("ncp", "0.0.7")
        .containsEntry("system_module", "420");
    assertThat(standIns.device("show", PORT))
        .as("taken out of listening mode again after identify")
        .contains("\"listening\": false");

    settings.set("setup_done", "0");
    unit.require(Power.class).reboot();
    assertThat(settings.get("setup_done")).contains("0");
  }

  @Test
  void theNcpIsUpdatedOverUsbSerialAfterTheSetupDoneFlagTookTheUnitOutOfListeningMode()
      throws Exception {
    standIns.device("create", "--family", "particle", "--id", PORT, "--platform", "Tracker");
    Device unit = slot();
    unit.require(Identity.class).identifiers();
    unit.require(Settings.class).set("setup_done", "1");
    assertThat(standIns.device("show", PORT)).contains("\"listening\": false");

    unit.require(Programmer.class).write(image("ncp", "0.0.7"));

    assertThat(standIns.device("show", PORT))
        .contains("\"ncp-0.0.7.bin\"")
        .as("reset into its application after the update")
        .contains("\"listening\": false");
  }

  @Test
  void aUnitReachesTheCloudAfterItsDelayAndOneWithoutCoverageNever() throws Exception {
    standIns.device("create", "--family", "particle", "--id", PORT, "--platform", "Tracker");
    standIns.device("fault", PORT, "slow-cloud", "--seconds", "1");
    Device unit = slot();
    unit.require(Identity.class).identifiers();
    unit.require(Programmer.class).write(image("user", "1"));
    unit.require(Settings.class).set("setup_done", "1");
    List<CloudConnection.Wait> looks = new ArrayList<>();

    CloudConnection.Wait end =
        unit.require(CloudConnection.class)
            .awaitConnected(Duration.ofSeconds(20), Duration.ofMillis(200), looks::add);

    assertThat(end.connected()).isTrue();
    assertThat(looks).isNotEmpty().allMatch(look -> look.status().equals("connecting"));

    standIns.device("fault", PORT, "no-cloud");
    unit.require(Power.class).reboot();
    CloudConnection.Wait never =
        unit.require(CloudConnection.class)
            .awaitConnected(Duration.ofSeconds(2), Duration.ofMillis(500), look -> {});

    assertThat(never.connected()).isFalse();
    assertThat(never.status()).isEqualTo("connecting");
    assertThat(never.elapsed()).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
  }

  private Device slot() throws InterruptedException {
    return standIns.attach("slot-2", Map.of("driver", "particle", "port", PORT));
  }

  private static Image image(String name, String version) {
    return new Image(
        name,
        version,
        ImageType.FIRMWARE,
        null,
        null,
        (name + " " + version).getBytes(StandardCharsets.UTF_8),
        null);
  }
}
