package io.shipready.store;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** A unit's trace as text for people: what it is, what it is made of, and every run. */
public final class TraceText {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private TraceText() {}

  public static String render(UnitTrace trace) {
    requireNonNull(trace, "trace");
    StringBuilder out = new StringBuilder();
    out.append("Unit ")
        .append(trace.name())
        .append(" (unit #")
        .append(trace.unitId())
        .append(")\n");
    out.append("Found by ")
        .append(trace.matchedBy().kind())
        .append(' ')
        .append(trace.matchedBy().value())
        .append("\n\n");

    out.append("Identities\n");
    int width = trace.identities().stream().mapToInt(i -> i.kind().length()).max().orElse(4);
    for (UnitTrace.Identity id : trace.identities()) {
      out.append("  ")
          .append(pad(id.kind(), width))
          .append("  ")
          .append(id.value())
          .append("  first seen ")
          .append(time(id.firstSeen()));
      if (id.firstRunId() != null) {
        out.append(" (run ").append(id.firstRunId()).append(')');
      }
      if (id.alsoCarriedByAnotherUnit()) {
        out.append("  ! also carried by another unit");
      }
      out.append('\n');
    }
    none(out, trace.identities());

    out.append("\nGenealogy\n  components:\n");
    for (UnitTrace.Component c : trace.genealogy().components()) {
      out.append("    ")
          .append(c.position().isEmpty() ? "-" : c.position())
          .append("  ")
          .append(c.barcode())
          .append("  linked ")
          .append(time(c.linkedAt()))
          .append(" in ")
          .append(c.stepId())
          .append(" (run ")
          .append(c.runId())
          .append(")\n");
    }
    if (trace.genealogy().components().isEmpty()) {
      out.append("    (none)\n");
    }
    out.append("  built into:\n");
    for (UnitTrace.BuiltInto b : trace.genealogy().builtInto()) {
      out.append("    unit ")
          .append(b.unitName())
          .append(" (unit #")
          .append(b.unitId())
          .append(") at ")
          .append(b.position().isEmpty() ? "-" : b.position())
          .append(" as ")
          .append(b.barcode())
          .append(", ")
          .append(time(b.linkedAt()))
          .append('\n');
    }
    if (trace.genealogy().builtInto().isEmpty()) {
      out.append("    (none)\n");
    }

    out.append("\nRuns (").append(trace.runs().size()).append(")\n");
    int number = 0;
    for (UnitTrace.Run run : trace.runs()) {
      run(out, ++number, run);
    }

    route(out, trace);

    out.append("\nLabels printed\n");
    for (UnitTrace.LabelPrinted label : trace.labels()) {
      out.append("  ")
          .append(time(label.printed()))
          .append("  ")
          .append(label.template())
          .append(" on ")
          .append(label.printer())
          .append(" x")
          .append(label.copies())
          .append("  sha256 ")
          .append(label.contentSha256())
          .append(label.reprint().isEmpty() ? "" : "  REPRINT by " + label.reprint())
          .append(label.voided().isEmpty() ? "" : "  VOID (" + label.voided() + ")")
          .append('\n');
    }
    none(out, trace.labels());
    out.append("\nFactory-file rows\n");
    for (UnitTrace.FactoryFileRow row : trace.factoryFileRows()) {
      out.append("  ")
          .append(row.fileName())
          .append(':')
          .append(row.rowNumber())
          .append("  ")
          .append(row.row())
          .append('\n');
    }
    none(out, trace.factoryFileRows());
    for (UnitTrace.HeldRow held : trace.heldRows()) {
      out.append("  held: ")
          .append(held.fileName())
          .append(" keeps the row of run ")
          .append(held.keptRunId())
          .append("; run ")
          .append(held.runId())
          .append(" passed again and its row is held in the records (one row per unit a day)\n");
    }
    out.append("\nUploads\n");
    for (UnitTrace.Upload upload : trace.uploads()) {
      out.append("  ")
          .append(time(upload.attempted()))
          .append("  ")
          .append(upload.fileName())
          .append(" -> ")
          .append(upload.destination())
          .append("  ")
          .append(upload.outcome())
          .append(upload.message().isEmpty() ? "" : ": " + upload.message())
          .append('\n');
    }
    none(out, trace.uploads());
    out.append("\nProvisioning\n");
    for (ProvisioningOperation op : trace.provisioning()) {
      out.append("  ")
          .append(time(op.at()))
          .append("  ")
          .append(op.operation())
          .append(op.target().isEmpty() ? "" : " " + op.target())
          .append("  product ")
          .append(op.product())
          .append("  ")
          .append(op.result())
          .append(op.httpStatus() == 0 ? "" : " (HTTP " + op.httpStatus() + ")")
          .append(op.message().isEmpty() ? "" : ": " + op.message())
          .append("  from ")
          .append(op.queueFile())
          .append(':')
          .append(op.queueLine())
          .append('\n');
    }
    none(out, trace.provisioning());
    out.append("\nPacking\n");
    for (UnitTrace.Packed packed : trace.packing()) {
      out.append("  shipment ")
          .append(packed.shipment())
          .append(" (line ")
          .append(packed.line())
          .append("), carton ")
          .append(packed.carton())
          .append(" on pallet ")
          .append(packed.pallet())
          .append("  ")
          .append(time(packed.packedAt()))
          .append(" by ")
          .append(packed.packedBy())
          .append(" (scanned ")
          .append(packed.scan())
          .append(")\n");
    }
    if (trace.packing().isEmpty()) {
      out.append("  (not packed)\n");
    }
    return out.toString();
  }

