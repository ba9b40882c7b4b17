package io.shipready.device.tools;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs vendor command-line tools as child processes: found by {@link ToolLocator}, started with an
 * argument list (never through a shell), stopped with everything they started when they overrun
 * their time limit or the step is cancelled, their output kept up to a cap. Only the command line,
 * exit code and duration are logged; the environment (where secrets would go) never is.
 */
public final class ToolRunner {
  /** Output kept per stream; the vendor tools' verdicts fit many times over. */
  public static final int DEFAULT_OUTPUT_CAP = 1 << 20;

  private static final Logger LOG = LoggerFactory.getLogger(ToolRunner.class);
  private static final Duration GRACE = Duration.ofSeconds(5);

  private final ToolLocator locator;
  private final int outputCap;
  private final Map<String, String> environment;

  public ToolRunner(ToolLocator locator) {
    this(locator, DEFAULT_OUTPUT_CAP);
  }

  public ToolRunner(ToolLocator locator, int outputCap) {
    this(locator, outputCap, Map.of());
  }

  private ToolRunner(ToolLocator locator, int outputCap, Map<String, String> environment) {
    this.locator = requireNonNull(locator, "locator");
    if (outputCap < 1) {
      throw new IllegalArgumentException("outputCap must be positive, was " + outputCap);
    }
    this.outputCap = outputCap;
    this.environment = Map.copyOf(environment);
  }

  public ToolLocator locator() {
    return locator;
  }

  /**
   * The same runner, giving every tool it runs these environment variables as well (an invocation's
   * own variables win). For settings every tool of a station needs, such as the state folder of
   * stand-in tools ({@code SHIPREADY_STANDIN_STATE}); like the invocation's, their values are never
   * logged.
   */
  public ToolRunner withEnvironment(Map<String, String> variables) {
    Map<String, String> merged = new HashMap<>(environment);
    merged.putAll(requireNonNull(variables, "variables"));
    return new ToolRunner(locator, outputCap, merged);
  }

  /**
   * Runs the tool to its end and returns what it left, whatever its exit code: each driver knows
   * what its tool's codes mean.
   *
   * @throws ToolMissingException when the tool is not installed where the station looks
   * @throws ToolTimeoutException when it overran its time limit (it has been stopped)
   * @throws InterruptedException when the step is cancelled (the tool has been stopped)
   */
  public ToolResult run(ToolInvocation invocation) throws InterruptedException {
    requireNonNull(invocation, "invocation");
    Path executable = locator.locate(invocation.tool());
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.addAll(invocation.arguments());
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(environment);
    builder.environment().putAll(invocation.environment());
    if (invocation.workingDirectory() != null) {
      builder.directory(invocation.workingDirectory().toFile());
    }
    LOG.debug("running {}", invocation.commandLine());
    long started = System.nanoTime();
    Process process;
    try {
      process = builder.start();
    } catch (IOException cannotStart) {
      throw new ToolMissingException(
          invocation.tool(),
          invocation.tool()
              + ": cannot start "
              + executable
              + ": "
              + cannotStart.getMessage()
              + "; check tools."
              + invocation.tool()
              + " in the station configuration or "
              + ToolLocator.variable(invocation.tool()));
    }
    try {
      // Nothing to say to the tool: a tool that prompts gets end-of-input, not a hang.
      process.getOutputStream().close();
    } catch (IOException alreadyGone) {
      // It exited already; its exit code will tell.
    }
    OutputCapture stdout = new OutputCapture(process.getInputStream(), outputCap);
    OutputCapture stderr = new OutputCapture(process.getErrorStream(), outputCap);
    Thread out = reader(stdout, invocation.tool() + "-stdout");
    Thread err = reader(stderr, invocation.tool() + "-stderr");
    boolean finished;
    try {
      finished = process.waitFor(invocation.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException cancelled) {
      destroyTree(process);
      throw cancelled;
    }
    if (!finished) {
      destroyTree(process);
      out.join(GRACE.toMillis());
      err.join(GRACE.toMillis());
      ToolResult partial = result(invocation, -1, stdout, stderr, started);
      LOG.warn("{} stopped after {}", invocation.commandLine(), invocation.timeout());
      throw new ToolTimeoutException(
          invocation.tool()
              + ": '"
              + invocation.commandLine()
              + "' did not finish within "
              + invocation.timeout().toSeconds()
              + " s and was stopped; check the device is attached and answering. Its output: "
              + partial.tail());
    }
    // Grandchildren may hold the pipes open after the tool itself exits: do not wait forever.
    out.join(GRACE.toMillis());
    err.join(GRACE.toMillis());
    ToolResult result = result(invocation, process.exitValue(), stdout, stderr, started);
    LOG.debug(
        "{} exited {} after {} ms",
        invocation.commandLine(),
        result.exitCode(),
        result.duration().toMillis());
    return result;
  }

  private static ToolResult result(
      ToolInvocation invocation,
      int exitCode,
      OutputCapture stdout,
      OutputCapture stderr,
      long started) {
    return new ToolResult(
        invocation.tool(),
        invocation.arguments(),
        exitCode,
        stdout.text(),
        stderr.text(),
        Duration.ofNanos(System.nanoTime() - started),
        stdout.truncated() || stderr.truncated());
  }

  private static Thread reader(OutputCapture capture, String name) {
    Thread thread = new Thread(capture, name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  /** Stops the tool and every process it started: a flasher often starts a server of its own. */
  private static void destroyTree(Process process) {
    List<ProcessHandle> descendants = process.descendants().toList();
    descendants.forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException again) {
      Thread.currentThread().interrupt();
    }
  }
}
