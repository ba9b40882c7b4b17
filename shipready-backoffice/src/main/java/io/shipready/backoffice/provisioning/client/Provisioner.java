package io.shipready.backoffice.provisioning.client;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Provisions units through the Particle-shaped API: for each unit, import, activate its SIM, add to
 * the group (made once if missing), rename after its serial and claim, as the plan says. Units run
 * concurrently, requests are paced by the server's quota ({@link Pacer}), each operation done is
 * written to the {@link Journal} before it counts, and operations the journal holds are skipped.
 */
public final class Provisioner {
  /** Operation names, the same as the server's operations table. */
  public static final String IMPORT = "import";

  public static final String SIM = "sim_activate";
  public static final String GROUP_CREATE = "group_create";
  public static final String GROUP_ADD = "group_add";
  public static final String RENAME = "rename";
  public static final String CLAIM = "claim";

  private final ProvisionPlan plan;
  private final Journal journal;
  private final ApiCaller api;
  private final String productPath;
  private final AtomicReference<String> stopped = new AtomicReference<>();

  public Provisioner(ProvisionPlan plan, String token, Journal journal) {
    this.plan = requireNonNull(plan, "plan");
    this.journal = requireNonNull(journal, "journal");
    this.api =
        new ApiCaller(
            plan.api(),
            requireNonNull(token, "token"),
            new Pacer(plan.concurrency(), Clock.systemUTC()),
            plan.maxAttempts());
    this.productPath = "/v1/products/" + encode(plan.product());
  }

  /** Runs every unit; calls {@code progress} as each one ends. */
  public ProvisionReport run(List<UnitRow> units, Consumer<UnitResult> progress)
      throws InterruptedException {
    long started = System.nanoTime();
    List<UnitResult> results = new ArrayList<>(units.size());
    try {
      if (plan.group() != null) {
        ensureGroup();
      }
    } catch (ApiCallException failed) {
      stopped.set("group " + plan.group() + ": " + failed.getMessage());
    }
    ExecutorService workers = Executors.newFixedThreadPool(plan.concurrency(), daemon());
    try {
      List<Future<UnitResult>> futures = new ArrayList<>(units.size());
      for (UnitRow unit : units) {
        futures.add(
            workers.submit(
                () -> {
                  UnitResult result = provision(unit);
                  progress.accept(result);
                  return result;
                }));
      }
      for (Future<UnitResult> future : futures) {
        try {
          results.add(future.get());
        } catch (ExecutionException bug) {
          throw new IllegalStateException("a unit's worker failed", bug.getCause());
        }
      }
    } finally {
      workers.shutdownNow();
    }
    return new ProvisionReport(
        results,
        api.requests(),
        api.throttled(),
        api.retries(),
        Duration.ofNanos(System.nanoTime() - started),
        stopped.get());
  }

  private UnitResult provision(UnitRow unit) throws InterruptedException {
    List<String> done = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    String product = plan.product();
    String id = unit.deviceId();
    List<String[]> steps = new ArrayList<>();
    steps.add(new String[] {IMPORT, id, ""});
    if (plan.activateSims()) {
      steps.add(new String[] {SIM, unit.iccid(), ""});
    }
    if (plan.group() != null) {
      steps.add(new String[] {GROUP_ADD, id, plan.group()});
    }
    if (plan.nameFromSerial()) {
      steps.add(new String[] {RENAME, id, unit.serial()});
    }
    if (plan.claim()) {
      steps.add(new String[] {CLAIM, id, ""});
    }
    for (String[] step : steps) {
      String operation = step[0];
      if (journal.isDone(product, operation, step[1], step[2])) {
        skipped.add(operation);
        continue;
      }
      String reason = stopped.get();
      if (reason != null) {
        return new UnitResult(
            unit,
            done.isEmpty() ? UnitResult.State.NOT_ATTEMPTED : UnitResult.State.FAILED,
            done,
            skipped,
            operation,
            "run stopped: " + reason);
      }
      try {
        perform(operation, unit);
      } catch (RunStoppedException refused) {
        stopped.compareAndSet(null, refused.getMessage());
        return new UnitResult(
            unit, UnitResult.State.FAILED, done, skipped, operation, refused.getMessage());
      } catch (ApiCallException failed) {
        return new UnitResult(
            unit, UnitResult.State.FAILED, done, skipped, operation, failed.getMessage());
      }
      journal.record(product, operation, step[1], step[2]);
      done.add(operation);
    }
    return new UnitResult(unit, UnitResult.State.DONE, done, skipped, null, null);
  }

