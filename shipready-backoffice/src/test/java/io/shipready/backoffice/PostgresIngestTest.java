package io.shipready.backoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.shipready.backoffice.ingest.IngestOutcome;
import io.shipready.backoffice.ingest.Ingester;
import io.shipready.backoffice.ingest.SampleFactoryFiles;
import io.shipready.output.afero.AferoFileType;
import io.shipready.output.factoryfile.Csv;
import io.shipready.store.ServiceDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two back-office processes over one PostgreSQL database and one data folder split the work without
 * taking the same file twice. Skipped, saying how to run it, when no server is given.
 */
class PostgresIngestTest {
  private static final int FILES = 16;
  private static final int ROWS = 400;

  @TempDir Path folder;
  private String server;
  private String schema;

  @BeforeEach
  void needsPostgres() {
    server = Postgres.url();
    assumeTrue(server != null, Postgres.HOW_TO_ENABLE);
    schema = Postgres.newSchema();
  }

  @AfterEach
  void dropSchema() throws Exception {
    if (server != null) {
      Postgres.dropSchema(server, schema);
    }
  }

  @Test
  void twoIngestersNeverTakeTheSameFile() throws Exception {
    DataFolder data = new DataFolder(folder.resolve("data"));
    Path acme = Files.createDirectories(data.incoming("acme"));
    for (int i = 0; i < FILES; i++) {
      SampleFactoryFiles.programming(
          acme.resolve(String.format("01_PC-%02d_acme-plug_20250115+0800.afero", i)),
          1 + (long) i * ROWS,
          ROWS);
    }
    String url = Postgres.withSchema(server, schema);
    try (ServiceDatabase first =
            ServiceDatabase.open(url, BackofficeServer.MIGRATIONS, BackofficeServer.HISTORY_TABLE);
        ServiceDatabase second =
            ServiceDatabase.open(
                url, BackofficeServer.MIGRATIONS, BackofficeServer.HISTORY_TABLE)) {
      // One loads with COPY, the other with batched INSERTs: both paths run.
      Ingester a =
          Ingester.builder(first, data).worker("a").settle(Duration.ZERO).copy(true).build();
      Ingester b =
          Ingester.builder(second, data).worker("b").settle(Duration.ZERO).copy(false).build();
      CountDownLatch go = new CountDownLatch(1);
      CompletableFuture<List<IngestOutcome>> byA = CompletableFuture.supplyAsync(() -> run(a, go));
      CompletableFuture<List<IngestOutcome>> byB = CompletableFuture.supplyAsync(() -> run(b, go));
      go.countDown();
      List<IngestOutcome> all = new ArrayList<>(byA.get());
      all.addAll(byB.get());

      assertThat(all).extracting(IngestOutcome::state).containsOnly("completed");
      assertThat(all).hasSize(FILES);
      Set<String> distinct = new HashSet<>();
      all.forEach(o -> distinct.add(o.sha256()));
      assertThat(distinct).as("no file was taken twice").hasSize(FILES);
      assertThat(byA.get()).as("both took a share").isNotEmpty();
      assertThat(byB.get()).as("both took a share").isNotEmpty();
      long units =
          first
              .jdbi()
              .withHandle(
                  h ->
                      h.createQuery("SELECT COUNT(*) FROM registered_units")
                          .mapTo(Long.class)
                          .one());
      assertThat(units).isEqualTo((long) FILES * ROWS);
      try (var completed = Files.list(data.factory("acme").resolve(DataFolder.COMPLETED))) {
        assertThat(completed).hasSize(FILES);
      }

      // RSSI rows are cross-checked on PostgreSQL too: one unknown unit is flagged.
      SampleFactoryFiles.rssi(
          acme.resolve("02_RSSI-PC_acme-plug_20250115+0800.afero"),
          AferoFileType.WIFI_RSSI,
          1,
          ROWS,
          999_999);
      assertThat(a.runOnce()).extracting(IngestOutcome::state).containsExactly("completed");
      List<String> flagged =
          first
              .jdbi()
              .withHandle(
                  h ->
                      h.createQuery("SELECT device_id FROM rssi_results WHERE flag IS NOT NULL")
                          .mapTo(String.class)
                          .list());
      assertThat(flagged).containsExactly(SampleFactoryFiles.deviceId(999_999));
    }
  }

  @Test
  void copyAndBatchedInsertsStoreTheSameText() throws Exception {
    // Every character the COPY text format escapes, and some it passes as they are.
    String manufacturer = "Acme \\ \"Best\", Ltd.\tÜnïcode \\N \\.";
    DataFolder data = new DataFolder(folder.resolve("data"));
    Path acme = Files.createDirectories(data.incoming("acme"));
    String url = Postgres.withSchema(server, schema);
    try (ServiceDatabase db =
        ServiceDatabase.open(url, BackofficeServer.MIGRATIONS, BackofficeServer.HISTORY_TABLE)) {
      for (boolean copy : new boolean[] {true, false}) {
        long unit = copy ? 1 : 2;
        Files.writeString(
            acme.resolve("01_PC-0" + unit + "_acme-plug_20250115+0800.afero"),
            AferoFileType.PROGRAMMING.header()
                + SampleFactoryFiles.programmingRow(unit)
                    .replace("\"Acme Electronics, Ltd.\"", Csv.field(manufacturer)));
        Ingester ingester =
            Ingester.builder(db, data).worker("w").settle(Duration.ZERO).copy(copy).build();
        assertThat(ingester.runOnce())
            .extracting(IngestOutcome::state)
            .containsExactly("completed");
      }
      List<String> stored =
          db.jdbi()
              .withHandle(
                  h ->
                      h.createQuery("SELECT manufacturer FROM registered_units ORDER BY device_id")
                          .mapTo(String.class)
                          .list());
      assertThat(stored).containsExactly(manufacturer, manufacturer);
    }
  }

  private static List<IngestOutcome> run(Ingester ingester, CountDownLatch go) {
    try {
      go.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    List<IngestOutcome> outcomes = new ArrayList<>();
    ingester.discover();
    for (var next = ingester.ingestNext(); next.isPresent(); next = ingester.ingestNext()) {
      outcomes.add(next.get());
    }
    return outcomes;
  }
}
