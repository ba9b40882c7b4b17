package io.shipready.backoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.shipready.backoffice.ingest.IngestOutcome;
import io.shipready.backoffice.ingest.Ingester;
import io.shipready.backoffice.ingest.SampleFactoryFiles;
import io.shipready.store.ServiceDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PostgreSQL server goes away while files arrive: ingestion pauses (the pass ends quietly,
 * nothing is rejected and the files stay where they arrived) and takes them all when the server is
 * back. Skipped, saying how to run it, when no server is given.
 */
class DatabaseAwayTest {
  @TempDir Path folder;
  private final TestClock clock = new TestClock(Instant.parse("2026-03-02T08:00:00Z"));
  private String server;
  private String schema;

  @AfterEach
  void dropSchema() throws Exception {
    if (schema != null) {
      Postgres.dropSchema(server, schema);
    }
  }

  @Test
  void ingestionPausesWhileTheDatabaseIsAwayAndTakesEveryFileWhenItIsBack() throws Exception {
    server = Postgres.url();
    assumeTrue(server != null, Postgres.HOW_TO_ENABLE);
    schema = Postgres.newSchema();
    DataFolder data = new DataFolder(folder.resolve("data"));
    Path acme = Files.createDirectories(data.incoming("acme"));
    Path globex = Files.createDirectories(data.incoming("globex"));
    try (LoopbackProxy proxy = LoopbackProxy.to(server);
        ServiceDatabase db =
            ServiceDatabase.open(
                proxy.through(Postgres.withSchema(server, schema)),
                BackofficeServer.MIGRATIONS,
                BackofficeServer.HISTORY_TABLE)) {
      Ingester ingester =
          Ingester.builder(db, data).worker("w").clock(clock).settle(Duration.ZERO).build();
      SampleFactoryFiles.programming(acme.resolve("01_PC-1_before_20250115+0800.afero"), 1, 3);
      assertThat(ingester.runOnce()).extracting(IngestOutcome::state).containsExactly("completed");

      proxy.stop();
      SampleFactoryFiles.programming(acme.resolve("01_PC-1_away_20250115+0800.afero"), 10, 3);
      SampleFactoryFiles.programming(globex.resolve("01_PC-2_away_20250115+0800.afero"), 20, 3);

      assertThat(ingester.runOnce()).isEmpty();
      assertThat(ingester.paused()).isTrue();
      // Paused: a pass before the next try does not touch the database.
      assertThat(ingester.runOnce()).isEmpty();
      assertThat(acme.resolve("01_PC-1_away_20250115+0800.afero")).exists();
      assertThat(globex.resolve("01_PC-2_away_20250115+0800.afero")).exists();

      proxy.start();
      // The pool may still hold a connection cut with the relay; the pass that finds it pauses
      // again for a moment, and the next one takes the files.
      List<IngestOutcome> taken = new ArrayList<>();
      for (int pass = 0; pass < 5 && taken.size() < 2; pass++) {
        clock.advance(Duration.ofMinutes(1));
        taken.addAll(ingester.runOnce());
      }
      assertThat(taken)
          .extracting(IngestOutcome::fileName, IngestOutcome::state)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple("01_PC-1_away_20250115+0800.afero", "completed"),
              org.assertj.core.groups.Tuple.tuple("01_PC-2_away_20250115+0800.afero", "completed"));
      assertThat(ingester.paused()).isFalse();
    }
  }
}
