package io.shipready.backoffice.provisioning.client;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Provisions units through the Particle-shaped API: for each unit, import, activate its SIM, add to
 * the group (made once if missing), rename and claim, as its row says or, where the row is silent,
 * as the plan says. Units run concurrently, requests are paced by the server's quota ({@link
 * Pacer}), each operation that ends is told to the {@link OperationListener}, each one done is
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
  private final OperationListener listener;
  private final AtomicReference<String> stopped = new AtomicReference<>();

  public Provisioner(ProvisionPlan plan, String token, Journal journal) {
    this(plan, token, journal, OperationListener.NONE);
  }

  public Provisioner(
      ProvisionPlan plan, String token, Journal journal, OperationListener listener) {
    this.plan = requireNonNull(plan, "plan");
    this.journal = requireNonNull(journal, "journal");
    this.listener = requireNonNull(listener, "listener");
    this.api =
        new ApiCaller(
            plan.api(),
            requireNonNull(token, "token"),
            plan.concurrencyFound()
                ? Pacer.found(Clock.systemUTC())
                : Pacer.fixed(plan.concurrency(), Clock.systemUTC()),
            plan.maxAttempts());
  }

  /** What the unit's row asks for, its empty cells filled from the plan. */
  private record Intent(
      String product, String group, String name, boolean claim, boolean activateSim) {
    String productPath() {
      return "/v1/products/" + encode(product);
    }
  }

  private Intent intent(UnitRow unit) {
    String product = unit.product() != null ? unit.product() : plan.product();
    if (product == null) {
      // UnitCsv.check refuses such a row; a caller that did not check it gets told here.
      throw new ProvisionInputException(
          "line " + unit.line() + ": no product for " + unit.deviceId() + "; give --product P");
    }
    return new Intent(
        product,
        unit.group() != null ? unit.group() : plan.group(),
        unit.name() != null ? unit.name() : plan.nameFromSerial() ? unit.serial() : null,
        unit.claim() != null ? unit.claim() : plan.claim(),
        unit.activateSim() != null ? unit.activateSim() : plan.activateSims());
  }

  /** Runs every unit; calls {@code progress} as each one ends. */
  public ProvisionReport run(List<UnitRow> units, Consumer<UnitResult> progress)
      throws InterruptedException {
    long started = System.nanoTime();
    List<UnitResult> results = new ArrayList<>(units.size());
    // Every group a unit joins, made once each before any unit needs it.
    record ProductGroup(String product, String group) {}
    Set<ProductGroup> groups = new LinkedHashSet<>();
    for (UnitRow unit : units) {
      Intent intent = intent(unit);
      if (intent.group() != null) {
        groups.add(new ProductGroup(intent.product(), intent.group()));
      }
    }
    for (ProductGroup group : groups) {
      try {
        ensureGroup(group.product(), group.group());
      } catch (ApiCallException failed) {
        stopped.set("group " + group.group() + ": " + failed.getMessage());
        break;
      }
    }
    // A worker per request that may be in flight: most wait in the pacer while the limit is low.
    ExecutorService workers =
        Executors.newFixedThreadPool(
            Math.max(1, Math.min(plan.maxInFlight(), units.size())), daemon());
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
        api.inFlight(),
        stopped.get());
  }

  private UnitResult provision(UnitRow unit) throws InterruptedException {
    List<String> done = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    Intent intent = intent(unit);
    String product = intent.product();
    String id = unit.deviceId();
    List<String[]> steps = new ArrayList<>();
    steps.add(new String[] {IMPORT, id, ""});
    if (intent.activateSim()) {
      steps.add(new String[] {SIM, unit.iccid(), ""});
    }
    if (intent.group() != null) {
      steps.add(new String[] {GROUP_ADD, id, intent.group()});
    }
    if (intent.name() != null) {
      steps.add(new String[] {RENAME, id, intent.name()});
    }
    if (intent.claim()) {
      steps.add(new String[] {CLAIM, id, ""});
    }
    for (String[] step : steps) {
      String operation = step[0];
      String target = step[2].isEmpty() ? step[1] : step[2];
      if (journal.isDone(product, operation, step[1], step[2])) {
        skipped.add(operation);
        continue;
      }
      String reason = stopped.get();
      if (reason != null) {
        tell(
            unit,
            operation,
            product,
            target,
            CompletedOperation.Result.NOT_ATTEMPTED,
            0,
            "run stopped: " + reason);
        return new UnitResult(
            unit,
            done.isEmpty() ? UnitResult.State.NOT_ATTEMPTED : UnitResult.State.FAILED,
            done,
            skipped,
            operation,
            "run stopped: " + reason);
      }
      int status;
      try {
        status = perform(operation, unit, intent);
      } catch (RunStoppedException refused) {
        stopped.compareAndSet(null, refused.getMessage());
        tell(
            unit,
            operation,
            product,
            target,
            CompletedOperation.Result.FAILED,
            refused.status(),
            refused.getMessage());
        return new UnitResult(
            unit, UnitResult.State.FAILED, done, skipped, operation, refused.getMessage());
      } catch (ApiCallException failed) {
        tell(
            unit,
            operation,
            product,
            target,
            CompletedOperation.Result.FAILED,
            failed.status(),
            failed.getMessage());
        return new UnitResult(
            unit, UnitResult.State.FAILED, done, skipped, operation, failed.getMessage());
      }
      try {
        tell(unit, operation, product, target, CompletedOperation.Result.DONE, status, "");
      } catch (RuntimeException notRecorded) {
        // Not journaled either: the next run asks for it again and records it then.
        String why = "cannot record " + operation + ": " + notRecorded.getMessage();
        stopped.compareAndSet(null, why);
        return new UnitResult(unit, UnitResult.State.FAILED, done, skipped, operation, why);
      }
      journal.record(product, operation, step[1], step[2]);
      done.add(operation);
    }
    return new UnitResult(unit, UnitResult.State.DONE, done, skipped, null, null);
  }

  /** Tells the listener; a failure to record a failure does not hide the failure itself. */
  private void tell(
      UnitRow unit,
      String operation,
      String product,
      String target,
      CompletedOperation.Result result,
      int status,
      String message) {
    CompletedOperation ended =
        new CompletedOperation(
            unit, operation, product, target, result, status, message, Instant.now());
    if (result == CompletedOperation.Result.DONE) {
      listener.ended(ended);
      return;
    }
    try {
      listener.ended(ended);
    } catch (RuntimeException notRecorded) {
      stopped.compareAndSet(null, "cannot record " + operation + ": " + notRecorded.getMessage());
    }
  }

  /** Sends the operation's request; returns the answer's HTTP status. */
  private int perform(String operation, UnitRow unit, Intent intent) throws InterruptedException {
    String id = unit.deviceId();
    String productPath = intent.productPath();
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
        return answer.status();
      }
      case SIM -> {
        ApiCaller.Answer answer =
            api.form("POST", productPath + "/sims", "sims%5B%5D=" + encode(unit.iccid()));
        refuseUnless(answer, "SIM activation");
        listedAs(
            answer, unit.iccid(), "invalidSims", "was refused (invalid, or in another product)");
        return answer.status();
      }
      case GROUP_ADD -> {
        ApiCaller.Answer answer =
            api.json(
                "PUT",
                productPath + "/devices",
                Map.of(
                    "action", "groups",
                    "devices", List.of(id),
                    "metadata", Map.of("add", List.of(intent.group()))));
        refuseUnless(answer, "adding to group " + intent.group());
        listedAs(answer, id, "invalidDeviceIds", "is not in the product");
        return answer.status();
      }
      case RENAME -> {
        ApiCaller.Answer answer =
            api.form(
                "PUT", productPath + "/devices/" + encode(id), "name=" + encode(intent.name()));
        refuseUnless(answer, "rename");
        return answer.status();
      }
      case CLAIM -> {
        ApiCaller.Answer answer = api.form("POST", "/v1/devices", "id=" + encode(id));
        refuseUnless(answer, "claim");
        return answer.status();
      }
      default -> throw new IllegalArgumentException(operation);
    }
  }

  private void ensureGroup(String product, String group) throws InterruptedException {
    if (journal.isDone(product, GROUP_CREATE, group, "")) {
      return;
    }
    String productPath = "/v1/products/" + encode(product);
    ApiCaller.Answer found = api.get(productPath + "/groups/" + encode(group));
    if (found.status() == 404) {
      ApiCaller.Answer made =
          api.form(
              "POST",
              productPath + "/groups",
              "name=" + encode(group) + "&description=" + encode("provisioned by shipready"));
      refuseUnless(made, "creating group " + group);
    } else {
      refuseUnless(found, "reading group " + group);
    }
    journal.record(product, GROUP_CREATE, group, "");
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
