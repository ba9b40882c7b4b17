package io.shipready.output.afero;

import io.shipready.output.factoryfile.TestStations;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * A station process for {@link AferoAppendKillTest}: appends programming rows as fast as it can
 * until it is killed, numbering units from the first argument on, and prints each unit's number
 * once its row is appended, so the test knows which rows were confirmed.
 */
public final class AppendingStation {
  /** Rows go to one file whatever the time of day the test runs at. */
  static final Instant TIME = Instant.parse("2025-01-15T04:00:00Z");

  private AppendingStation() {}

  public static void main(String[] args) {
    Path folder = Path.of(args[0]);
    long unit = Long.parseLong(args[1]);
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    try (AferoFactoryFiles files =
        AferoFactoryFiles.open(TestStations.station(folder), Clock.fixed(TIME, ZoneOffset.UTC))) {
      out.println("ready");
      out.flush();
      while (true) {
        files.appendProgramming(TestUnits.programming(unit));
        out.println(unit);
        out.flush();
        unit++;
      }
    }
  }
}
