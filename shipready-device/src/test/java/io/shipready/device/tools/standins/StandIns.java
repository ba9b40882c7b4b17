package io.shipready.device.tools.standins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.shipready.core.spi.Device;
import io.shipready.device.slots.SlotMap;
import io.shipready.device.slots.SlotUnits;
import io.shipready.device.tools.ToolInvocation;
import io.shipready.device.tools.ToolLocator;
import io.shipready.device.tools.ToolResult;
import io.shipready.device.tools.ToolRunner;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The stand-in vendor tools of {@code src/test/standins} with a state folder of their own: a runner
 * that finds only them, and {@code standin-device}, which creates units and plant faults. Tests
 * that use it are skipped, saying so, where python3 is missing.
 */
final class StandIns {
  static final String STATE = "SHIPREADY_STANDIN_STATE";

  /** Tool name as the drivers know it, and the stand-in's executable. */
  private static final Map<String, String> EXECUTABLES =
      Map.of(
          "azsphere", "azsphere",
          "particle", "particle",
          "jlink", "JLinkExe",
          "nrfjprog", "nrfjprog",
          "nrfutil", "nrfutil",
          "openocd", "openocd",
          "esptool", "esptool");

  private final Path folder;
  private final Path state;
  private final Map<String, String> environment;

  private StandIns(Path folder, Path state, Path python) {
    this.folder = folder;
    this.state = state;
    this.environment = Map.of(STATE, state.toString(), "PATH", childPath(python));
  }

