package io.shipready.core.engine;

import static java.util.Objects.requireNonNull;

import io.shipready.core.ShipreadyException;
import io.shipready.core.event.Event;
import io.shipready.core.event.RecordText;
import io.shipready.core.event.SafeEvents;
import io.shipready.core.event.SlotState;
import io.shipready.core.model.AttachedUnit;
import io.shipready.core.model.Outcome;
import io.shipready.core.model.RunResult;
import io.shipready.core.recipe.Recipe;
import io.shipready.core.spi.Capability;
import io.shipready.core.spi.Device;
import io.shipready.core.spi.EventListener;
import io.shipready.core.spi.ImageLibrary;
import io.shipready.core.spi.KnownUnits;
import io.shipready.core.spi.Prompter;
import io.shipready.core.spi.RecordSink;
import io.shipready.core.spi.RouteCheck;
import io.shipready.core.spi.StationOutputs;
import io.shipready.core.spi.UnitSource;
import io.shipready.core.step.StepLibrary;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A station running one recipe on many slots at once. Each slot has its own thread and takes units
 * from a {@link UnitSource} until it runs dry; each unit's run has its own record. Shared
 * instruments are locked by name, every step attempt has a timeout, and a step that ignores its
 * timeout is abandoned with its slot marked ERROR, so one hung fixture never stops the station. A
 * wait for an instrument ends at the step's timeout or a stop; an instrument whose holder was
 * abandoned is out of service, and every step needing it fails at once instead of waiting.
 */
public final class Station {
  private static final Duration STORE_WAIT_STEP = Duration.ofMillis(200);
  // How long the start waits for every slot to have its first unit: enough for a simulated or
  // already plugged unit on each of hundreds of slots, short enough that a slot still waiting
  // for its scan does not hold the others back noticeably.
  private static final Duration START_WAIT_BASE = Duration.ofMillis(100);
  private static final Duration START_WAIT_PER_SLOT = Duration.ofMillis(2);
  private static final Duration START_MARGIN = Duration.ofMillis(2);
  private final Recipe recipe;
  private final List<String> slots;
  private final String variant;
  private final StationServices services;
  private final Map<String, SlotState> slotStates = new ConcurrentHashMap<>();
  private final Set<UnitRun> activeRuns = ConcurrentHashMap.newKeySet();
  private volatile String stopReason;

  private Station(Builder builder) {
    this.recipe = builder.recipe.forVariant(builder.variant);
    this.slots = List.copyOf(builder.slots);
    this.variant = builder.variant;
    AtomicInteger besideThreads = new AtomicInteger();
    ExecutorService parallel =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "step-" + besideThreads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    this.services =
        new StationServices(
            builder.library,
            recordFirst(builder.records, builder.events),
            builder.records,
            builder.images,
            builder.prompter,
            builder.outputs,
            builder.knownUnits,
            builder.route,
            builder.clock,
            new InstrumentLocks(recipe.station().instruments(), builder.clock),
            new Watchdog(builder.abandonGrace),
            parallel,
            builder.abandonGrace,
            builder.durableTimeout);
  }

  /**
   * Every event goes to the record before any listener: the engine's order, not subscriptions'. Its
   * texts are made fit to record first (control characters escaped, long texts cut), and a notice
   * names each field that had to change, so the operator sees why a value looks escaped.
   */
  private static EventListener recordFirst(RecordSink records, EventListener listeners) {
    return event -> {
      SafeEvents.Made safe = SafeEvents.of(event, RecordText.STATION_LIMIT);
      records.on(safe.event());
      listeners.on(safe.event());
      if (!safe.changedFields().isEmpty()) {
        listeners.on(
            new Event.Notice(
                safe.event().slot(),
                "recorded with control characters escaped (\\u0000) or cut to "
                    + RecordText.STATION_LIMIT
                    + " characters: "
                    + String.join(", ", safe.changedFields())
                    + (event.runId() == null ? "" : " (run " + event.runId() + ")"),
                event.at()));
      }
    };
  }

  public static Builder builder(Recipe recipe, StepLibrary library) {
    return new Builder(recipe, library);
  }

