package io.shipready.device.tools.standins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shipready.core.device.DeviceException;
import io.shipready.core.device.DeviceUnreachableException;
import io.shipready.core.device.FlashFailedException;
import io.shipready.core.device.Image;
import io.shipready.core.device.ImageType;
import io.shipready.core.spi.Programmer;
import io.shipready.device.tools.ToolResult;
import io.shipready.device.tools.ToolTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The J-Link, nrfjprog, nRF Util and OpenOCD drivers against their stand-ins: what a driver writes
 * is in the chip's flash when the tool itself reads it back, and a chip that does not hold what was
 * written fails the write.
 */
class ProbeStandInTest {
  private static final String PROBE = "683012345";
  private static final long APP = 0x27000;

  @TempDir Path temp;
  StandIns standIns;

  @BeforeEach
  void standIns() {
    standIns = StandIns.in(temp);
    standIns.device("create", "--family", "probe", "--id", PROBE, "--chip", "NRF52840_XXAA");
  }

  @ParameterizedTest
  @ValueSource(strings = {"jlink", "nrfjprog", "nrfutil", "openocd"})
  void aWrittenRegionReadsBackThroughTheTool(String driver) throws Exception {
    Image app = app();
    Programmer programmer = programmer(driver, 120);

    programmer.write(app);

    assertThat(programmer.readBackSha256("app")).isEqualTo(app.sha256());
    assertThat(readBack(driver, app.content().length)).isEqualTo(app.content());
    assertThat(standIns.flash(PROBE, APP + app.content().length, 16))
        .as("the rest of the page is erased")
        .containsOnly((byte) 0xFF);
  }

  @ParameterizedTest
  @ValueSource(strings = {"jlink", "nrfjprog", "nrfutil", "openocd"})
  void aByteThatDoesNotHoldFailsTheWrite(String driver) throws Exception {
    standIns.device("fault", PROBE, "verify-mismatch");
    Programmer programmer = programmer(driver, 120);

    assertThatThrownBy(() -> programmer.write(app())).isInstanceOf(FlashFailedException.class);
    assertThat(programmer.readBackSha256("app")).isEmpty();
    assertThat(standIns.flash(PROBE, APP, app().content().length)).isNotEqualTo(app().content());
  }

  @ParameterizedTest
  @ValueSource(strings = {"jlink", "nrfjprog", "nrfutil", "openocd"})
  void aMissingProbeIsUnreachable(String driver) {
    standIns.device("fault", PROBE, "probe-not-found");

    assertThatThrownBy(() -> programmer(driver, 120).write(app()))
        .isInstanceOf(DeviceUnreachableException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"jlink", "nrfjprog", "nrfutil", "openocd"})
  void aProtectedChipIsNotWritten(String driver) {
    standIns.device("fault", PROBE, "locked");

    assertThatThrownBy(() -> programmer(driver, 120).write(app()))
        .isInstanceOf(DeviceException.class);
    assertThat(standIns.flash(PROBE, APP, 16)).containsOnly((byte) 0xFF);
  }

  @ParameterizedTest
  @ValueSource(strings = {"jlink", "nrfutil"})
  void aFailedWriteLeavesTheRegionErased(String driver) throws Exception {
    programmer(driver, 120).write(app());
    standIns.device("fault", PROBE, "write-fails", "--times", "1");

    assertThatThrownBy(() -> programmer(driver, 120).write(app()))
        .isInstanceOf(FlashFailedException.class);
    assertThat(standIns.flash(PROBE, APP, 16)).containsOnly((byte) 0xFF);
    programmer(driver, 120).write(app());
    assertThat(standIns.flash(PROBE, APP, app().content().length)).isEqualTo(app().content());
  }

  @Test
  void aWriteSlowerThanTheSlotsLimitIsStoppedWithTheRegionErased() throws Exception {
    programmer("jlink", 120).write(app());
    standIns.device("fault", PROBE, "slow-write", "--seconds", "30");
    long started = System.nanoTime();

    assertThatThrownBy(() -> programmer("jlink", 5).write(app()))
        .isInstanceOf(ToolTimeoutException.class);
    assertThat((System.nanoTime() - started) / 1_000_000_000).isLessThan(25);
    assertThat(standIns.flash(PROBE, APP, 16)).containsOnly((byte) 0xFF);
  }

  private Programmer programmer(String driver, int timeoutSeconds) throws InterruptedException {
    Map<String, Object> slot = new HashMap<>();
    slot.put("driver", driver);
    slot.put("family", "afero-asr");
    slot.put("probe", PROBE);
    slot.put("regions", Map.of("app", "0x27000"));
    slot.put("timeout_s", timeoutSeconds);
    if (driver.equals("jlink")) {
      slot.put("device", "NRF52840_XXAA");
    }
    if (driver.equals("openocd")) {
      slot.put("config", List.of("interface/cmsis-dap.cfg", "target/nrf52.cfg"));
    }
    return standIns.attach("slot-3", slot).require(Programmer.class);
  }

  /** The region as the tool itself reads it from the chip. */
  private byte[] readBack(String driver, int length) throws Exception {
    Path file = temp.resolve("read-back.bin");
    ToolResult result =
        switch (driver) {
          case "jlink" -> {
            Path script = temp.resolve("read.jlink");
            Files.writeString(
                script,
                String.join(
                    "\n",
                    "device NRF52840_XXAA",
                    "si SWD",
                    "speed 4000",
                    "connect",
                    "savebin \"" + file + "\", 0x27000, " + Integer.toHexString(length),
                    "exit"));
            yield standIns.run(
                "jlink",
                "-NoGui",
                "1",
                "-ExitOnError",
                "1",
                "-SelectEmuBySN",
                PROBE,
                "-CommandFile",
                script.toString());
          }
          case "nrfjprog" ->
              standIns.run(
                  "nrfjprog",
                  "-f",
                  "NRF52",
                  "-s",
                  PROBE,
                  "--memrd",
                  "0x27000",
                  "--n",
                  Integer.toString(length));
          case "nrfutil" ->
              standIns.run(
                  "nrfutil",
                  "device",
                  "read",
                  "--serial-number",
                  PROBE,
                  "--address",
                  "0x27000",
                  "--bytes",
                  Integer.toString(length));
          default ->
              standIns.run(
                  "openocd",
                  "-f",
                  "interface/cmsis-dap.cfg",
                  "-f",
                  "target/nrf52.cfg",
                  "-c",
                  "adapter serial " + PROBE,
                  "-c",
                  "init; dump_image {" + file + "} 0x27000 " + length + "; shutdown");
        };
    assertThat(result.exitCode()).as(result.output()).isZero();
    return driver.equals("jlink") || driver.equals("openocd")
        ? Files.readAllBytes(file)
        : StandIns.words(result.output(), length);
  }

  private static Image app() {
    byte[] content = new byte[40];
    for (int i = 0; i < content.length; i++) {
      content[i] = (byte) (i * 7 + 1);
    }
    return new Image("app", "2.1.0", ImageType.FIRMWARE, null, null, content, null);
  }
}
