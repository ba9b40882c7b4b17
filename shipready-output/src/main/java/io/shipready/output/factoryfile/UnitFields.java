package io.shipready.output.factoryfile;

import io.shipready.core.event.Event;
import io.shipready.core.model.Identifier;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The fields of a unit's run, named for factory file columns, gathered from the run's events:
 *
 * <ul>
 *   <li>each identifier by its kind: {@code device_id}, {@code association_id}, {@code ble_mac},
 *       {@code serial}, {@code imei}, {@code iccid}...;
 *   <li>{@code component.<position>}: the barcode of a component linked at that position;
 *   <li>{@code image.<name>.version} and {@code image.<name>.sha256} for each image written;
 *   <li>{@code measurement.<name>} (the value) and {@code measurement.<name>.units};
 *   <li>{@code attribute.<key>} for each attribute a step recorded;
 *   <li>{@code run.id}, {@code run.slot}, {@code run.unit}, {@code run.recipe}, {@code
 *       run.recipe_version}, {@code run.variant}, {@code run.started}, and once it ended {@code
 *       run.outcome}, {@code run.failed_step}, {@code run.message}, {@code run.finished}.
 * </ul>
 *
 * A field recorded twice (a step retried) keeps its last value.
 */
public final class UnitFields {
  private UnitFields() {}

  /** The fields of the run {@code runId}; events of other runs are skipped. */
  public static Map<String, String> of(String runId, Iterable<? extends Event> events) {
    Objects.requireNonNull(runId, "runId");
    Map<String, String> fields = new LinkedHashMap<>();
    for (Event event : events) {
      if (runId.equals(event.runId())) {
        add(fields, event);
      }
    }
    return Collections.unmodifiableMap(fields);
  }

  static void add(Map<String, String> fields, Event event) {
    if (event instanceof Event.RunStarted e) {
      fields.put("run.id", e.runId());
      fields.put("run.slot", e.slot());
      fields.put("run.unit", Integer.toString(e.unitNumber()));
      fields.put("run.recipe", text(e.recipe()));
      fields.put("run.recipe_version", text(e.recipeVersion()));
      fields.put("run.variant", text(e.variant()));
      fields.put("run.started", e.at().toString());
    } else if (event instanceof Event.UnitIdentified e) {
      for (Identifier id : e.identifiers()) {
        fields.put(id.kind(), id.value());
      }
    } else if (event instanceof Event.ComponentLinked e) {
      fields.put("component." + e.position(), e.barcode());
    } else if (event instanceof Event.ImageWritten e) {
      fields.put("image." + e.name() + ".version", text(e.version()));
      fields.put("image." + e.name() + ".sha256", text(e.sha256()));
    } else if (event instanceof Event.MeasurementTaken e) {
      String name = "measurement." + e.measurement().name();
      fields.put(name, String.valueOf(e.measurement().value()));
      fields.put(name + ".units", e.measurement().units());
    } else if (event instanceof Event.AttributeRecorded e) {
      fields.put("attribute." + e.key(), text(e.value()));
    } else if (event instanceof Event.RunFinished e) {
      fields.put("run.outcome", e.outcome().name());
      fields.put("run.failed_step", text(e.failedStep()));
      fields.put("run.message", text(e.message()));
      fields.put("run.finished", e.at().toString());
    }
    // Steps starting and finishing, irreversible operations, notices and slot changes carry no
    // unit field.
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }
}
