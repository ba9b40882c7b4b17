package io.shipready.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.shipready.backoffice.provisioning.AppliedOperation;
import io.shipready.backoffice.provisioning.ProvisioningFeature;
import io.shipready.backoffice.provisioning.ProvisioningSettings;
import io.shipready.backoffice.provisioning.auth.Scope;
import io.shipready.backoffice.provisioning.ratelimit.RateLimit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code shipready provision} and {@code shipready backoffice token create} against the back
 * office's provisioning API, started in this JVM on a loopback port.
 */
class ProvisionCommandTest {
  private static final int UNITS = 400;
  private static final int CONCURRENCY = 16;

  @TempDir Path dir;
  ProvisioningFeature feature;
  Javalin app;

  @BeforeEach
  void start() {
    // A limit and a latency that make the batch last a few seconds, so the kill lands inside it.
    feature =
        ProvisioningFeature.open(
            ProvisioningSettings.builder(dir.resolve("backoffice.db").toString())
                .rateLimit(RateLimit.parse("200/1s"))
                .addedLatency(Duration.ofMillis(10))
                .build());
    app = Javalin.create(config -> config.showJavalinBanner = false);
    feature.addTo(app);
    app.start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    app.stop();
    feature.close();
  }

  private String api() {
    return "http://127.0.0.1:" + app.port();
  }

  private Path csv(int units) throws Exception {
    List<String> lines = new ArrayList<>();
    lines.add("device_id,serial");
    for (int i = 0; i < units; i++) {
      lines.add(String.format(Locale.ROOT, "e00fce68%016x,WDG-%05d", i, i));
    }
    Path file = dir.resolve("units.csv");
    Files.write(file, lines);
    return file;
  }

