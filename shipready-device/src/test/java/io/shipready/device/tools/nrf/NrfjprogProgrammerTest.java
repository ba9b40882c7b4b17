package io.shipready.device.tools.nrf;

import static io.shipready.device.tools.TestImages.REGIONS;
import static io.shipready.device.tools.TestImages.app;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shipready.core.ShipreadyException;
import io.shipready.core.device.DeviceUnreachableException;
import io.shipready.core.device.FlashFailedException;
import io.shipready.device.tools.StandIn;
import io.shipready.device.tools.StandIn.Reply;
import io.shipready.device.tools.TestImages;
import io.shipready.device.tools.ToolOutputException;
import io.shipready.device.tools.ToolTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NrfjprogProgrammerTest {
  @TempDir Path temp;
  StandIn nrfjprog;

  @BeforeEach
  void standIn() {
    nrfjprog = StandIn.create(temp, "nrfjprog");
  }

  private NrfjprogProgrammer programmer(Duration timeout) {
    return new NrfjprogProgrammer(nrfjprog.runner(), "NRF52", "683012345", REGIONS, timeout);
  }

  @Test
  void programsAHexFileOnTheSlotsProbeAndVerifies() throws Exception {
    nrfjprog.on("--program", Reply.stdout("nrfjprog/program-verified.txt"));
    NrfjprogProgrammer programmer = programmer(Duration.ofMinutes(1));

    programmer.write(app());

    List<String> call = nrfjprog.calls().get(0);
    assertThat(call.subList(0, 5)).containsExactly("-f", "NRF52", "-s", "683012345", "--program");
    assertThat(call.get(5)).endsWith("app.hex");
    assertThat(call.subList(6, 8)).containsExactly("--sectorerase", "--verify");
    assertThat(programmer.readBackSha256("app")).isEqualTo(app().sha256());
    assertThat(programmer.version("app")).isEqualTo("2.1.0");
  }

  @Test
  void aVerifyErrorFailsTheUnit() {
    nrfjprog.on("--program", Reply.stdout("nrfjprog/program-verify-failed.txt").exit(55));

    assertThatThrownBy(() -> programmer(Duration.ofMinutes(1)).write(app()))
        .isInstanceOf(FlashFailedException.class)
        .hasMessageContaining("programming app failed")
        .hasMessageContaining("exit code 55")
        .hasMessageContaining("ERROR: Write verify failed.");
  }

  @Test
  void aMissingProbeIsUnreachable() {
    nrfjprog.on("--program", Reply.stderr("nrfjprog/no-debugger.txt").exit(41));

    assertThatThrownBy(() -> programmer(Duration.ofMinutes(1)).write(app()))
        .isInstanceOf(DeviceUnreachableException.class)
        .hasMessageContaining("probe 683012345");
  }

  @Test
  void successWithoutVerifiedOkIsUnexpectedOutput() {
    nrfjprog.on("--program", Reply.stdout("nrfjprog/program-no-verify.txt"));
    NrfjprogProgrammer programmer = programmer(Duration.ofMinutes(1));

    assertThatThrownBy(() -> programmer.write(app()))
        .isInstanceOf(ToolOutputException.class)
        .hasMessageContaining("nrfjprog: unexpected output from 'nrfjprog -f NRF52")
        .hasMessageContaining("expected 'Verified OK.' after programming");
    assertThat(programmer.readBackSha256("app")).isEmpty();
  }

  @Test
  void aRegionWithoutAnAddressIsNamed() {
    assertThatThrownBy(() -> programmer(Duration.ofMinutes(1)).write(TestImages.named("ncp")))
        .isInstanceOf(ShipreadyException.class)
        .hasMessageContaining("no flash address for region 'ncp'")
        .hasMessageContaining("[app, bootloader, esp-app]");
    assertThat(nrfjprog.calls()).isEmpty();
  }

  @Test
  void aHangingProgramIsStopped() {
    nrfjprog.on("--program", Reply.sleeping(120));

    assertThatThrownBy(() -> programmer(Duration.ofSeconds(1)).write(app()))
        .isInstanceOf(ToolTimeoutException.class);
  }
}
