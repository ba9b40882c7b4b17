package io.shipready.device.tools.standins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shipready.core.device.DeviceException;
import io.shipready.core.device.DeviceUnreachableException;
import io.shipready.core.device.Image;
import io.shipready.core.device.ImageType;
import io.shipready.core.model.Identifier;
import io.shipready.core.spi.Console;
import io.shipready.core.spi.Device;
import io.shipready.core.spi.Identity;
import io.shipready.core.spi.Programmer;
import io.shipready.core.spi.Radio;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An Afero ASR module on a J-Link slot whose console is the module's UART and whose fixture is the
 * validation station's RSSI receiver, all stand-ins: the slot has the capabilities the Afero
 * stations need, and the module answers as its flash and test mode say.
 */
class AferoStandInTest {
  private static final String PROBE = "683012345";
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  @TempDir Path temp;
  StandIns standIns;
  private final List<Process> servers = new ArrayList<>();

  @BeforeEach
  void standIns() {
    standIns = StandIns.in(temp);
    standIns.device("create", "--family", "probe", "--id", PROBE);
  }

  @AfterEach
  void stop() throws InterruptedException {
    for (Process server : servers) {
      server.destroy();
      server.waitFor(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void aBlankModuleTellsItsIdsButIsHeardOnlyOnceProgrammed() throws Exception {
    Device module = module();

    List<Identifier> ids = module.require(Identity.class).identifiers();
    assertThat(ids)
        .extracting(Identifier::kind)
        .containsExactly("device_id", "association_id", "company_code", "ble_mac");
    assertThatThrownBy(() -> module.require(Console.class).exchange("selftest", TIMEOUT))
        .as("nothing runs on a blank module to answer")
        .isInstanceOf(DeviceUnreachableException.class);
    assertThatThrownBy(() -> module.require(Radio.class).rssiDbm(Radio.Band.BLE))
        .isInstanceOf(DeviceException.class)
        .hasMessageContaining("hears no BLE advertisement");

    module.require(Programmer.class).write(image("app"));
    module.require(Programmer.class).write(image("wifi"));

    assertThat(module.require(Console.class).exchange("selftest", TIMEOUT)).isEqualTo("PASS");
    assertThat(module.require(Radio.class).rssiDbm(Radio.Band.BLE)).isEqualTo(-55.0);
    assertThatThrownBy(() -> module.require(Radio.class).rssiDbm(Radio.Band.WIFI))
        .hasMessageContaining("factory test mode");
    assertThat(module.require(Console.class).exchange("ftm", TIMEOUT)).isEqualTo("FTM ON");
    assertThat(module.require(Radio.class).rssiDbm(Radio.Band.WIFI)).isEqualTo(-50.0);
    assertThat(module.require(Identity.class).identifiers())
        .startsWith(ids.toArray(Identifier[]::new))
        .extracting(Identifier::kind)
        .contains("wifi_mac");

    standIns.device("fault", PROBE, "weak-radio");
    assertThat(module.require(Radio.class).rssiDbm(Radio.Band.BLE)).isEqualTo(-85.0);
  }

  @Test
  void flashingTheModuleAgainEndsFactoryTestMode() throws Exception {
    Device module = module();
    module.require(Programmer.class).write(image("app"));
    module.require(Programmer.class).write(image("wifi"));
    module.require(Console.class).exchange("ftm", TIMEOUT);

    module.require(Programmer.class).write(image("app"));

    assertThatThrownBy(() -> module.require(Radio.class).rssiDbm(Radio.Band.WIFI))
        .hasMessageContaining("factory test mode");
  }

  private Device module() throws Exception {
    return standIns.attach(
        "1",
        Map.of(
            "driver",
            "jlink",
            "family",
            "afero-asr",
            "probe",
            PROBE,
            "device",
            "NRF52840_XXAA",
            "regions",
            Map.of("bootloader", 0x0, "profile", 0x10000, "app", 0x20000, "wifi", 0x60000),
            "console",
            "tcp:" + serve("afero-asr"),
            "fixture",
            Map.of("driver", "afero-rssi", "address", serve("afero-rssi"))));
  }

  private static Image image(String region) {
    return new Image(region, "1.0", ImageType.FIRMWARE, null, null, new byte[] {1, 2, 3, 4}, null);
  }

  /** Starts standin-console for the probe unit; returns the HOST:PORT it listens on. */
  private String serve(String firmware) throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(
                standIns.executable("standin-console").toString(), PROBE, "--firmware", firmware)
            .redirectErrorStream(true);
    builder.environment().putAll(standIns.environment());
    Process server = builder.start();
    servers.add(server);
    String first =
        new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))
            .readLine();
    assertThat(first).as("standin-console --firmware " + firmware).startsWith("listening on ");
    return first.substring("listening on ".length()).strip();
  }
}