  private Process client(Path csv, String token, Path log) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        List.of(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName(),
            "provision",
            "--api",
            api(),
            "--product",
            "widget-v1",
            "--group",
            "line-a",
            "--name-from",
            "serial",
            "--claim",
            "--concurrency",
            Integer.toString(CONCURRENCY),
            "--no-progress",
            csv.toString());
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("SHIPREADY_API_TOKEN", token);
    builder.environment().remove("PARTICLE_ACCESS_TOKEN");
    return builder.start();
  }

  @Test
  void aClientKilledMidBatchAndRunAgainAppliesEveryOperationExactlyOnce() throws Exception {
    String token = feature.tokens().create("widget-v1", EnumSet.allOf(Scope.class)).secret();
    Path csv = csv(UNITS);
    int total = UNITS * 4 + 1;

    Process first = client(csv, token, dir.resolve("first.log"));
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (feature.appliedOperations().size() < total / 4
        && first.isAlive()
        && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(first.isAlive())
        .as("the first run is still going: %s", Files.readString(dir.resolve("first.log")))
        .isTrue();
    first.destroyForcibly(); // SIGKILL: no shutdown hook, no last flush
    assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
    int appliedAtKill = feature.appliedOperations().size();
    assertThat(appliedAtKill).as("killed mid-batch").isBetween(1, total - 1);

    Process second = client(csv, token, dir.resolve("second.log"));
    assertThat(second.waitFor(5, TimeUnit.MINUTES)).isTrue();
    String output = Files.readString(dir.resolve("second.log"));
    assertThat(second.exitValue()).as(output).isZero();
    assertThat(output).contains(UNITS + " units: " + UNITS + " done, 0 failed");

    List<AppliedOperation> applied = feature.appliedOperations();
    Map<String, Integer> perKind = new HashMap<>();
    int repeats = 0;
    for (AppliedOperation op : applied) {
      perKind.merge(op.kind(), 1, Integer::sum);
      repeats += op.repeats();
    }
    // The table's key is (product, kind, target, detail): each row is one operation applied once.
    assertThat(applied).hasSize(total);
    assertThat(perKind)
        .containsEntry("import", UNITS)
        .containsEntry("group_add", UNITS)
        .containsEntry("rename", UNITS)
        .containsEntry("claim", UNITS)
        .containsEntry("group_create", 1);
    // Only requests in flight at the kill (applied by the server, not yet in the journal) may be
    // sent again; the server answers them as already done.
    assertThat(repeats).isLessThanOrEqualTo(CONCURRENCY);
    System.out.printf(
        "kill test: %d of %d operations applied at the kill; %d asked again after it%n",
        appliedAtKill, total, repeats);

    // A third run finds everything in the journal and sends nothing.
    Process third = client(csv, token, dir.resolve("third.log"));
    assertThat(third.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(third.exitValue()).isZero();
    assertThat(Files.readString(dir.resolve("third.log"))).contains("0 requests");
  }

  @Test
  void aBadRowIsRefusedWithExitTwoNamingTheLine() throws Exception {
    Path csv = dir.resolve("bad.csv");
    Files.writeString(csv, "device_id,serial\ne00fce680000000000000001,WDG-1\nnot-an-id,WDG-2\n");
    Path tokenFile = dir.resolve("token");
    Files.writeString(
        tokenFile, feature.tokens().create("widget-v1", EnumSet.allOf(Scope.class)).secret());
    CommandLineRun run =
        CommandLineRun.of(
            "provision",
            "--api",
            api(),
            "--product",
            "widget-v1",
            "--name-from",
            "serial",
            "--token-file",
            tokenFile.toString(),
            "--no-progress",
            csv.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("bad.csv line 3, column device_id").contains("24 hexadecimal");
    assertThat(feature.appliedOperations()).isEmpty();
  }

  @Test
  void aFailedUnitMakesExitOneAndIsReported() throws Exception {
    Path csv = csv(3);
    Path tokenFile = dir.resolve("token");
    // The device on line 3 belongs to another product already.
    String other = feature.tokens().create("gadget-v2", EnumSet.allOf(Scope.class)).secret();
    Files.writeString(tokenFile, other);
    CommandLineRun.of(
        "provision",
        "--api",
        api(),
        "--product",
        "gadget-v2",
        "--token-file",
        tokenFile.toString(),
        "--no-progress",
        csv(3).toString());
    List<String> lines = Files.readAllLines(csv);
    Files.write(csv, List.of(lines.get(0), lines.get(1)));
    Path mine = dir.resolve("mine.csv");
    Files.write(mine, List.of("device_id,serial", "e00fce68aaaaaaaaaaaaaaaa,WDG-A", lines.get(2)));
    Files.writeString(
        tokenFile, feature.tokens().create("widget-v1", EnumSet.allOf(Scope.class)).secret());
    CommandLineRun run =
        CommandLineRun.of(
            "provision",
            "--api",
            api(),
            "--product",
            "widget-v1",
            "--claim",
            "--json",
            "--token-file",
            tokenFile.toString(),
            "--no-progress",
            mine.toString());
    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    JsonNode report = new ObjectMapper().readTree(run.out());
    assertThat(report.get("done").asInt()).isEqualTo(1);
    assertThat(report.get("failed").asInt()).isEqualTo(1);
    JsonNode failed = report.get("results").get(1);
    assertThat(failed.get("state").asText()).isEqualTo("failed");
    assertThat(failed.get("failed_operation").asText()).isEqualTo("import");
    assertThat(failed.get("message").asText()).contains("another product");
  }

  @Test
  void tokenCreatePrintsATokenThatTheApiAccepts() throws Exception {
    Path db = dir.resolve("tokens.db");
    CommandLineRun run =
        CommandLineRun.of(
            "backoffice",
            "token",
            "create",
            "--db",
            db.toString(),
            "--product",
            "widget-v1",
            "--scope",
            "devices:import,devices:claim");
    assertThat(run.exitCode()).as(run.err()).isZero();
    String token = run.out().trim();
    assertThat(token).startsWith("srt_");
    assertThat(run.err()).contains("devices:import").doesNotContain(token);
    try (ProvisioningFeature other =
        ProvisioningFeature.open(ProvisioningSettings.builder(db.toString()).build())) {
      var principal = other.tokens().verify(token).orElseThrow();
      assertThat(principal.product()).isEqualTo("widget-v1");
      assertThat(principal.scopes())
          .containsExactlyInAnyOrder(Scope.DEVICES_IMPORT, Scope.DEVICES_CLAIM);
    }
    assertThat(
            CommandLineRun.of(
                    "backoffice",
                    "token",
                    "create",
                    "--db",
                    db.toString(),
                    "--product",
                    "w",
                    "--scope",
                    "devices:everything")
                .exitCode())
        .isNotZero();
  }

  @Test
  void theBenchmarkRunsAndReportsItsFigures() throws Exception {
    CommandLineRun run =
        CommandLineRun.of(
            "bench",
            "provision",
            "--units",
            "20",
            "--serial-units",
            "2",
            "--rate",
            "100",
            "--latency",
            "1ms",
            "--rounds",
            "2",
            "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode figures = new ObjectMapper().readTree(run.out());
    // Two rounds of each client, each 20 units of 4 requests and its group.
    assertThat(figures.get("operations_expected").asInt()).isEqualTo(2 * 2 * (20 * 4 + 1));
    assertThat(figures.get("operations_applied").asInt())
        .isEqualTo(figures.get("operations_expected").asInt());
    for (String client : List.of("found", "fixed")) {
      JsonNode c = figures.get(client);
      assertThat(c.get("failed_units").asInt()).as(client).isZero();
      JsonNode fraction = c.get("fraction_of_limit");
      assertThat(fraction.get("median").asDouble()).as(client).isPositive();
      assertThat(fraction.get("min").asDouble())
          .isLessThanOrEqualTo(fraction.get("median").asDouble());
      assertThat(fraction.get("max").asDouble())
          .isGreaterThanOrEqualTo(fraction.get("median").asDouble());
    }
    assertThat(figures.get("fixed").get("in_flight_median").asInt()).isEqualTo(32);
    assertThat(figures.get("found").get("in_flight_median").asInt()).isBetween(1, 512);
  }
}
