package io.shipready.backoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.shipready.backoffice.ingest.IngestHttpFeature;
import io.shipready.backoffice.ingest.SampleFactoryFiles;
import io.shipready.backoffice.provisioning.ProvisioningFeature;
import io.shipready.backoffice.provisioning.ProvisioningSettings;
import io.shipready.backoffice.provisioning.auth.Scope;
import io.shipready.backoffice.provisioning.ratelimit.RateLimit;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two whole back offices (HTTP API, ingester, SFTP drop) on one PostgreSQL database and one data
 * folder, as a factory runs them side by side: together they never accept more than one limit's
 * worth of requests (counted by the operations the server applied, not by the client), and never
 * take a factory file in twice. Skipped, saying how to run it, when no server is given.
 */
class TwoBackofficesOnePostgresTest {
  private static final String PRODUCT = "widget-v1";
  private static final int THREADS = 16;
  // Both instances read this clock, so the test's window never rolls over while it runs.
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-02T10:20:00Z"), ZoneOffset.UTC);

  @TempDir Path folder;
  private String server;
  private String schema;
  private final List<BackofficeServer> started = new ArrayList<>();
  // The provisioning feature of each instance, in the order of started.
  private final List<ProvisioningFeature> apis = new ArrayList<>();
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeEach
  void needsPostgres() {
    server = Postgres.url();
    assumeTrue(server != null, Postgres.HOW_TO_ENABLE);
    schema = Postgres.newSchema();
  }

  @AfterEach
  void stop() throws Exception {
    for (BackofficeServer backoffice : started) {
      backoffice.close();
    }
    if (server != null) {
      Postgres.dropSchema(server, schema);
    }
  }

  @Test
  void twoInstancesNeverAcceptMoreThanOneTokensLimitTogether() throws Exception {
    List<BackofficeServer> both = startTwo(RateLimit.parse("200/1h"), null);
    String token = token(both.get(0));

    int[] answered = hammer(both, List.of(token), 600);

    int applied = provisioning(both.get(0)).appliedOperations().size();
    assertThat(applied)
        .as("requests accepted by both instances together, counted by the operations applied")
        .isEqualTo(200);
    assertThat(answered[0] + answered[1]).as("accepted, as the client saw it").isEqualTo(applied);
    assertThat(answered[0]).as("the first instance accepted a share").isPositive();
    assertThat(answered[1]).as("the second instance accepted a share").isPositive();
  }

  @Test
  void twoInstancesShareOneSourceAddressLimit() throws Exception {
    List<BackofficeServer> both = startTwo(RateLimit.parse("10000/1h"), RateLimit.parse("150/1h"));
    List<String> tokens = List.of(token(both.get(0)), token(both.get(1)));

    hammer(both, tokens, 450);

    assertThat(provisioning(both.get(1)).appliedOperations())
        .as("requests from loopback accepted by both instances, whichever token they carried")
        .hasSize(150);
  }

  @Test
  void twoInstancesTakeEachFactoryFileInOnce() throws Exception {
    List<BackofficeServer> both = startTwo(RateLimit.PARTICLE, null);
    DataFolder data = both.get(0).parts().data();
    Path incoming = Files.createDirectories(data.incoming("acme"));
    int files = 12;
    int rows = 300;
    for (int i = 0; i < files; i++) {
      // Written under a hidden name, then renamed, as an upload arrives: never taken half-written.
      Path hidden = incoming.resolve(".upload-" + i);
      SampleFactoryFiles.programming(hidden, 1 + (long) i * rows, rows);
      Files.move(
          hidden, incoming.resolve(String.format("01_PC-%02d_acme-plug_20250115+0800.afero", i)));
    }

    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (count(both.get(1), "SELECT COUNT(*) FROM ingest_files WHERE state = 'completed'")
        < files) {
      assertThat(System.nanoTime()).as("every file ingested within a minute").isLessThan(deadline);
      Thread.sleep(50);
    }
    // A little longer: a second take of a file would show now.
    Thread.sleep(500);
    assertThat(count(both.get(0), "SELECT COUNT(*) FROM ingest_files")).isEqualTo(files);
    assertThat(count(both.get(0), "SELECT COUNT(*) FROM ingest_receipts"))
        .as("one receipt per file, none marked a duplicate")
        .isEqualTo(files);
    assertThat(
            count(both.get(0), "SELECT COUNT(*) FROM ingest_receipts WHERE duplicate_of IS NULL"))
        .isEqualTo(files);
    assertThat(count(both.get(0), "SELECT COUNT(*) FROM registered_units"))
        .isEqualTo((long) files * rows);
    try (var completed = Files.list(data.factory("acme").resolve(DataFolder.COMPLETED))) {
      assertThat(completed).hasSize(files);
    }
  }

