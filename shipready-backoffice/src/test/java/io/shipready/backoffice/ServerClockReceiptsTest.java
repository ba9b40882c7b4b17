package io.shipready.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import io.shipready.backoffice.ingest.IngestOutcome;
import io.shipready.backoffice.ingest.Ingester;
import io.shipready.backoffice.ingest.Receipts;
import io.shipready.backoffice.ingest.SampleFactoryFiles;
import io.shipready.store.ServiceDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A file is received when the back office sees it, by the back office's clock: a modification time
 * in 2100 neither keeps the file from being taken nor dates its receipt, and one from 2001 does not
 * put it on a receipt of 2001.
 */
class ServerClockReceiptsTest {
  private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

  @TempDir Path folder;

  @ParameterizedTest
  @ValueSource(strings = {IngestDatabase.SQLITE, IngestDatabase.POSTGRESQL})
  void receivedAtIsTheServersClockNotTheFilesTime(String kind) throws Exception {
    DataFolder data = new DataFolder(folder.resolve("data"));
    Path incoming = Files.createDirectories(data.incoming("acme"));
    Path future = incoming.resolve("01_PC-1_future_20250115+0800.afero");
    Path past = incoming.resolve("01_PC-1_past_20250115+0800.afero");
    SampleFactoryFiles.programming(future, 1, 2);
    SampleFactoryFiles.programming(past, 10, 2);
    Files.setLastModifiedTime(future, FileTime.from(Instant.parse("2100-01-01T00:00:00Z")));
    Files.setLastModifiedTime(past, FileTime.from(Instant.parse("2001-01-01T00:00:00Z")));

    try (IngestDatabase database = IngestDatabase.of(kind, folder);
        ServiceDatabase db = database.open()) {
      Ingester ingester =
          Ingester.builder(db, data)
              .worker("w")
              .clock(new TestClock(NOW))
              .settle(Duration.ofSeconds(2))
              .build();

      assertThat(ingester.runOnce())
          .extracting(IngestOutcome::state)
          .containsExactly("completed", "completed");
      assertThat(ingester.receipts().list("acme", "2026-03-02"))
          .extracting(Receipts.Entry::receivedAt)
          .containsExactly(NOW.toString(), NOW.toString());
      assertThat(ingester.receipts().list("acme", "2100-01-01")).isEmpty();
      assertThat(ingester.receipts().list("acme", "2001-01-01")).isEmpty();
    }
  }
}
