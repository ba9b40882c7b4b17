package io.shipready.core.event;

import static java.util.Objects.requireNonNull;

import io.shipready.core.model.Identifier;
import io.shipready.core.model.Measurement;
import io.shipready.core.model.PrintedLabel;
import io.shipready.core.model.WrittenRow;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives every text an event carries through {@link RecordText}, naming each field it had to change,
 * so what reaches the record (and every display) is what the record can keep.
 */
public final class SafeEvents {
  private final int limit;
  private final List<String> changed = new ArrayList<>();

  private SafeEvents(int limit) {
    this.limit = limit;
  }

  /** An event made safe, and the fields that had to change ("message of step flash"...). */
  public record Made(Event event, List<String> changedFields) {
    public Made {
      requireNonNull(event, "event");
      changedFields = List.copyOf(changedFields);
    }
  }

  /** The event with every text at most {@code limit} characters and free of control characters. */
  public static Made of(Event event, int limit) {
    requireNonNull(event, "event");
    SafeEvents safe = new SafeEvents(limit);
    Event made = safe.rebuild(event);
    return new Made(safe.changed.isEmpty() ? event : made, safe.changed);
  }

  private String text(String field, String value) {
    return made(field, value, limit);
  }

  /** A text the record finds things by (an identifier, a barcode), which an index must hold. */
  private String key(String field, String value) {
    return made(field, value, Math.min(limit, RecordText.KEY_LIMIT));
  }

  private String made(String field, String value, int bound) {
    String safe = RecordText.safe(value, bound);
    if (safe != value) {
      changed.add(RecordText.safe(field, 200));
    }
    return safe;
  }

  private Event rebuild(Event event) {
    if (event instanceof Event.RunStarted e) {
      return new Event.RunStarted(
          e.runId(),
          key("slot", e.slot()),
          e.unitNumber(),
          text("recipe name", e.recipe()),
          text("recipe version", e.recipeVersion()),
          e.recipeSha256(),
          text("variant", e.variant()),
          e.at());
    }
    if (event instanceof Event.UnitIdentified e) {
      List<Identifier> ids = new ArrayList<>();
      for (Identifier id : e.identifiers()) {
        ids.add(
            new Identifier(
                key("identifier kind " + id.kind(), id.kind()),
                key("identifier " + id.kind(), id.value())));
      }
      return new Event.UnitIdentified(e.runId(), key("slot", e.slot()), ids, e.at());
    }
    if (event instanceof Event.StepStarted e) {
      return new Event.StepStarted(
          e.runId(), key("slot", e.slot()), step(e.stepId()), e.kind(), e.attempt(), e.at());
    }
    if (event instanceof Event.AttributeRecorded e) {
      return new Event.AttributeRecorded(
          e.runId(),
          key("slot", e.slot()),
          step(e.stepId()),
          key("attribute name " + e.key(), e.key()),
          text("attribute " + e.key(), e.value()),
          e.at());
    }
    if (event instanceof Event.ImageWritten e) {
      return new Event.ImageWritten(
          e.runId(),
          key("slot", e.slot()),
          step(e.stepId()),
          text("image name", e.name()),
          text("image version", e.version()),
          key("image sha256", e.sha256()),
          e.at());
    }
    if (event instanceof Event.ComponentLinked e) {
      return new Event.ComponentLinked(
          e.runId(),
          key("slot", e.slot()),
          step(e.stepId()),
          key("component position", e.position()),
          key("component barcode", e.barcode()),
          e.at());
    }
    if (event instanceof Event.MeasurementTaken e) {
      return new Event.MeasurementTaken(
          e.runId(), key("slot", e.slot()), step(e.stepId()), measurement(e.measurement()), e.at());
    }
    if (event instanceof Event.StepFinished e) {
      return new Event.StepFinished(
          e.runId(),
          key("slot", e.slot()),
          step(e.stepId()),
          e.kind(),
          e.attempt(),
          e.outcome(),
          text("message of step " + e.stepId(), e.message()),
          e.duration(),
          e.at());
    }
    if (event instanceof Event.LabelPrinted e) {
      PrintedLabel label = e.label();
      return new Event.LabelPrinted(
          e.runId(),
          key("slot", e.slot()),
          step(e.stepId()),
          new PrintedLabel(
              text("label template", label.template()),
              text("label printer", label.printer()),
              label.copies(),
              key("label payload", label.payload()),
              label.contentSha256()),
          e.at());
    }
    if (event instanceof Event.FactoryRowWritten e) {
      WrittenRow row = e.row();
      return new Event.FactoryRowWritten(
          e.runId(),
          key("slot", e.slot()),
          step(e.stepId()),
          new WrittenRow(
              key("factory file name", row.fileName()),
              row.rowNumber(),
              text("factory row", row.rowText())),
          e.at());
    }
    if (event instanceof Event.RunFinished e) {
      return new Event.RunFinished(
          e.runId(),
          key("slot", e.slot()),
          e.unitNumber(),
          e.outcome(),
          step(e.failedStep()),
          text("message of the run", e.message()),
          e.duration(),
          e.at());
    }
    if (event instanceof Event.IrreversibleOperation e) {
      return new Event.IrreversibleOperation(
          e.runId(),
          key("slot", e.slot()),
          step(e.stepId()),
          e.phase(),
          text("detail of step " + e.stepId(), e.detail()),
          e.at());
    }
    if (event instanceof Event.SlotChanged e) {
      return new Event.SlotChanged(
          key("slot", e.slot()), e.state(), text("slot message", e.message()), e.at());
    }
    if (event instanceof Event.InstrumentOutOfService e) {
      return new Event.InstrumentOutOfService(
          key("instrument", e.instrument()),
          key("slot", e.heldBySlot()),
          step(e.stepId()),
          e.heldSince(),
          text("instrument message", e.message()),
          e.at());
    }
    if (event instanceof Event.Notice e) {
      return new Event.Notice(key("slot", e.slot()), text("notice", e.message()), e.at());
    }
    // RunRecorded carries no text of the outside world.
    return event;
  }

  private String step(String stepId) {
    return key("step id", stepId);
  }

  private Measurement measurement(Measurement m) {
    String name = m.name();
    Object value =
        m.value() instanceof String s ? text("measurement " + name + " value", s) : m.value();
    List<String> limits = new ArrayList<>();
    for (String limit : m.limits()) {
      limits.add(text("measurement " + name + " limit", limit));
    }
    return new Measurement(
        key("measurement name", name),
        value,
        text("measurement " + name + " units", m.units()),
        limits,
        m.passed(),
        text("measurement " + name + " message", m.message()));
  }
}
