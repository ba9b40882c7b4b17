package io.shipready.core.recipe;

import static java.util.Objects.requireNonNull;

import io.shipready.core.model.MeasurementSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the names one part of a recipe gives another: step ids and measurement names are unique in
 * the recipe, locks name declared instruments, variants name existing measurements.
 */
final class CrossReferences {
  private final Problems problems;

  CrossReferences(Problems problems) {
    this.problems = requireNonNull(problems, "problems");
  }

  /** Reports ids used twice; returns the section of each id, as first written. */
  Map<String, Section> uniqueIds(List<StepDraft> steps) {
    Map<String, StepDraft> first = new LinkedHashMap<>();
    Map<String, Section> sections = new LinkedHashMap<>();
    for (StepDraft step : steps) {
      StepDraft earlier = first.putIfAbsent(step.id(), step);
      if (earlier == null) {
        sections.put(step.id(), step.section());
      } else {
        problems.add(
            step.idLocation(),
            "step id '" + step.id() + "' is used twice (first at " + earlier.idLocation() + ")",
            "give every step its own id, including those in setup and teardown");
      }
    }
    return sections;
  }

  /** Reports measurement names used twice; returns the section of each name, as first written. */
  Map<String, Section> uniqueMeasurements(List<StepDraft> steps) {
    Map<String, MeasurementSpec> first = new LinkedHashMap<>();
    Map<String, Section> sections = new LinkedHashMap<>();
    for (StepDraft step : steps) {
      for (MeasurementSpec measurement : step.spec().measurements()) {
        MeasurementSpec earlier = first.putIfAbsent(measurement.name(), measurement);
        if (earlier == null) {
          sections.put(measurement.name(), step.section());
        } else {
          problems.add(
              measurement.location(),
              "measurement name '"
                  + measurement.name()
                  + "' is used twice (first at "
                  + earlier.location()
                  + ")",
              "give every measurement its own name: it is the key of its value in the record");
        }
      }
    }
    return sections;
  }

  void locks(List<StepDraft> steps, List<String> instruments) {
    for (StepDraft step : steps) {
      Reference lock = step.lock();
      if (lock != null && !instruments.contains(lock.name())) {
        problems.add(
            lock.location(),
            "step '"
                + step.id()
                + "' locks '"
                + lock.name()
                + "', which is not an instrument of the station",
            instruments.isEmpty()
                ? "declare it in station.instruments, e.g. instruments: [" + lock.name() + "]"
                : Suggestions.fix(
                    lock.name(), instruments, "declare it in station.instruments, or use one of"));
      }
    }
  }

  /**
   * @param measurements the section of every measurement in the recipe
   */
  void variants(List<VariantReader.Draft> variants, Map<String, Section> measurements) {
    List<String> inSteps = new ArrayList<>();
    measurements.forEach(
        (name, section) -> {
          if (section == Section.STEPS) {
            inSteps.add(name);
          }
        });
    for (VariantReader.Draft variant : variants) {
      for (Reference named : variant.measurements()) {
        Section section = measurements.get(named.name());
        if (section == Section.STEPS) {
          continue;
        }
        String variantName = "variant '" + variant.variant().name() + "'";
        if (section != null) {
          problems.add(
              named.location(),
              variantName
                  + " sets limits for measurement '"
                  + named.name()
                  + "', which is in "
                  + section.path(),
              "variants replace the limits of measurements in steps only: move the measurement"
                  + " to a step, or remove these limits");
        } else {
          problems.add(
              named.location(),
              variantName + " sets limits for unknown measurement '" + named.name() + "'",
              Suggestions.fix(named.name(), inSteps, "measurements in steps"));
        }
      }
    }
  }
}
