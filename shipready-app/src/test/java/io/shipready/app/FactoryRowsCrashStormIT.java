package io.shipready.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.shipready.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A storm of SIGKILLs on a real Afero programming station (a child process writing {@code 01} rows
 * and module labels into SQLite records), each restart retesting many of the same modules, then one
 * station run to its end. Afterwards the records are sound, every row in a factory file belongs to
 * a run whose PASS is stored, no module is twice in a day's file, and no row is left queued.
 *
 * <p>{@code -Dshipready.storm.kills=N} sets the number of kills (default 100); {@code
 * -Dshipready.storm.seed} repeats a storm.
 */
class FactoryRowsCrashStormIT {
  private static final Path PROGRAMMING = Path.of("..", "lines", "afero-asr", "programming.yaml");

  @Test
  void killedStationsNeverLeaveARowWithoutAStoredPassNorAUnitTwiceInADaysFile(@TempDir Path dir)
      throws Exception {
    int kills = Integer.getInteger("shipready.storm.kills", 100);
    long seed = Long.getLong("shipready.storm.seed", System.nanoTime());
    System.out.println("crash storm: " + kills + " kills, seed " + seed);
    Random random = new Random(seed);
    Path config = AferoLineTest.filledConfig(dir);
    Path db = dir.resolve("station.db");
    long started = System.nanoTime();
    int killed = 0;
    for (int round = 1; killed < kills; round++) {
      Path log = dir.resolve("round-" + round + ".log");
      // Five batches over and over: most modules of a round were in an earlier one.
      Process station = startStation(config, db, round % 5, log);
      // Mostly while units run, timed from the first step shown; now and then while starting.
      boolean duringStartUp = random.nextInt(4) == 0;
      if (!duringStartUp) {
        awaitFirstStep(station, log);
      }
      long killAfter = duringStartUp ? random.nextInt(900) : 200 + random.nextInt(2000);
      if (!station.waitFor(killAfter, TimeUnit.MILLISECONDS)) {
        station.destroyForcibly();
        station.waitFor(10, TimeUnit.SECONDS);
        killed++;
      }
    }
    // One start that runs to its end settles what the killed ones left queued.
    Process last = startStation(config, db, 0, dir.resolve("last.log"));
    assertThat(last.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(last.exitValue()).as(Files.readString(dir.resolve("last.log"))).isZero();
    long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);

    try (Store store = Store.open(db.toString())) {
      assertThat(store.checkIntegrity()).isEqualTo("ok");
      assertThat(store.closeOpenRuns("AF-PROG-1", "check")).isEmpty();
    }
    int rows = 0;
    int withoutPass = 0;
    int twice = 0;
    try (Connection records = DriverManager.getConnection("jdbc:sqlite:" + db);
        PreparedStatement outcome =
            records.prepareStatement(
                "SELECT r.outcome FROM factory_file_rows f JOIN runs r ON r.id = f.run_key"
                    + " WHERE f.file_name = ? AND f.row_number = ? AND f.row_text = ?")) {
      for (Path file : programmingFiles(dir.resolve("out"))) {
        List<String> lines = Files.readAllLines(file);
        Set<String> units = new HashSet<>();
        for (int row = 1; row < lines.size(); row++) {
          rows++;
          if (!units.add(lines.get(row).split(",", -1)[8])) {
            twice++;
          }
          outcome.setString(1, file.getFileName().toString());
          outcome.setLong(2, row);
          outcome.setString(3, lines.get(row));
          try (ResultSet result = outcome.executeQuery()) {
            if (!result.next() || !"PASS".equals(result.getString(1))) {
              withoutPass++;
            }
          }
        }
      }
      int held = count(records, "SELECT COUNT(*) FROM factory_rows_held");
      System.out.printf(
          "crash storm: %d kills in %d s; %d rows in the 01 files, %d held (retests),"
              + " %d without a stored PASS, %d units twice in a day's file%n",
          killed, seconds, rows, held, withoutPass, twice);
    }
    assertThat(rows).isPositive();
    assertThat(withoutPass).as("rows without a stored PASS").isZero();
    assertThat(twice).as("units twice in a day's file").isZero();
    try (Stream<Path> queued = Files.list(dir.resolve("out").resolve(".rows-queued"))) {
      assertThat(queued).as("rows left queued").isEmpty();
    }
  }

  private static int count(Connection records, String sql) throws Exception {
    try (var statement = records.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getInt(1);
    }
  }

  private static List<Path> programmingFiles(Path out) throws Exception {
    try (Stream<Path> files = Files.list(out)) {
      return new ArrayList<>(
          files
              .filter(f -> f.getFileName().toString().startsWith("01_"))
              .filter(f -> f.getFileName().toString().endsWith(".afero"))
              .toList());
    }
  }

  /** Waits until the station shows its first step (or ends), at most a minute. */
  private static void awaitFirstStep(Process station, Path log) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (station.isAlive() && System.nanoTime() < deadline) {
      if (Files.exists(log)
          && new String(Files.readAllBytes(log), java.nio.charset.StandardCharsets.UTF_8)
              .contains("[slot ")) {
        return;
      }
      Thread.sleep(20);
    }
  }

  private static Process startStation(Path config, Path db, int batch, Path log) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(
        List.of(
            "run",
            "--recipe",
            PROGRAMMING.toString(),
            "--simulate",
            "8",
            "--seed",
            Integer.toString(batch),
            "--fail-rate",
            "0.2",
            "--time-scale",
            "0.01",
            "--config",
            config.toString(),
            "--db",
            db.toString(),
            "--lines"));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }
}
