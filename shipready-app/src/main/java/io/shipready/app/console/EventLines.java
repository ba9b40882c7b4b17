package io.shipready.app.console;

import io.shipready.core.event.Event;
import io.shipready.core.model.Identifier;
import io.shipready.core.model.Measurement;
import io.shipready.core.model.Secrets;
import io.shipready.core.model.StepOutcome;
import io.shipready.core.model.Values;
import java.util.Locale;
import java.util.stream.Collectors;

/** One line of text per event, for a log or a terminal that is not redrawn. */
final class EventLines {
  private EventLines() {}

  /** The line for an event, or null for events not worth a line of their own. */
  static String of(Event event) {
    if (event instanceof Event.RunStarted e) {
      return prefix(e.slot()) + "unit " + e.unitNumber() + " started";
    }
    if (event instanceof Event.UnitIdentified e) {
      return prefix(e.slot())
          + "identified "
          + e.identifiers().stream()
              .map(Secrets::shown)
              .map(Identifier::toString)
              .collect(Collectors.joining(" "));
    }
    if (event instanceof Event.StepFinished e) {
      String attempt = e.attempt() > 1 ? " (attempt " + e.attempt() + ")" : "";
      String message = e.message().isEmpty() ? "" : ": " + e.message();
      String took =
          e.outcome() == StepOutcome.SKIPPED
              ? ""
              : String.format(Locale.ROOT, " %.2fs", e.duration().toNanos() / 1e9);
      return prefix(e.slot()) + e.stepId() + " " + e.outcome() + took + attempt + message;
    }
    if (event instanceof Event.MeasurementTaken e) {
      Measurement m = e.measurement();
      return prefix(e.slot())
          + "  "
          + m.name()
          + " = "
          + Values.text(m.value())
          + (m.units().isEmpty() ? "" : " " + m.units())
          + " ["
          + String.join(", ", m.limits())
          + "] "
          + (m.passed() ? "ok" : "OUT OF LIMITS");
    }
    if (event instanceof Event.IrreversibleOperation e) {
      return prefix(e.slot()) + "irreversible " + e.phase() + ": " + e.detail();
    }
    if (event instanceof Event.RunRecorded e) {
      return prefix(e.slot())
          + "unit "
          + e.unitNumber()
          + " "
          + e.outcome()
          + (e.durable() ? " (recorded)" : " (NOT RECORDED)")
          + " run "
          + e.runId();
    }
    if (event instanceof Event.RunFinished e) {
      return e.failedStep().isEmpty()
          ? null
          : prefix(e.slot())
              + "unit "
              + e.unitNumber()
              + " stopped at "
              + e.failedStep()
              + ": "
              + e.message();
    }
    if (event instanceof Event.SlotChanged e) {
      if (e.state() == io.shipready.core.event.SlotState.WAITING_FOR_STORE) {
        return prefix(e.slot()) + e.message();
      }
      return e.state() == io.shipready.core.event.SlotState.ERROR
          ? prefix(e.slot()) + "SLOT OUT OF SERVICE: " + e.message()
          : null;
    }
    if (event instanceof Event.Notice e) {
      return prefix(e.slot()) + e.message();
    }
    if (event instanceof Event.InstrumentOutOfService e) {
      return "INSTRUMENT OUT OF SERVICE: " + e.message();
    }
    return null;
  }

  private static String prefix(String slot) {
    return "[slot " + slot + "] ";
  }
}
