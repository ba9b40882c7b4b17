package io.shipready.backoffice;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.shipready.backoffice.ingest.IngestOutcome;
import io.shipready.backoffice.ingest.Ingester;
import io.shipready.backoffice.ingest.SampleFactoryFiles;
import io.shipready.output.afero.AferoFileType;
import io.shipready.store.ServiceDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A file that cannot be taken in is dealt with on its own: rejected once when its content is at
 * fault, tried again later (a few times) when it is not, and in either case the other factories'
 * files are taken meanwhile. On SQLite and PostgreSQL (skipped, saying how to run it, without a
 * server).
 */
class BadFilesDoNotStopIngestionTest {
  private static final String BAD = "01_PC-1_acme-plug_20250115+0800.afero";
  private static final String GOOD = "01_PC-2_globex-plug_20250115+0800.afero";

  @TempDir Path folder;
  private final TestClock clock = new TestClock(Instant.parse("2026-03-02T08:00:00Z"));

  @ParameterizedTest
  @ValueSource(strings = {IngestDatabase.SQLITE, IngestDatabase.POSTGRESQL})
  void aNulByteIsRejectedOnceAndTheNextFactorysFileIsTaken(String kind) throws Exception {
    DataFolder data = new DataFolder(folder.resolve("data"));
    Path bad = Files.createDirectories(data.incoming("acme")).resolve(BAD);
    SampleFactoryFiles.programming(bad, 1, 3);
    // The manufacturer of the second unit (line 3), a quoted field holding a comma, gets a NUL.
    String text = Files.readString(bad, UTF_8);
    int second = text.indexOf('\n', text.indexOf('\n') + 1);
    int at = text.indexOf("Acme Electronics", second) + 4;
    Files.writeString(bad, text.substring(0, at) + '\0' + text.substring(at), UTF_8);

    try (IngestDatabase database = IngestDatabase.of(kind, folder);
        ServiceDatabase db = database.open()) {
      Ingester ingester = ingester(db, data);
      ingester.discover();
      clock.advance(Duration.ofMinutes(1));
      SampleFactoryFiles.programming(
          Files.createDirectories(data.incoming("globex")).resolve(GOOD), 100, 5);

      List<IngestOutcome> outcomes = ingester.runOnce();

      assertThat(outcomes).extracting(IngestOutcome::fileName).containsExactly(BAD, GOOD);
      assertThat(outcomes.get(0).state()).isEqualTo("rejected");
      assertThat(outcomes.get(0).reason())
          .startsWith("line 3, field manufacturer: a NUL byte (0x00)")
          .contains("send the file again");
      assertThat(outcomes.get(1).state()).isEqualTo("completed");
      assertThat(outcomes.get(1).rows()).isEqualTo(5);
      assertThat(registeredUnits(db)).isEqualTo(5);
      // Rejected once: a later pass does not take it again.
      clock.advance(Duration.ofHours(2));
      assertThat(ingester.runOnce()).isEmpty();
      assertThat(data.factory("acme").resolve("rejected").resolve(BAD + ".reason.txt"))
          .content()
          .contains(BAD + ": line 3, field manufacturer: a NUL byte");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {IngestDatabase.SQLITE, IngestDatabase.POSTGRESQL})
  void overlongLinesAndFieldsAreRejectedNamingWhere(String kind) throws Exception {
    DataFolder data = new DataFolder(folder.resolve("data"));
    Path incoming = Files.createDirectories(data.incoming("acme"));
    String header = AferoFileType.PROGRAMMING.header();
    // A "line" of a megabyte of short fields with no line break: refused once 64 KiB are read.
    Files.writeString(
        incoming.resolve("01_PC-1_long-line_20250115+0800.afero"),
        header + "x,".repeat(1 << 19),
        UTF_8);
    Files.writeString(
        incoming.resolve("01_PC-1_long-field_20250115+0800.afero"),
        header
            + SampleFactoryFiles.programmingRow(2)
                .replace(SampleFactoryFiles.deviceId(2), "A".repeat(300)),
        UTF_8);

    try (IngestDatabase database = IngestDatabase.of(kind, folder);
        ServiceDatabase db = database.open()) {
      List<IngestOutcome> outcomes = ingester(db, data).runOnce();

      assertThat(outcomes).extracting(IngestOutcome::state).containsExactly("rejected", "rejected");
      assertThat(outcomes)
          .extracting(IngestOutcome::reason)
          .containsExactlyInAnyOrder(
              "line 2, field device_id: the field is longer than 256 characters; no value of a"
                  + " factory file is that long",
              "line 2: the line is longer than 64 KiB; a factory file has one short row per"
                  + " unit, each ended by a line break");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {IngestDatabase.SQLITE, IngestDatabase.POSTGRESQL})
  void aFileThatCannotBeReadIsTriedLaterThenRejected(String kind) throws Exception {
    DataFolder data = new DataFolder(folder.resolve("data"));
    Path unreadable = Files.createDirectories(data.incoming("acme")).resolve(BAD);
    SampleFactoryFiles.programming(unreadable, 1, 3);

    try (IngestDatabase database = IngestDatabase.of(kind, folder);
        ServiceDatabase db = database.open()) {
      Ingester ingester = ingester(db, data);
      ingester.discover();
      // No fault of the file: the disk gives a folder where the file was received.
      Files.delete(unreadable);
      Files.createDirectory(unreadable);
      clock.advance(Duration.ofMinutes(1));
      SampleFactoryFiles.programming(
          Files.createDirectories(data.incoming("globex")).resolve(GOOD), 100, 5);

      assertThat(ingester.runOnce()).extracting(IngestOutcome::fileName).containsExactly(GOOD);
      assertThat(attempts(db)).isEqualTo(1);
      assertThat(ingester.receipts().list("acme", "2026-03-02").get(0).reason())
          .isEqualTo(
              "waiting: attempt 1 of 5 failed for a fault of the receiving side; next attempt at"
                  + " 2026-03-02T08:02:00Z");
      // Tried again 1, 2, 4 and 8 minutes later, never before.
      for (int minutes : new int[] {1, 2, 4}) {
        clock.advance(Duration.ofMinutes(minutes).minusSeconds(1));
        assertThat(ingester.runOnce()).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(ingester.runOnce()).isEmpty();
      }
      assertThat(attempts(db)).isEqualTo(4);
      clock.advance(Duration.ofMinutes(8));
      List<IngestOutcome> last = ingester.runOnce();

      assertThat(last).extracting(IngestOutcome::state).containsExactly("rejected");
      assertThat(last.get(0).reason())
          .startsWith("could not be taken in after 5 attempts")
          .contains("not of the file")
          .doesNotContain(folder.toString());
      assertThat(lastError(db)).contains("Is a directory");
      clock.advance(Duration.ofHours(2));
      assertThat(ingester.runOnce()).isEmpty();
    }
  }

  private Ingester ingester(ServiceDatabase db, DataFolder data) {
    return Ingester.builder(db, data).worker("w").clock(clock).settle(Duration.ZERO).build();
  }

  private static long registeredUnits(ServiceDatabase db) {
    return db.jdbi()
        .withHandle(
            h -> h.createQuery("SELECT COUNT(*) FROM registered_units").mapTo(Long.class).one());
  }

  private static String lastError(ServiceDatabase db) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT last_error FROM ingest_files WHERE file_name = ?")
                    .bind(0, BAD)
                    .mapTo(String.class)
                    .one());
  }

  private static int attempts(ServiceDatabase db) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT attempts FROM ingest_files WHERE file_name = ?")
                    .bind(0, BAD)
                    .mapTo(Integer.class)
                    .one());
  }
}
