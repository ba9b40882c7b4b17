package io.shipready.core.steps;

import io.shipready.core.model.Identifier;
import io.shipready.core.model.StepSpec;
import io.shipready.core.spi.Capability;
import io.shipready.core.spi.Identity;
import io.shipready.core.step.ParamSpec;
import io.shipready.core.step.ParamType;
import io.shipready.core.step.StepCategory;
import io.shipready.core.step.StepContext;
import io.shipready.core.step.StepFailedException;
import java.util.List;
import java.util.Map;

/**
 * Asks the device who it is. Identifiers go to the record; versions become attributes. Measurements
 * may judge any identifier or version by naming it as their source (e.g. system_firmware).
 */
final class IdentifyStep extends SimpleStepKind {
  IdentifyStep() {
    super(
        "identify",
        "Read the unit's identifiers (device id, IMEI, ICCID, MAC...) and firmware versions.",
        StepCategory.IDENTIFICATION,
        true,
        ParamSpec.optional(
            "require",
            ParamType.STRING_LIST,
            "identifier kinds the device must report, e.g. [device_id, imei]"),
        ParamSpec.optional(
            "match",
            ParamType.STRING_LIST,
            "identifier kinds that must equal what an earlier scan read (the label), e.g."
                + " [device_id, association_id]"));
  }

  @Override
  public List<Class<? extends Capability>> requiredCapabilities(StepSpec spec) {
    return List.of(Identity.class);
  }

  @Override
  public void execute(StepContext context) throws InterruptedException {
    Identity identity = context.device().require(Identity.class);
    List<Identifier> identifiers = identity.identifiers();
    Map<String, String> versions = identity.versions();
    List<String> mismatches = mismatches(context, identifiers);
    if (!mismatches.isEmpty()) {
      // The run belongs to the label scanned; what the firmware said is kept beside it, so the
      // label's unit is not merged with the unit that answered.
      identifiers.forEach(id -> context.attribute("firmware." + id.kind(), id.value()));
      throw new StepFailedException(
          "the label does not belong to this unit: "
              + String.join("; ", mismatches)
              + "; put the unit's own label on it (or reprint it) and test it again");
    }
    // Kept even when one is missing, so the failed run can still be traced to the unit.
    context.identified(identifiers);
    for (String kind : context.strings("require")) {
      if (identifiers.stream().noneMatch(id -> id.kind().equals(kind) && !id.value().isBlank())) {
        throw new StepFailedException("the device reported no " + kind);
      }
    }
    versions.forEach((name, version) -> context.attribute("version." + name, version));
    judge(context, identifiers, versions);
  }

  /** What the label (an earlier scan) says that the firmware contradicts. */
  private static List<String> mismatches(StepContext context, List<Identifier> reported) {
    List<String> found = new java.util.ArrayList<>();
    for (String kind : context.strings("match")) {
      String scanned =
          context.identifiers().stream()
              .filter(id -> id.kind().equals(kind))
              .map(Identifier::value)
              .findFirst()
              .orElseThrow(
                  () ->
                      new StepFailedException(
                          "nothing scanned earlier gave a "
                              + kind
                              + " to match; scan the unit's label before this step"));
      String fromDevice =
          reported.stream()
              .filter(id -> id.kind().equals(kind))
              .map(Identifier::value)
              .findFirst()
              .orElse("");
      if (!scanned.equalsIgnoreCase(fromDevice)) {
        found.add(
            "label says "
                + kind
                + " "
                + scanned
                + ", the firmware reports "
                + (fromDevice.isEmpty() ? "none" : fromDevice));
      }
    }
    return found;
  }

  private static void judge(
      StepContext context, List<Identifier> identifiers, Map<String, String> versions) {
    context
        .spec()
        .measurements()
        .forEach(
            m -> {
              String value =
                  identifiers.stream()
                      .filter(id -> id.kind().equals(m.source()))
                      .map(Identifier::value)
                      .findFirst()
                      .orElse(versions.get(m.source()));
              if (value != null) {
                context.measure(m.name(), value);
              }
            });
  }
}
