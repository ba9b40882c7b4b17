package io.shipready.device.serial;

import static java.util.Objects.requireNonNull;

import io.shipready.core.device.DeviceUnreachableException;
import io.shipready.core.spi.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A line-oriented console over a serial port or a TCP socket: send a line, then wait, up to a
 * timeout, for a reply line or for a line matching a pattern. Output the unit printed before the
 * command (boot messages, log lines) is dropped before each command so it cannot be taken for the
 * reply; the unit's echo of the command is skipped.
 */
public final class LineConsole implements Console, AutoCloseable {
  private static final int TRANSCRIPT_LINES = 5;

  private final ConsoleLink link;
  private final String lineEnding;
  private final StringBuilder pending = new StringBuilder();
  private final Deque<String> transcript = new ArrayDeque<>();
  private final byte[] buffer = new byte[4096];

  /**
   * @param lineEnding what ends a command line: {@code "\r\n"}, {@code "\r"} or {@code "\n"}
   */
  public LineConsole(ConsoleLink link, String lineEnding) {
    this.link = requireNonNull(link, "link");
    this.lineEnding = requireNonNull(lineEnding, "lineEnding");
  }

  public String describe() {
    return link.describe();
  }

  @Override
  public synchronized String exchange(String command, Duration timeout)
      throws InterruptedException {
    discardPending();
    send(command);
    long deadline = System.nanoTime() + timeout.toNanos();
    for (; ; ) {
      String line = readLine(deadline);
      if (line == null) {
        throw new DeviceUnreachableException(
            "no reply to '"
                + command
                + "' from the console at "
                + link.describe()
                + " within "
                + timeout.toMillis()
                + " ms"
                + seen()
                + "; is the firmware running?");
      }
      if (!line.isBlank() && !line.strip().equals(command.strip())) {
        return line;
      }
    }
  }

  /** Sends one line, ended by the console's line ending. */
  public synchronized void send(String line) {
    try {
      OutputStream out = link.output();
      out.write((line + lineEnding).getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException failed) {
      throw new DeviceUnreachableException(
          "cannot write to the console at " + link.describe() + ": " + failed.getMessage());
    }
  }

  /**
   * Waits for a line that contains a match of the pattern.
   *
   * @throws DeviceUnreachableException when none comes within the timeout, naming the last lines
   *     seen
   */
  public synchronized MatchResult expect(Pattern pattern, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (; ; ) {
      String line = readLine(deadline);
      if (line == null) {
        throw new DeviceUnreachableException(
            "the console at "
                + link.describe()
                + " printed nothing matching '"
                + pattern
                + "' within "
                + timeout.toMillis()
                + " ms"
                + seen());
      }
      Matcher matcher = pattern.matcher(line);
      if (matcher.find()) {
        return matcher.toMatchResult();
      }
    }
  }

  /** Drops whatever the unit printed that nobody has read yet. */
  public synchronized void discardPending() {
    pending.setLength(0);
    try {
      InputStream in = link.input();
      while (in.available() > 0) {
        if (in.read(buffer, 0, Math.min(buffer.length, in.available())) < 0) {
          break;
        }
      }
    } catch (IOException failed) {
      throw new DeviceUnreachableException(
          "cannot read the console at " + link.describe() + ": " + failed.getMessage());
    }
  }

  @Override
  public synchronized void close() {
    link.close();
  }

  /** The next complete line, without its ending; null when the deadline passes first. */
  private String readLine(long deadline) throws InterruptedException {
    for (; ; ) {
      int newline = pending.indexOf("\n");
      if (newline >= 0) {
        String line = pending.substring(0, newline).replace("\r", "");
        pending.delete(0, newline + 1);
        remember(line);
        return line;
      }
      if (Thread.interrupted()) {
        throw new InterruptedException("console read cancelled");
      }
      if (System.nanoTime() >= deadline) {
        return null;
      }
      int read;
      try {
        read = link.input().read(buffer);
      } catch (InterruptedIOException nothingYet) {
        continue; // the poll interval passed without data
      } catch (IOException failed) {
        throw new DeviceUnreachableException(
            "lost the console at " + link.describe() + ": " + failed.getMessage());
      }
      if (read < 0) {
        throw new DeviceUnreachableException(
            "the console at " + link.describe() + " closed" + seen());
      }
      pending.append(new String(buffer, 0, read, StandardCharsets.ISO_8859_1));
    }
  }

  private void remember(String line) {
    if (line.isBlank()) {
      return;
    }
    transcript.addLast(line);
    while (transcript.size() > TRANSCRIPT_LINES) {
      transcript.removeFirst();
    }
  }

  private String seen() {
    return transcript.isEmpty() ? " (it printed nothing)" : "; last lines: " + transcript;
  }
}
