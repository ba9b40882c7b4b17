package io.shipready.core.steps;

import io.shipready.core.ShipreadyException;
import io.shipready.core.model.Identifier;
import io.shipready.core.model.MeasurementSpec;
import io.shipready.core.model.StepSpec;
import io.shipready.core.model.Values;
import io.shipready.core.spi.Capability;
import io.shipready.core.step.ParamSpec;
import io.shipready.core.step.ParamType;
import io.shipready.core.step.ReferencedFile;
import io.shipready.core.step.StepCategory;
import io.shipready.core.step.StepContext;
import io.shipready.core.step.StepFailedException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Runs a program of the factory's own (a pre-test or post-test hook, a vendor tool). It learns the
 * unit from its environment (SHIPREADY_SLOT, SHIPREADY_RUN_ID, SHIPREADY_ID_<KIND>); its exit code
 * and every {@code key=value} line it prints are recorded, and measurements may judge those keys.
 */
final class CommandStep extends SimpleStepKind {
  private static final int MAX_OUTPUT_LINES = 10_000;
  private static final Set<String> INTERPRETERS =
      Set.of("sh", "bash", "dash", "zsh", "python", "python3", "perl", "ruby", "node", "pwsh");

  CommandStep() {
    super(
        "command",
        "Run a program (a factory hook); its exit code and key=value output are recorded.",
        StepCategory.CHECK,
        true,
        ParamSpec.required(
            "run",
            ParamType.STRING_LIST,
            "the program and its arguments, run in the recipe's folder; a program or script named"
                + " by its path (hooks/pre-test.sh) must be there"),
        ParamSpec.optional("expect_exit", ParamType.INTEGER, "exit code that passes (default 0)"));
  }

  /** Runs on the station PC; the unit is not asked for anything. */
  @Override
  public List<Class<? extends Capability>> requiredCapabilities(StepSpec spec) {
    return List.of();
  }

  /**
   * The factory's own program: the first item when it is a path (hooks/check.sh), or the script an
   * interpreter is given ({@code [sh, hooks/pre-test.sh]}). A bare name is found on the PATH, so it
   * is no file of the recipe's.
   */
  @Override
  public List<ReferencedFile> referencedFiles(StepSpec spec) {
    List<String> run = texts(spec, "run");
    if (run.isEmpty()) {
      return List.of();
    }
    String program = run.get(0);
    if (program.contains("/")) {
      return List.of(ReferencedFile.program("run", program));
    }
    String name = program.replaceFirst("\\.exe$", "").toLowerCase(Locale.ROOT);
    if (INTERPRETERS.contains(name) && run.size() > 1 && !run.get(1).startsWith("-")) {
      return List.of(ReferencedFile.file("run", "script", run.get(1)));
    }
    return List.of();
  }

  @Override
  public void execute(StepContext context) throws Exception {
    List<String> command = context.strings("run");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(context.recipeDirectory().toFile())
            .redirectErrorStream(true);
    builder.environment().put("SHIPREADY_SLOT", context.slot());
    builder.environment().put("SHIPREADY_RUN_ID", context.runId());
    for (Identifier id : context.identifiers()) {
      builder.environment().put("SHIPREADY_ID_" + id.kind().toUpperCase(Locale.ROOT), id.value());
    }
    Process process;
    try {
      process = builder.start();
    } catch (IOException cannotStart) {
      throw new ShipreadyException(
          "cannot run "
              + command.get(0)
              + " in "
              + context.recipeDirectory()
              + ": "
              + cannotStart.getMessage(),
          cannotStart);
    }
    OutputCollector collector = new OutputCollector(process);
    collector.start();
    try {
      // waitFor answers interrupts, so a timed-out hook is stopped rather than waited for.
      int exit = process.waitFor();
      collector.join(5_000);
      Map<String, String> output = collector.keyValues();
      context.attribute("exit." + context.spec().id(), Integer.toString(exit));
      output.forEach((key, value) -> context.attribute(context.spec().id() + "." + key, value));
      for (MeasurementSpec m : context.spec().measurements()) {
        String value = output.get(m.source());
        if (value != null) {
          context.measure(m.name(), Values.numberOrText(value));
        }
      }
      long expected = context.integer("expect_exit", 0);
      if (exit != expected) {
        List<String> tail = collector.lastLines();
        throw new StepFailedException(
            command.get(0)
                + " exited with "
                + exit
                + " (expected "
                + expected
                + ")"
                + (tail.isEmpty() ? "" : ": " + String.join(" | ", tail)));
      }
    } finally {
      // A cancelled step must not leave the factory's program running on.
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }

  /** Reads a program's output beside it, keeping key=value pairs and the last few lines. */
  private static final class OutputCollector extends Thread {
    private final Process process;
    private final Map<String, String> keyValues = new LinkedHashMap<>();
    private final List<String> lastLines = new ArrayList<>();

    OutputCollector(Process process) {
      super("command-output");
      setDaemon(true);
      this.process = process;
    }

    @Override
    public void run() {
      try (BufferedReader reader =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        int lines = 0;
        while ((line = reader.readLine()) != null) {
          if (lines++ >= MAX_OUTPUT_LINES) {
            continue;
          }
          synchronized (this) {
            int equals = line.indexOf('=');
            if (equals > 0) {
              keyValues.put(line.substring(0, equals).trim(), line.substring(equals + 1).trim());
            }
            lastLines.add(line);
            if (lastLines.size() > 3) {
              lastLines.remove(0);
            }
          }
        }
      } catch (IOException closed) {
        // The process was stopped; what was read so far is kept.
      }
    }

    synchronized Map<String, String> keyValues() {
      return new LinkedHashMap<>(keyValues);
    }

    synchronized List<String> lastLines() {
      return List.copyOf(lastLines);
    }
  }
}