  /** The stand-ins with a fresh state folder under the test's temporary folder. */
  static StandIns in(Path temp) {
    Optional<Path> python = python3();
    assumeTrue(
        python.isPresent(),
        "python3 was not found on the PATH: the stand-in vendor tools (src/test/standins) are"
            + " Python 3 scripts; install python3 to run the stand-in tests");
    Path folder = standinsFolder();
    try {
      return new StandIns(
          folder, Files.createDirectories(temp.resolve("standin-state")), python.get());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path state() {
    return state;
  }

  /** What a stand-in's process needs: the state folder, and a PATH that finds python3. */
  Map<String, String> environment() {
    return environment;
  }

  Path executable(String tool) {
    return folder.resolve(EXECUTABLES.getOrDefault(tool, tool));
  }

  /** Finds only the stand-ins (the PATH is left empty) and gives them the state folder. */
  ToolRunner runner() {
    ToolLocator locator = ToolLocator.fromEnvironment(Map.of());
    for (String tool : EXECUTABLES.keySet()) {
      locator = locator.with(tool, executable(tool));
    }
    return new ToolRunner(locator).withEnvironment(environment);
  }

  /**
   * The unit in one slot of a slot map whose tools are the stand-ins, as a station attaches it.
   *
   * @param settings the slot's keys, {@code driver} included
   * @param tools tool name to executable, over the stand-ins' own
   */
  Device attach(String slot, Map<String, ?> settings, Map<String, Path> tools)
      throws InterruptedException {
    return attach(slot, settings, tools, Map.of());
  }

  /** As above, with more variables in the slot map's environment (a stand-in's mode). */
  Device attach(
      String slot, Map<String, ?> settings, Map<String, Path> tools, Map<String, String> extra)
      throws InterruptedException {
    SlotMap.Builder map = SlotMap.builder().source("stand-in slot map");
    EXECUTABLES.keySet().forEach(tool -> map.tool(tool, executable(tool).toString()));
    tools.forEach((tool, path) -> map.tool(tool, path.toString()));
    environment.forEach(map::environment);
    extra.forEach(map::environment);
    Map<String, Object> keys = new java.util.LinkedHashMap<>(settings);
    String driver = String.valueOf(keys.remove("driver"));
    SlotUnits units = new SlotUnits(map.slot(slot, driver, keys).build(), 1, "S");
    return units.attach(1, slot).device();
  }

  Device attach(String slot, Map<String, ?> settings) throws InterruptedException {
    return attach(slot, settings, Map.of());
  }

  /** Runs a stand-in tool by the drivers' name for it. */
  ToolResult run(String tool, String... arguments) throws InterruptedException {
    return runner().run(ToolInvocation.of(tool, Duration.ofSeconds(60), List.of(arguments)));
  }

  /** Runs standin-device and returns what it printed; it must succeed. */
  String device(String... arguments) {
    Result result = unitCommand(arguments);
    assertThat(result.exitCode()).as("standin-device %s: %s", List.of(arguments), result).isZero();
    return result.stdout();
  }

  /** Runs standin-device whatever its exit code. */
  Result unitCommand(String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(folder.resolve("standin-device").toString());
    command.addAll(List.of(arguments));
    return exec(command, environment);
  }

  /** A region of a probe or esp unit's flash, as its state folder holds it. */
  byte[] flash(String unit, long address, int length) {
    String hex =
        device("read", unit, "0x" + Long.toHexString(address), Integer.toString(length)).strip();
    return HexFormat.of().parseHex(hex);
  }

  /** The bytes of a word dump (0x00027000: 04030201 FFFFFFFF ...) as nrfjprog and nrfutil print. */
  static byte[] words(String dump, int length) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (String line : dump.lines().map(String::strip).toList()) {
      if (!line.toLowerCase(Locale.ROOT).startsWith("0x") || !line.contains(":")) {
        continue;
      }
      String cells = line.substring(line.indexOf(':') + 1);
      cells = cells.contains("|") ? cells.substring(0, cells.indexOf('|')) : cells;
      for (String word : cells.trim().split("\\s+")) {
        for (int i = word.length() - 2; i >= 0; i -= 2) {
          bytes.write(Integer.parseInt(word.substring(i, i + 2), 16));
        }
      }
    }
    byte[] all = bytes.toByteArray();
    assertThat(all.length).as("bytes in the dump %s", dump).isGreaterThanOrEqualTo(length);
    return Arrays.copyOf(all, length);
  }

  record Result(int exitCode, String stdout, String stderr) {
    @Override
    public String toString() {
      return "exit " + exitCode + ": " + stdout + stderr;
    }
  }

  static Result exec(List<String> command, Map<String, String> environment) {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove(STATE);
    builder.environment().putAll(environment);
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      var out = process.getInputStream();
      var err = process.getErrorStream();
      byte[][] streams = new byte[2][];
      Thread errors =
          new Thread(
              () -> {
                try {
                  streams[1] = err.readAllBytes();
                } catch (IOException e) {
                  streams[1] = new byte[0];
                }
              });
      errors.start();
      streams[0] = out.readAllBytes();
      errors.join();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(command + " did not finish within 60 s");
      }
      return new Result(
          process.exitValue(),
          new String(streams[0], StandardCharsets.UTF_8),
          new String(streams[1], StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /**
   * The python3 the stand-ins run with: the first on the PATH that is not a version manager's shim
   * (pyenv and asdf shims start the manager on every call, which costs most of a second per tool
   * call), else the first on the PATH; empty when there is none.
   */
  private static Optional<Path> python3() {
    List<Path> found = new ArrayList<>();
    for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!directory.isBlank() && Files.isExecutable(Path.of(directory, "python3"))) {
        found.add(Path.of(directory, "python3"));
      }
    }
    return found.stream()
        .filter(python -> !python.toString().contains(File.separator + "shims" + File.separator))
        .findFirst()
        .or(() -> found.stream().findFirst());
  }

  /** The children's PATH: this process's, with the chosen python3's folder first. */
  private static String childPath(Path python) {
    return python.getParent() + File.pathSeparator + System.getenv().getOrDefault("PATH", "");
  }

  /**
   * Surefire runs in the module's folder; a run from the project's root finds it one level down.
   */
  private static Path standinsFolder() {
    for (Path candidate :
        List.of(Path.of("src/test/standins"), Path.of("shipready-device/src/test/standins"))) {
      if (Files.isRegularFile(candidate.resolve("standin_state.py"))) {
        return candidate.toAbsolutePath();
      }
    }
    throw new IllegalStateException(
        "the stand-in tools are not in src/test/standins under "
            + Path.of("").toAbsolutePath()
            + "; run the tests from the shipready-device module or the project's root");
  }
}
