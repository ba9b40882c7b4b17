package io.shipready.core.recipe;

import static java.util.Objects.requireNonNull;

import io.shipready.core.model.SourceLocation;
import io.shipready.core.model.StepSpec;
import io.shipready.core.step.StepKind;
import java.util.List;

/**
 * A step as read, before its dependencies are resolved against the other steps of its section.
 *
 * @param spec the step with no dependencies yet
 * @param kind the step's kind, or null when the recipe names a kind the library does not have
 * @param idLocation where the id is written, for duplicate ids
 * @param dependsOn what the step says it waits for, or null when it says nothing and so waits for
 *     the step listed before it
 * @param lock the instrument the step holds, or null
 */
record StepDraft(
    Section section,
    StepSpec spec,
    StepKind kind,
    SourceLocation idLocation,
    List<Reference> dependsOn,
    Reference lock) {
  StepDraft {
    requireNonNull(section, "section");
    requireNonNull(spec, "spec");
    requireNonNull(idLocation, "idLocation");
    dependsOn = dependsOn == null ? null : List.copyOf(dependsOn);
  }

  String id() {
    return spec.id();
  }

  StepDraft withDependencies(List<String> ids) {
    StepSpec resolved =
        new StepSpec(
            spec.id(),
            spec.kind(),
            spec.name(),
            spec.params(),
            spec.measurements(),
            spec.timeout(),
            spec.retry(),
            spec.onFail(),
            ids,
            spec.lock(),
            spec.location(),
            spec.paramLocations());
    return new StepDraft(section, resolved, kind, idLocation, dependsOn, lock);
  }
}
