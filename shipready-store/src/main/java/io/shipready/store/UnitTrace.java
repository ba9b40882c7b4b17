package io.shipready.store;

import static java.util.Objects.requireNonNull;

import io.shipready.core.event.Event.IrreversibleOperation.Phase;
import io.shipready.core.model.Outcome;
import io.shipready.core.model.StepOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Everything recorded about one unit, found by any of its identifiers. Plain records throughout, so
 * a trace can be written as JSON (Jackson with its Java time module) or as text ({@link
 * TraceText}).
 *
 * @param query what was asked for
 * @param matchedBy how the query found the unit: an identifier kind and value, or {@code component}
 *     for a component barcode built into the unit
 * @param unitId the store's number for the unit
 * @param name the unit's best name for people: its serial, device id, or first identifier
 * @param provisioning the cloud provisioning operations done for the unit, oldest first
 */
public record UnitTrace(
    String query,
    Match matchedBy,
    long unitId,
    String name,
    List<Identity> identities,
    Genealogy genealogy,
    List<Run> runs,
    List<LabelPrinted> labels,
    List<FactoryFileRow> factoryFileRows,
    List<HeldRow> heldRows,
    List<Upload> uploads,
    List<ProvisioningOperation> provisioning,
    List<RouteEvent> route,
    List<Packed> packing) {

  public UnitTrace {
    requireNonNull(query, "query");
    requireNonNull(matchedBy, "matchedBy");
    requireNonNull(name, "name");
    requireNonNull(genealogy, "genealogy");
    identities = List.copyOf(identities);
    runs = List.copyOf(runs);
    labels = List.copyOf(labels);
    factoryFileRows = List.copyOf(factoryFileRows);
    heldRows = List.copyOf(heldRows);
    uploads = List.copyOf(uploads);
    provisioning = List.copyOf(provisioning);
    route = List.copyOf(route);
    packing = List.copyOf(packing);
  }

  /** The identifier the query matched. */
  public record Match(String kind, String value) {}

  /**
   * One name the unit is known by.
   *
   * @param firstRunId the run that first reported it, or null when it came from elsewhere
   * @param alsoCarriedByAnotherUnit true when another unit owns this identifier too (a duplicate to
   *     look into: a reused label, a cloned MAC)
   */
  public record Identity(
      String kind,
      String value,
      Instant firstSeen,
      String firstRunId,
      boolean alsoCarriedByAnotherUnit) {}

  /**
   * What the unit is made of, and what it was built into.
   *
   * @param components components scanned into this unit, oldest first
   * @param builtInto units this unit (by one of its identifiers) was built into as a component
   */
  public record Genealogy(List<Component> components, List<BuiltInto> builtInto) {
    public Genealogy {
      components = List.copyOf(components);
      builtInto = List.copyOf(builtInto);
    }
  }

  /** A component built into the unit at a position (reference designator). */
  public record Component(
      String position, String barcode, String runId, String stepId, Instant linkedAt) {}

  /** Another unit this unit was built into, by which of its barcodes, and where. */
  public record BuiltInto(
      String barcode,
      String position,
      long unitId,
      String unitName,
      String runId,
      Instant linkedAt) {}

  /**
   * One run of a recipe on the unit.
   *
   * @param outcome null while the run is open (still running, or the station stopped mid-run and
   *     has not started again)
   * @param retest how many runs of this unit came before this one (aborted ones included)
   * @param stationPackage the station package the run's recipe came from; null when it was not from
   *     an installed package
   */
  public record Run(
      String runId,
      String stationId,
      String computerName,
      String slot,
      int unitNumber,
      String recipe,
      String recipeVersion,
      String recipeSha256,
      String variant,
      String operator,
      int retest,
      Instant started,
      Instant ended,
      Outcome outcome,
      String failedStep,
      String message,
      StationPackage stationPackage,
      List<StepAttempt> steps,
      List<Attribute> attributes,
      List<Image> images,
      List<Audit> irreversibleOperations) {
    public Run {
      steps = List.copyOf(steps);
      attributes = List.copyOf(attributes);
      images = List.copyOf(images);
      irreversibleOperations = List.copyOf(irreversibleOperations);
    }
  }

  /**
   * One attempt at a step.
   *
   * @param attempt 1 for the first try; 0 for a step that never ran (skipped) or was given up on
   * @param outcome null when the attempt never ended (the station stopped during it)
   */
  public record StepAttempt(
      String stepId,
      String kind,
      int attempt,
      StepOutcome outcome,
      String message,
      Instant started,
      Instant ended,
      Duration duration,
      List<MeasurementValue> measurements) {
    public StepAttempt {
      measurements = List.copyOf(measurements);
    }
  }

  /**
   * A measurement as taken: the value (as text, and as a number when it is one), its units, the
   * validators it was judged by, and the verdict.
   */
  public record MeasurementValue(
      String name,
      String value,
      Double numericValue,
      String units,
      List<String> limits,
      boolean passed,
      String message,
      Instant taken) {
    public MeasurementValue {
      limits = List.copyOf(limits);
    }
  }

  public record Attribute(String stepId, String name, String value, Instant recorded) {}

  public record Image(String stepId, String name, String version, String sha256, Instant written) {}

  /** One side of an irreversible operation. */
  public record Audit(String stepId, Phase phase, String detail, Instant at) {}

  /**
   * A label printed for the unit, by a run's step or, with {@code reprint} set ("operator:
   * reason"), printed again outside any run. {@code voided} says why the label is VOID (its unit
   * was scrapped or repaired); empty while it is valid.
   */
  public record LabelPrinted(
      String runId,
      String template,
      String printer,
      int copies,
      String contentSha256,
      Instant printed,
      String reprint,
      String voided) {}

  public record FactoryFileRow(
      String fileName, long rowNumber, String runId, String row, Instant written) {}

  /**
   * A row a retest's PASS did not write because the day's file keeps the unit's row of an earlier
   * run.
   */
  public record HeldRow(String fileName, String runId, String keptRunId, Instant held) {}

  /** An attempt to upload a factory file holding one of the unit's rows. */
  public record Upload(
      String fileName,
      String destination,
      String sha256,
      long sizeBytes,
      String outcome,
      String message,
      Instant attempted) {}

  /**
   * Where the unit was packed for shipping: its shipment (of its line), carton and pallet, what was
   * scanned off it, when and by whom.
   */
  public record Packed(
      String shipment,
      String line,
      String carton,
      String pallet,
      String scan,
      Instant packedAt,
      String packedBy) {}
}
