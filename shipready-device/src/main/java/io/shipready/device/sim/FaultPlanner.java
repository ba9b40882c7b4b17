package io.shipready.device.sim;

import static java.util.Objects.requireNonNull;

import io.shipready.core.model.MeasurementSpec;
import io.shipready.core.model.Outcome;
import io.shipready.core.model.StepSpec;
import io.shipready.core.model.Validator;
import io.shipready.core.recipe.Recipe;
import io.shipready.core.spi.Radio;
import io.shipready.device.spi.SimulatedFamily;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Plans faults "at a rate" for a simulated batch: which units are bad, how, and so at which step
 * they must fail and with what outcome. Only faults the recipe can actually see are planned (a low
 * RSSI on a line that never measures RSSI would be a fault that cannot show), and each is tied to
 * the first step that touches its operation. The plan depends only on the fleet's seed, so a seed
 * gives the same failures on the same units every time.
 *
 * <p>Flashing, measuring, label scans and the console are planned here for every family; the
 * recipe's device family ({@link SimulatedFamily#opportunities}) adds the faults of its own
 * operations.
 */
public final class FaultPlanner {

  /** A fault a recipe can reveal, the step that reveals it, and the outcome it must cause. */
  public record Opportunity(String stepId, Fault fault, Outcome expected, String description) {
    public Opportunity {
      requireNonNull(stepId, "stepId");
      requireNonNull(fault, "fault");
      requireNonNull(expected, "expected");
    }
  }

  /** A fault planned for one unit of the batch. */
  public record PlannedFault(int unitNumber, Opportunity opportunity) {}

  private FaultPlanner() {}

  /** Every fault this recipe would reveal, each at the first step that touches its operation. */
  public static List<Opportunity> opportunities(Recipe recipe) {
    List<Opportunity> found = new ArrayList<>();
    Set<String> touched = new HashSet<>();
    Optional<SimulatedFamily> family = SimulatedFamilies.find(recipe.station().deviceFamily());
    for (StepSpec step : recipe.runSteps()) {
      switch (step.kind()) {
        case "flash" -> {
          String region = String.valueOf(step.params().get("region"));
          if (touched.add("flash:" + region)) {
            found.add(
                new Opportunity(
                    step.id(),
                    new Fault.FlashFailure(region),
                    Outcome.FAIL,
                    "flash failure in region " + region));
            found.add(
                new Opportunity(
                    step.id(),
                    new Fault.Unplugged("flash:" + region),
                    Outcome.ERROR,
                    "unplugged while flashing " + region));
          }
        }
        case "measure" -> {
          for (MeasurementSpec m : step.measurements()) {
            outOfLimits(step, m, touched).ifPresent(found::add);
          }
        }
        case "scan" -> {
          if ("qr".equals(step.params().get("marking")) && touched.add("markings:qr")) {
            labelChecker(recipe, step)
                .ifPresent(
                    checker ->
                        found.add(
                            new Opportunity(
                                checker,
                                new Fault.WrongLabel(),
                                Outcome.FAIL,
                                "carries the label of another unit")));
          }
        }
        case "console" -> {
          if (touched.add("console")) {
            found.add(
                new Opportunity(
                    step.id(),
                    new Fault.Unresponsive("console"),
                    Outcome.ERROR,
                    "console does not answer"));
          }
        }
        default ->
            // The family's own operations (image loading, recovery, ...); steps it does not know
            // get no planned faults: inject them per device when a test needs one.
            family.ifPresent(f -> found.addAll(f.opportunities(step, touched::add)));
      }
    }
    return found;
  }

  /**
   * The step after a label scan that would catch a label of another unit: a known_unit look-up, or
   * an identify that matches the scan against the firmware.
   */
  private static Optional<String> labelChecker(Recipe recipe, StepSpec scan) {
    List<StepSpec> steps = recipe.runSteps();
    for (StepSpec later : steps.subList(steps.indexOf(scan) + 1, steps.size())) {
      boolean matches =
          later.kind().equals("identify")
              && later.params().get("match") instanceof List<?> l
              && !l.isEmpty();
      if (later.kind().equals("known_unit") || matches) {
        return Optional.of(later.id());
      }
    }
    return Optional.empty();
  }

  /**
   * Draws, for each of {@code units} units, whether it is bad (with probability {@code rate}) and
   * which of the recipe's opportunities hits it. The draw depends on the recipe, so the stations of
   * a line fail different units of the same batch, as a real line does.
   */
  public static Map<Integer, PlannedFault> plan(
      Recipe recipe, SimulatedFleet fleet, int units, double rate) {
    if (rate < 0 || rate > 1) {
      throw new IllegalArgumentException("fail rate must be between 0 and 1, not " + rate);
    }
    List<Opportunity> opportunities = opportunities(recipe);
    Map<Integer, PlannedFault> plan = new LinkedHashMap<>();
    if (opportunities.isEmpty() || rate == 0) {
      return plan;
    }
    for (int unit = 1; unit <= units; unit++) {
      if (fleet.draw(unit, "fault/" + recipe.name()) < rate) {
        int pick = (int) (fleet.draw(unit, "fault-kind/" + recipe.name()) * opportunities.size());
        plan.put(unit, new PlannedFault(unit, opportunities.get(pick)));
      }
    }
    return plan;
  }

  private static Optional<Opportunity> outOfLimits(
      StepSpec step, MeasurementSpec m, Set<String> touched) {
    Validator.Range range =
        m.validators().stream()
            .filter(Validator.Range.class::isInstance)
            .map(Validator.Range.class::cast)
            .findFirst()
            .orElse(null);
    if (range == null) {
      return Optional.empty();
    }
    String source = m.source();
    if (source.startsWith("rssi:")) {
      if (range.min() == null || !touched.add(source)) {
        return Optional.empty();
      }
      Radio.Band band = Radio.Band.valueOf(source.substring(5).toUpperCase(Locale.ROOT));
      double weak = range.min() - 10;
      return Optional.of(
          new Opportunity(
              step.id(),
              new Fault.LowRssi(band, weak),
              Outcome.FAIL,
              "weak " + band + " signal (" + weak + " dBm) at " + m.name()));
    }
    if (!touched.add("sensor:" + source)) {
      return Optional.empty();
    }
    double bad =
        range.max() != null
            ? range.max() + Math.max(Math.abs(range.max()) * 0.2, 1)
            : range.min() - Math.max(Math.abs(range.min()) * 0.2, 1);
    return Optional.of(
        new Opportunity(
            step.id(),
            new Fault.OutOfLimits(source, bad),
            Outcome.FAIL,
            m.name()
                + " out of limits ("
                + bad
                + (m.units().isEmpty() ? "" : " " + m.units())
                + ")"));
  }
}