  private void perform(String operation, UnitRow unit) throws InterruptedException {
    String id = unit.deviceId();
    switch (operation) {
      case IMPORT -> {
        String form = "id=" + encode(id);
        if (unit.serial() != null) {
          form += "&serial_number=" + encode(unit.serial());
        }
        ApiCaller.Answer answer = api.form("POST", productPath + "/devices", form);
        refuseUnless(answer, "import");
        listedAs(answer, id, "nonmemberDeviceIds", "belongs to another product");
        listedAs(answer, id, "invalidDeviceIds", "was refused as an invalid device id");
      }
      case SIM -> {
        ApiCaller.Answer answer =
            api.form("POST", productPath + "/sims", "sims%5B%5D=" + encode(unit.iccid()));
        refuseUnless(answer, "SIM activation");
        listedAs(
            answer, unit.iccid(), "invalidSims", "was refused (invalid, or in another product)");
      }
      case GROUP_ADD -> {
        ApiCaller.Answer answer =
            api.json(
                "PUT",
                productPath + "/devices",
                Map.of(
                    "action", "groups",
                    "devices", List.of(id),
                    "metadata", Map.of("add", List.of(plan.group()))));
        refuseUnless(answer, "adding to group " + plan.group());
        listedAs(answer, id, "invalidDeviceIds", "is not in the product");
      }
      case RENAME ->
          refuseUnless(
              api.form(
                  "PUT", productPath + "/devices/" + encode(id), "name=" + encode(unit.serial())),
              "rename");
      case CLAIM -> refuseUnless(api.form("POST", "/v1/devices", "id=" + encode(id)), "claim");
      default -> throw new IllegalArgumentException(operation);
    }
  }

  private void ensureGroup() throws InterruptedException {
    String product = plan.product();
    if (journal.isDone(product, GROUP_CREATE, plan.group(), "")) {
      return;
    }
    ApiCaller.Answer found = api.get(productPath + "/groups/" + encode(plan.group()));
    if (found.status() == 404) {
      ApiCaller.Answer made =
          api.form(
              "POST",
              productPath + "/groups",
              "name="
                  + encode(plan.group())
                  + "&description="
                  + encode("provisioned by shipready"));
      refuseUnless(made, "creating group " + plan.group());
    } else {
      refuseUnless(found, "reading group " + plan.group());
    }
    journal.record(product, GROUP_CREATE, plan.group(), "");
  }

  private static void refuseUnless(ApiCaller.Answer answer, String what) {
    if (answer.ok()) {
      return;
    }
    if (answer.status() == 403) {
      // A token without the scope, or for another product: every unit would be refused alike.
      throw new RunStoppedException(403, what + " refused: " + answer.error());
    }
    throw new ApiCallException(answer.status(), what + " refused: " + answer.error());
  }

  private static void listedAs(
      ApiCaller.Answer answer, String value, String field, String meaning) {
    JsonNode list = answer.body().get(field);
    if (list != null && list.isArray()) {
      for (JsonNode item : list) {
        if (item.asText().equalsIgnoreCase(value)) {
          throw new ApiCallException(answer.status(), value + " " + meaning + " (" + field + ")");
        }
      }
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static java.util.concurrent.ThreadFactory daemon() {
    return runnable -> {
      Thread thread = new Thread(runnable, "provision-worker");
      thread.setDaemon(true);
      return thread;
    };
  }
}
