package io.shipready.device.tools.azsphere;

import static java.util.Objects.requireNonNull;

import io.shipready.core.device.DeviceException;
import io.shipready.core.device.DeviceUnreachableException;
import io.shipready.core.device.OperationRefusedException;
import io.shipready.device.tools.ToolErrors;
import io.shipready.device.tools.ToolInvocation;
import io.shipready.device.tools.ToolOutputException;
import io.shipready.device.tools.ToolResult;
import io.shipready.device.tools.ToolRunner;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The factory's RF settings tool, a separate program from the azsphere CLI (the vendor ships it in
 * its RF tools package), named in the slot's {@code rf_tool: {path: ...}}. It reads and burns the
 * chip's e-fuses at the same connection path or IP address as the CLI:
 *
 * <pre>
 * rftool read  --device &lt;target&gt; --offset 0x36 --length 2    prints  0x0036: 44 45
 * rftool write --device &lt;target&gt; --offset 0x36 --hex 4445     prints  Wrote 2 bytes at 0x0036.
 * </pre>
 *
 * Failures exit non-zero with {@code ERROR: ...} lines; a chip past Blank, or a bit that is already
 * burnt, is a refusal.
 */
final class RfTool {
  static final String TOOL = "rftool";
  private static final Pattern READ = Pattern.compile("0x([0-9A-Fa-f]+):((?: [0-9A-Fa-f]{2})*)");
  private static final Pattern WROTE = Pattern.compile("Wrote (\\d+) bytes at 0x([0-9A-Fa-f]+)\\.");

  private final ToolRunner runner;
  private final Duration timeout;

  RfTool(ToolRunner runner, Duration timeout) {
    this.runner = requireNonNull(runner, "runner");
    this.timeout = requireNonNull(timeout, "timeout");
  }

  byte[] read(String target, int offset, int length) throws InterruptedException {
    ToolResult result =
        run(
            List.of(
                "read",
                "--device",
                target,
                "--offset",
                hex(offset),
                "--length",
                Integer.toString(length)));
    return parseRead(result, offset, length);
  }

  void write(String target, int offset, byte[] bytes) throws InterruptedException {
    ToolResult result =
        run(
            List.of(
                "write",
                "--device",
                target,
                "--offset",
                hex(offset),
                "--hex",
                HexFormat.of().withUpperCase().formatHex(bytes)));
    parseWrite(result, offset, bytes.length);
  }

  /** The bytes of {@code 0x0036: 44 45}, the one line a read prints. */
  static byte[] parseRead(ToolResult result, int offset, int length) {
    String expected = "one line '" + hex(offset) + ": ' and " + length + " hex bytes";
    List<String> lines = result.stdout().lines().filter(line -> !line.isBlank()).toList();
    if (lines.size() != 1) {
      throw new ToolOutputException(result, expected);
    }
    Matcher matcher = READ.matcher(lines.get(0).strip());
    if (!matcher.matches() || Integer.parseInt(matcher.group(1), 16) != offset) {
      throw new ToolOutputException(result, expected + ", not '" + lines.get(0) + "'");
    }
    byte[] bytes = HexFormat.of().parseHex(matcher.group(2).replace(" ", ""));
    if (bytes.length != length) {
      throw new ToolOutputException(result, expected + ", found " + bytes.length + " bytes");
    }
    return bytes;
  }

  static void parseWrite(ToolResult result, int offset, int length) {
    boolean confirmed =
        result
            .stdout()
            .lines()
            .map(String::strip)
            .map(WROTE::matcher)
            .anyMatch(
                m ->
                    m.matches()
                        && Integer.parseInt(m.group(1)) == length
                        && Integer.parseInt(m.group(2), 16) == offset);
    if (!confirmed) {
      throw new ToolOutputException(result, "'Wrote " + length + " bytes at " + hex(offset) + ".'");
    }
  }

  private ToolResult run(List<String> arguments) throws InterruptedException {
    ToolResult result = runner.run(ToolInvocation.of(TOOL, timeout, arguments));
    if (result.succeeded()) {
      return result;
    }
    throw error(result);
  }

  static DeviceException error(ToolResult result) {
    String description = ToolErrors.describe(result);
    if (ToolErrors.mentions(
        result, List.of("manufacturing state", "already burnt", "write-once", "region code"))) {
      return new OperationRefusedException(description);
    }
    if (ToolErrors.mentions(result, List.of("could not connect", "not responding"))) {
      return new DeviceUnreachableException(description);
    }
    return ToolErrors.failed(result);
  }

  static String hex(int offset) {
    return String.format(Locale.ROOT, "0x%04X", offset);
  }
}
