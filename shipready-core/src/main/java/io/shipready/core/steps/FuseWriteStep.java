package io.shipready.core.steps;

import io.shipready.core.model.StepSpec;
import io.shipready.core.spi.Capability;
import io.shipready.core.spi.Fuses;
import io.shipready.core.step.ParamSpec;
import io.shipready.core.step.ParamType;
import io.shipready.core.step.StepCategory;
import io.shipready.core.step.StepContext;
import io.shipready.core.step.StepFailedException;
import java.util.Arrays;
import java.util.List;

/**
 * Burns bytes into e-fuses (for example the Wi-Fi region code at 0x36). Write-once: when the fuses
 * already hold exactly these bytes (a retest) the step passes without writing; any other content is
 * left alone and the step fails.
 */
final class FuseWriteStep extends SimpleStepKind {
  FuseWriteStep() {
    super(
        "efuse",
        "Burn bytes into write-once e-fuses (e.g. the region code). Irreversible.",
        StepCategory.IRREVERSIBLE,
        false,
        ParamSpec.required("offset", ParamType.INTEGER, "first e-fuse byte, e.g. 0x36 = 54"),
        ParamSpec.optional("text", ParamType.STRING, "ASCII bytes to write, e.g. DE"),
        ParamSpec.optional("hex", ParamType.STRING, "bytes to write as hex, e.g. 4445"),
        ParamSpec.optional(
            "text_from",
            ParamType.STRING,
            "ASCII bytes from a station configuration field, e.g. station.extra.regionCode"),
        ParamSpec.optional(
            FuseBytes.TEXT_PATTERN,
            ParamType.STRING,
            "regular expression the text must match whole, checked before the first unit,"
                + " e.g. '[A-Z]{2}' for a region code (which refuses \"00\", the world set)"));
  }

  @Override
  public List<Class<? extends Capability>> requiredCapabilities(StepSpec spec) {
    return List.of(Fuses.class);
  }

  @Override
  public void execute(StepContext context) throws InterruptedException {
    Fuses fuses = context.device().require(Fuses.class);
    int offset = (int) context.integer("offset", 0);
    byte[] wanted = FuseBytes.of(context);
    byte[] present = fuses.read(offset, wanted.length);
    if (Arrays.equals(present, wanted)) {
      context.log("e-fuses at " + offset + " already hold " + FuseBytes.hex(wanted));
      return;
    }
    if (!Arrays.equals(present, new byte[wanted.length])) {
      throw new StepFailedException(
          "e-fuses at offset "
              + offset
              + " already hold "
              + FuseBytes.hex(present)
              + "; cannot write "
              + FuseBytes.hex(wanted));
    }
    fuses.write(offset, wanted);
    byte[] after = fuses.read(offset, wanted.length);
    if (!Arrays.equals(after, wanted)) {
      throw new StepFailedException(
          "e-fuses at offset " + offset + " read " + FuseBytes.hex(after) + " after writing");
    }
    context.attribute("efuse." + offset, FuseBytes.hex(after));
  }
}
