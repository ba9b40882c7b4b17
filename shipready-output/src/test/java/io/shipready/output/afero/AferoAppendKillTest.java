package io.shipready.output.afero;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.shipready.output.factoryfile.Csv;
import io.shipready.output.factoryfile.RowFile;
import io.shipready.output.factoryfile.RowSyntax;
import io.shipready.output.factoryfile.TestStations;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A station process appending rows is killed (SIGKILL) at random moments; after each kill the file,
 * opened again as the writer opens it, holds only whole rows, every confirmed row, and no row
 * twice.
 */
class AferoAppendKillTest {
  private static final int KILLS = 10;
  private static final int COLUMNS = AferoFileType.PROGRAMMING.columns().size();

  @TempDir Path folder;

  @Test
  void aKilledStationLeavesOnlyWholeRows() throws Exception {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    Path file =
        folder
            .resolve("output")
            .resolve(
                AferoFileName.of(
                        AferoFileType.PROGRAMMING,
                        "LINE-PC-3",
                        "acme-plug",
                        AppendingStation.TIME.atZone(ZoneOffset.UTC).toLocalDate(),
                        TestStations.station(folder).zone())
                    .toString());
    long rows = 0;
    for (int kill = 1; kill <= KILLS; kill++) {
      String round = "kill " + kill + " of " + KILLS + " (seed " + seed + ")";
      Child child = Child.start(folder, rows + 1);
      assertThat(child.ready.await(60, TimeUnit.SECONDS))
          .as(round + ": station process started; its errors: " + child.errors())
          .isTrue();
      // Let it get under way, then kill it wherever it is.
      Thread.sleep(20 + random.nextInt(300));
      child.process.destroyForcibly();
      assertThat(child.process.waitFor(30, TimeUnit.SECONDS))
          .as(round + ": process ended")
          .isTrue();
      child.output.join(10_000);

      // Opening the file as the writer does sets aside any cut-short row.
      try (RowFile reopened =
          RowFile.open(
              file, RowSyntax.CSV, AferoFileType.PROGRAMMING.header(), Clock.systemUTC())) {
        rows = reopened.rows();
      }
      List<List<String>> records = Csv.parse(Files.readString(file, UTF_8));
      assertThat(records.get(0)).as(round).isEqualTo(AferoFileType.PROGRAMMING.columns());
      List<List<String>> data = records.subList(1, records.size());
      assertThat(data).as(round + ": rows counted on reopening").hasSize((int) rows);
      Set<String> deviceIds = new HashSet<>();
      for (int i = 0; i < data.size(); i++) {
        List<String> row = data.get(i);
        assertThat(row).as(round + ": columns of row " + (i + 1)).hasSize(COLUMNS);
        assertThat(deviceIds.add(row.get(8))).as(round + ": row " + (i + 1) + " is new").isTrue();
        // Units are numbered in order, so row n is unit n: nothing lost, nothing twice.
        assertThat(row).as(round + ": row " + (i + 1)).isEqualTo(expected(i + 1));
      }
      assertThat(rows)
          .as(round + ": every row the station confirmed is in the file")
          .isGreaterThanOrEqualTo(child.confirmed.get());
    }
    assertThat(rows).as("rows written across all kills").isGreaterThan(KILLS);
    try (Stream<Path> files = Files.list(folder.resolve("output"))) {
      // Each set-aside tail, if any, is a cut-short row: never a whole one.
      for (Path aside : files.filter(p -> p.toString().contains(".partial-")).toList()) {
        assertThat(Files.readString(aside, UTF_8)).doesNotEndWith("\r\n");
      }
    }
  }

  private static List<String> expected(long unit) {
    List<String> values = new ArrayList<>(TestUnits.programming(unit).values());
    values.addAll(
        List.of("100-0012-01", "Acme Electronics, Ltd.", "Shenzhen-2", "PROG-01", "1.10"));
    return values;
  }

  /** The station process, and what it printed: when it was ready, the last unit it confirmed. */
  private static final class Child {
    final Process process;
    final Path errorFile;
    final CountDownLatch ready = new CountDownLatch(1);
    final AtomicLong confirmed = new AtomicLong();
    final Thread output;

    private Child(Process process, Path errorFile) {
      this.process = process;
      this.errorFile = errorFile;
      this.output = new Thread(this::read, "station-output");
      output.setDaemon(true);
      output.start();
    }

    static Child start(Path folder, long firstUnit) throws IOException {
      Path errors = Files.createTempFile(folder, "station", ".err");
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Process process =
          new ProcessBuilder(
                  java,
                  "-cp",
                  System.getProperty("java.class.path"),
                  AppendingStation.class.getName(),
                  folder.toString(),
                  Long.toString(firstUnit))
              .redirectError(errors.toFile())
              .start();
      return new Child(process, errors);
    }

    private void read() {
      try (BufferedReader lines =
          new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          if (line.equals("ready")) {
            ready.countDown();
          } else if (!line.isBlank()) {
            confirmed.set(Long.parseLong(line.strip()));
          }
        }
      } catch (IOException | NumberFormatException e) {
        // The process was killed mid-line; what was confirmed before stands.
      }
    }

    String errors() {
      try {
        return Files.readString(errorFile, UTF_8);
      } catch (IOException e) {
        return e.toString();
      }
    }
  }
}
