package io.shipready.device.tools.openocd;

import static io.shipready.device.tools.TestImages.REGIONS;
import static io.shipready.device.tools.TestImages.app;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shipready.core.device.DeviceUnreachableException;
import io.shipready.core.device.FlashFailedException;
import io.shipready.device.tools.StandIn;
import io.shipready.device.tools.StandIn.Reply;
import io.shipready.device.tools.ToolOutputException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenOcdProgrammerTest {
  @TempDir Path temp;
  StandIn openocd;

  @BeforeEach
  void standIn() {
    openocd = StandIn.create(temp, "openocd");
  }

  private OpenOcdProgrammer programmer() {
    return new OpenOcdProgrammer(
        openocd.runner(),
        List.of("interface/cmsis-dap.cfg", "target/nrf52.cfg"),
        "E6616407E3646B29",
        REGIONS,
        Duration.ofMinutes(1));
  }

  @Test
  void programsVerifiesResetsAndExits() throws Exception {
    openocd.on("program", Reply.stderr("openocd/program-verified.txt"));
    OpenOcdProgrammer programmer = programmer();

    programmer.write(app());

    List<String> call = openocd.calls().get(0);
    assertThat(call.subList(0, 6))
        .containsExactly(
            "-f",
            "interface/cmsis-dap.cfg",
            "-f",
            "target/nrf52.cfg",
            "-c",
            "adapter serial E6616407E3646B29");
    assertThat(call.get(6)).isEqualTo("-c");
    assertThat(call.get(7))
        .startsWith("program {")
        .endsWith("app-2.1.0.bin} 0x00027000 verify reset exit");
    assertThat(programmer.readBackSha256("app")).isEqualTo(app().sha256());
  }

  @Test
  void aFailedVerifyFailsTheUnit() {
    openocd.on("program", Reply.stderr("openocd/verify-failed.txt").exit(1));

    assertThatThrownBy(() -> programmer().write(app()))
        .isInstanceOf(FlashFailedException.class)
        .hasMessageContaining("flash differs from the image")
        .hasMessageContaining("** Verify Failed **");
  }

  @Test
  void aMissingAdapterIsUnreachable() {
    openocd.on("program", Reply.stderr("openocd/no-adapter.txt").exit(1));

    assertThatThrownBy(() -> programmer().write(app()))
        .isInstanceOf(DeviceUnreachableException.class)
        .hasMessageContaining("unable to find a matching CMSIS-DAP device");
  }

  @Test
  void programmingWithoutVerificationIsUnexpectedOutput() {
    openocd.on("program", Reply.stderr("openocd/no-verify.txt"));

    assertThatThrownBy(() -> programmer().write(app()))
        .isInstanceOf(ToolOutputException.class)
        .hasMessageContaining("expected '** Verified OK **' after programming");
  }
}
