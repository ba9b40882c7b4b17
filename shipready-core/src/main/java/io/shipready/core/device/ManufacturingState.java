package io.shipready.core.device;

/** Where a device is in its manufacturing, one way only. */
public enum ManufacturingState {
  /** Fresh from the chip maker: RF test mode and e-fuse writes allowed. */
  BLANK("Blank"),
  /** The module is built: RF settings locked. */
  MODULE1_COMPLETE("Module1Complete"),
  /** Ready to ship: software loading locked without a device capability. Permanent. */
  DEVICE_COMPLETE("DeviceComplete");

  private final String displayName;

  ManufacturingState(String displayName) {
    this.displayName = displayName;
  }

  public String displayName() {
    return displayName;
  }

  /** Parses the vendor's name (DeviceComplete) or the enum's (DEVICE_COMPLETE), any case. */
  public static ManufacturingState parse(String text) {
    for (ManufacturingState state : values()) {
      if (state.displayName.equalsIgnoreCase(text) || state.name().equalsIgnoreCase(text)) {
        return state;
      }
    }
    throw new IllegalArgumentException(
        "unknown manufacturing state '" + text + "'; use Blank, Module1Complete or DeviceComplete");
  }

  /** RF test mode and e-fuse writes are allowed only before the module is complete. */
  public boolean allowsRfTestMode() {
    return this == BLANK;
  }

  /** Software can be loaded or deleted without a capability until the device is complete. */
  public boolean allowsSoftwareChanges() {
    return this != DEVICE_COMPLETE;
  }
}
