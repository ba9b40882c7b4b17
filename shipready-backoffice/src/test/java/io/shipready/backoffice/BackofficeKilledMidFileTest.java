package io.shipready.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import io.shipready.backoffice.ingest.IngestOutcome;
import io.shipready.backoffice.ingest.Ingester;
import io.shipready.backoffice.ingest.SampleFactoryFiles;
import io.shipready.store.ServiceDatabase;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A back office killed while it held a file: restarted on the same host, it takes the file back at
 * once instead of waiting out the 30-minute lease, because the process that claimed it no longer
 * runs. A claim of a process that still runs, or of another host, keeps its lease.
 */
class BackofficeKilledMidFileTest {
  private static final String NAME = "01_PC-1_acme-plug_20250115+0800.afero";

  @TempDir Path folder;
  private final TestClock clock = new TestClock(Instant.parse("2026-03-02T08:00:00Z"));

  @ParameterizedTest
  @ValueSource(strings = {IngestDatabase.SQLITE, IngestDatabase.POSTGRESQL})
  void aClaimOfAKilledProcessOfThisHostIsTakenBackAtOnce(String kind) throws Exception {
    DataFolder data = new DataFolder(folder.resolve("data"));
    SampleFactoryFiles.programming(
        Files.createDirectories(data.incoming("acme")).resolve(NAME), 1, 3);
    // The back office that is killed: a real process of this host holding the claim.
    Process killed = new ProcessBuilder("sleep", "600").start();
    try (IngestDatabase database = IngestDatabase.of(kind, folder);
        ServiceDatabase db = database.open()) {
      Ingester restarted = ingester(db, data);
      restarted.discover();
      claimAs(db, localHost(), killed.toHandle());

      // While the claiming process runs, its claim stands.
      assertThat(restarted.runOnce()).isEmpty();

      killed.destroyForcibly();
      assertThat(killed.waitFor(10, TimeUnit.SECONDS)).isTrue();
      assertThat(restarted.runOnce())
          .extracting(IngestOutcome::fileName, IngestOutcome::state)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(NAME, "completed"));
    } finally {
      killed.destroyForcibly();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {IngestDatabase.SQLITE, IngestDatabase.POSTGRESQL})
  void anotherHostsClaimKeepsItsLease(String kind) throws Exception {
    DataFolder data = new DataFolder(folder.resolve("data"));
    SampleFactoryFiles.programming(
        Files.createDirectories(data.incoming("acme")).resolve(NAME), 1, 3);
    Process ended = new ProcessBuilder("true").start();
    ended.waitFor(10, TimeUnit.SECONDS);
    try (IngestDatabase database = IngestDatabase.of(kind, folder);
        ServiceDatabase db = database.open()) {
      Ingester ingester = ingester(db, data);
      ingester.discover();
      // A pid that runs nowhere here says nothing of a process on another host.
      claimAs(db, "another-host.example", ended.toHandle());

      clock.advance(Duration.ofMinutes(29));
      assertThat(ingester.runOnce()).isEmpty();
      clock.advance(Duration.ofMinutes(2));
      assertThat(ingester.runOnce()).extracting(IngestOutcome::state).containsExactly("completed");
    }
  }

  private Ingester ingester(ServiceDatabase db, DataFolder data) {
    return Ingester.builder(db, data)
        .worker("restarted")
        .clock(clock)
        .settle(Duration.ZERO)
        .build();
  }

  /** Writes the claim as the ingester of {@code process} on {@code host} records one. */
  private void claimAs(ServiceDatabase db, String host, ProcessHandle process) {
    Long started = process.info().startInstant().map(Instant::toEpochMilli).orElse(null);
    db.writeJdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "UPDATE ingest_files SET state = 'ingesting', claimed_by = ?,"
                            + " claimed_at = ?, claimed_host = ?, claimed_pid = ?,"
                            + " claimed_started = ? WHERE file_name = ?")
                    .bind(0, host + "-" + process.pid())
                    .bind(1, clock.millis())
                    .bind(2, host)
                    .bind(3, process.pid())
                    .bind(4, started)
                    .bind(5, NAME)
                    .execute());
  }

  private static String localHost() throws Exception {
    return InetAddress.getLocalHost().getHostName();
  }
}
