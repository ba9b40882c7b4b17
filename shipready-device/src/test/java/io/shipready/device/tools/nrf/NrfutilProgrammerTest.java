package io.shipready.device.tools.nrf;

import static io.shipready.device.tools.TestImages.REGIONS;
import static io.shipready.device.tools.TestImages.app;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shipready.core.device.DeviceUnreachableException;
import io.shipready.core.device.FlashFailedException;
import io.shipready.device.tools.StandIn;
import io.shipready.device.tools.StandIn.Reply;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NrfutilProgrammerTest {
  @TempDir Path temp;
  StandIn nrfutil;

  @BeforeEach
  void standIn() {
    nrfutil = StandIn.create(temp, "nrfutil");
  }

  private NrfutilProgrammer programmer() {
    return new NrfutilProgrammer(nrfutil.runner(), "683012345", REGIONS, Duration.ofMinutes(1));
  }

  @Test
  void programsWithReadBackVerification() throws Exception {
    nrfutil.on("device program", Reply.stdout("nrfutil/program-ok.txt"));
    NrfutilProgrammer programmer = programmer();

    programmer.write(app());

    List<String> call = nrfutil.calls().get(0);
    assertThat(call.subList(0, 3)).containsExactly("device", "program", "--firmware");
    assertThat(call.get(3)).endsWith("app.hex");
    assertThat(call.subList(4, 8))
        .containsExactly(
            "--serial-number",
            "683012345",
            "--options",
            "chip_erase_mode=ERASE_RANGES_TOUCHED_BY_FIRMWARE,verify=VERIFY_READ");
    assertThat(programmer.readBackSha256("app")).isEqualTo(app().sha256());
  }

  @Test
  void aVerificationFailureFailsTheUnit() {
    nrfutil.on("device program", Reply.stderr("nrfutil/verify-failed.txt").exit(1));

    assertThatThrownBy(() -> programmer().write(app()))
        .isInstanceOf(FlashFailedException.class)
        .hasMessageContaining("flash of app differs from the image")
        .hasMessageContaining("Verification failed");
  }

  @Test
  void aMissingProbeIsUnreachable() {
    nrfutil.on("device program", Reply.stderr("nrfutil/no-device.txt").exit(1));

    assertThatThrownBy(() -> programmer().write(app()))
        .isInstanceOf(DeviceUnreachableException.class)
        .hasMessageContaining("No devices found");
  }

  @Test
  void aHexImageIsPassedOnAsItIs() throws Exception {
    nrfutil.on("device program", Reply.stdout("nrfutil/program-ok.txt"));
    byte[] hex = ":0400000001020304F2\n:00000001FF\n".getBytes(StandardCharsets.US_ASCII);
    var image =
        new io.shipready.core.device.Image(
            "softdevice",
            "7.2.0",
            io.shipready.core.device.ImageType.FIRMWARE,
            null,
            null,
            hex,
            null);
    NrfutilProgrammer programmer = programmer();

    programmer.write(image);

    assertThat(nrfutil.calls().get(0).get(3)).endsWith("softdevice.hex");
    assertThat(programmer.readBackSha256("softdevice")).isEqualTo(image.sha256());
    assertThat(programmer.version("softdevice")).isEqualTo("7.2.0");
  }
}
