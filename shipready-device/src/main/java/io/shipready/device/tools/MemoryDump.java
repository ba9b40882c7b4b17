package io.shipready.device.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Memory read by a probe tool, as the tools print it: one line per row, the row's address then
 * 32-bit words in hex, optionally followed by the bytes as text. nrfjprog {@code --memrd} and nRF
 * Util {@code device read} write {@code 0x10000060: 821C0607 276A94EF}, J-Link Commander's {@code
 * mem32} writes {@code 10000060 = 821C0607 276A94EF}; both are read here.
 */
public final class MemoryDump {
  private static final Pattern ROW =
      Pattern.compile(
          "^(?:0[xX])?([0-9A-Fa-f]{8})\\s*[:=]\\s*((?:[0-9A-Fa-f]{8}\\s*)+)(?:\\|.*)?$");

  private MemoryDump() {}

  /**
   * The {@code count} words from {@code address} on, as the tool printed them.
   *
   * @throws ToolOutputException when the output does not hold every one of them
   */
  public static long[] words(ToolResult result, long address, int count) {
    long[] words = new long[count];
    boolean[] seen = new boolean[count];
    for (String line : result.lines()) {
      Matcher row = ROW.matcher(line.strip());
      if (!row.matches()) {
        continue;
      }
      long at = Long.parseLong(row.group(1), 16);
      List<String> cells = new ArrayList<>(List.of(row.group(2).trim().split("\\s+")));
      for (int i = 0; i < cells.size(); i++) {
        long index = (at + 4L * i - address) / 4;
        if ((at + 4L * i - address) % 4 == 0 && index >= 0 && index < count) {
          words[(int) index] = Long.parseLong(cells.get(i), 16);
          seen[(int) index] = true;
        }
      }
    }
    for (int i = 0; i < count; i++) {
      if (!seen[i]) {
        throw new ToolOutputException(
            result,
            String.format(
                "the %d words from 0x%08X as '<address>: <word> <word> ...' (no word at 0x%08X)",
                count, address, address + 4L * i));
      }
    }
    return words;
  }
}
