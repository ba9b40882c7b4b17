package io.shipready.device.tools.azsphere;

import io.shipready.core.device.ManufacturingState;
import io.shipready.core.device.OperationRefusedException;
import io.shipready.core.spi.ManufacturingStates;
import io.shipready.device.tools.ToolOutputException;
import io.shipready.device.tools.ToolResult;
import java.util.List;
import java.util.Map;

/**
 * The chip's manufacturing state through {@code azsphere device manufacturing-state show / update}.
 * A state change is permanent, so the driver refuses a step backwards before asking the chip, and
 * reads the state again afterwards to confirm the chip took it.
 */
final class AzsphereManufacturing implements ManufacturingStates {
  private final AzsphereCli cli;
  private final String target;

  AzsphereManufacturing(AzsphereCli cli, String target) {
    this.cli = cli;
    this.target = target;
  }

  @Override
  public ManufacturingState current() throws InterruptedException {
    ToolResult result =
        cli.query(target, cli.settings().command(), List.of("manufacturing-state", "show"));
    String state = AzsphereOutput.value(result, "ManufacturingState");
    try {
      return ManufacturingState.parse(state);
    } catch (IllegalArgumentException unknown) {
      throw new ToolOutputException(
          result, "Blank, Module1Complete or DeviceComplete, not '" + state + "'");
    }
  }

  @Override
  public void advanceTo(ManufacturingState target) throws InterruptedException {
    ManufacturingState now = current();
    if (target.ordinal() <= now.ordinal()) {
      throw new OperationRefusedException(
          "device at "
              + this.target
              + " is "
              + now.displayName()
              + "; it cannot move to "
              + target.displayName()
              + " (manufacturing states only move forward)");
    }
    cli.device(
        this.target,
        cli.settings().command(),
        List.of("manufacturing-state", "update", "--state", target.displayName()));
    ManufacturingState after = current();
    if (after != target) {
      throw new OperationRefusedException(
          "device at "
              + this.target
              + " reports "
              + after.displayName()
              + " after the update to "
              + target.displayName());
    }
  }

  @Override
  public List<String> installedCapabilities() throws InterruptedException {
    ToolResult result =
        cli.query(target, cli.settings().command(), List.of("capability", "show-attached"));
    // One row a capability (table), or one record listing them all (JSON); the classic layout
    // prints each as "--> <capability>".
    List<String> capabilities = new java.util.ArrayList<>();
    for (Map<String, String> row : AzsphereOutput.rows(result, List.of())) {
      String listed = AzsphereOutput.field(row, "DeviceCapabilities");
      if (listed == null) {
        listed = AzsphereOutput.field(row, "Name");
      }
      if (listed == null) {
        throw new ToolOutputException(
            result, "DeviceCapabilities in JSON or a table, or '--> <capability>' lines");
      }
      for (String capability : listed.split(",")) {
        if (!capability.isBlank()) {
          capabilities.add(capability.strip());
        }
      }
    }
    return capabilities;
  }
}
