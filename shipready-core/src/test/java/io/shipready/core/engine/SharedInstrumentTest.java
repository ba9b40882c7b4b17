package io.shipready.core.engine;

import static io.shipready.core.engine.InstrumentLocksTest.awaitUntil;
import static io.shipready.core.engine.TestRecipes.recipe;
import static io.shipready.core.engine.TestRecipes.step;
import static org.assertj.core.api.Assertions.assertThat;

import io.shipready.core.event.Event;
import io.shipready.core.event.SlotState;
import io.shipready.core.model.Outcome;
import io.shipready.core.model.RunResult;
import io.shipready.core.model.StepOutcome;
import io.shipready.core.model.StepResult;
import io.shipready.core.recipe.Recipe;
import io.shipready.core.step.StepCategory;
import io.shipready.core.step.StepContext;
import io.shipready.core.step.StepLibrary;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A shared instrument never hangs a station: waits end at the step's timeout or a stop, and an
 * instrument whose holder hung fails everyone who needs it instead of keeping them waiting. Slot 1
 * takes the instrument first in every test; the other slots queue behind it.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SharedInstrumentTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2024-05-06T12:01:02Z"), ZoneOffset.UTC);
  private static final Duration GRACE = Duration.ofMillis(500);

  /** Generous: only a station that never ends can miss it, however loaded the machine. */
  private static final Duration MARGIN = Duration.ofSeconds(20);

  private static final String OUT_OF_SERVICE =
      "rf_tester is out of service: slot 1 hung in step 'radio' holding it since 12:01:02Z;"
          + " check the instrument and restart the station";

  private final List<Event> events = Collections.synchronizedList(new ArrayList<>());

  /** Counted down once slot 1 holds the instrument. */
  private final CountDownLatch holding = new CountDownLatch(1);

  /** Ends slot 1's cooperative hold. */
  private final CountDownLatch release = new CountDownLatch(1);

  /** Never counted down while a test runs: what slot 1's hung step waits for. */
  private final CountDownLatch never = new CountDownLatch(1);

  @AfterEach
  void freeHungThreads() {
    release.countDown();
    never.countDown();
  }

  private StepLibrary library() {
    return new StepLibrary()
        .add(TestKinds.kind("queue", StepCategory.ACTION, this::queue))
        .add(TestKinds.kind("gate", StepCategory.ACTION, context -> holding.await()))
        .add(TestKinds.kind("hang", StepCategory.ACTION, this::hang))
        .add(TestKinds.kind("hold", StepCategory.ACTION, this::hold))
        .add(TestKinds.kind("work", StepCategory.ACTION, context -> {}));
  }

  /** Slot 1 goes on at once; the others wait until it holds the instrument. */
  private void queue(StepContext context) throws InterruptedException {
    if (!context.slot().equals("1")) {
      holding.await();
    }
  }

  /** In slot 1: holds on, deaf to every interrupt, as a driver call stuck in the kernel does. */
  private void hang(StepContext context) {
    if (!context.slot().equals("1")) {
      return;
    }
    holding.countDown();
    while (true) {
      try {
        never.await();
        return;
      } catch (InterruptedException ignored) {
        // deliberately ignored
      }
    }
  }

  /** In slot 1: holds until released, and stops when told to. */
  private void hold(StepContext context) throws InterruptedException {
    if (!context.slot().equals("1")) {
      return;
    }
    holding.countDown();
    release.await();
  }

  private Station station(Recipe recipe, int slots) {
    return Station.builder(recipe, library())
        .slots(Station.Builder.numberedSlots(slots))
        .events(events::add)
        .clock(CLOCK)
        .abandonGrace(GRACE)
        .build();
  }

  private static CompletableFuture<StationReport> runInBackground(Station station, int units) {
    CompletableFuture<StationReport> report = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                report.complete(station.run(new TestUnits(units)));
              } catch (RuntimeException | Error broken) {
                report.completeExceptionally(broken);
              }
            },
            "station");
    thread.setDaemon(true);
    thread.start();
    return report;
  }

  /** Slot 1 hangs in 'radio' holding rf_tester; every other slot queues for it. */
  private static Recipe hangingRadio() {
    return recipe(
        List.of("rf_tester"),
        step("queue", "queue").build(),
        step("radio", "hang")
            .lock("rf_tester")
            .timeout(Duration.ofMinutes(1))
            .after("queue")
            .build());
  }

  private static InstrumentState rfTester(Station station) {
    return station.instruments().get(0);
  }

  private static RunResult runOf(StationReport report, String slot) {
    return report.runs().stream().filter(r -> r.slot().equals(slot)).findFirst().orElseThrow();
  }

  private static StepResult stepOf(RunResult run, String id) {
    return run.steps().stream().filter(s -> s.stepId().equals(id)).findFirst().orElseThrow();
  }

  private List<Event.InstrumentOutOfService> outOfServiceEvents() {
    synchronized (events) {
      return events.stream()
          .filter(e -> e instanceof Event.InstrumentOutOfService)
          .map(e -> (Event.InstrumentOutOfService) e)
          .toList();
    }
  }

  @Test
  void aStopEndsTheStationWithinTheGraceWhileAStepHangsHoldingAnInstrument() throws Exception {
    Station station = station(hangingRadio(), 3);
    CompletableFuture<StationReport> report = runInBackground(station, 3);
    holding.await();
    awaitUntil(() -> rfTester(station).waiting().size() == 2);

    long stopAsked = System.nanoTime();
    station.stop("operator pressed stop");
    Duration stopTook = Duration.ofNanos(System.nanoTime() - stopAsked);
    StationReport stopped = report.get(GRACE.plus(MARGIN).toMillis(), TimeUnit.MILLISECONDS);

    assertThat(stopTook).isLessThan(MARGIN);
    RunResult hung = runOf(stopped, "1");
    assertThat(hung.outcome()).isEqualTo(Outcome.ERROR);
    assertThat(hung.message())
        .isEqualTo(
            "did not stop within 500ms after its 1m timeout; abandoned, slot taken out of"
                + " service; rf_tester taken out of service");
    for (String slot : List.of("2", "3")) {
      RunResult waited = runOf(stopped, slot);
      assertThat(waited.outcome()).isEqualTo(Outcome.ABORTED);
      assertThat(waited.message()).isEqualTo("aborted: operator pressed stop");
      assertThat(stepOf(waited, "radio").message())
          .isEqualTo(
              "aborted: operator pressed stop while waiting for rf_tester, held by slot 1 in"
                  + " step 'radio' since 12:01:02Z");
    }
    assertThat(stopped.slots()).containsEntry("1", SlotState.ERROR);
    assertThat(outOfServiceEvents())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.heldBySlot()).isEqualTo("1");
              assertThat(e.stepId()).isEqualTo("radio");
              assertThat(e.message()).isEqualTo(OUT_OF_SERVICE);
            });
    assertThat(rfTester(station).outOfService()).isEqualTo(OUT_OF_SERVICE);
  }

  @Test
  void anInstrumentWhoseHolderHungFailsEverySlotWaitingAndEveryLaterStepAtOnce() throws Exception {
    Station station = station(hangingRadio(), 3);
    CompletableFuture<StationReport> report = runInBackground(station, 5);
    holding.await();
    awaitUntil(() -> rfTester(station).waiting().size() == 2);

    // Slot 1's step ignores the abort too, so it is abandoned after the grace, holding rf_tester.
    station.abortSlot("1", "operator aborted slot 1");
    StationReport done = report.get(MARGIN.toMillis(), TimeUnit.MILLISECONDS);

    assertThat(done.runs()).hasSize(5);
    assertThat(runOf(done, "1").message()).contains("abandoned").contains("rf_tester");
    // The two waiting when it went out of service, and the two units loaded after.
    List<RunResult> others = done.runs().stream().filter(r -> !r.slot().equals("1")).toList();
    assertThat(others)
        .hasSize(4)
        .allSatisfy(
            run -> {
              assertThat(run.outcome()).isEqualTo(Outcome.ERROR);
              assertThat(run.failedStep()).isEqualTo("radio");
              assertThat(run.message()).isEqualTo(OUT_OF_SERVICE);
              assertThat(stepOf(run, "radio").attempts()).isEqualTo(1);
            });
    assertThat(outOfServiceEvents()).hasSize(1);
    assertThat(done.slots())
        .containsEntry("1", SlotState.ERROR)
        .containsEntry("2", SlotState.IDLE)
        .containsEntry("3", SlotState.IDLE);
    assertThat(rfTester(station).inService()).isFalse();
    assertThat(rfTester(station).holder().slot()).isEqualTo("1");
  }

  @Test
  void aWaitPastTheStepsTimeoutFailsTheAttemptNamingTheHolder() throws Exception {
    // 'calibrate' holds rf_tester for long, within its own timeout; 'measure', beside it, may
    // wait only 300ms.
    Recipe recipe =
        recipe(
            List.of("rf_tester"),
            step("gate", "gate").build(),
            step("calibrate", "hold").lock("rf_tester").timeout(Duration.ofMinutes(1)).build(),
            step("measure", "work")
                .lock("rf_tester")
                .timeout(Duration.ofMillis(300))
                .after("gate")
                .build());
    Station station = station(recipe, 2);
    CompletableFuture<StationReport> report = runInBackground(station, 2);
    awaitUntil(() -> measureFinished() == 2);
    assertThat(rfTester(station).holder().slot()).isEqualTo("1");

    release.countDown();
    StationReport done = report.get(MARGIN.toMillis(), TimeUnit.MILLISECONDS);

    String expected =
        "waited 300ms for rf_tester, held by slot 1 in step 'calibrate' since 12:01:02Z; if that"
            + " slot is stuck check it, else give this step a longer timeout";
    assertThat(done.runs())
        .hasSize(2)
        .allSatisfy(
            run -> {
              assertThat(run.outcome()).isEqualTo(Outcome.ERROR);
              assertThat(run.failedStep()).isEqualTo("measure");
              assertThat(run.message()).isEqualTo(expected);
              assertThat(stepOf(run, "measure").outcome()).isEqualTo(StepOutcome.TIMEOUT);
              assertThat(stepOf(run, "calibrate").outcome()).isEqualTo(StepOutcome.PASS);
            });
    assertThat(rfTester(station).holder()).isNull();
    assertThat(rfTester(station).inService()).isTrue();
  }

  private long measureFinished() {
    synchronized (events) {
      return events.stream()
          .filter(e -> e instanceof Event.StepFinished f && f.stepId().equals("measure"))
          .count();
    }
  }

  @Test
  void aStopEndsAWaitAtOnceWhileTheInstrumentIsStillHeld() throws Exception {
    Recipe recipe =
        recipe(
            List.of("rf_tester"),
            step("queue", "queue").build(),
            step("radio", "hold")
                .lock("rf_tester")
                .timeout(Duration.ofMinutes(1))
                .after("queue")
                .build());
    Station station = station(recipe, 2);
    CompletableFuture<StationReport> report = runInBackground(station, 2);
    holding.await();
    awaitUntil(() -> rfTester(station).waiting().equals(List.of("2")));

    station.abortSlot("2", "operator aborted slot 2");
    awaitUntil(() -> runFinishedIn("2"));

    // Slot 1 still holds it: the wait ended because of the abort, not because the instrument came
    // free or the minute-long timeout ran out.
    assertThat(rfTester(station).holder().slot()).isEqualTo("1");
    assertThat(rfTester(station).waiting()).isEmpty();

    station.stop("operator pressed stop");
    StationReport stopped = report.get(MARGIN.toMillis(), TimeUnit.MILLISECONDS);

    RunResult waited = runOf(stopped, "2");
    assertThat(waited.outcome()).isEqualTo(Outcome.ABORTED);
    assertThat(waited.message()).isEqualTo("aborted: operator aborted slot 2");
    assertThat(stepOf(waited, "radio").message())
        .isEqualTo(
            "aborted: operator aborted slot 2 while waiting for rf_tester, held by slot 1 in step"
                + " 'radio' since 12:01:02Z");
    assertThat(runOf(stopped, "1").outcome()).isEqualTo(Outcome.ABORTED);
    assertThat(rfTester(station).holder()).isNull();
    assertThat(rfTester(station).inService()).isTrue();
    assertThat(outOfServiceEvents()).isEmpty();
  }

  private boolean runFinishedIn(String slot) {
    synchronized (events) {
      return events.stream()
          .anyMatch(e -> e instanceof Event.RunFinished f && f.slot().equals(slot));
    }
  }
}