  /** Runs per recipe (the line's stations), then overrides, rework, repairs and scrap. */
  private static void route(StringBuilder out, UnitTrace trace) {
    out.append("\nRoute\n");
    java.util.Map<String, List<UnitTrace.Run>> byRecipe = new java.util.LinkedHashMap<>();
    trace.runs().forEach(r -> byRecipe.computeIfAbsent(r.recipe(), k -> new ArrayList<>()).add(r));
    byRecipe.forEach(
        (recipe, runs) ->
            out.append("  ")
                .append(recipe)
                .append(": ")
                .append(runs.size())
                .append(runs.size() == 1 ? " run " : " runs ")
                .append(
                    runs.stream()
                        .map(r -> r.outcome() == null ? "OPEN" : r.outcome().name())
                        .toList())
                .append('\n'));
    for (RouteEvent event : trace.route()) {
      out.append("  ")
          .append(time(event.at()))
          .append("  ")
          .append(event.kind())
          .append(event.station().isEmpty() ? "" : " " + event.station())
          .append(" by ")
          .append(event.user())
          .append(": ")
          .append(event.reason());
      if (!event.action().isEmpty()) {
        out.append("; action: ").append(event.action());
      }
      if (!event.parts().isEmpty()) {
        out.append("; parts replaced: ").append(String.join(", ", event.parts()));
      }
      out.append('\n');
    }
    if (trace.runs().isEmpty() && trace.route().isEmpty()) {
      out.append("  (none)\n");
    }
  }

  private static void run(StringBuilder out, int number, UnitTrace.Run run) {
    out.append("  ")
        .append(number)
        .append(". ")
        .append(run.outcome() == null ? "OPEN (no end recorded)" : run.outcome().name())
        .append("  run ")
        .append(run.runId())
        .append('\n');
    out.append("     station ")
        .append(run.stationId())
        .append(run.computerName().isEmpty() ? "" : " on " + run.computerName())
        .append(", slot ")
        .append(run.slot())
        .append(", unit ")
        .append(run.unitNumber())
        .append(", operator ")
        .append(run.operator().isEmpty() ? "-" : run.operator())
        .append(", retest ")
        .append(run.retest())
        .append('\n');
    out.append("     recipe ")
        .append(run.recipe())
        .append(' ')
        .append(run.recipeVersion())
        .append(run.variant().isEmpty() ? "" : " variant " + run.variant())
        .append(" sha256 ")
        .append(run.recipeSha256())
        .append('\n');
    if (run.stationPackage() != null) {
      StationPackage built = run.stationPackage();
      out.append("     package ")
          .append(built.name())
          .append(' ')
          .append(built.version())
          .append(" manifest sha256 ")
          .append(built.manifestSha256())
          .append(built.signer().isEmpty() ? ", unsigned" : ", signed by " + built.signer())
          .append('\n');
    }
    out.append("     started ").append(time(run.started()));
    if (run.ended() != null) {
      out.append(", ended ")
          .append(time(run.ended()))
          .append(" (")
          .append(seconds(Duration.between(run.started(), run.ended())))
          .append(')');
    }
    out.append('\n');
    if (!run.failedStep().isEmpty() || !run.message().isEmpty()) {
      out.append("     ")
          .append(run.failedStep().isEmpty() ? "" : "failed at " + run.failedStep() + ": ")
          .append(run.message())
          .append('\n');
    }
    for (UnitTrace.StepAttempt step : run.steps()) {
      out.append("     - ")
          .append(step.stepId())
          .append(" (")
          .append(step.kind())
          .append(step.attempt() > 0 ? ", attempt " + step.attempt() : "")
          .append(")  ")
          .append(step.outcome() == null ? "DID NOT END" : step.outcome().name());
      if (step.duration() != null) {
        out.append("  ").append(seconds(step.duration()));
      }
      if (!step.message().isEmpty()) {
        out.append("  ").append(step.message());
      }
      out.append('\n');
      for (UnitTrace.MeasurementValue m : step.measurements()) {
        out.append("         ")
            .append(m.name())
            .append(" = ")
            .append(m.value())
            .append(m.units().isEmpty() ? "" : " " + m.units())
            .append(m.limits().isEmpty() ? "" : "  [" + String.join("; ", m.limits()) + "]")
            .append(m.passed() ? "  pass" : "  FAIL")
            .append(m.message().isEmpty() ? "" : "  " + m.message())
            .append('\n');
      }
    }
    for (UnitTrace.Attribute a : run.attributes()) {
      out.append("     attribute ")
          .append(a.name())
          .append(" = ")
          .append(a.value())
          .append(a.stepId().isEmpty() ? "" : "  (" + a.stepId() + ")")
          .append('\n');
    }
    for (UnitTrace.Image image : run.images()) {
      out.append("     image ")
          .append(image.name())
          .append(' ')
          .append(image.version())
          .append(" sha256 ")
          .append(image.sha256())
          .append("  (")
          .append(image.stepId())
          .append(")\n");
    }
    for (UnitTrace.Audit audit : run.irreversibleOperations()) {
      out.append("     irreversible ")
          .append(audit.stepId())
          .append(' ')
          .append(audit.phase())
          .append(' ')
          .append(time(audit.at()))
          .append(audit.detail().isEmpty() ? "" : "  " + audit.detail())
          .append('\n');
    }
  }

  private static void none(StringBuilder out, List<?> items) {
    if (items.isEmpty()) {
      out.append("  (none)\n");
    }
  }

  private static String pad(String text, int width) {
    return text.length() >= width ? text : text + " ".repeat(width - text.length());
  }

  private static String time(Instant instant) {
    return instant == null ? "-" : TIME.format(instant);
  }

  private static String seconds(Duration duration) {
    return String.format(java.util.Locale.ROOT, "%.3f s", duration.toNanos() / 1e9);
  }
}
