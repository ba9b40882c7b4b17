package io.shipready.core.steps;

import io.shipready.core.model.Identifier;
import io.shipready.core.model.StepSpec;
import io.shipready.core.spi.Capability;
import io.shipready.core.spi.ConnectionInfo;
import io.shipready.core.spi.Identity;
import io.shipready.core.step.StepCategory;
import io.shipready.core.step.StepContext;
import io.shipready.core.step.StepFailedException;
import java.util.List;

/**
 * The attached device's details, as a station with many devices needs them: the device id (the
 * silicon maker's, needed later for the cloud), the IP address (may change after a reboot) and the
 * connection path (the USB location, which survives one). All three go into the record, so every
 * later command on the unit can be traced to the slot it was given.
 */
final class DeviceDetailsStep extends SimpleStepKind {
  DeviceDetailsStep() {
    super(
        "device_details",
        "Record the attached device's id, IP address and connection path.",
        StepCategory.IDENTIFICATION,
        false);
  }

  @Override
  public List<Class<? extends Capability>> requiredCapabilities(StepSpec spec) {
    return List.of(ConnectionInfo.class, Identity.class);
  }

  @Override
  public void execute(StepContext context) throws InterruptedException {
    ConnectionInfo connection = context.device().require(ConnectionInfo.class);
    // The connection belongs to the USB interface, so it is recorded even if the chip is silent.
    context.attribute("device.connection_path", connection.connectionPath());
    context.attribute("device.ip_address", connection.ipAddress());
    List<Identifier> identifiers = context.device().require(Identity.class).identifiers();
    context.identified(identifiers);
    String deviceId =
        identifiers.stream()
            .filter(id -> id.kind().equals(Identifier.DEVICE_ID) && !id.value().isBlank())
            .map(Identifier::value)
            .findFirst()
            .orElseThrow(
                () ->
                    new StepFailedException(
                        "the device at "
                            + connection.connectionPath()
                            + " reported no device id; it may need recovery"));
    context.attribute("device.device_id", deviceId);
  }
}
