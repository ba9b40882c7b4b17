package io.shipready.device.tools.jlink;

import static io.shipready.device.tools.TestImages.REGIONS;
import static io.shipready.device.tools.TestImages.app;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shipready.core.device.DeviceUnreachableException;
import io.shipready.core.device.FlashFailedException;
import io.shipready.device.tools.StandIn;
import io.shipready.device.tools.StandIn.Reply;
import io.shipready.device.tools.ToolLocator;
import io.shipready.device.tools.ToolMissingException;
import io.shipready.device.tools.ToolOutputException;
import io.shipready.device.tools.ToolRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JLinkCommanderProgrammerTest {
  static final JLinkSettings SETTINGS =
      new JLinkSettings("NRF52840_XXAA", "683012345", "SWD", 4000, Duration.ofMinutes(1));

  @TempDir Path temp;
  StandIn jlink;

  @BeforeEach
  void standIn() {
    jlink = StandIn.create(temp, "jlink");
  }

  private JLinkCommanderProgrammer programmer() {
    return new JLinkCommanderProgrammer(jlink.runner(), SETTINGS, REGIONS);
  }

  @Test
  void runsACommandFileThatLoadsAndVerifiesTheImage() throws Exception {
    jlink.on("-CommandFile", Reply.stdout("jlink/program-ok.txt"));
    JLinkCommanderProgrammer programmer = programmer();

    programmer.write(app());

    List<String> call = jlink.calls().get(0);
    assertThat(call.subList(0, 7))
        .containsExactly(
            "-NoGui", "1", "-ExitOnError", "1", "-SelectEmuBySN", "683012345", "-CommandFile");
    assertThat(call.get(7)).endsWith("program.jlink");
    List<String> script = jlink.commandFiles().get(0);
    String binary = call.get(7).replace("program.jlink", "app-2.1.0.bin");
    assertThat(script)
        .containsExactly(
            "device NRF52840_XXAA",
            "si SWD",
            "speed 4000",
            "connect",
            "r",
            "h",
            "loadfile \"" + binary + "\" 0x00027000",
            "verifybin \"" + binary + "\" 0x00027000",
            "r",
            "g",
            "exit",
            "");
    assertThat(programmer.readBackSha256("app")).isEqualTo(app().sha256());
  }

  @Test
  void aFailedVerifyFailsTheUnit() {
    jlink.on("-CommandFile", Reply.stdout("jlink/verify-failed.txt").exit(1));
    JLinkCommanderProgrammer programmer = programmer();

    assertThatThrownBy(() -> programmer.write(app()))
        .isInstanceOf(FlashFailedException.class)
        .hasMessageContaining("flash differs from the image")
        .hasMessageContaining("Verify failed @ address 0x00027010.");
    assertThat(programmer.readBackSha256("app")).isEmpty();
  }

  @Test
  void aTargetThatDoesNotAnswerIsUnreachable() {
    jlink.on("-CommandFile", Reply.stdout("jlink/no-target.txt").exit(1));

    assertThatThrownBy(() -> programmer().write(app()))
        .isInstanceOf(DeviceUnreachableException.class)
        .hasMessageContaining("Cannot connect to target.");
  }

  @Test
  void aDownloadWithoutOkIsUnexpectedOutput() {
    jlink.on("-CommandFile", Reply.stdout("jlink/no-ok.txt"));

    assertThatThrownBy(() -> programmer().write(app()))
        .isInstanceOf(ToolOutputException.class)
        .hasMessageContaining("jlink: unexpected output from 'jlink -NoGui 1")
        .hasMessageContaining("expected 'O.K.' after the file download");
  }

  @Test
  void aMissingJLinkNamesItsExecutablesAndSetting() {
    ToolRunner nowhere = new ToolRunner(ToolLocator.fromEnvironment(Map.of("PATH", "")));

    assertThatThrownBy(() -> new JLinkCommanderProgrammer(nowhere, SETTINGS, REGIONS).write(app()))
        .isInstanceOf(ToolMissingException.class)
        .hasMessageContaining("looked for JLinkExe or JLink")
        .hasMessageContaining("SHIPREADY_TOOL_JLINK");
  }
}