  /**
   * Runs units from the source on every slot until the source runs dry, a stop is asked for, or
   * every slot is out of service. Station setup runs first and teardown last.
   */
  public StationReport run(UnitSource units) {
    long started = System.nanoTime();
    List<RunResult> runs = Collections.synchronizedList(new ArrayList<>());
    slots.forEach(slot -> slotStates.put(slot, SlotState.IDLE));
    String setupError = runStationSection("station setup", true);
    if (setupError != null) {
      close();
      return new StationReport(
          runs, slotStates, Duration.ofNanos(System.nanoTime() - started), setupError);
    }
    CountDownLatch slotsDone = new CountDownLatch(slots.size());
    // Every slot takes its first unit (attaching it costs a little CPU each) before a common start,
    // then all start at the same moment: without this the last of many slots began its unit
    // tens of milliseconds after the first. A source that has no unit ready yet (a slot waiting for
    // a scan or a plug) holds the start back only for a short bounded wait.
    CountDownLatch ready = new CountDownLatch(slots.size());
    CountDownLatch gate = new CountDownLatch(1);
    long[] startAt = new long[1];
    for (String slot : slots) {
      Thread thread =
          new Thread(
              () -> {
                Optional<AttachedUnit> first;
                try {
                  first = firstUnit(slot, units, ready);
                  gate.await();
                  for (long wait = startAt[0] - System.nanoTime();
                      wait > 0;
                      wait = startAt[0] - System.nanoTime()) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                  }
                } catch (InterruptedException stop) {
                  slotsDone.countDown();
                  return;
                } catch (RuntimeException broken) {
                  setSlot(slot, SlotState.ERROR, "slot stopped: " + broken.getMessage());
                  slotsDone.countDown();
                  return;
                }
                serveSlot(slot, units, first, runs, slotsDone);
              },
              "slot-" + slot);
      thread.setDaemon(true);
      thread.start();
    }
    try {
      ready.await(
          START_WAIT_BASE.toNanos() + START_WAIT_PER_SLOT.toNanos() * slots.size(),
          TimeUnit.NANOSECONDS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
    // A moment for the parked slot threads to be woken together by one timer.
    started = System.nanoTime() + START_MARGIN.toNanos();
    startAt[0] = started;
    gate.countDown();
    try {
      slotsDone.await();
    } catch (InterruptedException interrupted) {
      stop("station interrupted");
      Thread.currentThread().interrupt();
    }
    List<RunResult> settled = settleLateRecords(runs);
    String teardownError = runStationSection("station teardown", false);
    close();
    return new StationReport(
        settled, slotStates, Duration.ofNanos(System.nanoTime() - started), teardownError);
  }

  /**
   * A run whose record was still on its way when it ended (the store was away for longer than the
   * durable timeout) counts as recorded once the record has arrived; a record the store refused, or
   * one still missing after one more timeout, stays NOT RECORDED.
   */
  private List<RunResult> settleLateRecords(List<RunResult> runs) {
    List<RunResult> ended;
    synchronized (runs) {
      ended = new ArrayList<>(runs);
    }
    long deadline = System.nanoTime() + services.durableTimeout().toNanos();
    List<RunResult> settled = new ArrayList<>(ended.size());
    for (RunResult run : ended) {
      boolean late = run.notRecorded() && storedBy(run.runId(), deadline);
      settled.add(late ? run.withNotRecorded(false) : run);
    }
    return settled;
  }

  private boolean storedBy(String runId, long deadline) {
    try {
      Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
      return services.records().awaitDurable(runId, left);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return false;
    } catch (RuntimeException notStored) {
      return false;
    }
  }

  /** Aborts every run in progress (each ends ABORTED) and takes no more units. */
  public void stop(String reason) {
    stopReason = requireNonNull(reason, "reason");
    activeRuns.forEach(run -> run.cancel(reason));
  }

  /**
   * Aborts the run in progress in one slot (it ends ABORTED, with the reason in its record); the
   * slot then takes its next unit as usual.
   *
   * @return false when the slot had no run in progress
   */
  public boolean abortSlot(String slot, String reason) {
    requireNonNull(slot, "slot");
    requireNonNull(reason, "reason");
    boolean found = false;
    for (UnitRun run : activeRuns) {
      if (run.slot().equals(slot)) {
        run.cancel(reason);
        found = true;
      }
    }
    return found;
  }

  /**
   * The station's shared instruments: who holds each, who waits for it, and whether it is out of
   * service (a step holding it hung; only a restart of the station brings it back).
   */
  public List<InstrumentState> instruments() {
    return services.locks().states();
  }

  /** The slots of this station, in order. */
  public List<String> slots() {
    return slots;
  }

  /**
   * The slot's first unit, taken before the common start; empty when the source had none or a stop
   * came first. Counts the slot ready either way.
   */
  private Optional<AttachedUnit> firstUnit(String slot, UnitSource units, CountDownLatch ready)
      throws InterruptedException {
    try {
      waitForTheStore(slot);
      return stopReason == null ? units.next(slot) : Optional.empty();
    } finally {
      ready.countDown();
    }
  }

  private void serveSlot(
      String slot,
      UnitSource units,
      Optional<AttachedUnit> first,
      List<RunResult> runs,
      CountDownLatch slotsDone) {
    // Counted down once: when the slot runs dry, or when a hung step takes it out of service.
    var doneOnce = new java.util.concurrent.atomic.AtomicBoolean();
    Runnable slotDone =
        () -> {
          if (doneOnce.compareAndSet(false, true)) {
            slotsDone.countDown();
          }
        };
    try {
      Optional<AttachedUnit> taken = first;
      while (stopReason == null && slotStates.get(slot) != SlotState.ERROR) {
        Optional<AttachedUnit> unit = taken;
        if (unit == null) {
          waitForTheStore(slot);
          if (stopReason != null) {
            break;
          }
          unit = units.next(slot);
        }
        taken = null;
        if (unit.isEmpty() || stopReason != null) {
          break;
        }
        setSlot(slot, SlotState.BUSY, "unit " + unit.get().number());
        UnitRun run =
            new UnitRun(
                services,
                recipe,
                newRunId(),
                slot,
                unit.get(),
                variant,
                abandoned -> {
                  runs.add(abandoned);
                  setSlot(slot, SlotState.ERROR, "a step hung; check the fixture");
                  slotDone.run();
                });
        activeRuns.add(run);
        if (stopReason != null) {
          run.cancel(stopReason);
        }
        RunResult result = run.execute();
        activeRuns.remove(run);
        if (result == null) {
          break;
        }
        runs.add(result);
        setSlot(slot, SlotState.IDLE, "");
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException broken) {
      setSlot(slot, SlotState.ERROR, "slot stopped: " + broken.getMessage());
    } finally {
      slotDone.run();
    }
  }

  /**
   * Holds the slot back while the record is too far behind to take another unit, showing why, so a
   * store outage fills neither memory nor the operator's doubts.
   */
  private void waitForTheStore(String slot) throws InterruptedException {
    if (services.records().awaitRoom(Duration.ZERO)) {
      return;
    }
    setSlot(
        slot,
        SlotState.WAITING_FOR_STORE,
        "waiting for the store: its records are behind; the next unit starts once they are stored");
    while (stopReason == null && !services.records().awaitRoom(STORE_WAIT_STEP)) {
      // Looks again for a stop between waits.
    }
    setSlot(slot, SlotState.IDLE, "");
  }

  /** Runs station setup or teardown as a run of its own; returns why it failed, or null. */
  private String runStationSection(String what, boolean setup) {
    var steps = setup ? recipe.stationSetup() : recipe.stationTeardown();
    if (steps.isEmpty()) {
      return null;
    }
    Recipe section =
        new Recipe(
            recipe.name(),
            recipe.version(),
            recipe.description(),
            recipe.station(),
            List.of(),
            List.of(),
            steps,
            List.of(),
            List.of(),
            Map.of(),
            Map.of(),
            recipe.baseDir(),
            recipe.source(),
            recipe.contentSha256());
    UnitRun run =
        new UnitRun(
            services,
            section,
            newRunId(),
            "station",
            new AttachedUnit(0, new StationDevice()),
            variant,
            abandoned -> {});
    RunResult result = run.execute();
    if (result == null || result.outcome() != Outcome.PASS) {
      return what
          + " failed"
          + (result == null ? "" : " at " + result.failedStep() + ": " + result.message());
    }
    return null;
  }

  private void setSlot(String slot, SlotState state, String message) {
    slotStates.put(slot, state);
    services.events().on(new Event.SlotChanged(slot, state, message, services.clock().instant()));
  }

  private void close() {
    services.watchdog().close();
    services.parallelSteps().shutdown();
  }

  private static String newRunId() {
    return RunIds.next();
  }

  /** The station itself, for station setup and teardown: it has no device capabilities. */
  private static final class StationDevice implements Device {
    @Override
    public String slot() {
      return "station";
    }

    @Override
    public String family() {
      return "station";
    }

    @Override
    public <T extends Capability> Optional<T> capability(Class<T> type) {
      return Optional.empty();
    }
  }

  /** Settings of a station; everything but the recipe and the step library has a default. */
  public static final class Builder {
    private final Recipe recipe;
    private final StepLibrary library;
    private List<String> slots;
    private String variant;
    private EventListener events = event -> {};
    private RecordSink records = RecordSink.NONE;
    private ImageLibrary images =
        reference -> {
          throw new ShipreadyException(
              "this station has no image library; cannot load " + reference);
        };
    private Prompter prompter =
        (prompt, timeout) -> {
          throw new ShipreadyException("this station has no operator to ask: " + prompt.message());
        };
    private StationOutputs outputs = StationOutputs.NONE;
    private KnownUnits knownUnits = KnownUnits.NONE;
    private RouteCheck route = RouteCheck.NONE;
    private Clock clock = Clock.systemUTC();
    private Duration abandonGrace = Duration.ofSeconds(5);
    private Duration durableTimeout = Duration.ofSeconds(30);

    private Builder(Recipe recipe, StepLibrary library) {
      this.recipe = requireNonNull(recipe, "recipe");
      this.library = requireNonNull(library, "library");
      this.slots = numberedSlots(Math.max(1, recipe.station().slots()));
    }

    /** Slots named 1..count. */
    public static List<String> numberedSlots(int count) {
      List<String> names = new ArrayList<>();
      for (int i = 1; i <= count; i++) {
        names.add(Integer.toString(i));
      }
      return names;
    }

    public Builder slots(List<String> names) {
      if (names.isEmpty()) {
        throw new IllegalArgumentException("a station needs at least one slot");
      }
      if (names.stream().distinct().count() != names.size()) {
        throw new IllegalArgumentException("slot names must be unique: " + names);
      }
      this.slots = List.copyOf(names);
      return this;
    }

    public Builder variant(String variant) {
      this.variant = variant;
      return this;
    }

    /** The displays and outputs; each event reaches them after the record has it. */
    public Builder events(EventListener events) {
      this.events = requireNonNull(events, "events");
      return this;
    }

    public Builder records(RecordSink records) {
      this.records = requireNonNull(records, "records");
      return this;
    }

    public Builder images(ImageLibrary images) {
      this.images = requireNonNull(images, "images");
      return this;
    }

    public Builder prompter(Prompter prompter) {
      this.prompter = requireNonNull(prompter, "prompter");
      return this;
    }

    /** The station's printer and factory files (from its configuration). */
    public Builder outputs(StationOutputs outputs) {
      this.outputs = requireNonNull(outputs, "outputs");
      return this;
    }

    /** The units earlier runs recorded (from the store). */
    public Builder knownUnits(KnownUnits knownUnits) {
      this.knownUnits = requireNonNull(knownUnits, "knownUnits");
      return this;
    }

    /** The line's route, which refuses a unit that may not be worked on here. */
    public Builder route(RouteCheck route) {
      this.route = requireNonNull(route, "route");
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /** How long a step that ran out of time has to stop before it is abandoned. */
    public Builder abandonGrace(Duration grace) {
      this.abandonGrace = requireNonNull(grace, "grace");
      return this;
    }

    public Builder durableTimeout(Duration timeout) {
      this.durableTimeout = requireNonNull(timeout, "timeout");
      return this;
    }

    public Station build() {
      return new Station(this);
    }
  }
}
