package io.shipready.core.step;

import io.shipready.core.model.StepSpec;
import io.shipready.core.spi.Capability;
import java.util.List;

/**
 * One action of the step library. A kind declares its parameters (so recipes are checked before
 * they run and editors can complete them) and its category (so the ordering rules hold), and runs
 * against device capabilities only.
 */
public interface StepKind {
  /** The name recipes use in {@code kind:}. */
  String name();

  /** One line for people: what the step does. */
  String description();

  List<ParamSpec> params();

  /** Where this step may stand in a recipe; may depend on its parameters. */
  StepCategory category(StepSpec spec);

  /** Whether the kind takes measurements, and so whether a recipe may declare them on it. */
  boolean takesMeasurements();

  /**
   * For a check: the kinds of check that must come before this step (for example ready_to_ship
   * before DeviceComplete). Empty when any check will do.
   */
  default List<String> requiredChecksBefore(StepSpec spec) {
    return List.of();
  }

  /**
   * The device capabilities a step of this kind asks the unit's device for, given its parameters: a
   * station checks every slot has them before the first unit, so a recipe that a slot's driver
   * cannot run is refused at start instead of failing on every unit. Empty for steps done by the
   * station alone (label, prompt, wait, command...). A capability the step only uses when the
   * device has it (and otherwise does without) is not listed.
   */
  default List<Class<? extends Capability>> requiredCapabilities(StepSpec spec) {
    return List.of();
  }

  /**
   * The files a step of this kind names, given its parameters: the station checks each is there
   * (and matches its pinned SHA-256) before the first unit, and {@code shipready recipe check} does
   * too. Empty for a kind that names none.
   */
  default List<ReferencedFile> referencedFiles(StepSpec spec) {
    return List.of();
  }

  /**
   * Does the step. Returns normally when the step passed (its measurements are then judged); throws
   * {@link StepFailedException} when the unit failed it, anything else when it could not be done.
   */
  void execute(StepContext context) throws Exception;
}
