package io.shipready.core.recipe;

import static java.util.Objects.requireNonNull;

import io.shipready.core.model.MeasurementSpec;
import io.shipready.core.model.SourceLocation;
import io.shipready.core.model.StepSpec;
import io.shipready.core.model.Validator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed and validated recipe: the steps a station does to each unit.
 *
 * @param baseDir the folder the recipe was read from; images and other files it names are relative
 *     to it
 * @param contentSha256 hash of the recipe's bytes, kept in every run's record so a result can be
 *     tied to the exact recipe that produced it
 */
public record Recipe(
    String name,
    String version,
    String description,
    StationSpec station,
    List<StepSpec> stationSetup,
    List<StepSpec> runSetup,
    List<StepSpec> steps,
    List<StepSpec> runTeardown,
    List<StepSpec> stationTeardown,
    Map<String, Variant> variants,
    Map<String, Object> simulation,
    Path baseDir,
    String source,
    String contentSha256) {

  public Recipe {
    requireNonNull(name, "name");
    requireNonNull(station, "station");
    stationSetup = List.copyOf(stationSetup);
    runSetup = List.copyOf(runSetup);
    steps = List.copyOf(steps);
    runTeardown = List.copyOf(runTeardown);
    stationTeardown = List.copyOf(stationTeardown);
    variants = Map.copyOf(variants);
    simulation = Map.copyOf(simulation);
  }

  /**
   * This recipe with a variant's limits in place of the default ones, or unchanged for null.
   *
   * @throws RecipeException when the recipe has no such variant
   */
  public Recipe forVariant(String variantName) {
    if (variantName == null) {
      return this;
    }
    Variant variant = variants.get(variantName);
    if (variant == null) {
      throw new RecipeException(
          List.of(
              new RecipeProblem(
                  new SourceLocation(source, 0, 0),
                  "unknown variant '" + variantName + "'",
                  "use one of " + variants.keySet() + " or leave --variant out")));
    }
    List<StepSpec> replaced = new ArrayList<>();
    for (StepSpec step : steps) {
      List<MeasurementSpec> measurements = new ArrayList<>();
      for (MeasurementSpec m : step.measurements()) {
        List<Validator> limits = variant.limits().get(m.name());
        measurements.add(limits == null ? m : m.withValidators(limits));
      }
      replaced.add(step.withMeasurements(measurements));
    }
    return new Recipe(
        name,
        version,
        description,
        station,
        stationSetup,
        runSetup,
        replaced,
        runTeardown,
        stationTeardown,
        variants,
        simulation,
        baseDir,
        source,
        contentSha256);
  }

  /** Every step a unit's run goes through: run setup, the steps, run teardown. */
  public List<StepSpec> runSteps() {
    List<StepSpec> all = new ArrayList<>(runSetup);
    all.addAll(steps);
    all.addAll(runTeardown);
    return all;
  }

  /** Every step of the recipe: station setup, run setup, the steps, run and station teardown. */
  public List<StepSpec> allSteps() {
    List<StepSpec> all = new ArrayList<>(stationSetup);
    all.addAll(runSteps());
    all.addAll(stationTeardown);
    return all;
  }

  public Optional<StepSpec> step(String id) {
    return runSteps().stream().filter(s -> s.id().equals(id)).findFirst();
  }
}
