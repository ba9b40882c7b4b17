package io.shipready.core.engine;

import static java.util.Objects.requireNonNull;

import io.shipready.core.model.StepSpec;
import io.shipready.core.recipe.Recipe;
import io.shipready.core.spi.Capability;
import io.shipready.core.step.StepKind;
import io.shipready.core.step.StepLibrary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether every slot of a station can run every step of its recipe, checked before the first unit:
 * a slot whose driver lacks a capability a step needs would otherwise fail that step on every unit
 * it takes. Station setup and teardown run on the station, not on a slot's unit, and are not
 * checked.
 */
public final class CapabilityCheck {
  private CapabilityCheck() {}

  /**
   * What one slot's units will be able to do, known from its settings before any unit is attached.
   *
   * @param slot the slot's name
   * @param driver the driver that reaches the slot's units, for the message
   * @param capabilities the capability interfaces a unit in the slot will have
   */
  public record Slot(String slot, String driver, Set<Class<? extends Capability>> capabilities) {
    public Slot {
      requireNonNull(slot, "slot");
      requireNonNull(driver, "driver");
      capabilities = Set.copyOf(capabilities);
    }
  }

  /**
   * Checks the recipe's run steps against every slot.
   *
   * @param library the step kinds the recipe was parsed with
   * @return empty when every slot can run every step; otherwise one message listing every step a
   *     slot cannot run, the capabilities it lacks, and the fix
   */
  public static Optional<String> check(Recipe recipe, StepLibrary library, List<Slot> slots) {
    requireNonNull(recipe, "recipe");
    requireNonNull(library, "library");
    requireNonNull(slots, "slots");
    // Slots with the same driver usually lack the same things: they are named together.
    Map<String, List<String>> slotsByProblem = new LinkedHashMap<>();
    for (Slot slot : slots) {
      List<String> steps = new ArrayList<>();
      for (StepSpec step : recipe.runSteps()) {
        Optional<StepKind> kind = library.find(step.kind());
        if (kind.isEmpty()) {
          continue;
        }
        List<String> missing =
            kind.get().requiredCapabilities(step).stream()
                .filter(type -> !slot.capabilities().contains(type))
                .map(Class::getSimpleName)
                .toList();
        if (!missing.isEmpty()) {
          steps.add("step '" + step.id() + "' (needs " + String.join(", ", missing) + ")");
        }
      }
      if (!steps.isEmpty()) {
        String problem = slot.driver() + ") cannot run " + String.join(", ", steps);
        slotsByProblem.computeIfAbsent(problem, p -> new ArrayList<>()).add(slot.slot());
      }
    }
    if (slotsByProblem.isEmpty()) {
      return Optional.empty();
    }
    String listed =
        slotsByProblem.entrySet().stream()
            .map(
                entry ->
                    (entry.getValue().size() == 1 ? "slot " : "slots ")
                        + String.join(", ", entry.getValue())
                        + " ("
                        + entry.getKey())
            .collect(Collectors.joining("; "));
    return Optional.of(
        "recipe "
            + recipe.name()
            + ": "
            + listed
            + "; give those slots a driver that has it or remove the steps");
  }
}
