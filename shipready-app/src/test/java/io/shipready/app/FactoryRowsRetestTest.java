package io.shipready.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.shipready.backoffice.BackofficeServer;
import io.shipready.backoffice.DataFolder;
import io.shipready.backoffice.ingest.IngestOutcome;
import io.shipready.backoffice.ingest.Ingester;
import io.shipready.store.ServiceDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same batch of Afero modules through the programming station twice in one day (a retest of
 * every unit): the day's {@code 01} file keeps one row per module, the retest's rows are held in
 * the records and said so, and the back office takes the day's file whole.
 */
class FactoryRowsRetestTest {
  private static final Path PROGRAMMING = Path.of("..", "lines", "afero-asr", "programming.yaml");

  @Test
  void aRetestedUnitKeepsOneRowAndTheBackOfficeAcceptsTheDaysFile(@TempDir Path dir)
      throws Exception {
    Path config = AferoLineTest.filledConfig(dir);
    Path db = dir.resolve("line.db");
    CommandLineRun first = program(config, db);
    assertThat(first.exitCode()).as(first.err()).isZero();
    CommandLineRun retest = program(config, db);
    assertThat(retest.exitCode()).as(retest.err()).isZero();

    Path programmingFile = onlyFile(dir.resolve("out"), "01_");
    List<String> deviceIds = deviceIds(programmingFile);
    assertThat(deviceIds).isNotEmpty().doesNotHaveDuplicates();
    assertThat(retest.out())
        .contains("held (retested unit already in the day's file)")
        .contains("keeps the unit's row of run");

    CommandLineRun trace = CommandLineRun.of("trace", deviceIds.get(0), "--db", db.toString());
    assertThat(trace.out()).contains("held: " + programmingFile.getFileName());

    DataFolder data = new DataFolder(dir.resolve("backoffice"));
    Path incoming = Files.createDirectories(data.incoming("acme"));
    Files.copy(programmingFile, incoming.resolve(programmingFile.getFileName()));
    try (ServiceDatabase backoffice =
        ServiceDatabase.open(
            dir.resolve("backoffice.db").toString(),
            BackofficeServer.MIGRATIONS,
            BackofficeServer.HISTORY_TABLE)) {
      List<IngestOutcome> outcomes =
          Ingester.builder(backoffice, data).settle(Duration.ZERO).build().runOnce();
      assertThat(outcomes)
          .singleElement()
          .satisfies(
              outcome -> {
                assertThat(outcome.state()).as(outcome.reason()).isEqualTo("completed");
                assertThat(outcome.rows()).isEqualTo(deviceIds.size());
              });
    }
  }

  private static CommandLineRun program(Path config, Path db) {
    return CommandLineRun.of(
        "run",
        "--recipe",
        PROGRAMMING.toString(),
        "--simulate",
        "6",
        "--seed",
        "11",
        "--time-scale",
        "0.005",
        "--config",
        config.toString(),
        "--db",
        db.toString(),
        "--lines");
  }

  static Path onlyFile(Path folder, String prefix) throws Exception {
    try (Stream<Path> files = Files.list(folder)) {
      List<Path> matching =
          files.filter(f -> f.getFileName().toString().startsWith(prefix)).toList();
      assertThat(matching).hasSize(1);
      return matching.get(0);
    }
  }

  /** The device id of every row under the header (its ninth column). */
  static List<String> deviceIds(Path afero) throws Exception {
    List<String> lines = Files.readAllLines(afero);
    List<String> ids = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      ids.add(line.split(",", -1)[8]);
    }
    return ids;
  }
}
