package io.shipready.backoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.shipready.backoffice.ingest.IngestBenchmark;
import io.shipready.core.Spread;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ingestion benchmark runs its rounds and reports their spread; figures themselves are for
 * {@code bench ingest}, never judged here. The PostgreSQL part is skipped, saying how to run it,
 * when no server is given.
 */
class IngestBenchmarkTest {
  @TempDir Path folder;

  @Test
  void everyRoundIsReportedWithItsSpread() throws Exception {
    Path work = Files.createDirectories(folder.resolve("work"));
    IngestBenchmark.Result result = new IngestBenchmark(50, 3, null, work).run();

    assertThat(result.rounds()).hasSize(3);
    assertThat(result.postgres()).isFalse();
    assertOrdered(result.sqliteSeconds());
    assertThat(result.rounds()).allSatisfy(r -> assertThat(r.bareCopySeconds()).isNegative());
    assertThat(work).as("the work folder is removed").doesNotExist();
  }

  @Test
  void postgresPathsAreMeasuredBesideBothBareCopies() throws Exception {
    String server = Postgres.url();
    assumeTrue(server != null, Postgres.HOW_TO_ENABLE);
    IngestBenchmark.Result result =
        new IngestBenchmark(50, 2, server, Files.createDirectories(folder.resolve("work"))).run();

    assertThat(result.rounds())
        .hasSize(2)
        .allSatisfy(
            r -> {
              assertThat(r.postgresCopySeconds()).isPositive();
              assertThat(r.postgresBatchSeconds()).isPositive();
              assertThat(r.keyedCopySeconds()).isPositive();
              assertThat(r.bareCopySeconds()).isPositive();
            });
    assertOrdered(result.postgresCopySeconds());
    assertOrdered(result.bareCopySeconds());
    assertThat(result.copyRatio())
        .isEqualTo(result.bareCopySeconds().median() / result.postgresCopySeconds().median());
  }

  @Test
  void roundsMustBeAtLeastOne() {
    assertThatThrownBy(() -> new IngestBenchmark(10, 0, null, folder))
        .hasMessageContaining("--rounds must be at least 1");
  }

  private static void assertOrdered(Spread spread) {
    assertThat(spread.min()).isPositive().isLessThanOrEqualTo(spread.median());
    assertThat(spread.median()).isLessThanOrEqualTo(spread.max());
  }
}
