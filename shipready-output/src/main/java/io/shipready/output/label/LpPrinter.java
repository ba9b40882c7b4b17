package io.shipready.output.label;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A print queue of the system's print service (CUPS), fed through {@code lp -d QUEUE -o raw} so the
 * ZPL reaches the printer untouched. The queue itself holds labels while its printer is offline.
 */
public final class LpPrinter implements LabelPrinter {
  private final String queue;
  private final String command;
  private final Duration timeout;

  /** Prints to the queue with the {@code lp} found on the PATH. */
  public LpPrinter(String queue) {
    this(queue, "lp", Duration.ofSeconds(30));
  }

  /**
   * @param command the lp program: "lp" to look it up on the PATH, or a path to it
   * @param timeout how long lp may take to queue the label
   */
  public LpPrinter(String queue, String command, Duration timeout) {
    this.queue = requireNonNull(queue, "queue");
    this.command = requireNonNull(command, "command");
    this.timeout = requireNonNull(timeout, "timeout");
    if (queue.isBlank()
        || queue.startsWith("-")
        || queue.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException(
          "print queue '" + queue + "' is not a queue name; list the queues with lpstat -p");
    }
  }

  @Override
  public String name() {
    return "print queue " + queue;
  }

  @Override
  public void print(String zpl, String jobName) {
    requireNonNull(zpl, "zpl");
    requireNonNull(jobName, "jobName");
    List<String> arguments = List.of(command, "-d", queue, "-o", "raw", "-t", jobName);
    Path output = null;
    try {
      output = Files.createTempFile("shipready-lp-", ".txt");
      Process lp;
      try {
        lp =
            new ProcessBuilder(arguments)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
      } catch (IOException notFound) {
        throw new PrinterException(
            name(),
            name()
                + ": cannot run '"
                + command
                + "' ("
                + notFound.getMessage()
                + "), so label '"
                + jobName
                + "' was not printed. Install the print service's client (CUPS: the"
                + " cups-client package) or print to the printer over TCP or to a folder",
            notFound);
      }
      try (OutputStream in = lp.getOutputStream()) {
        in.write(zpl.getBytes(StandardCharsets.UTF_8));
      } catch (IOException closedEarly) {
        // lp stopped reading; its exit status and output below say why.
      }
      if (!lp.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        lp.destroyForcibly();
        throw new PrinterException(
            name(),
            name()
                + ": lp did not finish within "
                + timeout.toSeconds()
                + " s, so label '"
                + jobName
                + "' may not be queued; check the print service (lpstat -t)");
      }
      if (lp.exitValue() != 0) {
        String said = Files.readString(output, StandardCharsets.UTF_8).strip();
        throw new PrinterException(
            name(),
            name()
                + ": lp refused label '"
                + jobName
                + "' (exit "
                + lp.exitValue()
                + (said.isEmpty() ? "" : ": " + said)
                + "); check the queue name and state with lpstat -p "
                + queue);
      }
    } catch (IOException io) {
      throw new PrinterException(
          name(), name() + ": label '" + jobName + "' was not printed: " + io.getMessage(), io);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new PrinterException(
          name(), name() + ": stopped while queueing label '" + jobName + "'", interrupted);
    } finally {
      if (output != null) {
        try {
          Files.deleteIfExists(output);
        } catch (IOException ignored) {
          // A leftover temporary file is harmless.
        }
      }
    }
  }
}
