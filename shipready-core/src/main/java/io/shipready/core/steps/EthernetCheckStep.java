package io.shipready.core.steps;

import io.shipready.core.model.StepSpec;
import io.shipready.core.spi.Capability;
import io.shipready.core.spi.ConnectionInfo;
import io.shipready.core.spi.Ethernet;
import io.shipready.core.step.StepCategory;
import io.shipready.core.step.StepContext;
import io.shipready.core.step.StepFailedException;
import java.util.List;

/**
 * Checks the Ethernet interface is up. A board-configuration image enables Ethernet only once the
 * device has rebooted, so this step belongs after the sideload of that image and a reboot.
 */
final class EthernetCheckStep extends SimpleStepKind {
  EthernetCheckStep() {
    super(
        "ethernet_check",
        "Check the Ethernet interface is up (after the board configuration and a reboot).",
        StepCategory.CHECK,
        false);
  }

  @Override
  public List<Class<? extends Capability>> requiredCapabilities(StepSpec spec) {
    return List.of(Ethernet.class);
  }

  @Override
  public void execute(StepContext context) throws InterruptedException {
    boolean up = context.device().require(Ethernet.class).linkUp();
    context.attribute("ethernet.link", up ? "up" : "down");
    context
        .device()
        .capability(ConnectionInfo.class)
        .ifPresent(info -> context.attribute("device.ip_address", info.ipAddress()));
    if (!up) {
      throw new StepFailedException(
          "Ethernet is down; load the board-configuration image that enables it, then reboot");
    }
  }
}
