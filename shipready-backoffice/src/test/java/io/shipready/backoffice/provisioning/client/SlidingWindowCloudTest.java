package io.shipready.backoffice.provisioning.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client against a cloud whose limit slides, as Particle's per-address one does: a request
 * counts for exactly one window from when it was accepted, {@code X-RateLimit-Reset} is when the
 * oldest counted request leaves the window (so {@code Remaining} comes back a few at a time, not
 * all at once), and a refusal is a 429 with {@code Retry-After}. A hand-written stand-in with
 * Particle's paths, as Particle's own limit cannot be run here.
 */
class SlidingWindowCloudTest {
  private static final int LIMIT = 40;
  private static final long WINDOW_MILLIS = 2000;

  @TempDir Path dir;

  private final Deque<Long> counted = new ArrayDeque<>();
  private final List<Long> acceptedAt = new ArrayList<>();
  private int refused;

  /** The sliding window: answers 429 and returns false when it is full. */
  private synchronized boolean admit(Context ctx) {
    long now = System.currentTimeMillis();
    while (!counted.isEmpty() && counted.peekFirst() <= now - WINDOW_MILLIS) {
      counted.pollFirst();
    }
    ctx.header("X-RateLimit-Limit", Integer.toString(LIMIT));
    if (counted.size() >= LIMIT) {
      long freeAt = counted.peekFirst() + WINDOW_MILLIS;
      refused++;
      ctx.header("X-RateLimit-Remaining", "0");
      ctx.header("X-RateLimit-Reset", Long.toString((freeAt + 999) / 1000));
      ctx.header("Retry-After", Long.toString(Math.max(1, (freeAt - now + 999) / 1000)));
      ctx.status(429).json(Map.of("ok", false, "error", "Too many requests"));
      return false;
    }
    counted.addLast(now);
    acceptedAt.add(now);
    ctx.header("X-RateLimit-Remaining", Integer.toString(LIMIT - counted.size()));
    ctx.header(
        "X-RateLimit-Reset", Long.toString((counted.peekFirst() + WINDOW_MILLIS + 999) / 1000));
    return true;
  }

  private void answer(Context ctx, String target) {
    if (admit(ctx)) {
      ctx.json(
          Map.of("ok", true, "updatedDeviceIds", List.of(target), "existingDeviceIds", List.of()));
    }
  }

  @Test
  void pacesAgainstASlidingWindowWithoutFailing() throws Exception {
    ProvisionReport report = provision(ProvisionPlan.FOUND);
    // Sized by what is left over the time until the oldest request leaves, the client sends about
    // as fast as requests leave the window: a 429 is rare.
    assertThat(report.throttled()).as(report.summary()).isLessThan(LIMIT);
  }

  @Test
  void aFixedConcurrencyBurstsIntoTheWindowAndStillNeverFails() throws Exception {
    // 16 at once, whatever the quota: after each reset the client finds how much came back by
    // sending, and any 429 waits for its Retry-After or the reset.
    ProvisionReport report = provision(16);
    assertThat(report.inFlight().found()).isFalse();
  }

  /** Provisions 40 units against the stand-in; checks every unit is done, never over the limit. */
  private ProvisionReport provision(int concurrency) throws Exception {
    Javalin cloud = Javalin.create(config -> config.showJavalinBanner = false);
    cloud.post("/v1/products/{p}/devices", ctx -> answer(ctx, ctx.formParam("id")));
    cloud.put("/v1/products/{p}/devices/{id}", ctx -> answer(ctx, ctx.pathParam("id")));
    cloud.post("/v1/devices", ctx -> answer(ctx, ctx.formParam("id")));
    cloud.start("127.0.0.1", 0);
    try {
      // 40 units x 3 requests: the first window's 40 at once, then 20 a second as they slide out.
      List<UnitRow> units = UnitCsv.read(ProvisionerTest.csv(dir, 40), true, false);
      ProvisionPlan plan =
          new ProvisionPlan(
              URI.create("http://127.0.0.1:" + cloud.port()),
              "1337",
              null,
              true,
              true,
              false,
              concurrency,
              4);
      ProvisionReport report;
      try (Journal journal = Journal.open(dir.resolve("j"))) {
        report = new Provisioner(plan, "particle-token", journal).run(units, u -> {});
      }
      assertThat(report.clean()).as(report.table()).isTrue();
      synchronized (this) {
        assertThat(acceptedAt).hasSize(40 * 3);
        assertThat(refused).isEqualTo(report.throttled());
        // The window is counted by the server: no request over the limit was ever accepted.
        for (int i = LIMIT; i < acceptedAt.size(); i++) {
          assertThat(acceptedAt.get(i) - acceptedAt.get(i - LIMIT))
              .isGreaterThanOrEqualTo(WINDOW_MILLIS);
        }
      }
      return report;
    } finally {
      cloud.stop();
    }
  }
}
