package io.shipready.device.tools;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;

/**
 * What a finished vendor tool left: its exit code and what it printed. Output beyond the runner's
 * cap is dropped and marked {@code truncated}; the tool still ran to the end.
 */
public record ToolResult(
    String tool,
    List<String> arguments,
    int exitCode,
    String stdout,
    String stderr,
    Duration duration,
    boolean truncated) {

  private static final int TAIL_CHARS = 600;

  public ToolResult {
    requireNonNull(tool, "tool");
    arguments = List.copyOf(arguments);
    requireNonNull(stdout, "stdout");
    requireNonNull(stderr, "stderr");
    requireNonNull(duration, "duration");
  }

  public boolean succeeded() {
    return exitCode == 0;
  }

  /** Standard output then standard error: many tools print their verdict on either. */
  public String output() {
    if (stderr.isEmpty()) {
      return stdout;
    }
    if (stdout.isEmpty()) {
      return stderr;
    }
    return stdout + (stdout.endsWith("\n") ? "" : "\n") + stderr;
  }

  /** The output's lines, trimmed, blank ones left out. */
  public List<String> lines() {
    return output().lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
  }

  public String commandLine() {
    return ToolInvocation.commandLine(tool, arguments);
  }

  /** The last part of the output on one line, for error messages. */
  public String tail() {
    String text = String.join(" | ", lines());
    if (text.isEmpty()) {
      return "(nothing)";
    }
    return text.length() <= TAIL_CHARS ? text : "..." + text.substring(text.length() - TAIL_CHARS);
  }
}
