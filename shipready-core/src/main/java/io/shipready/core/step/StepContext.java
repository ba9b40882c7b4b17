package io.shipready.core.step;

import io.shipready.core.model.Identifier;
import io.shipready.core.model.StepSpec;
import io.shipready.core.spi.Device;
import io.shipready.core.spi.ImageLibrary;
import io.shipready.core.spi.KnownUnits;
import io.shipready.core.spi.Prompter;
import io.shipready.core.spi.StationOutputs;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a running step can see and do: its spec, the device, the run so far, and the record. */
public interface StepContext {
  StepSpec spec();

  Device device();

  String slot();

  String runId();

  /**
   * Everything the run learnt so far: identifiers, attributes. Safe to read from parallel steps.
   */
  Map<String, String> runAttributes();

  List<Identifier> identifiers();

  /** Records a value for a declared measurement; it is judged when the step returns. */
  void measure(String name, Object value);

  /** Records a value no limit judges. Also visible to later steps through runAttributes(). */
  void attribute(String key, String value);

  /** Records an image written to the unit, after it was verified. */
  void imageWritten(String name, String version, String sha256);

  /** Records a component scanned into the unit (genealogy) at a position. */
  void componentLinked(String position, String barcode);

  /** Records identifiers of the unit (from identify or a scan). */
  void identified(List<Identifier> identifiers);

  /** A line for the operator and the record. */
  void log(String message);

  /** Loads an image file the recipe names, relative to the recipe's folder. */
  ImageLibrary.ImageFile imageFile(String reference);

  Prompter prompter();

  /** The station's printer and factory files. */
  StationOutputs outputs();

  /** The units earlier runs recorded. */
  KnownUnits knownUnits();

  /** Records a label printed for the unit. */
  void labelPrinted(io.shipready.core.model.PrintedLabel label);

  /** The recipe's folder: where commands run and relative paths start. */
  java.nio.file.Path recipeDirectory();

  /** Sleeps, answering cancellation. */
  void sleep(Duration duration) throws InterruptedException;

  default Optional<Object> param(String name) {
    return Optional.ofNullable(spec().params().get(name));
  }

  default String string(String name) {
    Object value = spec().params().get(name);
    if (value == null) {
      throw new IllegalStateException("step " + spec().id() + " has no parameter " + name);
    }
    return String.valueOf(value);
  }

  default String string(String name, String fallback) {
    Object value = spec().params().get(name);
    return value == null ? fallback : String.valueOf(value);
  }

  default boolean flag(String name, boolean fallback) {
    Object value = spec().params().get(name);
    return value == null ? fallback : (Boolean) value;
  }

  default long integer(String name, long fallback) {
    Object value = spec().params().get(name);
    return value == null ? fallback : ((Number) value).longValue();
  }

  default Duration duration(String name, Duration fallback) {
    Object value = spec().params().get(name);
    return value == null ? fallback : (Duration) value;
  }

  @SuppressWarnings("unchecked")
  default List<String> strings(String name) {
    Object value = spec().params().get(name);
    return value == null ? List.of() : (List<String>) value;
  }
}
