package io.shipready.app.assembly;

import io.shipready.core.engine.Station;
import io.shipready.core.engine.StationReport;
import io.shipready.core.event.EventBus;
import io.shipready.core.model.AttachedUnit;
import io.shipready.core.recipe.Recipe;
import io.shipready.core.spi.EventListener;
import io.shipready.core.spi.UnitSource;
import io.shipready.device.sim.FaultPlanner.PlannedFault;
import io.shipready.output.config.StationConfig;
import io.shipready.output.station.ConfiguredOutputs;
import io.shipready.output.station.RowsSettled;
import io.shipready.store.AbortedRun;
import io.shipready.store.RecordWriter;
import io.shipready.store.StationPackage;
import io.shipready.store.Store;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A station ready to run, with what it holds open: its records, its outputs and its slots. Closing
 * it stores everything queued, closes the factory files and releases the slots.
 */
public final class AssembledStation implements AutoCloseable {
  private final Recipe recipe;
  private final String stationId;
  private final Station station;
  private final StationSlots slots;
  private final UnitSupply supply;
  private final EventBus listeners;
  private final Store store;
  private final RecordWriter records;
  private final ConfiguredOutputs outputs;
  private final StationConfig config;
  private final StationPackage stationPackage;
  private final List<AbortedRun> aborted;
  private final Deque<AutoCloseable> resources;

  AssembledStation(
      Recipe recipe,
      String stationId,
      Station station,
      StationSlots slots,
      UnitSupply supply,
      EventBus listeners,
      Store store,
      RecordWriter records,
      ConfiguredOutputs outputs,
      StationConfig config,
      StationPackage stationPackage,
      List<AbortedRun> aborted,
      Deque<AutoCloseable> resources) {
    this.recipe = recipe;
    this.stationId = stationId;
    this.station = station;
    this.slots = slots;
    this.supply = supply;
    this.listeners = listeners;
    this.store = store;
    this.records = records;
    this.outputs = outputs;
    this.config = config;
    this.stationPackage = stationPackage;
    this.aborted = List.copyOf(aborted);
    this.resources = new ArrayDeque<>(resources);
  }

  public Recipe recipe() {
    return recipe;
  }

  public String stationId() {
    return stationId;
  }

  public Station station() {
    return station;
  }

  public List<String> slots() {
    return station.slots();
  }

  public boolean simulated() {
    return slots.simulated();
  }

  /** The faults planned for simulated units, by unit number. */
  public Map<Integer, PlannedFault> faults() {
    return slots.faults();
  }

  /** The records; empty for a station that keeps none. */
  public Optional<Store> store() {
    return Optional.ofNullable(store);
  }

  /** The writer storing this station's records, when it keeps records. */
  public Optional<RecordWriter> recordWriter() {
    return Optional.ofNullable(records);
  }

  /**
   * What became of the factory-file rows this station queued, those left from its last start
   * included: written, held (a retested unit's day file keeps its first row) or dropped.
   */
  public RowsSettled rowsSettled() {
    return outputs == null ? RowsSettled.NONE : outputs.rowsSettled();
  }

  public Optional<StationConfig> config() {
    return Optional.ofNullable(config);
  }

  /** The installed package the recipe comes from, verified; empty when not from one. */
  public Optional<StationPackage> stationPackage() {
    return Optional.ofNullable(stationPackage);
  }

  /** Runs this station found open from its last start, now closed as ABORTED. */
  public List<AbortedRun> abortedAtStart() {
    return aborted;
  }

  /** Adds a display; it sees each event after the record and the station's outputs have it. */
  public void listen(EventListener display) {
    listeners.subscribe(display);
  }

  /** Unit number {@code number}, attached at {@code slot} (the page's Start and Retest). */
  public AttachedUnit attach(int number, String slot) throws InterruptedException {
    return slots.attach(number, slot);
  }

  /** How many units the batch has (a run's whole batch; a page's first). */
  public int batchSize() {
    if (supply instanceof UnitSupply.Simulated simulated) {
      return simulated.batch();
    }
    if (supply instanceof UnitSupply.SlotsFile file && file.batch() != null) {
      return file.batch();
    }
    return slots().size();
  }

  /** The batch, dealt to the slots as they free up. */
  public UnitSource batch() {
    if (supply instanceof UnitSupply.Given given) {
      return given.source();
    }
    return new DealtUnits(slots, batchSize());
  }

  /**
   * Runs the units until the source runs dry; a signal to the process (Ctrl-C, kill) stops the
   * station, ending the runs in progress ABORTED in their records, before the process exits.
   */
  public StationReport run(UnitSource units) {
    Thread stopOnSignal = new Thread(() -> station.stop("station shut down (signal)"), "shutdown");
    Runtime.getRuntime().addShutdownHook(stopOnSignal);
    try {
      return station.run(units);
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(stopOnSignal);
      } catch (IllegalStateException shuttingDown) {
        // Already shutting down: the hook is running.
      }
    }
  }

  @Override
  public void close() throws Exception {
    Exception first = null;
    while (!resources.isEmpty()) {
      try {
        resources.pop().close();
      } catch (Exception failed) {
        if (first == null) {
          first = failed;
        } else {
          first.addSuppressed(failed);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
