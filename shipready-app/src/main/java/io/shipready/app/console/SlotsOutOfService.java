package io.shipready.app.console;

import io.shipready.core.engine.StationReport;
import io.shipready.core.event.Event;
import io.shipready.core.event.SlotState;
import io.shipready.core.spi.EventListener;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Why each slot went out of service, for a station that ran no unit at all: a slot map whose
 * devices are gone (an emulator stopped, a probe unplugged) leaves every slot out of service, and
 * that is a station that could not run, not an empty batch.
 */
public final class SlotsOutOfService implements EventListener {
  private final Map<String, String> reasons = new ConcurrentSkipListMap<>();

  @Override
  public void on(Event event) {
    if (event instanceof Event.SlotChanged changed && changed.state() == SlotState.ERROR) {
      reasons.put(changed.slot(), changed.message());
    }
  }

  /** True when no unit ran because slots went out of service. */
  public boolean stoppedTheStation(StationReport report) {
    return report.runs().isEmpty() && !reasons.isEmpty();
  }

  /** One line per slot with its reason, and what to look at. */
  public void print(PrintWriter err) {
    err.println(
        "shipready: no unit ran: "
            + reasons.size()
            + " slot(s) went out of service before their first unit:");
    reasons.forEach((slot, reason) -> err.println("  slot " + slot + ": " + reason));
    err.println(
        "Check that every device of the slot map answers; a slot map written by shipready emulate"
            + " is valid only while that command runs.");
    err.flush();
  }
}
