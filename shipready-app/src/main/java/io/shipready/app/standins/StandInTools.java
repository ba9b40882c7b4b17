package io.shipready.app.standins;

import io.shipready.core.ShipreadyException;
import io.shipready.device.tools.ToolLocator;
import io.shipready.device.tools.ToolMissingException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stand-ins for the vendor tools (they live with the tests, in {@code
 * shipready-device/src/test/standins}): scripts that answer as azsphere, particle, JLinkExe,
 * nrfjprog, nrfutil, openocd and esptool do, keeping each unit's state in a folder. Not the
 * vendors' tools: for training, dry runs and tests without hardware.
 */
public final class StandInTools {
  /** The variable the stand-ins read their state folder from. */
  public static final String STATE_VARIABLE = "SHIPREADY_STANDIN_STATE";

  private static final Path IN_SOURCES = Path.of("shipready-device", "src", "test", "standins");

  private final Path folder;
  private final Path state;

  private StandInTools(Path folder, Path state) {
    this.folder = folder;
    this.state = state;
  }

  /**
   * The stand-ins found in the project folder (here or above the program), keeping their units in
   * {@code state}.
   */
  public static StandInTools find(Path state) {
    List<Path> candidates = new ArrayList<>();
    candidates.add(Path.of("").toAbsolutePath());
    try {
      Path jar =
          Path.of(StandInTools.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      candidates.add(jar);
    } catch (java.net.URISyntaxException | SecurityException unknown) {
      // Only the working folder is searched.
    }
    for (Path start : candidates) {
      for (Path dir = start; dir != null; dir = dir.getParent()) {
        if (Files.isExecutable(dir.resolve(IN_SOURCES).resolve("standin-device"))) {
          return new StandInTools(dir.resolve(IN_SOURCES), state.toAbsolutePath());
        }
      }
    }
    throw new ShipreadyException(
        "cannot find the stand-in tools ("
            + IN_SOURCES
            + "); run from the project folder, which has them");
  }

  public Path state() {
    return state;
  }

  /** Every vendor tool the stand-ins answer for, by the name slot maps use, to its script. */
  public Map<String, String> tools() {
    ToolLocator locator = ToolLocator.fromEnvironment(Map.of()).withSearchPath(folder.toString());
    Map<String, String> tools = new LinkedHashMap<>();
    for (String tool : ToolLocator.knownTools()) {
      try {
        tools.put(tool, locator.locate(tool).toString());
      } catch (ToolMissingException notStoodIn) {
        // This tool has no stand-in; a slot naming it finds the real one.
      }
    }
    return tools;
  }

  /** The environment every stand-in tool is run with. */
  public Map<String, String> environment() {
    return Map.of(STATE_VARIABLE, state.toString());
  }

  /** Creates unit {@code id} of {@code family} unless the state folder has it already. */
  public void createUnit(String family, String id) throws IOException, InterruptedException {
    if (run("show", id).exitCode == 0) {
      return;
    }
    Result created = run("create", "--family", family, "--id", id);
    if (created.exitCode != 0) {
      throw new ShipreadyException(
          "standin-device could not create " + family + " unit " + id + ": " + created.output);
    }
  }

  /**
   * Starts the console of unit {@code id} answering as {@code firmware}'s does; returns the process
   * and the HOST:PORT it listens on.
   */
  public Console startConsole(String id, String firmware) throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(
                folder.resolve("standin-console").toString(),
                id,
                "--firmware",
                firmware,
                "--listen",
                "127.0.0.1:0")
            .redirectErrorStream(true);
    builder.environment().putAll(environment());
    Process process = builder.start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String first = out.readLine();
    if (first == null || !first.startsWith("listening on ")) {
      process.destroy();
      throw new ShipreadyException(
          "the console stand-in of unit " + id + " did not start: " + (first == null ? "" : first));
    }
    return new Console(process, first.substring("listening on ".length()).strip());
  }

  /** A console stand-in, running until closed. */
  public record Console(Process process, String address) implements AutoCloseable {
    @Override
    public void close() {
      process.destroy();
    }
  }

  private record Result(int exitCode, String output) {}

  private Result run(String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(folder.resolve("standin-device").toString());
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(environment());
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Result(process.waitFor(), output.strip());
  }
}
