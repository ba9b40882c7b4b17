package io.shipready.core.event;

import io.shipready.core.model.Identifier;
import io.shipready.core.model.Measurement;
import io.shipready.core.model.Outcome;
import io.shipready.core.model.PrintedLabel;
import io.shipready.core.model.StepOutcome;
import io.shipready.core.model.WrittenRow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What happens on a station, as it happens. The store, the console and the web page all consume the
 * same stream; events of one run arrive in the order they happened.
 */
public sealed interface Event {
  Instant at();

  /** The slot the event is about; empty for station-wide events. */
  String slot();

  /** The run the event belongs to, or null for events of a slot or the station. */
  default String runId() {
    return null;
  }

  /** A unit's run began in a slot. */
  record RunStarted(
      String runId,
      String slot,
      int unitNumber,
      String recipe,
      String recipeVersion,
      String recipeSha256,
      String variant,
      Instant at)
      implements Event {}

  /** The unit made itself known (identify or scan). */
  record UnitIdentified(String runId, String slot, List<Identifier> identifiers, Instant at)
      implements Event {
    public UnitIdentified {
      identifiers = List.copyOf(identifiers);
    }
  }

  record StepStarted(String runId, String slot, String stepId, String kind, int attempt, Instant at)
      implements Event {}

  /** A value a step recorded that no limit judges: an image hash, a hook's output. */
  record AttributeRecorded(
      String runId, String slot, String stepId, String key, String value, Instant at)
      implements Event {}

  /** An image was written to the unit and verified: what, which version, which bytes. */
  record ImageWritten(
      String runId,
      String slot,
      String stepId,
      String name,
      String version,
      String sha256,
      Instant at)
      implements Event {}

  /**
   * A component was scanned into the unit (genealogy): its barcode and where it sits, as a
   * reference designator or position.
   */
  record ComponentLinked(
      String runId, String slot, String stepId, String position, String barcode, Instant at)
      implements Event {}

  record MeasurementTaken(
      String runId, String slot, String stepId, Measurement measurement, Instant at)
      implements Event {}

  record StepFinished(
      String runId,
      String slot,
      String stepId,
      String kind,
      int attempt,
      StepOutcome outcome,
      String message,
      Duration duration,
      Instant at)
      implements Event {}

  /** A label was printed for the unit. */
  record LabelPrinted(String runId, String slot, String stepId, PrintedLabel label, Instant at)
      implements Event {}

  /** A row was appended for the unit to a factory file, and is on the disk. */
  record FactoryRowWritten(String runId, String slot, String stepId, WrittenRow row, Instant at)
      implements Event {}

  /**
   * A unit's run ended. {@code failedStep} and {@code message} name the first step that did not
   * pass, and why; both empty on PASS.
   */
  record RunFinished(
      String runId,
      String slot,
      int unitNumber,
      Outcome outcome,
      String failedStep,
      String message,
      Duration duration,
      Instant at)
      implements Event {}

  /**
   * An irreversible operation (e-fuse write, manufacturing state) is about to happen, or has
   * happened: recorded on both sides so an interrupted one can be told from one never tried.
   */
  record IrreversibleOperation(
      String runId, String slot, String stepId, Phase phase, String detail, Instant at)
      implements Event {
    /** Which side of the operation the event is on. */
    public enum Phase {
      BEFORE,
      AFTER_SUCCESS,
      AFTER_FAILURE
    }
  }

  /**
   * The run's record is stored for good (or could not be): only now may a station show the outcome
   * as final. {@code durable} is false when the station runs without a store.
   */
  record RunRecorded(
      String runId, String slot, int unitNumber, Outcome outcome, boolean durable, Instant at)
      implements Event {}

  /** A slot changed state (idle, busy, out of service after an abandoned step...). */
  record SlotChanged(String slot, SlotState state, String message, Instant at) implements Event {}

  /**
   * A shared instrument is out of service until the station restarts: the step holding it hung and
   * was abandoned, and its thread may still be driving the hardware. Every step that needs the
   * instrument fails at once with {@code message}. A station-wide event: {@link #slot()} is empty,
   * {@code heldBySlot} is the slot that hung.
   */
  record InstrumentOutOfService(
      String instrument,
      String heldBySlot,
      String stepId,
      Instant heldSince,
      String message,
      Instant at)
      implements Event {
    @Override
    public String slot() {
      return "";
    }
  }

  /** A line of information for the operator. */
  record Notice(String slot, String message, Instant at) implements Event {}
}
