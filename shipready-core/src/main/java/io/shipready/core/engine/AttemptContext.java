package io.shipready.core.engine;

import io.shipready.core.event.Event;
import io.shipready.core.model.Identifier;
import io.shipready.core.model.Measurement;
import io.shipready.core.model.MeasurementSpec;
import io.shipready.core.model.PrintedLabel;
import io.shipready.core.model.StepSpec;
import io.shipready.core.model.Validator;
import io.shipready.core.model.Values;
import io.shipready.core.spi.Device;
import io.shipready.core.spi.ImageLibrary;
import io.shipready.core.spi.KnownUnits;
import io.shipready.core.spi.Prompter;
import io.shipready.core.spi.StationOutputs;
import io.shipready.core.step.StepContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What one attempt of a step sees; measurements are judged and published as they are taken. */
final class AttemptContext implements StepContext {
  private final UnitRun run;
  private final StepSpec spec;
  private final List<Measurement> measurements = new ArrayList<>();

  AttemptContext(UnitRun run, StepSpec spec) {
    this.run = run;
    this.spec = spec;
  }

  @Override
  public StepSpec spec() {
    return spec;
  }

  @Override
  public Device device() {
    return run.device();
  }

  @Override
  public String slot() {
    return run.slot();
  }

  @Override
  public String runId() {
    return run.runId();
  }

  @Override
  public Map<String, String> runAttributes() {
    return run.attributes();
  }

  @Override
  public List<Identifier> identifiers() {
    return run.identifiers();
  }

  @Override
  public void measure(String name, Object value) {
    MeasurementSpec declared = spec.measurement(name).orElse(null);
    if (declared == null) {
      attribute(name, Values.text(value));
      return;
    }
    List<String> limits = new ArrayList<>();
    List<String> broken = new ArrayList<>();
    for (Validator validator : declared.validators()) {
      limits.add(validator.describe());
      if (!validator.accepts(value)) {
        broken.add(validator.describe());
      }
    }
    String message =
        broken.isEmpty()
            ? ""
            : name
                + " = "
                + Values.text(value)
                + (declared.units().isEmpty() ? "" : " " + declared.units())
                + " is outside "
                + String.join(" and ", broken);
    Measurement measurement =
        new Measurement(name, value, declared.units(), limits, broken.isEmpty(), message);
    synchronized (measurements) {
      measurements.add(measurement);
    }
    run.publish(
        new Event.MeasurementTaken(run.runId(), run.slot(), spec.id(), measurement, run.now()));
  }

  @Override
  public void attribute(String key, String value) {
    run.attributes().put(key, value);
    run.publish(
        new Event.AttributeRecorded(run.runId(), run.slot(), spec.id(), key, value, run.now()));
  }

  @Override
  public void imageWritten(String name, String version, String sha256) {
    run.publish(
        new Event.ImageWritten(
            run.runId(), run.slot(), spec.id(), name, version, sha256, run.now()));
  }

  @Override
  public void componentLinked(String position, String barcode) {
    run.publish(
        new Event.ComponentLinked(
            run.runId(), run.slot(), spec.id(), position, barcode, run.now()));
  }

  @Override
  public void identified(List<Identifier> identifiers) {
    // A value many units share (a company code) goes to the record, but never finds the unit.
    run.addIdentifiers(identifiers.stream().filter(Identifier::namesOneUnit).toList());
    identifiers.stream()
        .filter(id -> !id.namesOneUnit())
        .forEach(id -> attribute(id.kind(), id.value()));
  }

  @Override
  public void log(String message) {
    run.publish(new Event.Notice(run.slot(), spec.id() + ": " + message, run.now()));
  }

  @Override
  public ImageLibrary.ImageFile imageFile(String reference) {
    return run.services().images().load(reference);
  }

  @Override
  public Prompter prompter() {
    return run.services().prompter();
  }

  @Override
  public StationOutputs outputs() {
    return run.services().outputs();
  }

  @Override
  public KnownUnits knownUnits() {
    return run.services().knownUnits();
  }

  @Override
  public void labelPrinted(PrintedLabel label) {
    run.publish(new Event.LabelPrinted(run.runId(), run.slot(), spec.id(), label, run.now()));
  }

  @Override
  public java.nio.file.Path recipeDirectory() {
    java.nio.file.Path dir = run.recipe().baseDir();
    return dir == null ? java.nio.file.Path.of(".") : dir;
  }

  @Override
  public void sleep(Duration duration) throws InterruptedException {
    if (!duration.isNegative() && !duration.isZero()) {
      Thread.sleep(duration.toMillis(), (int) (duration.toNanos() % 1_000_000));
    }
  }

  List<Measurement> measurements() {
    synchronized (measurements) {
      return List.copyOf(measurements);
    }
  }
}
