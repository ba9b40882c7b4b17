package io.shipready.device.tools;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One run of a vendor tool: which tool, its arguments (a list, never a shell string, so a path with
 * spaces stays one argument), how long it may take, and extra environment variables. The
 * environment is where a secret goes if a tool needs one; it is never logged.
 *
 * @param tool the tool's name as {@link ToolLocator} knows it (azsphere, particle, nrfjprog...)
 * @param arguments the arguments after the executable
 * @param timeout how long the tool may run before it is stopped
 * @param environment extra variables for the tool's process; values are never logged
 * @param workingDirectory where the tool runs; null for the station's own
 */
public record ToolInvocation(
    String tool,
    List<String> arguments,
    Duration timeout,
    Map<String, String> environment,
    Path workingDirectory) {

  public ToolInvocation {
    requireNonNull(tool, "tool");
    arguments = List.copyOf(arguments);
    requireNonNull(timeout, "timeout");
    environment = Map.copyOf(environment);
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException(tool + ": timeout must be positive, was " + timeout);
    }
  }

  public static ToolInvocation of(String tool, Duration timeout, List<String> arguments) {
    return new ToolInvocation(tool, arguments, timeout, Map.of(), null);
  }

  /** The command as a person would type it, for messages and logs. */
  public String commandLine() {
    return commandLine(tool, arguments);
  }

  static String commandLine(String tool, List<String> arguments) {
    StringBuilder line = new StringBuilder(tool);
    for (String argument : arguments) {
      line.append(' ');
      line.append(argument.isEmpty() || argument.contains(" ") ? '"' + argument + '"' : argument);
    }
    return line.toString();
  }
}