  /** Two back offices on the test's schema and one data folder, each with the provisioning API. */
  private List<BackofficeServer> startTwo(RateLimit perToken, RateLimit perSource) {
    String url = Postgres.withSchema(server, schema);
    for (String worker : List.of("a", "b")) {
      BackofficeSettings settings =
          new BackofficeSettings(
              "127.0.0.1",
              0,
              0,
              url,
              folder.resolve("data"),
              Duration.ofMillis(20),
              Duration.ZERO,
              TestBackoffice.TOKEN,
              worker);
      started.add(
          BackofficeServer.start(
              settings,
              parts -> {
                ProvisioningFeature api =
                    ProvisioningFeature.open(
                        ProvisioningSettings.builder(url)
                            .rateLimit(perToken)
                            .sourceRateLimit(perSource)
                            .clock(CLOCK)
                            .build());
                apis.add(api);
                return List.of(
                    new IngestHttpFeature(parts.ingester().receipts(), TestBackoffice.TOKEN), api);
              }));
    }
    return List.copyOf(started);
  }

  private ProvisioningFeature provisioning(BackofficeServer backoffice) {
    return apis.get(started.indexOf(backoffice));
  }

  private String token(BackofficeServer backoffice) {
    return provisioning(backoffice).tokens().create(PRODUCT, EnumSet.allOf(Scope.class)).secret();
  }

  private static long count(BackofficeServer backoffice, String query) {
    return backoffice
        .parts()
        .ingestDatabase()
        .jdbi()
        .withHandle(h -> h.createQuery(query).mapTo(Long.class).one());
  }

  /**
   * Imports {@code attempts} distinct devices from many threads at once, alternating between the
   * instances and the tokens; answers how many each instance accepted. Any answer but 200 or 429
   * fails the test.
   */
  private int[] hammer(List<BackofficeServer> both, List<String> tokens, int attempts)
      throws Exception {
    AtomicIntegerArray accepted = new AtomicIntegerArray(2);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> sent = new ArrayList<>();
      for (int i = 0; i < attempts; i++) {
        int n = i;
        sent.add(
            pool.submit(
                () -> {
                  int instance = n % 2;
                  HttpRequest request =
                      HttpRequest.newBuilder(
                              URI.create(
                                  "http://127.0.0.1:"
                                      + both.get(instance).httpPort()
                                      + "/v1/products/"
                                      + PRODUCT
                                      + "/devices"))
                          .header("Authorization", "Bearer " + tokens.get((n / 2) % tokens.size()))
                          .header("Content-Type", "application/x-www-form-urlencoded")
                          .POST(
                              HttpRequest.BodyPublishers.ofString(
                                  "id=" + String.format("e00f%020x", n)))
                          .build();
                  HttpResponse<String> answer =
                      http.send(request, HttpResponse.BodyHandlers.ofString());
                  assertThat(answer.statusCode()).as(answer.body()).isIn(200, 429);
                  if (answer.statusCode() == 200) {
                    accepted.incrementAndGet(instance);
                  }
                  return null;
                }));
      }
      for (Future<?> each : sent) {
        each.get();
      }
    } finally {
      pool.shutdownNow();
    }
    return new int[] {accepted.get(0), accepted.get(1)};
  }
}
