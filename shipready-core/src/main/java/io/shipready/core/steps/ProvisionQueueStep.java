package io.shipready.core.steps;

import io.shipready.core.model.Identifier;
import io.shipready.core.model.QueuedRow;
import io.shipready.core.model.StepSpec;
import io.shipready.core.spi.Capability;
import io.shipready.core.step.ParamSpec;
import io.shipready.core.step.ParamType;
import io.shipready.core.step.StepCategory;
import io.shipready.core.step.StepContext;
import io.shipready.core.step.StepFailedException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Queues the unit for cloud provisioning by the back office: appends its row (device id, serial,
 * ICCID, product, group, name, claim, SIM activation) to the station's provisioning queue file.
 * Import, SIM activation, group, name and claim happen later in the cloud, often in bulk, so the
 * station never waits for them (a SIM can take up to an hour to activate).
 *
 * <p>It is the recipe's finalization step: once the row is written the back office acts on it (it
 * is written only once the run's PASS is stored), so the recipe check makes it the last step,
 * waiting for every other, and the run skips it when any step before it did not pass. A failed unit
 * is never queued.
 */
final class ProvisionQueueStep extends SimpleStepKind {
  /** The built-in file the station's outputs write the queue to. */
  static final String FILE = "provisioning_queue";

  ProvisionQueueStep() {
    super(
        "provision_queue",
        "Queue the unit for cloud provisioning (import, SIM, group, name, claim) by the back"
            + " office.",
        StepCategory.FINALIZATION,
        false,
        ParamSpec.required(
            "product", ParamType.STRING, "the cloud product the unit is imported into, e.g. 12345"),
        ParamSpec.optional(
            "group",
            ParamType.STRING,
            "the device group, a pattern of {date} (YYYYMMDD, station time zone), {station} (its"
                + " id) and unit fields such as {serial}; default {date}_{station}"),
        ParamSpec.optional(
            "name_from",
            ParamType.STRING,
            "the identifier the unit is named after in the cloud (default serial)"),
        ParamSpec.optional(
            "claim",
            ParamType.BOOLEAN,
            "claim the unit to the product's owner account (default true)"),
        ParamSpec.optional(
            "activate_sim",
            ParamType.BOOLEAN,
            "activate the unit's SIM when importing it (default true; false for SIMs activated in"
                + " bulk beforehand)"));
  }

  /** Queues the unit for the back office; the unit is not asked for anything. */
  @Override
  public List<Class<? extends Capability>> requiredCapabilities(StepSpec spec) {
    return List.of();
  }

  @Override
  public void execute(StepContext context) {
    String product = context.string("product").strip();
    if (product.isEmpty()) {
      throw new StepFailedException(
          "step " + context.spec().id() + " names no product; give product: <id or slug>");
    }
    String nameFrom = context.string("name_from", Identifier.SERIAL);
    String name =
        context.identifiers().stream()
            .filter(id -> id.kind().equals(nameFrom))
            .map(Identifier::value)
            .filter(v -> !v.isBlank())
            .findFirst()
            .or(() -> Optional.ofNullable(context.runAttributes().get(nameFrom)))
            .orElseThrow(
                () ->
                    new StepFailedException(
                        "the unit has no "
                            + nameFrom
                            + " to name it after; scan or identify it before "
                            + context.spec().id()
                            + ", or set name_from to an identifier it has"));
    Map<String, String> values = new LinkedHashMap<>();
    values.put("product", product);
    values.put("group", context.string("group", "{date}_{station}"));
    values.put("name", name);
    values.put("claim", Boolean.toString(context.flag("claim", true)));
    values.put("activate_sim", Boolean.toString(context.flag("activate_sim", true)));
    QueuedRow row = context.outputs().queueRow(context.runId(), context.spec().id(), FILE, values);
    context.log(row.describe());
  }
}
