package io.shipready.core.steps;

import io.shipready.core.device.FlashFailedException;
import io.shipready.core.model.Identifier;
import io.shipready.core.model.StepSpec;
import io.shipready.core.spi.Capability;
import io.shipready.core.spi.IdentityWriter;
import io.shipready.core.step.ParamSpec;
import io.shipready.core.step.ParamType;
import io.shipready.core.step.StepCategory;
import io.shipready.core.step.StepContext;
import io.shipready.core.step.StepFailedException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes identifiers this run already knows (a scanned serial, a MAC from the identify step) into
 * the unit, reads them back and compares, so the firmware can report the identity the factory gave
 * the unit.
 */
final class WriteIdentityStep extends SimpleStepKind {
  WriteIdentityStep() {
    super(
        "write_identity",
        "Write identifiers of this run (e.g. the scanned serial) into the unit and read them back.",
        StepCategory.ACTION,
        false,
        ParamSpec.required(
            "fields", ParamType.STRING_LIST, "identifier kinds to write, e.g. [serial]"));
  }

  @Override
  public List<Class<? extends Capability>> requiredCapabilities(StepSpec spec) {
    return List.of(IdentityWriter.class);
  }

  @Override
  public void execute(StepContext context) throws InterruptedException {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String kind : context.strings("fields")) {
      String value =
          context.identifiers().stream()
              .filter(id -> id.kind().equals(kind))
              .map(Identifier::value)
              .reduce((first, later) -> later)
              .orElseThrow(
                  () ->
                      new StepFailedException(
                          "no "
                              + kind
                              + " is known for this unit yet; scan or identify it before"
                              + " writing its identity"));
      fields.put(kind, value);
    }
    IdentityWriter writer = context.device().require(IdentityWriter.class);
    writer.writeIdentity(fields);
    Map<String, String> readBack = writer.readIdentity();
    if (!readBack.equals(fields)) {
      throw new FlashFailedException(
          "the unit's identity reads back as " + readBack + " after writing " + fields);
    }
    fields.forEach((kind, value) -> context.attribute("identity." + kind, value));
  }
}
