package io.shipready.core.steps;

import io.shipready.core.device.ManufacturingState;
import io.shipready.core.model.StepSpec;
import io.shipready.core.spi.Capability;
import io.shipready.core.spi.ImageStore;
import io.shipready.core.spi.ManufacturingStates;
import io.shipready.core.spi.Recovery;
import io.shipready.core.spi.Wifi;
import io.shipready.core.step.ParamSpec;
import io.shipready.core.step.ParamType;
import io.shipready.core.step.ReferencedFile;
import io.shipready.core.step.StepCategory;
import io.shipready.core.step.StepContext;
import io.shipready.core.step.StepFailedException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs the ready-to-ship checks and records each verdict; any FAIL fails the step. Finalization
 * (DeviceComplete) may only follow this step.
 */
final class ReadyToShipStep extends SimpleStepKind {
  ReadyToShipStep() {
    super(
        "ready_to_ship",
        "Ready-to-ship checks: state, capabilities, OS version, application images, Wi-Fi.",
        StepCategory.CHECK,
        false,
        ParamSpec.oneOf(
            "expected_state",
            true,
            "the state the device must be in now (before finalizing: its current state)",
            List.of("Blank", "Module1Complete", "DeviceComplete")),
        ParamSpec.required(
            "os_versions",
            ParamType.STRING,
            "the vendor's OS list (mt3620an.json, as download_os_list.py writes it)"),
        ParamSpec.required("allowed_os", ParamType.STRING_LIST, "OS versions allowed to ship"),
        ParamSpec.required(
            "images", ParamType.STRING_LIST, "application image ids that must be installed"),
        ParamSpec.optional(
            "forbidden_components",
            ParamType.STRING_LIST,
            "OS component image ids that must be gone (the RF test server)"));
  }

  /**
   * A unit that is in DeviceComplete, as expected, answers only its manufacturing state (the other
   * checks are skipped), so an audit of finished units needs nothing more.
   */
  @Override
  public List<Class<? extends Capability>> requiredCapabilities(StepSpec spec) {
    if ("DeviceComplete".equals(spec.params().get("expected_state"))) {
      return List.of(ManufacturingStates.class);
    }
    return List.of(ManufacturingStates.class, Recovery.class, ImageStore.class, Wifi.class);
  }

  @Override
  public List<ReferencedFile> referencedFiles(StepSpec spec) {
    return texts(spec, "os_versions").stream()
        .map(list -> ReferencedFile.file("os_versions", "OS version list", list))
        .toList();
  }

  @Override
  public void execute(StepContext context) throws InterruptedException {
    var expectations =
        new ReadyToShip.Expectations(
            ManufacturingState.parse(context.string("expected_state")),
            osVersions(context.recipeDirectory().resolve(context.string("os_versions"))),
            context.strings("allowed_os"),
            context.strings("images"),
            context.strings("forbidden_components"));
    List<ReadyToShip.Check> checks = ReadyToShip.run(context.device(), expectations);
    for (ReadyToShip.Check check : checks) {
      context.attribute("ready_to_ship." + check.name().replace(' ', '_'), check.toString());
    }
    List<ReadyToShip.Check> failed =
        checks.stream().filter(c -> c.verdict() == ReadyToShip.Verdict.FAIL).toList();
    if (!failed.isEmpty()) {
      throw new StepFailedException(
          failed.stream().map(Object::toString).collect(Collectors.joining("; ")));
    }
  }

  /** The vendor's OS version list: each OS version and its component image ids. */
  static Map<String, List<String>> osVersions(Path file) {
    return OsVersionList.read(file);
  }
}
