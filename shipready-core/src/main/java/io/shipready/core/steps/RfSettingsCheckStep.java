package io.shipready.core.steps;

import io.shipready.core.model.Identifier;
import io.shipready.core.model.StepSpec;
import io.shipready.core.spi.Capability;
import io.shipready.core.spi.Fuses;
import io.shipready.core.spi.Identity;
import io.shipready.core.step.ParamSpec;
import io.shipready.core.step.ParamType;
import io.shipready.core.step.ReferencedFile;
import io.shipready.core.step.StepCategory;
import io.shipready.core.step.StepContext;
import io.shipready.core.step.StepFailedException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Verifies the unit's RF settings, as the vendor's RF settings tool does: every range of an
 * expected e-fuse image (region code, target transmit power...) must read back exactly, and the
 * unit must report a usable Wi-Fi MAC address. Every range read is recorded, matching or not.
 */
final class RfSettingsCheckStep extends SimpleStepKind {
  private static final Pattern MAC = Pattern.compile("([0-9A-Fa-f]{2}:){5}[0-9A-Fa-f]{2}");

  RfSettingsCheckStep() {
    super(
        "rf_settings_check",
        "Verify RF settings in e-fuses against an expected e-fuse image, and the Wi-Fi MAC.",
        StepCategory.CHECK,
        false,
        ParamSpec.required(
            "expected",
            ParamType.STRING,
            "expected e-fuse image, relative to the recipe: lines '<offset> <hex or station field> #"
                + " setting'"),
        ParamSpec.optional(
            "wifi_mac", ParamType.BOOLEAN, "require a valid Wi-Fi MAC address (default true)"));
  }

  /** The Wi-Fi MAC comes from the unit's identity unless {@code wifi_mac} is false. */
  @Override
  public List<Class<? extends Capability>> requiredCapabilities(StepSpec spec) {
    return Boolean.FALSE.equals(spec.params().get("wifi_mac"))
        ? List.of(Fuses.class)
        : List.of(Fuses.class, Identity.class);
  }

  @Override
  public List<ReferencedFile> referencedFiles(StepSpec spec) {
    return texts(spec, "expected").stream()
        .map(image -> ReferencedFile.file("expected", "expected e-fuse image", image))
        .toList();
  }

  @Override
  public void execute(StepContext context) throws InterruptedException {
    ExpectedFuses expected =
        ExpectedFuses.read(
            context.recipeDirectory().resolve(context.string("expected")),
            context.outputs()::stationField);
    Fuses fuses = context.device().require(Fuses.class);
    List<String> mismatches = new ArrayList<>();
    for (ExpectedFuses.Range range : expected.ranges()) {
      byte[] actual = fuses.read(range.offset(), range.bytes().length);
      context.attribute("rf.efuse." + range.offset(), FuseBytes.hex(actual));
      if (!Arrays.equals(actual, range.bytes())) {
        mismatches.add(
            range.describe()
                + " holds "
                + FuseBytes.hex(actual)
                + ", expected "
                + FuseBytes.hex(range.bytes())
                + " (line "
                + range.line()
                + ")");
      }
    }
    if (context.flag("wifi_mac", true)) {
      String mac =
          context.device().require(Identity.class).identifiers().stream()
              .filter(id -> id.kind().equals(Identifier.WIFI_MAC))
              .map(Identifier::value)
              .findFirst()
              .orElse("");
      context.attribute("rf.wifi_mac", mac);
      if (!MAC.matcher(mac).matches() || mac.equals("00:00:00:00:00:00")) {
        mismatches.add("Wi-Fi MAC '" + mac + "' is not a MAC address");
      } else if ((Integer.parseInt(mac.substring(0, 2), 16) & 1) != 0) {
        mismatches.add("Wi-Fi MAC " + mac + " is a multicast address");
      }
    }
    if (!mismatches.isEmpty()) {
      throw new StepFailedException(
          "RF settings differ from " + expected.file().getFileName() + ": " + mismatches);
    }
  }
}
