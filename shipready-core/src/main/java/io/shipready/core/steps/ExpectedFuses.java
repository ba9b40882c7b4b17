package io.shipready.core.steps;

import static java.util.Objects.requireNonNull;

import io.shipready.core.ShipreadyException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * An expected e-fuse image: the RF settings a unit must hold, as the ranges of the e-fuse bank that
 * carry them. A text file, one range a line: the first offset (hex {@code 0x36} or decimal), then
 * the bytes as hex (or a station field, {@code station.extra.regionCode}, for its ASCII text), then
 * an optional {@code #} comment naming the setting. Only the listed ranges are compared; the rest
 * of the bank is the unit's own (calibration, MAC).
 *
 * <pre>
 * 0x36 4445   # Wi-Fi region code "DE"
 * </pre>
 */
record ExpectedFuses(Path file, List<Range> ranges) {

  /** Bytes expected at an offset, with the line they came from and what they are. */
  record Range(int offset, byte[] bytes, int line, String label) {
    String describe() {
      return String.format(Locale.ROOT, "0x%02X", offset) + (label.isEmpty() ? "" : " " + label);
    }
  }

  ExpectedFuses {
    requireNonNull(file, "file");
    ranges = List.copyOf(ranges);
  }

  static ExpectedFuses read(Path file) {
    return read(file, field -> java.util.Optional.empty());
  }

  /**
   * Reads the image; a range whose bytes are a station field ({@code 0x36
   * station.extra.regionCode}) expects that field's ASCII text, so one image serves stations that
   * burn different region codes.
   */
  static ExpectedFuses read(
      Path file, java.util.function.Function<String, java.util.Optional<String>> stationFields) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException missing) {
      throw new ShipreadyException(
          "expected e-fuse image " + file + " not found; keep it beside the recipe");
    } catch (IOException unreadable) {
      throw new ShipreadyException(
          "cannot read expected e-fuse image " + file + ": " + unreadable.getMessage());
    }
    List<Range> ranges = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int lineNumber = i + 1;
      int hash = line.indexOf('#');
      String label = hash < 0 ? "" : line.substring(hash + 1).strip();
      String content = (hash < 0 ? line : line.substring(0, hash)).strip();
      if (content.isEmpty()) {
        continue;
      }
      String[] parts = content.split("\\s+", 2);
      if (parts.length != 2) {
        throw bad(file, i + 1, "expected '<offset> <hex bytes>', found '" + content + "'");
      }
      int offset;
      byte[] bytes;
      try {
        offset =
            parts[0].toLowerCase(Locale.ROOT).startsWith("0x")
                ? Integer.parseInt(parts[0].substring(2), 16)
                : Integer.parseInt(parts[0]);
        String value = parts[1].strip();
        if (value.startsWith("station.")) {
          String field = value;
          String text =
              stationFields
                  .apply(field)
                  .filter(t -> !t.isBlank())
                  .orElseThrow(
                      () ->
                          bad(
                              file,
                              lineNumber,
                              field
                                  + " is not set in the station configuration; add it to"
                                  + " station-config.yaml (regionCode under extra: for"
                                  + " station.extra.regionCode)"));
          bytes = text.getBytes(StandardCharsets.US_ASCII);
        } else {
          bytes = HexFormat.of().parseHex(value.replaceAll("\\s+", ""));
        }
      } catch (IllegalArgumentException notANumber) {
        throw bad(
            file,
            i + 1,
            "'" + content + "' is not an offset (0x36 or 54) followed by hex bytes (4445)");
      }
      if (bytes.length == 0) {
        throw bad(file, i + 1, "no bytes after the offset");
      }
      ranges.add(new Range(offset, bytes, i + 1, label));
    }
    if (ranges.isEmpty()) {
      throw new ShipreadyException(
          "expected e-fuse image "
              + file
              + " lists no settings; add a line '<offset> <hex bytes> # setting' for each");
    }
    return new ExpectedFuses(file, ranges);
  }

  private static ShipreadyException bad(Path file, int line, String problem) {
    return new ShipreadyException(
        file + ":" + line + ": " + problem + "; write one range a line, e.g. '0x36 4445 # region'");
  }
}
