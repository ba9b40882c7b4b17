package io.shipready.backoffice.provisioning.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client against a cloud that misbehaves as real ones do: answers 503 now and then, 429 with
 * only a Retry-After (no quota headers, as a proxy in front of an API may), and applies a request
 * whose answer it then loses. A hand-written stand-in for Particle's Cloud API, which cannot run
 * here; it keeps Particle's paths and answer shapes.
 */
class FlakyCloudTest {
  @TempDir Path dir;

  private final Map<String, AtomicInteger> applied = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> answersLost = new ConcurrentHashMap<>();
  private final AtomicInteger requests = new AtomicInteger();

  private void answer(Context ctx, String operation, String target) {
    int n = requests.incrementAndGet();
    if (n % 37 == 0) {
      ctx.status(429)
          .header("Retry-After", "1")
          .json(Map.of("ok", false, "error", "Too many requests"));
      return;
    }
    if (n % 11 == 0) {
      ctx.status(503).json(Map.of("ok", false, "error", "Service unavailable"));
      return;
    }
    String key = operation + " " + target;
    applied.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    if (n % 13 == 0) {
      answersLost.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
      // Applied, but the answer is lost on the way: the client must retry, and the retry must be
      // harmless (a real cloud answers it as already done, so does this one).
      ctx.status(502).json(Map.of("ok", false, "error", "Bad gateway"));
      return;
    }
    ctx.json(
        Map.of("ok", true, "updatedDeviceIds", List.of(target), "existingDeviceIds", List.of()));
  }

  @Test
  void retriesThroughFaultsAndFinishesEveryUnit() throws Exception {
    Javalin cloud = Javalin.create(config -> config.showJavalinBanner = false);
    cloud.post("/v1/products/{p}/devices", ctx -> answer(ctx, "import", ctx.formParam("id")));
    cloud.get(
        "/v1/products/{p}/groups/{g}",
        ctx -> ctx.status(404).json(Map.of("ok", false, "error", "not found")));
    cloud.post(
        "/v1/products/{p}/groups",
        ctx -> ctx.status(201).json(Map.of("group", Map.of("name", ctx.formParam("name")))));
    cloud.put(
        "/v1/products/{p}/devices",
        ctx -> answer(ctx, "group_add", ctx.bodyAsClass(Map.class).get("devices").toString()));
    cloud.put("/v1/products/{p}/devices/{id}", ctx -> answer(ctx, "rename", ctx.pathParam("id")));
    cloud.post("/v1/devices", ctx -> answer(ctx, "claim", ctx.formParam("id")));
    cloud.start("127.0.0.1", 0);
    try {
      List<UnitRow> units = UnitCsv.read(ProvisionerTest.csv(dir, 60), true, false);
      ProvisionPlan plan =
          new ProvisionPlan(
              URI.create("http://127.0.0.1:" + cloud.port()),
              "1337",
              "line-a",
              true,
              true,
              false,
              8,
              8);
      ProvisionReport report;
      try (Journal journal = Journal.open(dir.resolve("j"))) {
        report = new Provisioner(plan, "particle-token", journal).run(units, u -> {});
      }
      assertThat(report.clean()).as(report.table()).isTrue();
      assertThat(report.throttled()).isPositive();
      assertThat(report.retries()).isGreaterThan(report.throttled());
      // Every operation reached the cloud; each was sent again once per answer lost on the way
      // (the same operation can lose its answer more than once), and never otherwise.
      assertThat(applied).hasSize(60 * 4);
      applied.forEach(
          (operation, count) -> {
            AtomicInteger lost = answersLost.get(operation);
            assertThat(count.get()).as(operation).isEqualTo(1 + (lost == null ? 0 : lost.get()));
          });
    } finally {
      cloud.stop();
    }
  }
}
