package io.shipready.device.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shipready.core.device.DeviceUnreachableException;
import io.shipready.device.tools.StandIn.Reply;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolRunnerTest {
  @TempDir Path temp;

  @Test
  void runsTheToolWithItsArgumentsAsGivenAndKeepsBothStreams() throws Exception {
    StandIn tool = StandIn.create(temp, "esptool");
    tool.on("read_mac", Reply.stdout("runner/hello.txt").andStderr("runner/warning.txt").exit(3));

    ToolResult result =
        tool.runner()
            .run(
                ToolInvocation.of(
                    "esptool",
                    Duration.ofSeconds(30),
                    List.of("--port", "/dev/tty USB0", "read_mac")));

    assertThat(tool.calls()).containsExactly(List.of("--port", "/dev/tty USB0", "read_mac"));
    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.stdout()).isEqualTo("hello from the stand-in\n");
    assertThat(result.stderr()).isEqualTo("warning: something on stderr\n");
    assertThat(result.lines())
        .containsExactly("hello from the stand-in", "warning: something on stderr");
    assertThat(result.truncated()).isFalse();
    assertThat(result.commandLine()).isEqualTo("esptool --port \"/dev/tty USB0\" read_mac");
  }

  @Test
  void keepsOutputOnlyUpToTheCap() throws Exception {
    StandIn tool = StandIn.create(temp, "openocd");
    tool.on("program", Reply.stdout("runner/hello.txt"));

    ToolResult result =
        new ToolRunner(tool.locator(), 5)
            .run(ToolInvocation.of("openocd", Duration.ofSeconds(30), List.of("program")));

    assertThat(result.stdout()).isEqualTo("hello");
    assertThat(result.truncated()).isTrue();
  }

  @Test
  void stopsAToolThatOverrunsItsTimeLimitWithWhatItStarted() throws Exception {
    StandIn tool = StandIn.create(temp, "nrfjprog");
    tool.on("--program", Reply.sleeping(120));

    assertThatThrownBy(
            () ->
                tool.runner()
                    .run(
                        ToolInvocation.of(
                            "nrfjprog", Duration.ofSeconds(1), List.of("--program", "x.hex"))))
        .isInstanceOf(ToolTimeoutException.class)
        .isInstanceOf(DeviceUnreachableException.class)
        .hasMessageContaining("nrfjprog: 'nrfjprog --program x.hex' did not finish within 1 s");

    ProcessHandle sleeper = ProcessHandle.of(tool.sleeperPid()).orElse(null);
    if (sleeper != null) {
      sleeper.onExit().get(10, TimeUnit.SECONDS);
      assertThat(sleeper.isAlive()).as("the tool's child process was stopped too").isFalse();
    }
  }

  @Test
  void aCancelledStepStopsTheTool() throws Exception {
    StandIn tool = StandIn.create(temp, "openocd");
    tool.on("program", Reply.sleeping(120));
    java.util.concurrent.atomic.AtomicReference<Throwable> thrown =
        new java.util.concurrent.atomic.AtomicReference<>();
    Thread step =
        new Thread(
            () -> {
              try {
                tool.runner()
                    .run(ToolInvocation.of("openocd", Duration.ofMinutes(5), List.of("program")));
              } catch (Throwable t) {
                thrown.set(t);
              }
            });
    step.start();
    Path pidFile = tool.script().resolveSibling("sleeper.pid");
    // Wait until the tool is surely running (bounded, in case the stand-in never starts).
    for (int i = 0; i < 3000 && !started(pidFile); i++) {
      Thread.sleep(20);
    }
    step.interrupt();
    step.join(TimeUnit.SECONDS.toMillis(30));

    assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
    ProcessHandle sleeper = ProcessHandle.of(tool.sleeperPid()).orElse(null);
    if (sleeper != null) {
      sleeper.onExit().get(10, TimeUnit.SECONDS);
      assertThat(sleeper.isAlive()).isFalse();
    }
  }

  private static boolean started(Path pidFile) throws java.io.IOException {
    return java.nio.file.Files.exists(pidFile) && java.nio.file.Files.size(pidFile) > 0;
  }

  @Test
  void aMissingToolNamesThePathSearchedAndTheSettingToFix() {
    ToolLocator locator =
        ToolLocator.fromEnvironment(Map.of("PATH", temp.toString()))
            .withSearchPath(temp.toString());

    assertThatThrownBy(
            () ->
                new ToolRunner(locator)
                    .run(ToolInvocation.of("azsphere", Duration.ofSeconds(5), List.of("device"))))
        .isInstanceOf(ToolMissingException.class)
        .hasMessageContaining("azsphere not found")
        .hasMessageContaining("on the PATH (" + temp + ")")
        .hasMessageContaining("tools.azsphere")
        .hasMessageContaining("SHIPREADY_TOOL_AZSPHERE");
  }

  @Test
  void aConfiguredPathThatIsNotAnExecutableIsNamed() {
    ToolLocator locator =
        ToolLocator.fromEnvironment(
            Map.of("SHIPREADY_TOOL_JLINK", temp.resolve("JLinkExe").toString()));

    assertThatThrownBy(() -> locator.locate("jlink"))
        .isInstanceOf(ToolMissingException.class)
        .hasMessageContaining("the configured path " + temp.resolve("JLinkExe"))
        .hasMessageContaining("SHIPREADY_TOOL_JLINK");
  }

  @Test
  void findsAToolOnThePathUnderItsUsualNames() throws Exception {
    StandIn standIn = StandIn.create(temp, "esptool.py");
    Path onPath = standIn.script().resolveSibling("esptool.py");
    java.nio.file.Files.move(standIn.script(), onPath);

    ToolLocator locator =
        ToolLocator.fromEnvironment(Map.of("PATH", onPath.getParent().toString()));

    assertThat(locator.locate("esptool")).isEqualTo(onPath);
  }
}
