package io.shipready.core.engine;

import io.shipready.core.event.Event;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The station's shared instruments by name, each handed out first come, first served, so a slot
 * waiting for the RF tester is not overtaken forever by its neighbours. A wait ends at the step's
 * timeout, when the run is stopped, or at once when the instrument goes out of service; each
 * instrument knows which slot and step hold it and since when, so every such ending says so.
 */
final class InstrumentLocks {
  private final Map<String, Instrument> instruments;
  private final Clock clock;

  InstrumentLocks(Collection<String> names, Clock clock) {
    this.clock = clock;
    Map<String, Instrument> byName = new LinkedHashMap<>();
    names.forEach(name -> byName.computeIfAbsent(name, n -> new Instrument(n, clock)));
    this.instruments = java.util.Collections.unmodifiableMap(byName);
  }

  /**
   * Waits for the instrument for at most {@code timeout}.
   *
   * @throws InterruptedException when the run is stopped meanwhile
   * @throws InstrumentUnavailableException when it stays busy past the timeout, naming its holder,
   *     or it is out of service
   */
  Instrument.Hold acquire(String instrument, String slot, String stepId, Duration timeout)
      throws InterruptedException {
    return instrument(instrument).acquire(slot, stepId, timeout);
  }

  void release(Instrument.Hold hold) {
    instrument(hold.instrument()).release(hold);
  }

  /**
   * The step holding {@code hold} hung and was abandoned: the instrument is never handed out again
   * and everyone waiting for it fails now. Returns the event to show, or null when there is nothing
   * to announce (the step gave the instrument back after all, or it was already out of service).
   */
  Event.InstrumentOutOfService takeOutOfService(Instrument.Hold hold) {
    String why = instrument(hold.instrument()).takeOutOfService(hold);
    if (why == null) {
      return null;
    }
    InstrumentState.Holder hung = hold.holder();
    return new Event.InstrumentOutOfService(
        hold.instrument(), hung.slot(), hung.stepId(), hung.since(), why, clock.instant());
  }

  /** The instrument and who holds it now, for messages. */
  String describe(String instrument) {
    return instrument(instrument).describe();
  }

  /** Every instrument in the order the recipe declares them. */
  List<InstrumentState> states() {
    return instruments.values().stream().map(Instrument::state).toList();
  }

  private Instrument instrument(String name) {
    Instrument instrument = instruments.get(name);
    if (instrument == null) {
      throw new IllegalArgumentException(
          "no shared instrument '" + name + "'; declare it under station.instruments");
    }
    return instrument;
  }
}
