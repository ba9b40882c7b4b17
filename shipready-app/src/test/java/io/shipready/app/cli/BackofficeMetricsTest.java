package io.shipready.app.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shipready.app.Main;
import io.shipready.app.metrics.PrometheusText;
import io.shipready.backoffice.BackofficeServer;
import io.shipready.backoffice.DataFolder;
import io.shipready.backoffice.ingest.SampleFactoryFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The back office of {@code shipready backoffice serve}, scraped at {@code /metrics} after it
 * ingested a good and a malformed file and answered API calls, some refused by the rate limit.
 */
class BackofficeMetricsTest {
  private static final String GOOD = "01_LINE-PC-3_acme-plug_20250115+0800.afero";
  private static final String BAD = "01_LINE-PC-3_acme-plug_20250116+0800.afero";
  private static final String DEVICE = "0123456789abcdef01234567";

  @TempDir Path folder;
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aScrapeCountsIngestApiRequestsRateLimitRefusalsAndOperations() throws Exception {
    Path data = folder.resolve("data");
    BackofficeServeCommand serve = new BackofficeServeCommand();
    new CommandLine(serve)
        .parseArgs(
            "--data", data.toString(),
            "--host", "127.0.0.1",
            "--http", "0",
            "--sftp", "0",
            "--poll-ms", "50",
            "--settle-ms", "0",
            "--provision-rate-limit", "3/1m");
    try (BackofficeServer server = serve.start()) {
      String base = "http://127.0.0.1:" + server.httpPort();
      Path incoming = new DataFolder(data).incoming("acme");
      Files.createDirectories(incoming);
      // Files arrive whole, as an upload's rename makes them.
      Path good = folder.resolve(GOOD);
      SampleFactoryFiles.programming(good, 1, 3);
      Files.move(good, incoming.resolve(GOOD), StandardCopyOption.ATOMIC_MOVE);
      Path bad = folder.resolve(BAD);
      SampleFactoryFiles.programming(bad, 10, 2);
      Files.writeString(
          bad, Files.readString(bad).replace(SampleFactoryFiles.deviceId(11), "NOT-HEX"));
      Files.move(bad, incoming.resolve(BAD), StandardCopyOption.ATOMIC_MOVE);
      awaitIngested(base, 2);

      String token = token(data.resolve("backoffice.db"));
      String devices = base + "/v1/products/tracker/devices";
      assertThat(post(devices, token).statusCode()).isEqualTo(200);
      assertThat(post(devices, token).statusCode()).as("the same import again").isEqualTo(200);
      assertThat(post(devices, null).statusCode()).isEqualTo(401);
      assertThat(post(devices, token).statusCode()).isEqualTo(200);
      assertThat(post(devices, token).statusCode())
          .as("the fourth in a window of 3")
          .isEqualTo(429);
      assertThat(get(base + "/no/such/page").statusCode()).isEqualTo(404);

      HttpResponse<String> scraped = get(base + "/metrics");
      assertThat(scraped.statusCode()).isEqualTo(200);
      assertThat(scraped.headers().firstValue("Content-Type").orElse(""))
          .startsWith("text/plain; version=0.0.4");
      PrometheusText metrics = PrometheusText.parse(scraped.body());

      assertThat(metrics.type("shipready_ingest_files_total")).isEqualTo("counter");
      assertThat(
              metrics.value(
                  "shipready_ingest_files_total", "factory", "acme", "state", "completed"))
          .isEqualTo(1);
      assertThat(
              metrics.value("shipready_ingest_files_total", "factory", "acme", "state", "rejected"))
          .isEqualTo(1);
      assertThat(metrics.value("shipready_ingest_rows_total", "factory", "acme")).isEqualTo(3);

      String route = "/v1/products/{product}/devices";
      assertThat(metrics.value("shipready_api_requests_total", "route", route, "status", "200"))
          .isEqualTo(3);
      assertThat(metrics.value("shipready_api_requests_total", "route", route, "status", "401"))
          .isEqualTo(1);
      assertThat(metrics.value("shipready_api_requests_total", "route", route, "status", "429"))
          .isEqualTo(1);
      assertThat(metrics.value("shipready_api_rate_limited_total", "route", route)).isEqualTo(1);
      assertThat(
              metrics.sum(
                  "shipready_api_requests_total",
                  "route",
                  "/v1/factories/{factory}/receipts/{day}",
                  "status",
                  "200"))
          .isPositive();
      assertThat(
              metrics.value("shipready_api_requests_total", "route", "unmatched", "status", "404"))
          .isEqualTo(1);

      assertThat(
              metrics.value(
                  "shipready_provisioning_operations_total", "kind", "import", "result", "applied"))
          .as("one device imported")
          .isEqualTo(1);
      assertThat(
              metrics.value(
                  "shipready_provisioning_operations_total",
                  "kind",
                  "import",
                  "result",
                  "repeated"))
          .as("imported twice more, applied once")
          .isEqualTo(2);
    }
  }

  private void awaitIngested(String base, int files) throws Exception {
    String receipts = base + "/v1/factories/acme/receipts/" + LocalDate.now(ZoneOffset.UTC);
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (true) {
      HttpResponse<String> response = get(receipts);
      int done = 0;
      if (response.statusCode() == 200) {
        for (JsonNode entry : new ObjectMapper().readTree(response.body())) {
          String state = entry.path("state").asText();
          if (state.equals("completed") || state.equals("rejected")) {
            done++;
          }
        }
      }
      if (done == files) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not ingested: " + response.body());
      }
      Thread.sleep(50);
    }
  }

  /** A provisioning token, made the way an operator makes one. */
  private static String token(Path database) {
    StringWriter out = new StringWriter();
    CommandLine commandLine = Main.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(new StringWriter(), true));
    int exit =
        commandLine.execute(
            "backoffice",
            "token",
            "create",
            "--product",
            "tracker",
            "--scope",
            "all",
            "--db",
            database.toString());
    assertThat(exit).isZero();
    return out.toString().strip();
  }

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String url, String token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("id=" + DEVICE, UTF_8));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
