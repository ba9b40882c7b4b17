package io.shipready.device.tools;

import static java.util.Objects.requireNonNull;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds a vendor tool's executable. A tool is found at the path the station's settings give for it
 * ({@code tools.<tool>} in the station configuration, or the environment variable {@code
 * SHIPREADY_TOOL_<TOOL>}), else under its usual executable names on the PATH. Vendor installers
 * rarely put their tools on the PATH, so the missing-tool message says which setting to fill in.
 */
public final class ToolLocator {
  /** The executable names each known tool installs under, most usual first. */
  private static final Map<String, List<String>> EXECUTABLES =
      Map.of(
          "azsphere", List.of("azsphere"),
          "az", List.of("az"),
          "particle", List.of("particle"),
          "nrfjprog", List.of("nrfjprog"),
          "nrfutil", List.of("nrfutil"),
          "jlink", List.of("JLinkExe", "JLink"),
          "openocd", List.of("openocd"),
          "esptool", List.of("esptool", "esptool.py"));

  private final Map<String, Path> configured;
  private final String searchPath;
  private final boolean windows;

  private ToolLocator(Map<String, Path> configured, String searchPath, boolean windows) {
    this.configured = Map.copyOf(configured);
    this.searchPath = searchPath == null ? "" : searchPath;
    this.windows = windows;
  }

  /** Looks at the SHIPREADY_TOOL_* variables and the PATH of this process. */
  public static ToolLocator fromEnvironment() {
    return fromEnvironment(System.getenv());
  }

  public static ToolLocator fromEnvironment(Map<String, String> environment) {
    Map<String, Path> configured = new HashMap<>();
    for (String tool : EXECUTABLES.keySet()) {
      String value = environment.get(variable(tool));
      if (value != null && !value.isBlank()) {
        configured.put(tool, path(tool, variable(tool), value));
      }
    }
    boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
    return new ToolLocator(configured, environment.getOrDefault("PATH", ""), windows);
  }

  /** The same search, with the tool at an explicit path (from the station configuration). */
  public ToolLocator with(String tool, Path executable) {
    requireNonNull(tool, "tool");
    requireNonNull(executable, "executable");
    Map<String, Path> copy = new HashMap<>(configured);
    copy.put(tool, executable);
    return new ToolLocator(copy, searchPath, windows);
  }

  /** The same, searching the given PATH instead of this process's. */
  public ToolLocator withSearchPath(String path) {
    return new ToolLocator(configured, path, windows);
  }

  /** The tools the drivers run, by the names the settings use. */
  public static List<String> knownTools() {
    return EXECUTABLES.keySet().stream().sorted().toList();
  }

  /** The environment variable that points to a tool: SHIPREADY_TOOL_AZSPHERE, ... */
  public static String variable(String tool) {
    return "SHIPREADY_TOOL_" + tool.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }

  /**
   * The tool's executable.
   *
   * @throws ToolMissingException when the configured path is not an executable file, or the tool is
   *     on no directory of the PATH
   */
  public Path locate(String tool) {
    requireNonNull(tool, "tool");
    Path explicit = configured.get(tool);
    if (explicit != null) {
      if (Files.isRegularFile(explicit) && Files.isExecutable(explicit)) {
        return explicit;
      }
      throw new ToolMissingException(
          tool,
          tool
              + " not found: the configured path "
              + explicit
              + " is not an executable file; correct tools."
              + tool
              + " in the station configuration or "
              + variable(tool));
    }
    List<String> names = executableNames(tool);
    for (String directory : searchPath.split(File.pathSeparator)) {
      if (directory.isBlank()) {
        continue;
      }
      for (String name : names) {
        Path candidate;
        try {
          candidate = Path.of(directory, name);
        } catch (InvalidPathException ignored) {
          continue;
        }
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return candidate;
        }
      }
    }
    throw new ToolMissingException(
        tool,
        tool
            + " not found: looked for "
            + String.join(" or ", EXECUTABLES.getOrDefault(tool, List.of(tool)))
            + " on the PATH ("
            + (searchPath.isBlank() ? "empty" : searchPath)
            + "); install it, or set tools."
            + tool
            + " in the station configuration (or the environment variable "
            + variable(tool)
            + ") to the executable's full path");
  }

  private List<String> executableNames(String tool) {
    List<String> base = EXECUTABLES.getOrDefault(tool, List.of(tool));
    if (!windows) {
      return base;
    }
    List<String> names = new ArrayList<>();
    for (String name : base) {
      for (String extension : List.of(".exe", ".cmd", ".bat", "")) {
        names.add(name + extension);
      }
    }
    return names;
  }

  private static Path path(String tool, String setting, String value) {
    try {
      return Path.of(value.strip());
    } catch (InvalidPathException bad) {
      throw new ToolMissingException(
          tool, setting + " is not a valid path ('" + value + "'): " + bad.getReason());
    }
  }
}
