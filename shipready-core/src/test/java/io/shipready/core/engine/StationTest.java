package io.shipready.core.engine;

import static io.shipready.core.engine.TestRecipes.recipe;
import static io.shipready.core.engine.TestRecipes.step;
import static org.assertj.core.api.Assertions.assertThat;

import io.shipready.core.event.Event;
import io.shipready.core.event.SlotState;
import io.shipready.core.model.MeasurementSpec;
import io.shipready.core.model.OnFail;
import io.shipready.core.model.Outcome;
import io.shipready.core.model.RetryPolicy;
import io.shipready.core.model.RunResult;
import io.shipready.core.model.StepOutcome;
import io.shipready.core.model.StepResult;
import io.shipready.core.model.Validator;
import io.shipready.core.recipe.Recipe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StationTest {
  private final TestKinds kinds = new TestKinds();
  private final List<Event> events = Collections.synchronizedList(new ArrayList<>());

  /** The events so far, copied under the list's lock: slot threads may still be adding. */
  private List<Event> eventsSoFar() {
    synchronized (events) {
      return List.copyOf(events);
    }
  }

  private StationReport run(Recipe recipe, int slots, int units) {
    return station(recipe, slots).run(new TestUnits(units));
  }

  private Station station(Recipe recipe, int slots) {
    return Station.builder(recipe, kinds.library())
        .slots(Station.Builder.numberedSlots(slots))
        .events(events::add)
        .abandonGrace(Duration.ofMillis(300))
        .build();
  }

  private static StepResult stepOf(RunResult run, String id) {
    return run.steps().stream().filter(s -> s.stepId().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void runsEverySlotAtOnceEachUnitWithItsOwnRecord() {
    Recipe recipe = recipe(step("a", "work").with(Map.of("ms", 200L)).build());

    StationReport report = run(recipe, 8, 16);

    assertThat(report.runs()).hasSize(16).allMatch(r -> r.outcome() == Outcome.PASS);
    assertThat(report.runs()).extracting(RunResult::runId).doesNotHaveDuplicates();
    assertThat(report.runs())
        .extracting(RunResult::unitNumber)
        .containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16);
    assertThat(kinds.mostAtOnce.get()).isEqualTo(8);
  }

  @Test
  void eachSlotTakesItsFirstUnitBeforeAnyUnitBegins() {
    Recipe recipe = recipe(step("a", "work").with(Map.of("ms", 20L)).build());
    TestUnits units = new TestUnits(8);
    List<Boolean> takenBeforeAnyStep = Collections.synchronizedList(new ArrayList<>());

    StationReport report =
        station(recipe, 4)
            .run(
                slot -> {
                  synchronized (events) {
                    takenBeforeAnyStep.add(
                        events.stream().noneMatch(e -> e instanceof Event.StepStarted));
                  }
                  return units.next(slot);
                });

    // So they all start together: attaching a unit is not in the way of another slot's start.
    assertThat(report.runs()).hasSize(8).allMatch(r -> r.outcome() == Outcome.PASS);
    assertThat(takenBeforeAnyStep.subList(0, 4)).containsOnly(true);
    assertThat(takenBeforeAnyStep.subList(4, takenBeforeAnyStep.size())).containsOnly(false);
  }

  @Test
  void aSlotStillWaitingForItsUnitDoesNotHoldTheOthersBack() throws Exception {
    Recipe recipe = recipe(step("a", "work").with(Map.of("ms", 10L)).build());
    TestUnits units = new TestUnits(1);
    java.util.concurrent.CountDownLatch plugged = new java.util.concurrent.CountDownLatch(1);
    Station station = station(recipe, 2);

    CompletableFuture<StationReport> report =
        CompletableFuture.supplyAsync(
            () ->
                station.run(
                    slot -> {
                      if (slot.equals("2")) {
                        // Slot 2's unit never comes; it gives up only when slot 1 is done.
                        plugged.await(30, TimeUnit.SECONDS);
                        return java.util.Optional.empty();
                      }
                      return units.next(slot);
                    }));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (eventsSoFar().stream().noneMatch(e -> e instanceof Event.RunRecorded)
        && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    plugged.countDown();

    assertThat(eventsSoFar()).anyMatch(e -> e instanceof Event.RunRecorded);
    assertThat(report.get(20, TimeUnit.SECONDS).runs())
        .singleElement()
        .satisfies(r -> assertThat(r.slot()).isEqualTo("1"));
  }

  @Test
  void retriesAFailingStepUntilItPasses() {
    Recipe recipe =
        recipe(
            step("flaky", "work")
                .with(Map.of("fail_times", 2L))
                .retry(new RetryPolicy(2, Duration.ofMillis(10), EnumSet.of(RetryPolicy.On.FAIL)))
                .build());

    RunResult run = run(recipe, 1, 1).runs().get(0);

    assertThat(run.outcome()).isEqualTo(Outcome.PASS);
    assertThat(stepOf(run, "flaky").attempts()).isEqualTo(3);
    assertThat(eventsSoFar())
        .filteredOn(e -> e instanceof Event.StepFinished f && f.stepId().equals("flaky"))
        .extracting(e -> ((Event.StepFinished) e).outcome())
        .containsExactly(StepOutcome.FAIL, StepOutcome.FAIL, StepOutcome.PASS);
  }

  @Test
  void doesNotRetryAnEndingTheRecipeDidNotName() {
    Recipe recipe =
        recipe(
            step("flaky", "work")
                .with(Map.of("fail_times", 1L))
                .retry(new RetryPolicy(3, Duration.ZERO, EnumSet.of(RetryPolicy.On.ERROR)))
                .build());

    RunResult run = run(recipe, 1, 1).runs().get(0);

    assertThat(run.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(run.failedStep()).isEqualTo("flaky");
    assertThat(run.message()).isEqualTo("failed on attempt 1");
    assertThat(stepOf(run, "flaky").attempts()).isEqualTo(1);
  }

  @Test
  void anUnexpectedExceptionIsAnErrorNotAFailure() {
    Recipe recipe =
        recipe(step("boom", "work").with(Map.of("fail_times", 1L, "error", true)).build());

    RunResult run = run(recipe, 1, 1).runs().get(0);

    assertThat(run.outcome()).isEqualTo(Outcome.ERROR);
    assertThat(run.message()).contains("boom on attempt 1");
  }

  @Test
  void aStepThatRunsOutOfTimeIsCancelledAndTheRunIsAnError() {
    Recipe recipe =
        recipe(
            step("slow", "work")
                .with(Map.of("ms", 10_000L))
                .timeout(Duration.ofMillis(100))
                .build(),
            step("after", "work").after("slow").build());

    long started = System.nanoTime();
    RunResult run = run(recipe, 1, 1).runs().get(0);

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    assertThat(run.outcome()).isEqualTo(Outcome.ERROR);
    assertThat(stepOf(run, "slow").outcome()).isEqualTo(StepOutcome.TIMEOUT);
    assertThat(run.message()).isEqualTo("did not finish within 100ms");
    assertThat(stepOf(run, "after").outcome()).isEqualTo(StepOutcome.SKIPPED);
  }

  @Test
  void aTimedOutStepIsRetriedWhenTheRecipeSaysSo() {
    Recipe recipe =
        recipe(
            step("slow", "work")
                .with(Map.of("ms", 10_000L))
                .timeout(Duration.ofMillis(50))
                .retry(new RetryPolicy(1, Duration.ZERO, EnumSet.of(RetryPolicy.On.TIMEOUT)))
                .build());

    RunResult run = run(recipe, 1, 1).runs().get(0);

    assertThat(stepOf(run, "slow").attempts()).isEqualTo(2);
    assertThat(stepOf(run, "slow").outcome()).isEqualTo(StepOutcome.TIMEOUT);
  }

  @Test
  void aStepThatIgnoresCancellationIsAbandonedAndItsSlotMarkedError() {
    Recipe recipe =
        recipe(
            step("hang", "stubborn")
                .with(Map.of("ms", 4_000L))
                .timeout(Duration.ofMillis(100))
                .build());
    long started = System.nanoTime();

    StationReport report = station(recipe, 2).run(new TestUnits(2, java.util.Set.of(1, 2)));

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    assertThat(report.slots().values()).containsOnly(SlotState.ERROR);
    assertThat(eventsSoFar())
        .filteredOn(e -> e instanceof Event.RunFinished)
        .extracting(e -> ((Event.RunFinished) e).message())
        .allMatch(m -> m.contains("abandoned"));
  }

  @Test
  void aHungSlotDoesNotStopTheOthers() {
    Recipe recipe =
        recipe(
            step("maybe_hang", "stubborn")
                .with(Map.of("ms", 3_000L))
                .timeout(Duration.ofMillis(100))
                .build(),
            step("work", "work").with(Map.of("ms", 20L)).after("maybe_hang").build());

    StationReport report = station(recipe, 3).run(new TestUnits(9, java.util.Set.of(1)));

    assertThat(report.runs()).hasSize(9);
    assertThat(report.count(Outcome.PASS)).isEqualTo(8);
    assertThat(report.runs())
        .filteredOn(r -> r.unitNumber() == 1)
        .singleElement()
        .satisfies(r -> assertThat(r.message()).contains("abandoned"));
    assertThat(report.slots().values())
        .containsExactlyInAnyOrder(SlotState.ERROR, SlotState.IDLE, SlotState.IDLE);
    assertThat(eventsSoFar())
        .filteredOn(e -> e instanceof Event.RunFinished f && f.unitNumber() == 1)
        .singleElement()
        .satisfies(e -> assertThat(((Event.RunFinished) e).outcome()).isEqualTo(Outcome.ERROR));
  }

  @Test
  void anInstrumentIsHeldByOneSlotAtATime() {
    Recipe recipe =
        recipe(
            List.of("rf_tester"),
            step("rf", "work").with(Map.of("ms", 30L)).lock("rf_tester").build());

    StationReport report = run(recipe, 6, 12);

    assertThat(report.runs()).allMatch(r -> r.outcome() == Outcome.PASS);
    assertThat(kinds.mostAtOnce.get()).isEqualTo(1);
  }

  @Test
  void independentStepsOfOneUnitRunSideBySide() {
    Recipe recipe =
        recipe(
            step("id", "identify").build(),
            step("flash", "work").with(Map.of("ms", 300L)).after("id").build(),
            step("test_radio", "work").with(Map.of("ms", 300L)).after("id").build(),
            step("final_check", "check").after("flash", "test_radio").build());

    RunResult run = run(recipe, 1, 1).runs().get(0);

    assertThat(run.outcome()).isEqualTo(Outcome.PASS);
    assertThat(kinds.mostAtOnce.get()).isEqualTo(2);
    String id = run.runId();
    long finalStarted = kinds.startedNanos.get(id + "/final_check");
    assertThat(finalStarted)
        .isGreaterThanOrEqualTo(kinds.endedNanos.get(id + "/flash"))
        .isGreaterThanOrEqualTo(kinds.endedNanos.get(id + "/test_radio"));
    assertThat(run.duration()).isLessThan(Duration.ofMillis(580));
  }

  @Test
  void theRouteIsAskedOnceAfterIdentificationAndARefusalTouchesNothing() {
    Recipe recipe =
        recipe(
            step("id", "identify").build(),
            step("flash", "work").after("id").build(),
            step("burn", "burn").after("flash").build());
    java.util.concurrent.atomic.AtomicInteger asked =
        new java.util.concurrent.atomic.AtomicInteger();
    Station refusing =
        Station.builder(recipe, kinds.library())
            .events(events::add)
            .route(
                (identifiers, runId) -> {
                  asked.incrementAndGet();
                  return java.util.Optional.of("unit X has not passed programming");
                })
            .build();

    RunResult run = refusing.run(new TestUnits(1)).runs().get(0);

    assertThat(asked).hasValue(1);
    assertThat(run.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(run.failedStep()).isEqualTo("route");
    assertThat(run.message()).isEqualTo("unit X has not passed programming");
    assertThat(stepOf(run, "id").outcome()).isEqualTo(StepOutcome.PASS);
    assertThat(stepOf(run, "flash").outcome()).isEqualTo(StepOutcome.SKIPPED);
    assertThat(stepOf(run, "flash").message()).isEqualTo("refused by the line's route");
    assertThat(stepOf(run, "burn").outcome()).isEqualTo(StepOutcome.SKIPPED);

    asked.set(0);
    Station allowing =
        Station.builder(recipe, kinds.library())
            .route(
                (identifiers, runId) -> {
                  asked.incrementAndGet();
                  return java.util.Optional.empty();
                })
            .build();
    assertThat(allowing.run(new TestUnits(1)).runs().get(0).outcome()).isEqualTo(Outcome.PASS);
    assertThat(asked).hasValue(1);
  }

  @Test
  void aFailureSkipsWhatDependsOnItAndWhatFollowsWhenStopping() {
    Recipe recipe =
        recipe(
            step("id", "identify").build(),
            step("bad", "check").with(Map.of("fail_times", 1L)).after("id").build(),
            step("side", "work").with(Map.of("ms", 100L)).after("id").build(),
            step("later", "work").after("bad", "side").build());

    RunResult run = run(recipe, 1, 1).runs().get(0);

    assertThat(run.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(run.failedStep()).isEqualTo("bad");
    // A step already running beside the failure is allowed to finish, never cut off mid-flash.
    assertThat(stepOf(run, "side").outcome()).isEqualTo(StepOutcome.PASS);
    assertThat(stepOf(run, "later").outcome()).isEqualTo(StepOutcome.SKIPPED);
  }

  @Test
  void continuingAfterAFailureStillNeverRunsAnIrreversibleStep() {
    Recipe recipe =
        recipe(
            step("id", "identify").build(),
            step("soft_check", "check")
                .with(Map.of("fail_times", 1L))
                .onFail(OnFail.CONTINUE)
                .after("id")
                .build(),
            step("more", "work").after("soft_check").build(),
            step("burn", "burn").after("more").build());

    RunResult run = run(recipe, 1, 1).runs().get(0);

    assertThat(run.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(run.failedStep()).isEqualTo("soft_check");
    // The run goes on after a step allowed to fail, but never as far as an irreversible step.
    assertThat(stepOf(run, "more").outcome()).isEqualTo(StepOutcome.PASS);
    assertThat(stepOf(run, "burn").outcome()).isEqualTo(StepOutcome.SKIPPED);
    assertThat(stepOf(run, "burn").message())
        .isEqualTo("irreversible, and soft_check did not pass");
    assertThat(kinds.calls).doesNotContainKey(run.runId() + "/burn");
  }

  @Test
  void anIrreversibleStepIsAuditedBeforeAndAfter() {
    Recipe recipe =
        recipe(
            step("id", "identify").build(),
            step("check", "check").after("id").build(),
            step("burn", "burn").after("check").build());

    RunResult run = run(recipe, 1, 1).runs().get(0);

    assertThat(run.outcome()).isEqualTo(Outcome.PASS);
    assertThat(eventsSoFar())
        .filteredOn(e -> e instanceof Event.IrreversibleOperation)
        .extracting(e -> ((Event.IrreversibleOperation) e).phase())
        .containsExactly(
            Event.IrreversibleOperation.Phase.BEFORE,
            Event.IrreversibleOperation.Phase.AFTER_SUCCESS);
  }

  @Test
  void measurementsAreJudgedAgainstTheirLimits() {
    MeasurementSpec vdd =
        new MeasurementSpec("vdd", "V", null, List.of(new Validator.Range(3.0, 3.6)), null);
    Recipe good = recipe(step("m", "check").with(Map.of("value", 3.3)).measure(vdd).build());
    Recipe low = recipe(step("m", "check").with(Map.of("value", 2.9)).measure(vdd).build());
    Recipe none = recipe(step("m", "check").measure(vdd).build());

    assertThat(run(good, 1, 1).runs().get(0).outcome()).isEqualTo(Outcome.PASS);
    RunResult failed = run(low, 1, 1).runs().get(0);
    assertThat(failed.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(failed.message()).isEqualTo("vdd = 2.9 V is outside 3 <= x <= 3.6");
    assertThat(stepOf(failed, "m").measurements().get(0).passed()).isFalse();
    assertThat(run(none, 1, 1).runs().get(0).message()).isEqualTo("measurement vdd was not taken");
  }

  @Test
  void stoppingTheStationAbortsRunsInProgress() throws Exception {
    Recipe recipe = recipe(step("long", "work").with(Map.of("ms", 30_000L)).build());
    Station station = station(recipe, 4);
    CompletableFuture<StationReport> report =
        CompletableFuture.supplyAsync(() -> station.run(new TestUnits(100)));
    while (kinds.running.get() < 4) {
      Thread.sleep(5);
    }

    station.stop("operator pressed stop");

    StationReport stopped = report.get(10, TimeUnit.SECONDS);
    assertThat(stopped.runs()).hasSize(4).allMatch(r -> r.outcome() == Outcome.ABORTED);
    assertThat(stopped.runs().get(0).message()).isEqualTo("aborted: operator pressed stop");
  }

  @Test
  void runTeardownStillRunsToItsEndWhenTheRunIsAborted() throws Exception {
    // A fixture's supply switched off in teardown must really be switched off after a stop.
    Recipe recipe =
        withSections(
            List.of(),
            List.of(step("power_on", "work").build()),
            List.of(step("long", "work").with(Map.of("ms", 30_000L)).build()),
            List.of(step("power_off", "work").with(Map.of("ms", 200L)).build()),
            List.of());
    Station station = station(recipe, 1);
    CompletableFuture<StationReport> report =
        CompletableFuture.supplyAsync(() -> station.run(new TestUnits(1)));
    while (kinds.running.get() < 1) {
      Thread.sleep(5);
    }

    station.stop("operator pressed stop");

    RunResult aborted = report.get(10, TimeUnit.SECONDS).runs().get(0);
    assertThat(aborted.outcome()).isEqualTo(Outcome.ABORTED);
    assertThat(stepOf(aborted, "long").outcome()).isEqualTo(StepOutcome.ERROR);
    assertThat(stepOf(aborted, "power_off").outcome())
        .as("teardown is not cut short by the abort")
        .isEqualTo(StepOutcome.PASS);
  }

  @Test
  void abortingOneSlotEndsOnlyThatSlotsRunAndTheSlotGoesOn() throws Exception {
    Recipe recipe = recipe(step("long", "work").with(Map.of("ms", 2_000L)).build());
    Station station = station(recipe, 2);
    CompletableFuture<StationReport> report =
        CompletableFuture.supplyAsync(() -> station.run(new TestUnits(3)));
    while (kinds.running.get() < 2) {
      Thread.sleep(5);
    }

    assertThat(station.abortSlot("1", "operator pressed stop on slot 1")).isTrue();
    assertThat(station.abortSlot("9", "no such slot")).isFalse();

    StationReport done = report.get(20, TimeUnit.SECONDS);
    assertThat(done.runs()).hasSize(3);
    assertThat(done.runs())
        .filteredOn(r -> r.outcome() == Outcome.ABORTED)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.slot()).isEqualTo("1");
              assertThat(r.message()).isEqualTo("aborted: operator pressed stop on slot 1");
            });
    assertThat(done.count(Outcome.PASS)).isEqualTo(2);
  }

  @Test
  void eachRunsEventsStartWithRunStartedAndEndWithRunRecorded() {
    Recipe recipe =
        recipe(
            step("id", "identify").build(),
            step("a", "work").with(Map.of("ms", 5L)).after("id").build(),
            step("b", "work").with(Map.of("ms", 5L)).after("id").build());

    StationReport report = run(recipe, 4, 12);

    for (RunResult run : report.runs()) {
      List<Event> mine = eventsSoFar().stream().filter(e -> run.runId().equals(e.runId())).toList();
      assertThat(mine.get(0)).isInstanceOf(Event.RunStarted.class);
      assertThat(mine.get(mine.size() - 2)).isInstanceOf(Event.RunFinished.class);
      assertThat(mine.get(mine.size() - 1)).isInstanceOf(Event.RunRecorded.class);
      assertThat(mine).filteredOn(e -> e instanceof Event.StepFinished).hasSize(3);
    }
  }

  private static Recipe withSections(
      List<io.shipready.core.model.StepSpec> stationSetup,
      List<io.shipready.core.model.StepSpec> runSetup,
      List<io.shipready.core.model.StepSpec> steps,
      List<io.shipready.core.model.StepSpec> runTeardown,
      List<io.shipready.core.model.StepSpec> stationTeardown) {
    Recipe base = recipe(steps.toArray(io.shipready.core.model.StepSpec[]::new));
    return new Recipe(
        base.name(),
        base.version(),
        base.description(),
        base.station(),
        stationSetup,
        runSetup,
        steps,
        runTeardown,
        stationTeardown,
        Map.of(),
        Map.of(),
        null,
        base.source(),
        base.contentSha256());
  }

  @Test
  void runTeardownRunsEvenAfterAFailureAndStationSectionsRunOnce() {
    Recipe recipe =
        withSections(
            List.of(step("open_instruments", "work").build()),
            List.of(step("power_on", "work").build()),
            List.of(step("bad", "check").with(Map.of("fail_times", 1L)).build()),
            List.of(step("power_off", "work").build()),
            List.of(step("close_instruments", "work").build()));

    StationReport report = run(recipe, 2, 3);

    assertThat(report.runs()).hasSize(3).allMatch(r -> r.outcome() == Outcome.FAIL);
    for (RunResult run : report.runs()) {
      assertThat(stepOf(run, "power_on").outcome()).isEqualTo(StepOutcome.PASS);
      assertThat(stepOf(run, "power_off").outcome()).isEqualTo(StepOutcome.PASS);
    }
    long setups =
        kinds.calls.keySet().stream().filter(k -> k.endsWith("/open_instruments")).count();
    long teardowns =
        kinds.calls.keySet().stream().filter(k -> k.endsWith("/close_instruments")).count();
    assertThat(setups).isEqualTo(1);
    assertThat(teardowns).isEqualTo(1);
  }

  @Test
  void aFailedStationSetupRunsNoUnitAndSaysWhy() {
    Recipe recipe =
        withSections(
            List.of(step("open_instruments", "work").with(Map.of("fail_times", 1L)).build()),
            List.of(),
            List.of(step("a", "work").build()),
            List.of(),
            List.of());

    StationReport report = run(recipe, 2, 3);

    assertThat(report.runs()).isEmpty();
    assertThat(report.stationError())
        .isEqualTo("station setup failed at open_instruments: failed on attempt 1");
  }
}
