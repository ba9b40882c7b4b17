package io.shipready.core.device;

import io.shipready.core.ShipreadyException;

/**
 * A device could not do what a step asked. {@link #unitFault()} tells the engine whether this says
 * something about the unit (the step FAILs: it refused a rule, failed verification) or only about
 * the link to it (the step is an ERROR: it stopped answering, it was unplugged).
 */
public class DeviceException extends ShipreadyException {
  private final boolean unitFault;

  public DeviceException(String message, boolean unitFault) {
    super(message);
    this.unitFault = unitFault;
  }

  public DeviceException(String message, boolean unitFault, Throwable cause) {
    super(message, cause);
    this.unitFault = unitFault;
  }

  public boolean unitFault() {
    return unitFault;
  }
}
